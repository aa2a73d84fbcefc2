"""The feeds meet the W3C Feed Validator's rules (encoded offline in feedrules.py) as well as
feedparser's: languages, self links, guids, unique entry times, text that stays text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import feedparser
import httpx
import pytest
from feedrules import ATOM, XML_LANG, findings
from lxml import etree
from test_site_feeds import feed_paths
from test_site_render import CONFIG, NOW, item

from newswire.model import Text
from newswire.samples import load_samples
from newswire.site import feeds
from newswire.site.config import SiteConfig
from newswire.site.story import PublicStory, partial

from conftest import LiveServer
from sitekit import publish, story_doc

Render = Callable[[SiteConfig, feeds.FeedInfo, list[PublicStory], datetime], bytes]
SITE_WIDE = feeds.FeedInfo("Newswire", "News from the wire", "https://news.example/", "https://news.example/rss.xml",
                           None)


def story(n: int, *, at: datetime = NOW, lang: str = "en", headline: str | None = None,
          uri: str | None = None, **changes: object) -> PublicStory:
    return partial(item(uri=uri or f"urn:newswire:unit:{n}", version_created=at, first_created=at, language=lang,
                        headlines=(Text(headline or f"Harbour story {n}", "main"),), **changes))


def mixed_stories() -> list[PublicStory]:
    """Newest first, as the site lists them: markup and ampersands in text, three versions
    filed in the same second, a URI that is no URI, a second language."""
    same = NOW.replace(microsecond=250_000)
    return [
        story(1, at=NOW + timedelta(minutes=5), headline="Port <b>reopens</b> & AT&T's <script>x</script>"),
        story(2, at=same + timedelta(microseconds=500_000), lang="ar", headline="عاجل: افتتاح ميناء"),
        story(3, at=same + timedelta(microseconds=100), headline="Tom &amp; Jerry &lt;3 — Q&A"),
        story(4, at=same, uri="wire story #4 (no URI at all)"),
        story(5, at=NOW - timedelta(hours=1), uri="URN:NewsWire:Unit:5"),
    ]


@pytest.mark.parametrize("render", [feeds.rss, feeds.atom], ids=["rss", "atom"])
def test_a_site_wide_feed_gives_the_validator_nothing_to_say(render: Render) -> None:
    info = SITE_WIDE if render is feeds.rss else replace(SITE_WIDE, self_url="https://news.example/atom.xml")
    raw = render(CONFIG, info, mixed_stories(), NOW)
    assert findings(raw, info.self_url) == []
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0


@pytest.mark.parametrize("render", [feeds.rss, feeds.atom], ids=["rss", "atom"])
def test_a_language_feed_gives_the_validator_nothing_to_say(render: Render) -> None:
    self_url = f"https://news.example/en/{'rss' if render is feeds.rss else 'atom'}.xml"
    info = feeds.FeedInfo("Newswire — English", "News & more", "https://news.example/en/", self_url, "en")
    stories = [s for s in mixed_stories() if s.language == "en"]
    assert findings(render(CONFIG, info, stories, NOW), self_url) == []


def test_the_site_wide_feed_names_the_sites_language() -> None:
    """The channel's own text (title, description) is in the site's default language, so that
    is its language; every item and entry still names its own."""
    rss = feedparser.parse(feeds.rss(CONFIG, SITE_WIDE, mixed_stories(), NOW))
    assert rss.feed.language == "en"
    assert [e.get("language") for e in rss.entries] == ["en", "ar", "en", "en", "en"]
    arabic_site = SiteConfig(base_url="https://news.example", languages=("ar",))
    assert feedparser.parse(feeds.rss(arabic_site, SITE_WIDE, [], NOW)).feed.language == "ar"
    root = etree.fromstring(feeds.atom(CONFIG, SITE_WIDE, mixed_stories(), NOW))
    assert root.get(XML_LANG) == "en"
    assert [e.get(XML_LANG) for e in root.iter(f"{ATOM}entry")] == ["en", "ar", "en", "en", "en"]
    atom = feedparser.parse(feeds.atom(CONFIG, SITE_WIDE, mixed_stories(), NOW))
    assert [e.title_detail.language for e in atom.entries] == ["en", "ar", "en", "en", "en"]


def test_entry_times_are_unique_in_a_feed_and_stable_across_renders() -> None:
    """Atom ``updated`` is the version's time to the second; entries of one feed that would
    share a second are told apart by milliseconds, the earliest version keeping the second."""
    stories = mixed_stories()
    times = feeds.entry_times(stories)
    assert times["urn:newswire:unit:1"] == "2026-11-24T14:10:00Z"
    assert times["wire story #4 (no URI at all)"] == "2026-11-24T14:05:00Z"
    assert times["urn:newswire:unit:3"] == "2026-11-24T14:05:00.001Z"
    assert times["urn:newswire:unit:2"] == "2026-11-24T14:05:00.002Z"
    assert len(set(times.values())) == len(stories)
    newer = story(9, at=NOW + timedelta(minutes=9))
    assert {k: v for k, v in feeds.entry_times([newer, *stories]).items() if k != newer.uri} == times
    root = etree.fromstring(feeds.atom(CONFIG, SITE_WIDE, stories, NOW))
    assert [e.findtext(f"{ATOM}updated") for e in root.iter(f"{ATOM}entry")] == [times[s.uri] for s in stories]
    assert root.findtext(f"{ATOM}updated") == "2026-11-24T14:10:00Z"


def test_guids_are_the_wire_uri_when_it_is_one_else_the_permalink() -> None:
    rss = etree.fromstring(feeds.rss(CONFIG, SITE_WIDE, mixed_stories(), NOW))
    guids = [(g.text, g.get("isPermaLink")) for g in rss.iter("guid")]
    assert guids[0] == ("urn:newswire:unit:1", "false")
    assert guids[3] == ("https://news.example/en/story/wire%20story%20%234%20(no%20URI%20at%20all)", "true")
    assert guids[4] == ("https://news.example/en/story/URN:NewsWire:Unit:5", "true")  # not canonical
    atom = etree.fromstring(feeds.atom(CONFIG, SITE_WIDE, mixed_stories(), NOW))
    ids = [e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")]
    assert ids[0] == "urn:newswire:unit:1" and ids[3] == guids[3][0]


def test_text_in_feeds_is_encoded_as_the_rss_profile_asks() -> None:
    """``&`` and ``<`` of text go out as hexadecimal character references (RSS Best Practices
    Profile), so the validator knows an entity in a title is meant as text."""
    raw = feeds.rss(CONFIG, SITE_WIDE, mixed_stories(), NOW)
    assert b"&amp;" not in raw and b"&lt;" not in raw and b"&#x26;" in raw
    first = feedparser.parse(raw).entries[0]
    assert "<b>" not in first.title or first.title_detail.type == "text/plain"


# -- over HTTP: every feed of the sample site --------------------------------------------------

@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def test_every_sample_feed_gives_the_validator_nothing_to_say(live: LiveServer, client: httpx.Client) -> None:
    load_samples(live.wire)
    for path in feed_paths():
        resp = client.get(path)
        assert resp.status_code == 200, path
        assert findings(resp.content, "http://127.0.0.1:8000" + path) == [], path
        assert feedparser.parse(resp.content).bozo == 0, path


def test_items_filed_in_the_same_second_keep_distinct_entry_times(live: LiveServer, client: httpx.Client) -> None:
    when = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    for n in range(3):
        publish(live.wire, story_doc("en", headline=f"Same second {n}"), now=when)
    raw = client.get("/en/atom.xml").content
    assert findings(raw, "http://127.0.0.1:8000/en/atom.xml") == []
    updated = [e.findtext(f"{ATOM}updated") for e in etree.fromstring(raw).iter(f"{ATOM}entry")]
    assert len(set(updated)) == 3

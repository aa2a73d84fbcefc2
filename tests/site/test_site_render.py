"""Pure parts of the site: the partial representation, visibility, keys, words, rendering,
feeds and the cache. No database, no server."""

from __future__ import annotations

import dataclasses
import html
import json
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.enrich.summary import summarize_text
from newswire.model import Association, Concept, Item, Rendition, Text
from newswire.routing import public_product
from newswire.site import feeds, i18n, urls
from newswire.site.cache import PageCache, Rendered, not_modified
from newswire.site.config import SiteConfig
from newswire.site.render import Renderer, chrome, json_ld, news_article, story_head
from newswire.site.story import (
    LEDE_MAX_CHARS,
    PublicStory,
    lede,
    partial,
    story_key,
    uri_from_key,
    visible,
    was_shown,
)
from newswire.store.items import Event
from newswire.vocab import mediatopics

NOW = datetime(2026, 11, 24, 14, 5, tzinfo=UTC)
CONFIG = SiteConfig(base_url="https://news.example")


def item(**changes: object) -> Item:
    base = Item(
        uri="urn:newswire:unit:1", version=1, version_created=NOW, first_created=NOW, language="en",
        headlines=(Text("Harbour reopens", "main"),),
        descriptions=(Text("Ships return after the storm.", "standfirst"),),
        bodies=(Text("<p>First paragraph says what happened.</p><p>Second paragraph secret.</p>"
                     "<p>Third paragraph closes the story.</p>", "main", "text/html"),),
        subjects=(Concept(uri=mediatopics.MEDIATOPIC_URI + "20000344"),),
        people=(Concept(name="Ana Lindqvist"),), places=(Concept(name="Zürich"),),
        located="Hamburg", public=True,
    )
    return base.evolve(**changes)


def event(seq: int, type: str, at: datetime, *, embargoed: bool = False) -> Event:
    return Event(seq, type, "urn:newswire:unit:1", seq, at, True, embargoed)


# -- the partial representation ------------------------------------------------------------

def test_partial_has_no_body_and_prefers_the_machine_summary() -> None:
    names = {f.name for f in dataclasses.fields(PublicStory)}
    assert not names & {"body", "bodies", "body_html", "body_text"}
    shown = partial(item())
    assert shown.summary == "First paragraph says what happened." and shown.summary_is_lede
    summarized = partial(item(descriptions=(Text("Ships return.", "standfirst"), Text("Machine.", "summary"))))
    assert summarized.summary == "Machine." and not summarized.summary_is_lede
    assert shown.sections == ("medtop:04000000",) and shown.topics == ("medtop:20000344",)
    assert [t.key for t in shown.places] == ["zurich"] and shown.people[0].name == "Ana Lindqvist"


# Body sentences for the summary rule: each names a distinct number word, so the sentences a
# shown summary reproduces can be counted.
_SUBJECTS = ("The port authority", "Ferry operators", "The city council", "Local residents", "Dock workers")
_ACTS = ("approved a plan for berth", "reported delays at pier", "inspected the cranes at terminal")


def _sentence(n: int) -> str:
    return f"{_SUBJECTS[n % len(_SUBJECTS)]} {_ACTS[n % len(_ACTS)]} number{n} on Monday morning."


def _shown_sentences(summary: str, sentences: list[str]) -> int:
    words = set(summary.split())
    return sum(1 for s in sentences if s.split()[-4] in words)


@settings(max_examples=200, deadline=None)
@given(count=st.integers(1, 12), per_paragraph=st.integers(1, 4), data=st.data())
def test_the_site_never_shows_more_than_a_third_of_the_body(count: int, per_paragraph: int,
                                                             data: st.DataObject) -> None:
    """Whatever summary is stored (none, the machine's, an editor's or an old one that copies
    the body), the site shows at most a third of the body's sentences, never all but one,
    and nothing of a body of one or two sentences."""
    sentences = [_sentence(n) for n in range(count)]
    paragraphs = [" ".join(sentences[i:i + per_paragraph]) for i in range(0, count, per_paragraph)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    kept = data.draw(st.lists(st.sampled_from(sentences), unique=True), label="copied sentences")
    stored = data.draw(st.sampled_from([
        None,  # the lede
        " ".join(sentences),  # an old summary: the whole body
        " ".join(sentences[:-1]),  # all but one
        " ".join(s for s in sentences if s in kept),  # any choice of sentences, in order
        summarize_text("\n".join(paragraphs), "en", "Harbour reopens"),  # today's machine summary
    ]), label="stored summary")
    descriptions: tuple[Text, ...] = (Text("Ships return after the storm.", "standfirst"),)
    if stored:
        descriptions += (Text(stored, "summary"),)
    shown = partial(item(bodies=(Text(body, "main", "text/html"),), descriptions=descriptions))
    assert _shown_sentences(shown.summary, sentences) <= count // 3
    if count <= 2:
        assert shown.summary == "" and shown.description == "Ships return after the storm."
    else:
        assert _shown_sentences(shown.summary, sentences) < count - 1
    for surface in (shown.description, feeds.entry_text(shown), news_article(CONFIG, shown)["description"]):
        assert _shown_sentences(surface, sentences) <= count // 3


def test_an_editors_own_summary_stays_when_it_does_not_copy_the_body() -> None:
    own = "Harbour traffic resumes after a week of storms."
    shown = partial(item(descriptions=(Text(own, "summary"),)))
    assert shown.summary == own and not shown.summary_is_lede


def test_the_lede_skips_a_dateline_paragraph_and_stops_at_a_sentence() -> None:
    long = " ".join(f"Sentence number {n} tells a little more of the story." for n in range(30))
    text = lede(item(bodies=(Text(f"<p>HAMBURG</p><p>{long}</p><p>Other.</p>", "main", "text/html"),)))
    assert text.startswith("Sentence number 0") and text.endswith(".")
    assert len(text) <= LEDE_MAX_CHARS and "Other" not in text


def test_the_lead_picture_is_the_wire_pictures_preview_never_a_remote_url() -> None:
    remote = Association(uri="https://img.example/a.jpg#assoc", type="picture", headline="Remote", renditions=(
        Rendition("https://img.example/preview.jpg", "preview", width=800),))
    assert partial(item(associations=(remote,))).picture is None  # never hot-linked
    own = Association(uri="urn:newswire:picture:1", type="picture", headline="Cranes at dawn", renditions=(
        Rendition("https://img.example/preview.jpg", "preview", width=800),))  # posted hrefs are not used
    assert partial(item(associations=(own,))).picture is None  # the site does not show that picture
    picture = Item(uri="urn:newswire:picture:1", version=3, type="picture", public=True,
                   bodies=(Text("<p>Cranes unload a ship at dawn.</p>", content_type="text/html"),),
                   info_sources=(Concept(name="Test Agency/Ana", rel="creditline"),),
                   renditions=(Rendition("https://wire.example/v1/media/x/3/original", "original", width=4000),
                               Rendition("https://wire.example/v1/media/x/3/preview", "preview", "image/jpeg",
                                         1024, 683)))
    shown = partial(item(associations=(remote, own)), {picture.uri: picture})
    assert shown.picture is not None
    assert shown.picture.href == "/picture/urn:newswire:picture:1/3/preview.jpg"  # served by the site
    assert (shown.picture.width, shown.picture.height) == (1024, 683)
    assert shown.picture.caption == "Cranes unload a ship at dawn."
    assert shown.picture.credit == "Test Agency/Ana"
    assert shown.picture.alt == "Cranes at dawn"  # the association's headline, as the picture has none
    without_preview = dataclasses.replace(picture, renditions=picture.renditions[:1])
    assert partial(item(associations=(own,)), {picture.uri: without_preview}).picture is None


# -- visibility through routing --------------------------------------------------------------

def test_visibility_is_the_public_product() -> None:
    product = public_product()
    assert visible(item(), product, NOW)
    assert not visible(item(public=False), product, NOW)
    assert not visible(item(embargoed_until=NOW + timedelta(minutes=1)), product, NOW)
    assert visible(item(embargoed_until=NOW - timedelta(minutes=1)), product, NOW)
    assert not visible(item(pub_status="withheld"), product, NOW)
    assert not visible(item(pub_status="canceled"), product, NOW)
    assert not visible(item(language="tr"), public_product(["en", "fr"]), NOW)
    assert visible(item(language="en-GB"), public_product(["en"]), NOW)


def test_a_kill_is_announced_only_for_stories_the_site_showed() -> None:
    product = public_product()
    shown, private = item(), item(public=False)
    embargoed = item(embargoed_until=NOW + timedelta(hours=1))
    killed = item(pub_status="canceled")
    assert was_shown([(event(1, "published", NOW), shown), (event(2, "killed", NOW), killed)], product, NOW)
    assert not was_shown([(event(1, "published", NOW), private), (event(2, "killed", NOW), killed)], product)
    assert not was_shown([(event(1, "published", NOW, embargoed=True), embargoed),
                          (event(2, "killed", NOW + timedelta(minutes=5)), killed)], product)
    # the embargo ran out (clock) before the kill, even though no lift event was written
    assert was_shown([(event(1, "published", NOW, embargoed=True), embargoed),
                      (event(2, "killed", NOW + timedelta(hours=2)), killed)], product)


@pytest.mark.parametrize("uri", ["urn:newswire:sample:a-b", "https://x.example/a/b?c=d#e", "tag:x,2026:é 1",
                                 "urn:x:%41"])
def test_story_keys_round_trip(uri: str) -> None:
    key = story_key(uri)
    assert "/" not in key and "?" not in key and "#" not in key and " " not in key
    assert uri_from_key(key) == uri


# -- words and dates -----------------------------------------------------------------------

def test_every_language_has_every_interface_string() -> None:
    english = set(i18n.strings("en"))
    for lang in i18n.KNOWN_LANGUAGES:
        assert set(i18n.strings(lang)) == english
    for lang, table in i18n._STRINGS.items():
        assert set(table) == english, (lang, english ^ set(table))
        assert all("{site}" in table[k] for k in ("notice_text",)) and "{q}" in table["results_for"]


def test_dates_name_their_time_zone_in_every_language() -> None:
    when = datetime(2026, 3, 1, 9, 7, tzinfo=UTC)
    assert i18n.format_datetime(when, "en") == "1 March 2026, 09:07 UTC"
    assert i18n.format_datetime(when, "fr") == "1er mars 2026 à 09:07 UTC"
    assert i18n.format_datetime(when, "de") == "1. März 2026, 09:07 Uhr UTC"
    assert i18n.format_datetime(when, "ru") == "1 марта 2026, 09:07 UTC"
    assert i18n.format_datetime(when, "nl") == "2026-03-01 09:07 UTC"
    for lang in i18n.KNOWN_LANGUAGES:
        assert "UTC" in i18n.format_datetime(when, lang)
    assert i18n.text_direction("ar") == "rtl" and i18n.text_direction("en-GB") == "ltr"


def test_every_top_level_topic_is_a_section_with_a_slug_and_names() -> None:
    for code in mediatopics.top_levels():
        slug = i18n.section_slug(code)
        assert i18n.section_code(slug) == code
        for lang in ("en", "tr", "ar", "ru", "fr", "es", "de", "bs", "hr", "pt"):
            assert i18n.section_name(code, lang)
    assert i18n.section_code("nope") is None
    assert urls.topic("en", "medtop:04000000") == "/en/section/business"
    assert urls.topic("en", "medtop:20000344") == "/en/topic/20000344"


# -- rendering -------------------------------------------------------------------------------

def test_rendering_escapes_story_text() -> None:
    nasty = partial(item(headlines=(Text('Ports </script><script>alert("x")</script> & more', "main"),)))
    c = chrome(CONFIG, "en", languages=["en"], sections=["medtop:04000000"], assets={
        "site.css": "/static/site.css", "favicon.svg": "/static/favicon.svg", "ticker.js": "/static/t.js"},
        now=NOW)
    page = Renderer().page("story.html", c, story_head(CONFIG, c, nasty, []), story=nasty,
                           translations=[], related=[])
    assert "<script>alert" not in page
    assert page.count("<script") == 1  # the JSON-LD block only
    ld = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(ld)["headline"].startswith("Ports </script>")


def test_json_ld_marks_the_paywalled_part() -> None:
    doc = news_article(CONFIG, partial(item()))
    assert doc["isAccessibleForFree"] is False
    assert doc["hasPart"]["cssSelector"] == ".paywalled" and doc["hasPart"]["isAccessibleForFree"] is False
    assert doc["mainEntityOfPage"]["@id"] == "https://news.example/en/story/urn:newswire:unit:1"
    assert "</" not in json_ld({"x": "</script>"}) and json.loads(json_ld({"x": "</script>"})) == {"x": "</script>"}


def test_feeds_survive_control_characters_and_parse_cleanly() -> None:
    odd = partial(item(headlines=(Text("Tab\there \x0b vertical\x00 nul", "main"),)))
    info = feeds.FeedInfo("Newswire", "desc", "https://news.example/", "https://news.example/rss.xml", "en")
    for render in (feeds.rss, feeds.atom):
        parsed = feedparser.parse(render(CONFIG, info, [odd], NOW))
        assert parsed.bozo == 0 and parsed.entries[0].title.startswith("Tab")
        assert parsed.entries[0].summary == "Ships return after the storm.\n\nFirst paragraph says what happened."


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def reader_text(detail: Any) -> str:
    """What a feed reader shows for a parsed title or summary: plain text as is; HTML as the
    text it renders to, which must then hold no element at all."""
    if detail.type == "text/plain":
        return str(detail.value)
    assert detail.type == "text/html", detail.type
    elements = _Elements()
    elements.feed(detail.value)
    assert elements.tags == [], f"live HTML in the feed: {elements.tags}"
    return html.unescape(detail.value)


MARKUP_HEADLINE = "Port <b>reopens</b> & <script>alert(1)</script> AT&amp;T"
MARKUP_STANDFIRST = "Ships <i>return</i> <img src=x onerror=alert(1)> after the storm & more."


@pytest.mark.parametrize("render", [feeds.rss, feeds.atom])
def test_feeds_show_markup_in_a_standfirst_as_text(render: Any) -> None:
    marked = partial(item(headlines=(Text(MARKUP_HEADLINE, "main"),),
                          descriptions=(Text(MARKUP_STANDFIRST, "standfirst"),)))
    info = feeds.FeedInfo("News <b>&</b> more", "desc", "https://news.example/", "https://news.example/f", "en")
    parsed = feedparser.parse(render(CONFIG, info, [marked], NOW))
    assert parsed.bozo == 0
    entry = parsed.entries[0]
    assert reader_text(entry.title_detail) == MARKUP_HEADLINE
    assert reader_text(entry.summary_detail).startswith(MARKUP_STANDFIRST + "\n\n")
    assert reader_text(parsed.feed.title_detail) == "News <b>&</b> more"


# -- validators and the cache ----------------------------------------------------------------

def test_conditional_requests() -> None:
    page = Rendered.make(200, "<p>x</p>", last_modified=NOW)
    assert page.etag.startswith('"') and page == Rendered.make(200, "<p>x</p>", last_modified=NOW)
    assert not_modified({"if-none-match": page.etag}, page)
    assert not_modified({"if-none-match": f'"other", W/{page.etag}'}, page)
    assert not not_modified({"if-none-match": '"other"'}, page)
    assert not not_modified({"if-none-match": '"other"', "if-modified-since": "Wed, 25 Nov 2026 00:00:00 GMT"},
                            page)
    assert not_modified({"if-modified-since": "Tue, 24 Nov 2026 14:05:00 GMT"}, page)
    assert not not_modified({"if-modified-since": "Tue, 24 Nov 2026 14:04:59 GMT"}, page)
    assert not not_modified({"if-modified-since": "garbage"}, page)
    assert not not_modified({"if-none-match": "*"}, Rendered.make(404, "gone"))


def test_the_page_cache_is_keyed_by_sequence_and_bounded() -> None:
    cache = PageCache(max_entries=2, max_age=60)
    page = Rendered.make(200, "a")
    cache.put("/a", 5, page)
    assert cache.get("/a", 5) is page and cache.get("/a", 6) is None
    cache.put("/b", 5, page)
    cache.put("/c", 5, page)
    assert len(cache) == 2 and cache.get("/a", 5) is None
    stale = PageCache(max_entries=2, max_age=0)
    stale.put("/a", 1, page)
    assert stale.get("/a", 1) is None
    off = PageCache(max_entries=0, max_age=60)
    off.put("/a", 1, page)
    assert off.get("/a", 1) is None


def test_site_settings_from_the_environment() -> None:
    config = SiteConfig.from_env("https://news.example/", {
        "NEWSWIRE_SITE_LANGUAGES": "EN, ar ,en", "NEWSWIRE_SITE_NAME": "Harbour Press"})
    assert config.languages == ("en", "ar") and config.site_name == "Harbour Press"
    assert config.subscribe_url == "/subscribe" and config.absolute("/x") == "https://news.example/x"
    assert config.serves("ar") and not config.serves("tr")
    assert config.product.languages == frozenset({"en", "ar"}) and config.product.public_only
    everything = SiteConfig.from_env("https://news.example", {"NEWSWIRE_SITE_LANGUAGES": "all"})
    assert everything.languages == () and everything.serves("tr") and not everything.serves("xx")
    assert SiteConfig.from_env("https://n.example", {"NEWSWIRE_SITE_LANGUAGES": "ar"}).default_language == "ar"

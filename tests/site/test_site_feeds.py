"""Feeds and discovery: RSS, Atom, sitemaps, robots.txt; validators and 304 answers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from email.utils import format_datetime

import feedparser
import httpx
import pytest
from lxml import etree

from newswire.model import utcnow
from newswire.samples import load_samples
from newswire.site.story import story_path

from conftest import LiveServer
from sitekit import crawl, publish, story_doc

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def feed_paths() -> list[str]:
    paths = ["/rss.xml", "/atom.xml"]
    for lang in ("en", "tr", "ar", "fr", "es", "bs", "ru"):
        paths += [f"/{lang}/rss.xml", f"/{lang}/atom.xml"]
    for section in ("business", "politics", "sport", "environment", "weather"):
        paths += [f"/en/section/{section}/rss.xml", f"/tr/section/{section}/atom.xml"]
    return paths


def test_every_feed_parses_cleanly_and_carries_summaries_only(live: LiveServer, client: httpx.Client) -> None:
    load_samples(live.wire)
    for path in feed_paths():
        resp = client.get(path)
        assert resp.status_code == 200, path
        kind = "rss" if path.endswith("rss.xml") else "atom"
        assert resp.headers["content-type"] == f"application/{kind}+xml; charset=utf-8"
        parsed = feedparser.parse(resp.content)
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.version == ("rss20" if kind == "rss" else "atom10")
        for entry in parsed.entries:
            assert entry.link.startswith("http://127.0.0.1:8000/") and "/story/" in entry.link
            assert entry.title and entry.summary
            assert "<p>" not in entry.summary
    site = feedparser.parse(client.get("/rss.xml").content)
    titles = {e.title for e in site.entries}
    assert "Caspian states agree to double cargo capacity on Middle Corridor by 2030" in titles
    assert len(titles) == 9 - 1  # nine public samples, one still under embargo
    en = feedparser.parse(client.get("/en/atom.xml").content)
    assert {e.title for e in en.entries} <= titles and en.feed.language == "en"
    sport = feedparser.parse(client.get("/tr/section/sport/atom.xml").content)
    assert [e.title for e in sport.entries] == ["Basketbol Türkiye Kupası'nda final heyecanı Ankara'da yaşanacak"]
    assert client.get("/en/section/nothing/rss.xml").status_code == 404
    assert client.get("/xx/rss.xml").status_code == 404


def test_sitemap_lists_public_stories_and_pages(live: LiveServer, client: httpx.Client) -> None:
    load_samples(live.wire)
    resp = client.get("/sitemap.xml")
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/xml; charset=utf-8"
    root = etree.fromstring(resp.content)
    locs = [u.findtext(f"{SM}loc") for u in root.iter(f"{SM}url")]
    base = "http://127.0.0.1:8000"
    assert f"{base}/" in locs and f"{base}/en/" in locs and f"{base}/ar/" in locs
    assert f"{base}/en/section/business" in locs
    assert f"{base}{story_path('en', 'urn:newswire:sample:caspian-transport-corridor')}" in locs
    assert not any("northern-sea-route" in (loc or "") or "czech-central-bank" in (loc or "") for loc in locs)
    assert all(loc and loc.startswith(base) for loc in locs)


def test_news_sitemap_covers_the_last_48_hours(live: LiveServer, client: httpx.Client) -> None:
    old = story_doc("en", headline="Three days old")
    fresh = story_doc("ar", headline="خبر جديد اليوم")
    private = story_doc("en", headline="Fresh but private")
    publish(live.wire, old, now=utcnow() - timedelta(days=3))
    publish(live.wire, fresh)
    publish(live.wire, private, public=False)
    root = etree.fromstring(client.get("/news-sitemap.xml").content)
    urls = list(root.iter(f"{SM}url"))
    assert len(urls) == 1
    [url] = urls
    assert url.findtext(f"{SM}loc", "").endswith(story_path("ar", fresh["uri"]))
    assert url.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}name") == "Newswire"
    assert url.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "ar"
    assert url.findtext(f"{NEWS}news/{NEWS}title") == "خبر جديد اليوم"
    assert url.findtext(f"{NEWS}news/{NEWS}publication_date", "").endswith("+00:00")


def test_robots_txt_points_at_the_sitemaps(client: httpx.Client) -> None:
    resp = client.get("/robots.txt")
    assert resp.status_code == 200 and resp.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in resp.text
    assert "Sitemap: http://127.0.0.1:8000/news-sitemap.xml" in resp.text
    assert "Disallow: /v1/" in resp.text


def test_every_page_and_feed_has_validators_and_answers_304(live: LiveServer, client: httpx.Client) -> None:
    load_samples(live.wire)
    responses = crawl(client, ["/", "/en/", "/ar/", "/subscribe", "/en/search?q=storm"], limit=120)
    paths = [p for p, r in responses.items() if r.status_code == 200]
    paths += [*feed_paths()[:6], "/sitemap.xml", "/news-sitemap.xml", "/robots.txt"]
    assert len(paths) > 30
    for path in paths:
        resp = client.get(path)
        assert resp.status_code == 200, path
        assert resp.headers["content-length"] == str(resp.num_bytes_downloaded), path  # never chunked
        etag, control = resp.headers.get("etag"), resp.headers.get("cache-control", "")
        assert etag and control.startswith("public, max-age="), (path, resp.headers)
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"", path
        assert again.headers["etag"] == etag
        modified = resp.headers.get("last-modified")
        if modified:
            since = client.get(path, headers={"If-Modified-Since": modified})
            assert since.status_code == 304, path
    for path in ("/en/story/urn:missing", "/xx/"):
        resp = client.get(path)
        assert resp.status_code == 404 and resp.headers["cache-control"].startswith("public, max-age=")
        assert client.get(path, headers={"If-None-Match": resp.headers["etag"]}).status_code == 404


def test_a_publish_invalidates_cached_pages(live: LiveServer, client: httpx.Client) -> None:
    doc = story_doc("en", headline="First headline of the day")
    publish(live.wire, doc)
    page = client.get("/en/")
    etag = page.headers["etag"]
    assert client.get("/en/", headers={"If-None-Match": etag}).status_code == 304
    publish(live.wire, story_doc("en", headline="Second headline of the day"))
    time.sleep(0.05)
    fresh = client.get("/en/", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and "Second headline of the day" in fresh.text
    story = client.get(story_path("en", doc["uri"]))
    assert story.status_code == 200
    live.wire.kill(doc["uri"], "error")
    time.sleep(0.05)
    assert client.get(story_path("en", doc["uri"])).status_code == 410
    assert "First headline of the day" not in client.get("/en/").text


def test_if_modified_since_uses_the_newest_story(live: LiveServer, client: httpx.Client) -> None:
    when = utcnow() - timedelta(days=1)
    doc = story_doc("en")
    publish(live.wire, doc, now=when)
    resp = client.get(story_path("en", doc["uri"]))
    assert resp.headers["last-modified"] == format_datetime(when.replace(microsecond=0), usegmt=True)
    earlier = format_datetime(when - timedelta(hours=1), usegmt=True)
    assert client.get(story_path("en", doc["uri"]), headers={"If-Modified-Since": earlier}).status_code == 200


def test_static_assets_are_versioned_and_long_cached(client: httpx.Client) -> None:
    page = client.get("/subscribe").text
    href = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert href.startswith("/static/site.css?v=")
    css = client.get(href)
    assert css.status_code == 200 and css.headers["content-type"] == "text/css; charset=utf-8"
    assert "immutable" in css.headers["cache-control"]
    assert client.get(href, headers={"If-None-Match": css.headers["etag"]}).status_code == 304
    assert client.get("/static/site.css").headers["cache-control"] == "public, max-age=300"
    assert client.get("/static/nothing.css").status_code == 404

"""An embargoed story is published, for the site, when its embargo lifts, not when it was
filed: JSON-LD ``datePublished``, ``article:published_time``, the page's "Published" time,
RSS ``pubDate``, Atom ``published`` and the news sitemap's publication date all say so, and
the news sitemap's 48 hours count from the lift. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import feedparser
import httpx
from lxml import etree
from sqlalchemy import select

from newswire.model import format_time, parse_time, utcnow
from newswire.site.sitemaps import NEWS_NS, SITEMAP_NS
from newswire.site.story import story_path
from newswire.store.engine import read_tx
from newswire.store.tables import events

from conftest import LiveServer
from sitekit import check_html, publish, story_doc


def published_everywhere(client: httpx.Client, uri: str) -> dict[str, datetime]:
    """The publication time of one story on every surface that states one."""
    found: dict[str, datetime] = {}
    page = client.get(story_path("en", uri))
    assert page.status_code == 200
    report = check_html(page.text)
    [ld] = [json.loads(block) for block in report.jsonld]
    found["json-ld"] = parse_time(ld["datePublished"])
    found["og"] = parse_time(report.meta["article:published_time"])
    rss = feedparser.parse(client.get("/rss.xml").content)
    [entry] = [e for e in rss.entries if e.id == uri]
    found["rss"] = parsedate_to_datetime(entry.published)
    atom = etree.fromstring(client.get("/atom.xml").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    [published] = atom.xpath(f"//a:entry[a:id='{uri}']/a:published/text()", namespaces=ns)
    found["atom"] = parse_time(published)
    news = etree.fromstring(client.get("/news-sitemap.xml").content)
    dates = news.xpath(f"//s:url[contains(s:loc, '{story_path('en', uri)}')]//n:publication_date/text()",
                       namespaces={"s": SITEMAP_NS, "n": NEWS_NS})
    assert len(dates) == 1, "the story is missing from the news sitemap"
    found["news-sitemap"] = parse_time(dates[0])
    return found


def lift_time(live: LiveServer, uri: str) -> datetime:
    with read_tx(live.wire.engine) as conn:
        at = conn.execute(select(events.c.created_at).where(
            events.c.uri == uri, events.c.type == "embargo_lifted")).scalar_one()
    return at if at.tzinfo else at.replace(tzinfo=parse_time("2000-01-01T00:00:00Z").tzinfo)


def test_an_embargoed_story_is_published_when_the_embargo_lifts(live: LiveServer) -> None:
    now = utcnow().replace(microsecond=0)
    filed, until = now - timedelta(days=3), now - timedelta(hours=1)
    doc = story_doc("en", headline="Embargoed report on harbour dredging")
    publish(live.wire, doc, now=filed, embargoed_until=until)
    live.wire.lift_embargoes(now)  # the clock lifts it (here, or already in the server)
    with httpx.Client(base_url=live.url, timeout=30) as client:
        found = published_everywhere(client, doc["uri"])
    # Filed three days ago, public for an hour: in the news sitemap, dated at the lift.
    assert found == dict.fromkeys(found, until), {k: format_time(v) for k, v in found.items()}


def test_an_update_after_the_lift_keeps_the_lift_as_publication_time(live: LiveServer) -> None:
    now = utcnow().replace(microsecond=0)
    filed, until = now - timedelta(hours=5), now - timedelta(hours=4)
    doc = story_doc("en", headline="Embargoed budget figures released")
    publish(live.wire, doc, now=filed, embargoed_until=until)
    live.wire.lift_embargoes(until + timedelta(seconds=20))
    lifted = lift_time(live, doc["uri"])
    publish(live.wire, dict(doc, headlines=[{"role": "main", "value": "Budget figures: update"}]),
            now=now - timedelta(hours=1))
    with httpx.Client(base_url=live.url, timeout=30) as client:
        found = published_everywhere(client, doc["uri"])
    assert lifted > filed
    assert found == dict.fromkeys(found, lifted), {k: format_time(v) for k, v in found.items()}


def test_a_story_without_embargo_is_published_when_filed(live: LiveServer) -> None:
    filed = utcnow().replace(microsecond=0) - timedelta(hours=2)
    doc = story_doc("en", headline="Ferry timetable changes for winter")
    publish(live.wire, doc, now=filed)
    with httpx.Client(base_url=live.url, timeout=30) as client:
        found = published_everywhere(client, doc["uri"])
    assert found == dict.fromkeys(found, filed)

"""HTTP feed sources against a real server on loopback: every shape, re-polls without
duplicates, new versions for changed partner items, kills, broken feeds recorded on the source."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from feedserver import feed_server
from partner_feeds import atom, g2_item, g2_message, rss

from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.health import health
from newswire.sources.model import wire_uri
from newswire.sources.scheduler import PollReport, SourcePoller
from newswire.store import items as items_store
from newswire.wire import Wire


def poll(wire: Wire, *, later: float = 0, poller: SourcePoller | None = None) -> list[PollReport]:
    """One tick of a poller, ``later`` seconds from now (so that every source is due)."""
    p = poller or SourcePoller(wire, allow_private=True)
    return asyncio.run(p.poll_due(now=utcnow() + timedelta(seconds=later)))


def events(wire: Wire) -> list[tuple[str, str, int]]:
    return [(e.type, e.uri, e.version) for e, _ in items_store.events_after(wire.engine, 0, 1000)]


def test_rss_with_content_encoded_is_published_once_with_attribution(wire: Wire) -> None:
    with feed_server() as srv:
        url = srv.put("/rss", rss(("a-1", "Port opens", "<p>The port <b>opened</b>.</p><script>x()</script>"),
                                  ("a-2", "Rail strike", "<p>Trains stopped.</p>")))
        sources_store.add_source(wire.engine, "partner", "rss", url=url, interval=60, language="en")
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 2
        item = items_store.get_item(wire.engine, wire_uri("partner", "a-1"))
        assert item is not None and item.headline == "Port opens"
        assert "<b>opened</b>" in item.body_html and "script" not in item.body_html
        assert item.by == "Jane Partner" and item.language == "en"
        assert any(c.name == "partner" and c.rel == "partner" for c in item.info_sources)
        assert item.copyright_holder == "partner"

        # re-polls: a 304, then (validators lost) the same bytes: nothing appended
        [again] = poll(wire, later=120)
        assert again.not_modified and srv.not_modified == 1
        with wire.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sources SET etag = NULL, last_modified = NULL")
        [full] = poll(wire, later=240)
        assert full.outcome.unchanged == 2 and full.outcome.changed == 0
        assert len(events(wire)) == 2


def test_changed_partner_item_becomes_version_2(wire: Wire) -> None:
    with feed_server() as srv:
        url = srv.put("/rss", rss(("g", "First take", "<p>One.</p>")))
        sources_store.add_source(wire.engine, "partner", "rss", url=url, interval=60)
        poll(wire)
        srv.put("/rss", rss(("g", "First take, updated", "<p>One, and two.</p>")))
        [report] = poll(wire, later=120)
        assert report.outcome.updated == 1
        uri = wire_uri("partner", "g")
        assert [(t, v) for t, u, v in events(wire) if u == uri] == [("published", 1), ("updated", 2)]
        item = items_store.get_item(wire.engine, uri)
        assert item is not None and item.headline == "First take, updated"


def test_atom_with_xhtml_content_and_dc_creator(wire: Wire) -> None:
    with feed_server() as srv:
        url = srv.put("/atom", atom("urn:partner:1", "Sommet à Paris", "Les dirigeants se réunissent."),
                      "application/atom+xml")
        sources_store.add_source(wire.engine, "afp-like", "atom", url=url, interval=60)
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 1, report
        item = items_store.get_item(wire.engine, wire_uri("afp-like", "urn:partner:1"))
        assert item is not None and item.headline == "Sommet à Paris"
        assert "Les dirigeants" in item.body_html and "alert" not in item.body_html
        assert item.by == "Marie Dupont" and item.language == "fr"


def test_newsml_message_with_several_items_and_a_partner_kill(wire: Wire) -> None:
    with feed_server() as srv:
        url = srv.put("/g2", g2_message(g2_item("urn:p:1", "One", "First."), g2_item("urn:p:2", "Two", "Second."),
                                        g2_item("urn:p:3", "Three", "Third.")))
        sources_store.add_source(wire.engine, "g2partner", "newsml", url=url, interval=60)
        [report] = poll(wire)
        assert report.outcome.published == 3
        item = items_store.get_item(wire.engine, wire_uri("g2partner", "urn:p:2"))
        assert item is not None and any(c.name == "Partner Agency" for c in item.info_sources)
        srv.put("/g2", g2_message(g2_item("urn:p:2", "Two", "Second.", status="canceled", version=2),
                                  g2_item("urn:p:9", "Never seen", "Gone.", status="canceled")))
        [kill] = poll(wire, later=120)
        assert kill.outcome.updated == 1 and kill.outcome.skipped == 1
        assert ("killed", wire_uri("g2partner", "urn:p:2"), 2) in events(wire)
        assert items_store.get_item(wire.engine, wire_uri("g2partner", "urn:p:9")) is None


def test_ninjs_feeds_of_every_major_version(wire: Wire) -> None:
    docs = [
        {"uri": "urn:n:1", "type": "text", "headline": "Version one story", "body_html": "<p>One.</p>",
         "language": "de"},
        {"uri": "urn:n:2", "type": "text", "headlines": [{"value": "Version two story"}],
         "bodies": [{"value": "<p>Two.</p>", "contentType": "text/html"}], "version": "1",
         "infoSources": [{"name": "Wire Partner"}], "copyrightHolder": "Partner GmbH"},
        {"uri": "urn:n:3", "type": "text", "headlines": [{"value": "Version three story"}], "language": "de",
         "bodies": [{"value": "<p>Three.</p>", "contentType": "text/html"}], "pubStatus": "usable",
         "$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"},
    ]
    with feed_server() as srv:
        url = srv.put("/ninjs", json.dumps({"items": docs}).encode(), "application/json")
        sources_store.add_source(wire.engine, "dpa-like", "ninjs", url=url, interval=60, language="de")
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 3, report
        two = items_store.get_item(wire.engine, wire_uri("dpa-like", "urn:n:2"))
        assert two is not None and two.copyright_holder == "Partner GmbH" and two.language == "de"
        assert {c.name for c in two.info_sources} >= {"Wire Partner", "dpa-like"}


def test_broken_feeds_are_errors_on_the_source_not_the_wire(wire: Wire) -> None:
    with feed_server() as srv:
        srv.put("/bad", b"<rss><channel><item><title>unclosed</channel></rss>")
        srv.put("/latin1", '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item>'
                '<guid>x</guid><title>Caf\u00e9</title></item></channel></rss>'.encode("latin-1"))
        for name, path in (("invalid", "/bad"), ("encoding", "/latin1"), ("hangs", "/hang"),
                           ("loops", "/loop"), ("busy", "/busy")):
            sources_store.add_source(wire.engine, name, "rss", url=srv.url + path, interval=60)
        wire.settings = wire.settings.__class__(**{**wire.settings.__dict__, "source_timeout_seconds": 2.0})
        reports = {r.source: r for r in poll(wire)}
        assert not any(r.ok for r in reports.values())
        assert "well-formed" in (reports["invalid"].error or "")
        assert "UTF-8" in (reports["encoding"].error or "")
        assert "timed out" in (reports["hangs"].error or "")
        assert "redirects" in (reports["loops"].error or "")
        assert "503" in (reports["busy"].error or "")
        assert events(wire) == []
        busy = health(wire.engine, "busy")
        assert busy["lastError"] == "HTTP 503" and busy["consecutiveFailures"] == 1
        next_poll = sources_store.health_row(wire.engine, "busy")["next_poll_at"]
        assert items_store.as_utc(next_poll) - utcnow() > timedelta(seconds=100)  # Retry-After: 120


def test_two_schedulers_on_one_store_poll_each_source_once(wire: Wire) -> None:
    with feed_server() as srv:
        entries = tuple((f"id-{n}", f"Story {n}", f"<p>Body {n}.</p>") for n in range(20))
        for n in range(4):
            sources_store.add_source(wire.engine, f"s{n}", "rss", url=srv.put(f"/f{n}", rss(*entries)), interval=60)
        one, two = SourcePoller(wire, allow_private=True), SourcePoller(wire, allow_private=True)

        async def both() -> list[list[PollReport]]:
            return list(await asyncio.gather(one.poll_due(), two.poll_due()))

        a, b = asyncio.run(both())
        assert sorted(r.source for r in a + b) == ["s0", "s1", "s2", "s3"]
        assert sum(srv.hits.values()) == 4
        assert len(events(wire)) == 80
        h = health(wire.engine, "s0")
        assert h["itemsLastHour"] == 20 and h["lastError"] is None and h["lagSeconds"] is not None

"""Held items stay off the wire; item and byte limits cut a feed off with an error on the
source; the lease keeps a second node off a source until it expires; backoff grows."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

from feedserver import feed_server
from partner_feeds import rss

from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.health import health
from newswire.sources.model import wire_uri
from newswire.sources.scheduler import PollReport, SourcePoller, next_delay
from newswire.store import items as items_store
from newswire.wire import Wire


def poll(poller: SourcePoller, later: float = 0) -> list[PollReport]:
    return asyncio.run(poller.poll_due(now=utcnow() + timedelta(seconds=later)))


def test_held_items_are_drafts_that_never_reach_the_wire(wire: Wire) -> None:
    with feed_server() as srv:
        url = srv.put("/rss", rss(("h1", "For the desk", "<p>Check me.</p>")))
        sources_store.add_source(wire.engine, "pr", "rss", url=url, interval=60, hold=True, language="en")
        [first] = poll(SourcePoller(wire, allow_private=True))
        assert first.outcome.held == 1
        assert items_store.last_seq(wire.engine) == 0  # no event: no subscriber can ever see it
        assert items_store.get_item(wire.engine, wire_uri("pr", "h1")) is None
        [draft] = sources_store.held_items(wire.engine, "pr")
        assert draft["item"]["headlines"][0]["value"] == "For the desk" and draft["item"]["language"] == "en"
        srv.put("/rss", rss(("h1", "For the desk, revised", "<p>Check me.</p>")))
        [second] = poll(SourcePoller(wire, allow_private=True), later=120)
        assert second.outcome.held == 1
        [draft] = sources_store.held_items(wire.engine, "pr")
        assert draft["revision"] == 2


def test_too_many_items_and_too_many_bytes_are_cut_off_with_an_error(wire: Wire) -> None:
    with feed_server() as srv:
        many = rss(*((f"id-{n}", f"Story {n}", "<p>x</p>") for n in range(30)))
        sources_store.add_source(wire.engine, "many", "rss", url=srv.put("/many", many), interval=60)
        sources_store.add_source(wire.engine, "huge", "rss", url=srv.put("/huge", many * 20), interval=60)
        wire.settings = wire.settings.__class__(**{**wire.settings.__dict__, "source_max_items": 10,
                                                   "source_max_bytes": len(many) + 100})
        reports = {r.source: r for r in poll(SourcePoller(wire, allow_private=True))}
        assert reports["many"].ok and reports["many"].outcome.published == 10
        assert "only the first 10" in (health(wire.engine, "many")["lastError"] or "")
        assert not reports["huge"].ok and "limit" in (reports["huge"].error or "")
        assert items_store.last_seq(wire.engine) == 10


def test_a_leased_source_is_left_alone_until_the_lease_expires(wire: Wire) -> None:
    with feed_server() as srv:
        sources_store.add_source(wire.engine, "s", "rss", url=srv.put("/f", rss(("a", "A", "<p>a</p>"))), interval=60)
        holder = sources_store.claim_due(wire.engine, "node-a", utcnow(), timedelta(seconds=60))
        assert [c.source.name for c in holder] == ["s"]  # node-a took it, then died mid-poll
        other = SourcePoller(wire, allow_private=True, owner="node-b")
        assert poll(other) == [] and srv.hits == {}
        [late] = poll(other, later=61)  # the lease expired: node-b polls it
        assert late.ok and late.outcome.published == 1


def test_backoff_doubles_with_jitter_and_honours_retry_after() -> None:
    rng = random.Random(7)
    assert next_delay(60, 0) == 60
    delays = [next_delay(60, f, rng=rng) for f in (1, 2, 3)]
    assert 90 <= delays[0] <= 150 and 180 <= delays[1] <= 300 and 360 <= delays[2] <= 600
    assert next_delay(60, 30, rng=rng) <= 3600 * 1.25
    assert next_delay(10, 1, retry_after=900, rng=rng) == 900

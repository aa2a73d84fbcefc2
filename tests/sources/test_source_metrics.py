"""Per-source figures on /metrics, scraped from a real server whose embedded poller polls
real feeds: polls by outcome and items by result (counted by the process), last success, lag,
consecutive failures and silence (read from the store at scrape time)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from feedserver import feed_server
from partner_feeds import rss
from prometheus_client.parser import text_string_to_metric_families

from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server


@pytest.fixture
def node(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, sources_allow_private=True)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


def scrape(node: LiveServer, token: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    resp = httpx.get(f"{node.url}/metrics", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 200
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(resp.text) for s in family.samples}


def test_metrics_per_source_from_a_real_scrape(node: LiveServer) -> None:
    admin = create_token(node.wire.engine, "admin")
    # the process's counters outlive a test: names of this test's own (one per database variant)
    ok, down = (f"{name}-{node.wire.engine.dialect.name}" for name in ("fine", "down"))
    with feed_server() as srv:
        url = srv.put("/feed", rss(("a", "One", "<p>One.</p>"), ("b", "Two", "<p>Two.</p>")))
        sources_store.add_source(node.wire.engine, ok, "rss", url=url, interval=1)
        sources_store.add_source(node.wire.engine, down, "rss", url=srv.url + "/missing", interval=60,
                                 now=utcnow() - timedelta(hours=1))

        def polls(source: str, outcome: str) -> float:
            return series.get(("newswire_source_polls_total", (("outcome", outcome), ("source", source))), 0)

        deadline = time.monotonic() + 20
        while True:  # the embedded poller: a first poll, then a 304 a second later
            series = scrape(node, admin)
            if polls(ok, "not_modified") >= 1 and polls(down, "error") >= 1:
                break
            assert time.monotonic() < deadline, "the embedded poller did not poll both sources"
            time.sleep(0.2)

    def value(name: str, source: str, **labels: str) -> float | None:
        return series.get((name, tuple(sorted({"source": source, **labels}.items()))))

    assert polls(ok, "ok") == 1 and polls(ok, "error") == 0
    assert value("newswire_source_items_total", ok, result="published") == 2
    assert value("newswire_source_items_total", ok, result="unchanged") is None  # the re-poll was a 304
    assert polls(down, "error") == 1

    success = value("newswire_source_last_success_timestamp_seconds", ok)
    assert success is not None and abs(success - time.time()) < 30
    assert value("newswire_source_last_success_timestamp_seconds", down) is None  # never
    assert 0 <= (value("newswire_source_lag_seconds", ok) or -1) < 30
    assert (value("newswire_source_lag_seconds", down) or 0) >= 3600  # since it was declared
    assert value("newswire_source_consecutive_failures", ok) == 0
    assert value("newswire_source_consecutive_failures", down) == 1
    assert value("newswire_source_silent", ok) == 0
    assert value("newswire_source_silent", down) == 1

    # a source removed leaves the store's figures (its counters stay, as counters do)
    sources_store.remove_source(node.wire.engine, down)
    after = scrape(node, admin)
    assert ("newswire_source_silent", (("source", down),)) not in after
    assert ("newswire_source_silent", (("source", ok),)) in after

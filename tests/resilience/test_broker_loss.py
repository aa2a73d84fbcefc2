"""Broker loss: NATS goes away during traffic and comes back.

Two `newswire serve` nodes share PostgreSQL and a private nats-server (never the machine's
shared one). While NATS is down the nodes keep serving feeds and SSE by polling the store
(within a bounded delay, ~0.5 s), /readyz says the bus is unreachable, and when NATS returns
they reconnect on their own and are fast again. Readers never lose or repeat an event.
NEWSWIRE_LONG_SUITES=1 takes the broker away several times.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from resilience_cluster import (
    LONG,
    Follower,
    NatsServer,
    Process,
    assert_exactly_once_in_order,
    editor_token,
    figures,
    migrate,
    node_env,
    percentile,
    publish,
    serve,
    start_nats,
    subscriber_key,
    wait_ready,
)

PER_PHASE = 40 if LONG else 15
CYCLES = 4 if LONG else 1
BOUNDED_DELAY_MS = 1500  # the fallback poll (0.5 s) plus a read, with room for 2 busy cores


@pytest.fixture
def nats_server() -> Iterator[NatsServer]:
    server = start_nats()
    yield server
    server.kill()


@pytest.fixture
def processes() -> Iterator[list[Process]]:
    started: list[Process] = []
    yield started
    for p in started:
        p.stop()


def wait_unready(url: str, timeout: float = 10) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        resp = httpx.get(f"{url}/readyz", timeout=3)
        if resp.status_code == 503:
            assert "bus" in resp.json()["checks"] and resp.json()["checks"]["bus"].startswith("unreachable")
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"{url}/readyz still says ready with the broker gone")


@pytest.mark.long  # ~40 s with three node processes; test_multi_node_delivery runs the nodes on NATS every time
def test_nodes_keep_serving_without_nats_and_recover_when_it_returns(
    pg_url: str, tmp_path: Path, nats_server: NatsServer, processes: list[Process]
) -> None:
    migrate(pg_url)
    env = node_env(pg_url, NEWSWIRE_BUS_URL=nats_server.url, NEWSWIRE_NO_EMBEDDED_WORKER="1")
    a, b = serve(tmp_path, "node-a", env), serve(tmp_path, "node-b", env)
    for node in (a, b):
        processes.append(node)
        node.start()
        wait_ready(node.url)
    key = subscriber_key(pg_url, "broker-loss")
    sse = Follower(key, lambda: b.url, "sse").start()
    poller = Follower(key, lambda: b.url, "feed").start()
    editor = httpx.Client(base_url=a.url, headers={"Authorization": f"Bearer {editor_token(pg_url)}"}, timeout=30)
    sent: dict[int, float] = {}
    phases: dict[str, list[int]] = {}
    counter = iter(range(1_000_000))

    def traffic(phase: str) -> None:
        for _ in range(PER_PHASE):
            i = next(counter)
            started = time.monotonic()
            resp = publish(editor, f"urn:newswire:broker:{i}", f"Story {i} ({phase})")
            assert resp.status_code == 201, resp.text
            seq = int(resp.headers["X-Event-Seq"])
            sent[seq] = started
            phases.setdefault(phase, []).append(seq)
            time.sleep(0.1)

    def latencies(phase: str, follower: Follower) -> list[float]:
        wanted = set(phases[phase])
        return [(x.at - sent[x.seq]) * 1000 for x in follower.arrivals if x.seq in wanted]

    recovery: list[float] = []
    unready_after: list[float] = []
    try:
        time.sleep(1.0)
        traffic("up")
        for cycle in range(CYCLES):
            nats_server.kill()
            unready_after.append(wait_unready(b.url))
            traffic(f"down-{cycle}")
            nats_server.start()
            started = time.monotonic()
            wait_ready(a.url)
            wait_ready(b.url)
            recovery.append(time.monotonic() - started)
            time.sleep(0.5)
            traffic(f"back-{cycle}")
        last = max(sent)
        assert sse.wait_for(last, 20) and poller.wait_for(last, 20)
    finally:
        sse.stop()
        poller.stop()
        editor.close()

    assert_exactly_once_in_order(sse, last)
    assert_exactly_once_in_order(poller, last)
    report: dict[str, object] = {"stories": len(sent), "cycles": CYCLES,
                                 "readyz_503_after_s": [round(x, 2) for x in unready_after],
                                 "reconnect_s": [round(x, 2) for x in recovery]}
    for phase in phases:
        both = latencies(phase, sse) + latencies(phase, poller)
        report[f"{phase}_ms"] = {"p50": round(percentile(both, 50), 1), "p99": round(percentile(both, 99), 1)}
        if phase.startswith("down"):
            assert percentile(both, 99) < BOUNDED_DELAY_MS, f"{phase}: the store poller did not take over"
        else:
            assert percentile(both, 50) < 250, f"{phase}: NATS should wake node B at once"
    figures("broker-loss", **report)
    assert all(r < 10 for r in recovery)

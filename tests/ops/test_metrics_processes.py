"""Metrics of real processes: ``newswire serve --workers 2`` behind one port, and the worker's
``--metrics-port`` listener.

With two processes behind one port a scrape is answered by one of them; it must still count
every request either process answered, every SSE stream either holds, and forget the streams
of a process that died. The processes share a ``PROMETHEUS_MULTIPROC_DIR`` that the parent
makes (under ``TMPDIR``) and removes when it stops.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from prometheus_client.multiprocess import MultiProcessCollector

from newswire.config import Settings
from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire
from ops.test_operations_endpoints import OPENMETRICS, parse_exposition
from resilience.resilience_cluster import Process, free_port, node_env

READYZ = 'newswire_http_requests_total{method="GET",route="/readyz",status="2xx"}'


def tokens(url: str) -> tuple[str, str]:
    """An admin token (to scrape) and a subscriber's key (to open streams)."""
    wire = Wire.open(Settings(database_url=url))
    try:
        accounts.create_product(wire.engine, "everything", {})
        sub = accounts.create_subscriber(wire.engine, "watcher", ["everything"])
        return (create_token(wire.engine, "admin"),
                create_token(wire.engine, "subscriber", subscriber_id=sub.id))
    finally:
        wire.close()


def per_process(directory: Path, kind: str, series: str) -> dict[int, float]:
    """What each process wrote for ``series`` (read from its own file in the shared directory)."""
    values: dict[int, float] = {}
    for path in directory.glob(f"{kind}_*.db"):
        pid = int(path.stem.rsplit("_", 1)[1])
        for family in MultiProcessCollector.merge([str(path)]):
            for sample in family.samples:
                labels = ",".join(f'{k}="{v}"' for k, v in sample.labels.items() if k != "pid")
                if f"{sample.name}{{{labels}}}" == series or (sample.name == series and not labels):
                    values[pid] = values.get(pid, 0.0) + sample.value
    return values


def eventually(read: Callable[[], float], expected: float, timeout: float = 15) -> float:
    deadline = time.monotonic() + timeout
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


@pytest.fixture
def two_processes(tmp_path: Path) -> Iterator[tuple[Process, str, str]]:
    url = f"sqlite:///{tmp_path / 'wire.db'}"
    admin, key = tokens(url)
    port = free_port()
    node = Process(["serve", "--port", str(port), "--workers", "2"],
                   node_env(url, TMPDIR=str(tmp_path), NEWSWIRE_SSE_HEARTBEAT_SECONDS="0.5"),
                   tmp_path / "node.log", port=port)
    node.start(wait=False)
    try:
        node.wait_ready(60)
        yield node, admin, key
    finally:
        node.stop()


def test_a_scrape_counts_the_requests_and_streams_of_every_process(two_processes: tuple[Process, str, str],
                                                                  tmp_path: Path) -> None:
    node, admin, key = two_processes
    [shared] = tmp_path.glob("newswire-metrics-*")
    # Fresh connections, several at a time, so the kernel hands them to both processes; go on
    # until each process has answered some.
    sent = 0
    client = httpx.Client(base_url=node.url, timeout=30, limits=httpx.Limits(max_keepalive_connections=0))
    with client, ThreadPoolExecutor(6) as pool:
        while sent < 600:
            assert all(r.status_code == 200 for r in pool.map(lambda _: client.get("/readyz"), range(30)))
            sent += 30
            # A process may hold the series at 0 before it counts its first request: wait for both
            # to have counted some, not merely to have the series.
            if len(counted := per_process(shared, "counter", READYZ)) == 2 and all(counted.values()):
                break
        # A request is counted as its response ends: the last few may land a moment after the client
        # has its answer.
        assert eventually(lambda: sum(per_process(shared, "counter", READYZ).values()), sent) == sent
        answered = per_process(shared, "counter", READYZ)
        assert len(answered) == 2 and all(answered.values())

        def scrape() -> dict[str, float]:
            resp = client.get("/metrics", headers={"Authorization": f"Bearer {admin}"})
            assert resp.status_code == 200
            return parse_exposition(resp.text)

        # whichever process answers, every scrape counts every request
        scrapes = [scrape() for _ in range(8)]
        assert [s[READYZ] for s in scrapes] == [sent] * 8
        assert {s["newswire_bus_up"] for s in scrapes} == {1}  # the in-process hub, in every process

        with ExitStack() as streams:
            for _ in range(4):
                resp = streams.enter_context(httpx.stream(
                    "GET", f"{node.url}/v1/stream", headers={"Authorization": f"Bearer {key}"}, timeout=30))
                assert resp.status_code == 200
            assert eventually(lambda: scrape()["newswire_sse_connections"], 4) == 4
            holding = per_process(shared, "gauge_livesum", "newswire_sse_connections")
            assert sum(holding.values()) == 4
            # A process dies without a word: its streams stop counting, its requests still do.
            victim = max(holding, key=lambda pid: holding[pid])
            os.kill(victim, signal.SIGKILL)
            left = 4 - holding[victim]
            assert eventually(lambda: scrape()["newswire_sse_connections"], left) == left
            assert scrape()[READYZ] == sent
            assert not list(shared.glob(f"gauge_livesum_{victim}.db"))
        assert eventually(lambda: scrape()["newswire_sse_connections"], 0) == 0

    node.stop()
    assert not shared.exists(), "the shared metrics directory outlives the node"


def test_the_worker_listener_answers_openmetrics_when_asked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wire.db'}"
    Wire.open(Settings(database_url=url)).close()
    port = free_port()
    worker = Process(["worker", "--metrics-port", str(port)],
                     node_env(url, NEWSWIRE_METRICS_TOKEN="scrape-secret"), tmp_path / "worker.log")
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert worker.proc is not None and worker.proc.poll() is None, (tmp_path / "worker.log").read_text()
                assert time.monotonic() < deadline, "the worker's metrics listener did not open"
                time.sleep(0.1)
        scrape = {"Authorization": "Bearer scrape-secret"}
        assert httpx.get(f"http://127.0.0.1:{port}/metrics").status_code == 401
        classic = httpx.get(f"http://127.0.0.1:{port}/metrics", headers=scrape)
        assert classic.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
        assert parse_exposition(classic.text)["newswire_events_total"] == 0
        om = httpx.get(f"http://127.0.0.1:{port}/metrics", headers={**scrape, "Accept": OPENMETRICS})
        assert om.headers["content-type"].startswith("application/openmetrics-text; version=1.0.0")
        assert "# TYPE newswire_webhook_attempts counter" in om.text and om.text.endswith("# EOF\n")
    finally:
        worker.stop()

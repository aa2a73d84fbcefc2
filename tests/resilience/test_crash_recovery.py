"""Crash: SIGKILL an API node, and separately a webhook worker, at random points while many
stories are published; restart them. Afterwards:

* every story that got a 2xx is stored with exactly the version the answer named;
* the event sequence has no gap (1..last, and the sequencer agrees);
* a feed reader and an SSE reader, resuming by cursor / Last-Event-ID, saw every event once, in order;
* every webhook event reached the receiver (duplicates only as repeats of a ``webhook-id``),
  first arrivals in sequence order.

Twice: PostgreSQL with a separate `newswire worker`, and SQLite in embedded mode (the node
runs the worker), where ``PRAGMA integrity_check`` must also say ok.
Fast by default (~15 s of traffic); NEWSWIRE_LONG_SUITES=1 runs for minutes with more kills.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from resilience_cluster import (
    LONG,
    Follower,
    Process,
    assert_exactly_once_in_order,
    editor_token,
    figures,
    migrate,
    node_env,
    publish,
    serve,
    subscriber_key,
    worker,
)
from sqlalchemy import Engine, select, text

from newswire.store.engine import make_engine
from newswire.store.tables import deliveries, events, sequencer

from receiver import Receiver, start_receiver

TRAFFIC_SECONDS = 180.0 if LONG else 12.0
URIS = 25  # stories are updated again and again: versions climb


@dataclass
class Publisher:
    """Publishes as fast as one editor can, through crashes; remembers what was acknowledged."""

    node: Process
    token: str
    acked: list[tuple[str, int, str]] = field(default_factory=list)
    failures: int = 0
    stop_flag: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    def start(self) -> Publisher:
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_flag.set()
        if self.thread is not None:
            self.thread.join(30)

    def _run(self) -> None:
        i = 0
        headers = {"Authorization": f"Bearer {self.token}"}
        while not self.stop_flag.is_set():
            uri, headline = f"urn:newswire:crash:{i % URIS}", f"Headline number {i}"
            try:
                with httpx.Client(base_url=self.node.url, headers=headers, timeout=10) as client:
                    resp = publish(client, uri, headline)
                if resp.status_code in (200, 201):
                    self.acked.append((uri, int(resp.json()["version"]), headline))
                    i += 1
                else:
                    self.failures += 1
            except httpx.HTTPError:
                self.failures += 1  # the node is down: whether that one was stored is unknown
                time.sleep(0.05)


def delivery_states(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(deliveries.c.status)).scalars())


@pytest.fixture
def processes() -> Iterator[list[Process]]:
    started: list[Process] = []
    yield started
    for p in started:
        p.stop()


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = start_receiver()
    receiver.delay = lambda n: 0.03  # attempts take a while, so kills land mid-attempt too
    yield receiver
    receiver.close()


# the PostgreSQL + worker variant takes ~35 s: it runs in make suite-long
@pytest.mark.parametrize("mode", [pytest.param("postgresql+worker", marks=pytest.mark.long), "sqlite-embedded"])
def test_sigkill_during_publishing_loses_nothing(mode: str, tmp_path: Path, hook: Receiver,
                                                 processes: list[Process], request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("pg_url") if mode.startswith("postgresql") else f"sqlite:///{tmp_path / 'w.db'}"
    migrate(url)
    embedded = mode == "sqlite-embedded"
    env = node_env(url, NEWSWIRE_WEBHOOK_TIMEOUT_SECONDS="1", NEWSWIRE_WEBHOOK_LEASE_SECONDS="2",
                   **({} if embedded else {"NEWSWIRE_NO_EMBEDDED_WORKER": "1"}))
    node = serve(tmp_path, "node", env)
    processes.append(node)
    node.start()
    work = worker(tmp_path, "worker", env)
    if not embedded:
        processes.append(work)
        work.start()
    key = subscriber_key(url, "crash-reader")
    created = httpx.post(f"{node.url}/v1/webhooks", json={"url": hook.url},
                         headers={"Authorization": f"Bearer {key}"})
    assert created.status_code == 201, created.text
    feed = Follower(key, lambda: node.url, "feed").start()
    sse = Follower(key, lambda: node.url, "sse").start()
    publisher = Publisher(node, editor_token(url)).start()

    rng = random.Random()
    node_kills = worker_kills = 0
    deadline = time.monotonic() + TRAFFIC_SECONDS
    while time.monotonic() < deadline:
        time.sleep(rng.uniform(0.5, 2.5))
        if embedded or rng.random() < 0.5:
            node.sigkill()
            node_kills += 1
            node.start()
        else:
            work.sigkill()
            worker_kills += 1
            time.sleep(rng.uniform(0, 0.5))
            work.start()
    publisher.stop()

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            seqs = list(conn.execute(select(events.c.seq).order_by(events.c.seq)).scalars())
            head = conn.execute(select(sequencer.c.last_seq)).scalar_one()
        last = seqs[-1]
        assert seqs == list(range(1, last + 1)) and head == last, "the event sequence has a gap"

        editor = httpx.Client(base_url=node.url, headers={"Authorization": f"Bearer {publisher.token}"})
        for uri, version, headline in publisher.acked:
            resp = editor.get(f"/v1/items/{uri}/versions/{version}")
            assert resp.status_code == 200, f"{uri} v{version} was acknowledged but is missing"
            assert resp.json()["headlines"][0]["value"] == headline, f"{uri} v{version} holds another story"

        assert feed.wait_for(last, 30) and sse.wait_for(last, 30)
        feed.stop()
        sse.stop()
        assert_exactly_once_in_order(feed, last)
        assert_exactly_once_in_order(sse, last)

        received = hook.wait_for(last, 60)
        deadline = time.monotonic() + 60
        while len({r.headers["webhook-id"] for r in received}) < last and time.monotonic() < deadline:
            time.sleep(0.2)
            received = list(hook.received)
        ids = [r.headers["webhook-id"] for r in received]
        assert set(ids) == {f"evt_{s}" for s in range(1, last + 1)}, "a webhook event was never delivered"
        first_seen = [int(i.removeprefix("evt_")) for i in dict.fromkeys(ids)]
        assert first_seen == sorted(first_seen), "webhooks arrived out of order"
        for r in received:
            assert r.json["data"]["seq"] == int(r.headers["webhook-id"].removeprefix("evt_"))
        # The receiver can hold an event before its sender records it: a worker killed between
        # the 2xx and its write leaves the row pending until the lease expires and it is re-sent.
        deadline = time.monotonic() + 30
        while (states := delivery_states(engine)) != {"delivered"} and time.monotonic() < deadline:
            time.sleep(0.2)
        assert states == {"delivered"}
        with engine.connect() as conn:
            if embedded:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        engine.dispose()
    figures(f"crash {mode}", events=last, acknowledged=len(publisher.acked), node_kills=node_kills,
            worker_kills=worker_kills, publish_failures=publisher.failures,
            webhook_repeats=len(ids) - len(set(ids)),
            reader_reconnects=feed.reconnects + sse.reconnects, traffic_seconds=TRAFFIC_SECONDS)

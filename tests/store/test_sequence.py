"""The event log's sequence is gap-safe: a reader never sees N+1 appear behind N+2."""

from __future__ import annotations

import threading

from newswire.store import items as store

from conftest import open_wire
from factories import as_bytes, ninjs_story


def test_concurrent_publishers_never_let_a_follower_miss_an_event(pg_url: str) -> None:
    writers, per_writer = 6, 40
    wire = open_wire(pg_url, enrich_disabled=("language", "dateline", "entities", "quotes",
                                             "topics", "summary", "planning"))
    stop = threading.Event()
    seen: list[int] = []

    def follow() -> None:
        cursor = 0
        while True:
            done = stop.is_set()
            batch = store.events_after(wire.engine, cursor, limit=50)
            for event, _ in batch:
                seen.append(event.seq)
                cursor = event.seq
            if done and not batch:
                return

    def write(n: int) -> None:
        for i in range(per_writer):
            wire.ingest(as_bytes(ninjs_story("en", uri=f"urn:t:{n}:{i}")))

    follower = threading.Thread(target=follow)
    follower.start()
    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    follower.join()
    total = writers * per_writer
    assert seen == list(range(1, total + 1)), "the follower saw a gap or a repeat"
    wire.close()

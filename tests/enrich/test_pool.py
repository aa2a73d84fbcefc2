"""Enrichment in worker processes answers what enrichment in the publishing thread answers:
the same item, the same signature, a failing step skipped; a dead worker loses nothing."""

from __future__ import annotations

import os
import signal
import socket
import stat

from newswire.enrich.dedup import item_signature
from newswire.enrich.pipeline import Pipeline
from newswire.enrich.pool import EnrichPool, prepare
from newswire.formats import parse
from newswire.model import Item

from factories import as_bytes, ninjs_story


def story(n: int = 0) -> Item:
    return parse(as_bytes(ninjs_story("en", uri=f"urn:t:pool:{n}", marker=f"number {n}")))


def broken_step(item: Item) -> Item:
    raise ValueError("this step always fails")


def mark(item: Item) -> Item:
    return item.evolve(ed_note="marked by the step after the broken one")


def test_a_worker_enriches_as_the_publishing_thread_does() -> None:
    pipeline = Pipeline.default()
    pool = EnrichPool(pipeline, workers=2)
    try:
        for n in range(4):
            item = story(n)
            in_worker = pool.run(item, dedup=True)
            here = prepare(pipeline, item, None, (), True)
            assert in_worker == here
            assert in_worker.item.people or in_worker.item.subjects  # it was enriched
            assert in_worker.signature == item_signature(in_worker.item)
    finally:
        pool.close()


def test_a_step_that_fails_in_a_worker_is_skipped_and_the_next_still_runs() -> None:
    pool = EnrichPool(Pipeline([("broken", broken_step), ("mark", mark)]), workers=1)
    try:
        done = pool.run(story(), dedup=False)
    finally:
        pool.close()
    assert done.item.ed_note == "marked by the step after the broken one"
    assert done.signature is None


def test_a_killed_worker_costs_no_story_and_the_pool_starts_afresh() -> None:
    pipeline = Pipeline([("mark", mark)])
    pool = EnrichPool(pipeline, workers=1)
    try:
        pool.run(story(1), dedup=False)
        executor = pool._executor
        assert executor is not None
        for pid in list(executor._processes):  # the worker dies between two stories
            os.kill(pid, signal.SIGKILL)
        after = [pool.run(story(n), dedup=False) for n in range(2, 5)]
        assert [a.item.ed_note for a in after] == ["marked by the step after the broken one"] * 3
        assert pool._executor is not None and pool._executor is not executor  # started afresh
    finally:
        pool.close()


def test_closing_stops_the_workers_and_later_stories_are_enriched_here() -> None:
    pool = EnrichPool(Pipeline([("mark", mark)]), workers=2)
    pool.run(story(), dedup=False)
    executor = pool._executor
    assert executor is not None
    processes = list(executor._processes.values())
    pool.close()
    assert processes and not any(p.is_alive() for p in processes)
    assert pool.run(story(2), dedup=False).item.ed_note == "marked by the step after the broken one"
    assert pool._executor is None


def sockets_open() -> int:
    return sum(1 for name in os.listdir("/proc/self/fd") if int(name) > 2
               and _is_socket(int(name)))


def _is_socket(fd: int) -> bool:
    try:
        return stat.S_ISSOCK(os.fstat(fd).st_mode)
    except OSError:
        return False


def test_a_worker_keeps_no_copy_of_the_servers_connections() -> None:
    """Else the server's close of a connection open at the fork sends nothing to its client."""
    client, server_side = socket.socketpair()
    pool = EnrichPool(Pipeline([("mark", mark)]), workers=1)
    try:
        pool.run(story(), dedup=False)
        executor = pool._executor
        assert executor is not None
        assert sockets_open() >= 2
        assert executor.submit(sockets_open).result() == 0
        server_side.close()
        client.settimeout(5)
        assert client.recv(1) == b""  # the close reached the client
    finally:
        pool.close()
        client.close()

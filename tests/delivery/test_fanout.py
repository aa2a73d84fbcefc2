"""Live fan-out: the connections of one subscriber share one reading of the log, and each
still gets exactly the events after its own cursor, in order."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from newswire.delivery import fanout, feed
from newswire.delivery.fanout import Fanout

from conftest import LiveServer
from wirekit import Sub, publish, read_sse, subscriber


def _fanout(live: LiveServer) -> Fanout:
    return live.server.config.app.state.fanout  # type: ignore[no-any-return,union-attr]


def _listeners(live: LiveServer) -> int:
    return sum(b.listeners for b in list(_fanout(live)._broadcasts.values()))


def _readers(sub: Sub, n: int, count: int, params: dict[str, str] | None = None) -> tuple[list[threading.Thread],
                                                                                         list[list[dict[str, Any]]]]:
    got: list[list[dict[str, Any]]] = [[] for _ in range(n)]

    def read(i: int) -> None:
        got[i] = read_sse(sub.client, count, params=params, timeout=30)

    threads = [threading.Thread(target=read, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    return threads, got


def _wait_for_listeners(live: LiveServer, n: int) -> None:
    deadline = time.monotonic() + 15
    while _listeners(live) < n:
        assert time.monotonic() < deadline, f"only {_listeners(live)} of {n} streams opened"
        time.sleep(0.05)


def test_connections_of_one_subscriber_share_one_reading_of_the_log(
        live: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = subscriber(live, "many-screens", {})
    decided: list[int] = []
    real = feed.entitled_entries

    async def counted(*args: Any, **kwargs: Any) -> Any:
        decided.append(1)
        return await real(*args, **kwargs)

    monkeypatch.setattr(feed, "entitled_entries", counted)
    connections, stories = 8, 6
    threads, got = _readers(sub, connections, stories)
    _wait_for_listeners(live, connections)
    assert len(_fanout(live)._broadcasts) == 1
    published = []
    for i in range(stories):
        published.append(publish(live.wire, ("en", "tr", "ar")[i % 3])["uri"])
        time.sleep(0.05)
    for t in threads:
        t.join(30)
    for events in got:
        assert [e["data"]["uri"] for e in events] == published
    # once per wake of the one broadcast, not once per connection (8 x 6 = 48 before)
    assert len(decided) <= 2 * stories, decided


def test_a_connection_behind_the_shared_buffer_catches_up_alone_then_joins(
        live: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fanout, "BUFFER", 2)  # the broadcast keeps 2-4 frames
    sub = subscriber(live, "late-joiner", {})
    threads, got = _readers(sub, 1, 12)
    _wait_for_listeners(live, 1)
    for i in range(10):
        publish(live.wire, ("en", "fr")[i % 2])
        time.sleep(0.05)
    late_threads, late = _readers(sub, 1, 12, params={"after": "0"})
    deadline = time.monotonic() + 15
    while len(late[0]) == 0 and late_threads[0].is_alive():  # let it catch up, then go on publishing
        time.sleep(0.05)
        assert time.monotonic() < deadline
        if _listeners(live) >= 2:
            break
    publish(live.wire, "ru")
    publish(live.wire, "tr")
    for t in threads + late_threads:
        t.join(30)
    assert [e["id"] for e in late[0]] == list(range(1, 13))
    assert [e["id"] for e in got[0]] == list(range(1, 13))


def test_a_broadcast_stops_when_its_last_connection_leaves(live: LiveServer) -> None:
    sub = subscriber(live, "short-visit", {})
    threads, got = _readers(sub, 2, 1)
    _wait_for_listeners(live, 2)
    publish(live.wire, "en")
    for t in threads:
        t.join(30)
    assert all(len(events) == 1 for events in got)
    deadline = time.monotonic() + 10
    while _fanout(live)._broadcasts:
        assert time.monotonic() < deadline, "the broadcast outlived its connections"
        time.sleep(0.05)

"""Open streams and long-polls follow the subscriber as it is now: revoking its key or
disabling it ends them within a second or two, a product change applies to them, and the
number of open streams per key and per subscriber is capped."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token, revoke_token

from conftest import LiveServer, open_wire, start_server
from wirekit import Sub, publish, subscriber


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, sse_heartbeat_seconds=5.0, max_streams_per_key=2, max_streams_per_subscriber=3)
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


class OpenStream:
    """An SSE connection read in a thread: the events seen, and when it ended."""

    def __init__(self, sub: Sub) -> None:
        self.events: list[str] = []
        self.ended_at: float | None = None
        self.status: int | None = None
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(sub,), daemon=True)
        self.thread.start()
        assert self.ready.wait(10)

    def _read(self, sub: Sub) -> None:
        try:
            with sub.client.stream("GET", "/v1/stream", timeout=httpx.Timeout(30, read=30)) as resp:
                self.status = resp.status_code
                self.ready.set()
                for line in resp.iter_lines():
                    if line.startswith("data: "):
                        self.events.append(line)
        except httpx.HTTPError:
            pass
        finally:
            self.ready.set()
            self.ended_at = time.monotonic()


def ends_within(stream: OpenStream, seconds: float) -> float:
    started = time.monotonic()
    stream.thread.join(seconds)
    assert stream.ended_at is not None, f"the stream was still open after {seconds} s"
    return stream.ended_at - started


def test_revoking_a_key_ends_its_open_stream_within_two_seconds(live: LiveServer) -> None:
    sub = subscriber(live, "revoked", {})
    stream = OpenStream(sub)
    assert stream.status == 200
    time.sleep(0.3)
    revoke_token(live.wire.engine, sub.key)
    assert ends_within(stream, 5) < 3


def test_disabling_a_subscriber_ends_its_open_streams(live: LiveServer) -> None:
    sub = subscriber(live, "disabled", {})
    stream = OpenStream(sub)
    time.sleep(0.3)
    accounts.set_subscriber_disabled(live.wire.engine, "disabled", True)
    assert ends_within(stream, 5) < 3


def test_a_long_poll_in_flight_answers_401_once_its_key_is_revoked(live: LiveServer) -> None:
    sub = subscriber(live, "polling", {})
    result: dict[str, Any] = {}

    def poll() -> None:
        started = time.monotonic()
        resp = sub.client.get("/v1/feed", params={"after": "0", "wait": "20"})
        result.update(status=resp.status_code, took=time.monotonic() - started, type=resp.headers["content-type"])

    thread = threading.Thread(target=poll)
    thread.start()
    time.sleep(0.5)
    revoke_token(live.wire.engine, sub.key)
    thread.join(10)
    assert result["status"] == 401 and result["type"].startswith("application/problem+json")
    assert result["took"] < 4


def test_a_product_change_applies_to_a_stream_already_open(live: LiveServer) -> None:
    sub = subscriber(live, "switching", {"languages": ["en"]})
    stream = OpenStream(sub)
    accounts.create_product(live.wire.engine, "turkish", {"languages": ["tr"]})
    accounts.set_subscriber_products(live.wire.engine, "switching", ["turkish"])
    time.sleep(1.5)
    publish(live.wire, "en", marker="notforyou")
    publish(live.wire, "tr", marker="sizin")
    deadline = time.monotonic() + 10
    while not stream.events and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    assert len(stream.events) == 1 and "sizin" in stream.events[0]
    revoke_token(live.wire.engine, sub.key)  # the stream ends, so the server stops at once
    ends_within(stream, 5)


def test_open_streams_are_capped_per_key_and_per_subscriber(live: LiveServer) -> None:
    sub = subscriber(live, "greedy", {})
    first, second = OpenStream(sub), OpenStream(sub)
    assert first.status == second.status == 200
    refused = sub.client.get("/v1/stream")
    assert refused.status_code == 429 and refused.headers["content-type"].startswith("application/problem+json")
    assert "Retry-After" in refused.headers and "key" in refused.json()["detail"]

    other_key = create_token(live.wire.engine, "subscriber", subscriber_id=accounts.get_subscriber(
        live.wire.engine, "greedy").id)
    other = Sub("greedy", other_key, httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {other_key}"}))
    third = OpenStream(other)
    assert third.status == 200
    fourth = other.client.get("/v1/stream")
    assert fourth.status_code == 429, (fourth.status_code, fourth.text[:300])
    assert fourth.json()["detail"].startswith("This subscriber")

    revoke_token(live.wire.engine, sub.key)  # the two streams of the first key end: their slots free up
    ends_within(first, 5)
    ends_within(second, 5)
    assert OpenStream(other).status == 200
    revoke_token(live.wire.engine, other_key)  # let the server stop without open streams
    ends_within(third, 5)

"""The per-connection cost of the live fan-out (issue 16): a thousand streams woken by one
event must not hold the event loop for all of their writes at once, a frame goes to the
server's own send past the middlewares, the send timeout is one watch, not a timer per
write, and ``/healthz`` does not wait for a worker thread behind the fan-out."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from newswire.api import app as app_module
from newswire.delivery.fanout import WAKE_SLICE, Broadcast
from newswire.delivery.sse import SSEResponse, StreamSend

from conftest import open_wire


def test_waiting_connections_are_woken_a_slice_per_turn_of_the_event_loop() -> None:
    async def main() -> list[int]:
        b = Broadcast(1, "ninjs", base=0, cursor=0)
        woken: list[int] = []

        async def connection(i: int) -> None:
            await b.news(None)
            woken.append(i)

        tasks = [asyncio.create_task(connection(i)) for i in range(2 * WAKE_SLICE + 5)]
        await asyncio.sleep(0)  # every connection waits
        b.advance([], 1)
        seen = []
        for _ in range(4):
            await asyncio.sleep(0)  # one turn of the loop
            seen.append(len(woken))
        await asyncio.gather(*tasks)
        assert sorted(woken) == list(range(len(tasks)))
        return seen

    # what else the loop has (a publication, /healthz) waits for a slice, not for all
    assert asyncio.run(main()) == [WAKE_SLICE, 2 * WAKE_SLICE, 2 * WAKE_SLICE + 5, 2 * WAKE_SLICE + 5]


async def _never() -> Message:
    await asyncio.Event().wait()
    raise AssertionError


async def _chunks() -> AsyncIterator[bytes]:
    yield b"retry: 2000\n\n"
    yield b"id: 1\nevent: published\ndata: {}\n\n"


def test_frames_go_to_the_servers_send_and_the_start_and_end_through_the_middlewares() -> None:
    through_middleware: list[Message] = []
    server: list[Message] = []

    async def server_send(message: Message) -> None:
        server.append(message)

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: Message) -> None:
            through_middleware.append(message)
            await send(message)

        await SSEResponse(_chunks())(scope, receive, sending)

    asyncio.run(StreamSend(middleware)({"type": "http"}, _never, server_send))
    assert [(m["type"], m.get("more_body")) for m in through_middleware] == [
        ("http.response.start", None), ("http.response.body", False)]
    assert [m.get("body") for m in server[1:-1]] == [b"retry: 2000\n\n", b"id: 1\nevent: published\ndata: {}\n\n"]
    assert server[0]["type"] == "http.response.start" and server[-1]["more_body"] is False


def test_a_write_that_waits_past_the_send_timeout_ends_only_its_stream() -> None:
    async def stuck(message: Message) -> None:
        if message["type"] == "http.response.body" and message.get("body", b"").startswith(b"id: "):
            await asyncio.Event().wait()  # the client's buffer is full and stays full

    async def main() -> tuple[float, list[bytes]]:
        reading: list[bytes] = []

        async def reads(message: Message) -> None:
            reading.append(message.get("body", b""))

        other = asyncio.create_task(SSEResponse(_chunks(), send_timeout=0.3)({"type": "http"}, _never, reads))
        started = time.monotonic()
        await asyncio.wait_for(SSEResponse(_chunks(), send_timeout=0.3)({"type": "http"}, _never, stuck), 5)
        elapsed = time.monotonic() - started
        await asyncio.wait_for(other, 5)
        return elapsed, reading

    elapsed, reading = asyncio.run(main())
    assert 0.3 <= elapsed < 1.5  # ended by the watch, without raising
    assert b"id: 1\nevent: published\ndata: {}\n\n" in reading


def test_healthz_asks_sqlite_on_the_event_loop_and_opens_another_connection_after_a_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wire = open_wire(f"sqlite:///{tmp_path / 'w.db'}")
    threads: list[object] = []
    real = app_module.run_in_threadpool

    async def counted(func: Any, *args: Any) -> Any:
        threads.append(func)
        return await real(func, *args)

    monkeypatch.setattr(app_module, "run_in_threadpool", counted)
    ping = app_module.StorePing(wire)

    async def main() -> None:
        for _ in range(5):
            await ping()  # the connection is opened once (in a thread), then asked on the loop
        assert len(threads) == 1
        assert ping._conn is not None
        ping._conn.driver_connection.close()  # type: ignore[union-attr]  # the store went away under it
        with pytest.raises(sqlite3.ProgrammingError):
            await ping()
        await ping()  # a new connection
        assert len(threads) == 2

    try:
        asyncio.run(main())
    finally:
        ping.close()
        wire.close()

"""The per-connection cost of the live fan-out (issue 16): a thousand streams woken by one
event must not hold the event loop for all of their writes at once, a frame goes to the
server's own send past the middlewares, and the send timeout is one watch, not a timer
per write."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from starlette.types import Message, Receive, Scope, Send

from newswire.delivery.fanout import WAKE_SLICE, Broadcast
from newswire.delivery.sse import SSEResponse, StreamSend


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

"""An SSE response that drops a client who stops reading, instead of buffering for it.

uvicorn applies back-pressure: ``send`` waits while the socket's buffer is full. If one
write waits longer than ``send_timeout``, the client is too slow: the connection is closed
and the client resumes from its ``Last-Event-ID``. Memory per connection stays bounded by
the socket buffers, and a slow client never slows anyone else (each reads on its own).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.responses import Response
from starlette.types import Receive, Scope, Send


class SSEResponse(Response):
    media_type = "text/event-stream"

    def __init__(self, chunks: AsyncIterator[bytes], *, send_timeout: float = 30.0,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=200, media_type=self.media_type)
        self.chunks = chunks
        self.send_timeout = send_timeout
        self.extra_headers = headers or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {
            "content-type": "text/event-stream; charset=utf-8",
            "cache-control": "no-cache",
            "x-accel-buffering": "no",  # tell nginx-style proxies not to buffer
            **{k.lower(): v for k, v in self.extra_headers.items()},
        }
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(k.encode(), v.encode()) for k, v in headers.items()]})
        disconnected = asyncio.Event()

        async def watch() -> None:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    disconnected.set()
                    return

        watcher = asyncio.create_task(watch())
        try:
            async for chunk in _until(self.chunks, disconnected):
                await asyncio.wait_for(
                    send({"type": "http.response.body", "body": chunk, "more_body": True}),
                    self.send_timeout,
                )
            if not disconnected.is_set():
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        except (TimeoutError, OSError):
            pass  # too slow or gone: the client resumes from its Last-Event-ID
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            aclose = getattr(self.chunks, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()


async def _until(chunks: AsyncIterator[bytes], stop: asyncio.Event) -> AsyncIterator[bytes]:
    iterator = chunks.__aiter__()
    while not stop.is_set():
        next_chunk = asyncio.ensure_future(iterator.__anext__())
        stopped = asyncio.ensure_future(stop.wait())
        done, _ = await asyncio.wait({next_chunk, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if next_chunk in done:
            stopped.cancel()
            try:
                chunk = next_chunk.result()
            except StopAsyncIteration:
                return
            yield chunk
        else:
            next_chunk.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await next_chunk
            return

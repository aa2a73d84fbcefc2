"""An SSE response that drops a client who stops reading, instead of buffering for it.

uvicorn applies back-pressure: ``send`` waits while the socket's buffer is full. If one
write waits longer than ``send_timeout``, the client is too slow: the connection is closed
and the client resumes from its ``Last-Event-ID``. Memory per connection stays bounded by
the socket buffers, and a slow client never slows anyone else (each reads on its own).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

from starlette.responses import Response
from starlette.types import Receive, Scope, Send


class SSEResponse(Response):
    media_type = "text/event-stream"

    def __init__(self, chunks: AsyncIterator[bytes], *, send_timeout: float = 30.0,
                 headers: dict[str, str] | None = None, on_close: Callable[[], None] | None = None) -> None:
        super().__init__(status_code=200, media_type=self.media_type)
        self.chunks = chunks
        self.on_close = on_close
        self.send_timeout = send_timeout
        self.extra_headers = headers or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self._stream(receive, send)
        finally:
            if self.on_close is not None:
                self.on_close()

    async def _stream(self, receive: Receive, send: Send) -> None:
        headers = {
            "content-type": "text/event-stream; charset=utf-8",
            "cache-control": "no-cache",
            "x-accel-buffering": "no",  # tell nginx-style proxies not to buffer
            **{k.lower(): v for k, v in self.extra_headers.items()},
        }
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(k.encode(), v.encode()) for k, v in headers.items()]})
        streaming = asyncio.current_task()
        gone = False

        async def watch() -> None:
            nonlocal gone
            while (await receive())["type"] != "http.disconnect":
                pass
            gone = True
            if streaming is not None:
                streaming.cancel()

        watcher = asyncio.create_task(watch())
        try:
            async for chunk in self.chunks:
                async with asyncio.timeout(self.send_timeout):
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except (TimeoutError, OSError):
            pass  # too slow or gone: the client resumes from its Last-Event-ID
        except asyncio.CancelledError:
            if not gone:
                raise  # a real cancellation (shutdown), not the client leaving
            if streaming is not None:
                streaming.uncancel()
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            aclose = getattr(self.chunks, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

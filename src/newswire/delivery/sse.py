"""An SSE response that drops a client who stops reading, instead of buffering for it.

uvicorn applies back-pressure: ``send`` waits while the socket's buffer is full. If one
write waits longer than ``send_timeout``, the client is too slow: the connection is closed
and the client resumes from its ``Last-Event-ID``. Memory per connection stays bounded by
the socket buffers, and a slow client never slows anyone else (each reads on its own).

A thousand streams each written twenty times a second make the per-write overhead the cost
of the fan-out (issue 16), so a write is kept to the server's own ``send``:

- the frames after the response's start go to the send the outermost middleware saw
  (:class:`StreamSend` leaves it in the scope): every middleware acts on a response's start
  only, and each layer cost every frame a coroutine call; the start and the end still pass
  through all of them (headers, status, access log, metrics);
- the send timeout is one watch per event loop over the writes in flight (:class:`_Stalls`),
  not a timer armed and cancelled around every write.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator, Callable

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

# Where :class:`StreamSend` leaves the server's send in ``scope["state"]``.
STREAM_SEND = "newswire.stream_send"
STALL_CHECK = 0.25  # seconds between looks at the writes in flight


class StreamSend:
    """The outermost middleware: leaves the server's ``send`` in the scope, for the frames of
    an event stream (:class:`SSEResponse`) after its start."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {})[STREAM_SEND] = send
        await self.app(scope, receive, send)


class _Stalls:
    """The event loop's stream writes in flight, looked at every ``STALL_CHECK`` seconds while
    a stream is open: a write waiting past its deadline cancels its stream."""

    def __init__(self) -> None:
        self.writing: dict[SSEResponse, float] = {}  # the deadline of each write in flight
        self.open = 0
        self.task: asyncio.Task[None] | None = None

    def opened(self) -> None:
        self.open += 1
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._watch(), name="sse-stalls")

    def closed(self, response: SSEResponse) -> None:
        self.open -= 1
        self.writing.pop(response, None)

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        while self.open > 0:
            await asyncio.sleep(STALL_CHECK)
            now = loop.time()
            for response, deadline in list(self.writing.items()):
                if now >= deadline:
                    del self.writing[response]
                    response.stall()


_stalls: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Stalls] = weakref.WeakKeyDictionary()


def _stalls_here() -> _Stalls:
    loop = asyncio.get_running_loop()
    stalls = _stalls.get(loop)
    if stalls is None:
        stalls = _stalls[loop] = _Stalls()
    return stalls


class SSEResponse(Response):
    media_type = "text/event-stream"

    def __init__(self, chunks: AsyncIterator[bytes], *, send_timeout: float = 30.0,
                 headers: dict[str, str] | None = None, on_close: Callable[[], None] | None = None,
                 on_open: Callable[[], None] | None = None) -> None:
        super().__init__(status_code=200, media_type=self.media_type)
        self.chunks = chunks
        self.on_open = on_open
        self.on_close = on_close
        self.send_timeout = send_timeout
        self.extra_headers = headers or {}
        self._task: asyncio.Task[object] | None = None
        self._stalled = False

    __hash__ = object.__hash__  # a key of the loop's writes in flight

    def stall(self) -> None:
        """A write waited past the send timeout: end the stream."""
        self._stalled = True
        if self._task is not None:
            self._task.cancel()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.on_open is not None:
            self.on_open()
        try:
            await self._stream(receive, send, scope.get("state", {}).get(STREAM_SEND, send))
        finally:
            if self.on_close is not None:
                self.on_close()

    async def _stream(self, receive: Receive, send: Send, frame_send: Send) -> None:
        """``send`` takes the response's start and end through every middleware;
        ``frame_send`` (the server's own) the frames between."""
        headers = {
            "content-type": "text/event-stream; charset=utf-8",
            "cache-control": "no-cache",
            "x-accel-buffering": "no",  # tell nginx-style proxies not to buffer
            **{k.lower(): v for k, v in self.extra_headers.items()},
        }
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(k.encode(), v.encode()) for k, v in headers.items()]})
        streaming = self._task = asyncio.current_task()
        gone = False

        async def watch() -> None:
            nonlocal gone
            while (await receive())["type"] != "http.disconnect":
                pass
            gone = True
            if streaming is not None:
                streaming.cancel()

        loop = asyncio.get_running_loop()
        stalls = _stalls_here()
        writing, timeout = stalls.writing, self.send_timeout
        stalls.opened()
        watcher = asyncio.create_task(watch())
        try:
            async for chunk in self.chunks:
                writing[self] = loop.time() + timeout
                await frame_send({"type": "http.response.body", "body": chunk, "more_body": True})
                writing.pop(self, None)
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except OSError:
            pass  # gone: the client resumes from its Last-Event-ID
        except asyncio.CancelledError:
            if not (gone or self._stalled):
                raise  # a real cancellation (shutdown), not the client leaving or too slow
            if streaming is not None:
                streaming.uncancel()
        finally:
            stalls.closed(self)
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            aclose = getattr(self.chunks, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

"""HEAD answered like GET, without a body, for every GET route (RFC 9110 9.3.2), in one place.

Two pure-ASGI middlewares share the work:

- :class:`HeadResponses`, the outermost, sees the request as HEAD (so the access log and the
  metrics say HEAD). It lets the GET's answer through the other middlewares — compression,
  rate-limit headers, request id — so the status and every header (``ETag``,
  ``Content-Type``, ``Content-Length``, ``Cache-Control``, ``Link``…) are the GET's, then ends
  the response right after its start with an empty body. The rest of what the route sends is
  dropped; a stream (an event stream, a download) that goes on sending is told the client is
  gone, as ASGI 2.4 tells a stream whose client left (``send`` raises ``OSError``, ``receive``
  answers ``http.disconnect``), so ``/v1/stream`` and the site's ticker end at once.
- :class:`HeadRoutedAsGet`, the innermost, hands the request to the routes as a GET: no route
  declares HEAD, none answers it differently.

A HEAD is not a read: while one is served, :func:`answering_head` is true, and the usage audit
(:class:`HeadNotRecorded`) records nothing for it. It is a request like any other for the rate
limit. A long-poll (``/v1/feed?wait=``, the portal's and the desk's ``/updates``) answers a HEAD
at once, without waiting (:func:`long_poll_wait`).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newswire.store.usage import UsageRecorder

_answering_head: ContextVar[bool] = ContextVar("answering_head", default=False)


def answering_head() -> bool:
    """Is the request being served a HEAD (answered by its GET route)?"""
    return _answering_head.get()


def long_poll_wait(seconds: float) -> float:
    """How long a long-poll may wait for news: not at all for a HEAD, whose answer carries none."""
    return 0.0 if answering_head() else seconds


class HeadAnswered(OSError):
    """The HEAD's answer is complete: what the route still sends has no client to go to."""


class _OnHead:
    """A pure-ASGI middleware that does something to HEAD requests only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "HEAD":
            await self.head(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def head(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class HeadResponses(_OnHead):
    """The outermost middleware: a HEAD gets its GET's start and an empty body (see the module)."""

    async def head(self, scope: Scope, receive: Receive, send: Send) -> None:
        answered = False

        async def head_send(message: Message) -> None:
            nonlocal answered
            if answered:
                if message["type"] == "http.response.body" and message.get("more_body", False):
                    raise HeadAnswered("the HEAD was answered: no body follows")
                return  # the end of a whole answer, or a trailer: nothing to send
            if message["type"] == "http.response.start":
                await send(message)
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                answered = True
                return
            await send(message)

        async def head_receive() -> Message:
            if answered:
                return {"type": "http.disconnect"}
            return await receive()

        token = _answering_head.set(True)
        try:
            await self.app(scope, head_receive, head_send)
        except (HeadAnswered, ClientDisconnect):
            if not answered:
                raise
        finally:
            _answering_head.reset(token)


class HeadRoutedAsGet(_OnHead):
    """The innermost middleware: a HEAD reaches the routes as the GET it is answered by."""

    async def head(self, scope: Scope, receive: Receive, send: Send) -> None:
        as_get = {**scope, "method": "GET"}  # a copy: the server's scope still says HEAD
        try:
            await self.app(as_get, receive, send)
        finally:  # what routing found (the route the metrics label by) goes back to the HEAD's scope
            for key in as_get.keys() - scope.keys():
                scope[key] = as_get[key]


class HeadNotRecorded:
    """The usage audit as the routes see it: a HEAD delivers nothing, so it records nothing."""

    def __init__(self, recorder: UsageRecorder) -> None:
        self.recorder = recorder

    def record(self, *args: Any, **kwargs: Any) -> None:
        if not answering_head():
            self.recorder.record(*args, **kwargs)

    def flush(self) -> int:
        return self.recorder.flush()

"""Bounded request bodies, and no body read before its bearer token is checked.

One pure-ASGI middleware in front of every route:

- every body has a limit (``limit_for``): stories (``POST /v1/items`` and the desk's forms)
  may be ``settings.max_body_bytes``, everything else ``settings.max_json_body_bytes``;
- a declared ``Content-Length`` over the limit is answered 413 at once; a body without one
  is counted while it streams and refused (413) the moment it passes the limit, so at most
  one limit's worth is ever buffered;
- a request to ``/v1/`` that carries a body must show a valid bearer token first (401 at once,
  before a byte of the body is read); the principal is kept in the request state, where
  :func:`newswire.api.auth.principal` finds it instead of looking the token up again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newswire.api.auth import bearer_principal
from newswire.api.problems import Problem, problem_response
from newswire.config import Settings

JSON_BODY_BYTES = 64 * 1024  # the default of settings.max_json_body_bytes


@dataclass(frozen=True, slots=True)
class BodyLimit:
    method: str
    path: str
    limit: int
    what: str
    prefix: bool = False  # every path under ``path``


def body_limits(settings: Settings) -> tuple[BodyLimit, ...]:
    """The routes whose bodies may be larger than the JSON default (the README's table)."""
    return (BodyLimit("POST", "/v1/items", settings.max_body_bytes,
                      "a story: ninjs, NewsML-G2, NITF or wire text (NEWSWIRE_MAX_BODY_BYTES)"),
            BodyLimit("POST", "/v1/media", settings.max_media_bytes,
                      "a picture, raw or multipart; streamed to disk, never held in memory "
                      "(NEWSWIRE_MAX_MEDIA_BYTES)"),
            BodyLimit("POST", "/desk/compose", settings.max_body_bytes,
                      "the desk's compose form: a story (NEWSWIRE_MAX_BODY_BYTES)"),
            BodyLimit("POST", "/desk/autosave", settings.max_body_bytes,
                      "the desk's autosave: a draft story (NEWSWIRE_MAX_BODY_BYTES)"),
            BodyLimit("POST", "/desk/items/", settings.max_body_bytes,
                      "the desk's correct form: a story (NEWSWIRE_MAX_BODY_BYTES)", prefix=True))


class BodyTooLarge(Problem):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "Content too large", f"The body exceeds {limit} bytes.")


def _declared_length(scope: Scope) -> tuple[int | None, bool]:
    """(Content-Length if declared, whether a body follows at all)."""
    length: int | None = None
    chunked = False
    for name, value in scope.get("headers", ()):
        if name == b"content-length" and value.strip().isdigit():  # bytes: ASCII digits only
            length = int(value.strip())
        elif name == b"transfer-encoding":
            chunked = True
    return length, chunked or bool(length)


def _authorization(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            return str(value.decode("latin-1"))
    return ""


class BodyLimits:
    def __init__(self, app: ASGIApp, *, settings: Settings, engine: Engine) -> None:
        self.app, self.engine = app, engine
        self.default = settings.max_json_body_bytes
        found = body_limits(settings)
        self.limits = {(b.method, b.path): b.limit for b in found if not b.prefix}
        self.prefixes = [(b.method, b.path, b.limit) for b in found if b.prefix]

    def limit_for(self, method: str, path: str) -> int:
        exact = self.limits.get((method, path))
        if exact is not None:
            return exact
        return next((limit for m, prefix, limit in self.prefixes if m == method and path.startswith(prefix)),
                    self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = self.limit_for(scope["method"], path)
        declared, has_body = _declared_length(scope)
        if has_body and path.startswith("/v1/"):
            try:
                who = await bearer_principal(self.engine, _authorization(scope))
            except Problem as refused:
                await _answer(scope, receive, send, refused)
                return
            scope.setdefault("state", {})["principal"] = who
        if declared is not None and declared > limit:
            await _answer(scope, receive, send, BodyTooLarge(limit))
            return

        received = 0
        overflow = False
        started = replaced = False

        async def bounded_receive() -> Message:
            nonlocal received, overflow
            if overflow:
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    overflow = True  # stop here: the rest of the body is never read
                    raise BodyTooLarge(limit)
            return message

        async def guarded_send(message: Message) -> None:
            # Whatever the route made of the interrupted body (FastAPI calls it a parse
            # error), the answer is the 413.
            nonlocal started, replaced
            if replaced:
                return
            if message["type"] == "http.response.start":
                if overflow:
                    replaced = True
                    await _answer(scope, receive, send, BodyTooLarge(limit))
                    return
                started = True
            await send(message)

        try:
            await self.app(scope, bounded_receive, guarded_send)
        except BodyTooLarge as exc:
            if started:
                raise
            if not replaced:
                await _answer(scope, receive, send, exc)


async def _answer(scope: Scope, receive: Receive, send: Send, problem: Problem) -> None:
    response = problem_response(problem.status, problem.title, problem.detail, instance=scope["path"],
                                headers=problem.headers, **problem.extra)
    await response(scope, receive, send)

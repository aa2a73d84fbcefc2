"""RFC 9457 problem details for every error: a 4xx for bad input, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from newswire.formats.errors import FormatError
from newswire.media.blobs import StoreUnavailable
from newswire.store.items import NotFound, StoreConflict

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
_PATH_SAFE = "/:@!$&'()*+,;=-._~"  # RFC 3986 pchar and "/" (everything else is percent-encoded)


class Problem(Exception):
    def __init__(
        self, status: int, title: str, detail: str | None = None,
        headers: dict[str, str] | None = None, **extra: Any,
    ) -> None:
        super().__init__(detail or title)
        self.status, self.title, self.detail = status, title, detail
        self.headers = headers or {}
        self.extra = extra


def problem_response(
    status: int, title: str, detail: str | None = None, *, instance: str | None = None,
    headers: dict[str, str] | None = None, **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if instance:
        # a URI reference (RFC 9457): the decoded path percent-encoded again where it must be
        body["instance"] = quote(instance, safe=_PATH_SAFE)
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 413: "Content too large"}


def slash_redirect(request: Request) -> Response | None:
    """The other spelling of a path that matches no route (with or without its trailing
    slash), if a route has it: a 307 to that path, relative, so nothing in the request but its
    path (never ``Host``) makes the ``Location``."""
    scope = request.scope
    path: str = scope["path"]
    if path in ("", "/"):
        return None
    other = path[:-1] if path.endswith("/") else path + "/"
    routes = request.app.router.routes
    if any(r.matches(scope)[0] != Match.NONE for r in routes):
        return None  # a route answered 404 itself
    if not any(r.matches({**scope, "path": other})[0] != Match.NONE for r in routes):
        return None
    raw = (scope.get("raw_path") or path.encode()).decode("latin-1")
    location = raw[:-1] if raw.endswith("/") else raw + "/"
    if not location.startswith("/") or location[1:2] in ("/", "\\"):
        return None  # "//host" would send the browser elsewhere
    if scope.get("query_string"):
        location += "?" + scope["query_string"].decode("latin-1")
    return Response(status_code=307, headers={"Location": location})


def with_head_allowed(headers: dict[str, str] | None) -> dict[str, str] | None:
    """A 405's ``Allow``: every route that answers GET answers HEAD too (``api.head``)."""
    allow = (headers or {}).get("Allow")
    if headers is None or allow is None:
        return headers
    methods = [m.strip() for m in allow.split(",") if m.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.insert(methods.index("GET") + 1, "HEAD")
    return {**headers, "Allow": ", ".join(methods)}


def invalid_detail(errors: Sequence[Any]) -> str:
    """What a validation error says, naming each thing refused: an unknown key by its name
    (``Unknown key 'rateLimt' in the body``), others by where they are and why."""
    said: list[str] = []
    for error in errors[:5]:
        where = [str(p) for p in error.get("loc", ())]
        place = ".".join(where[1:]) if where[:1] == ["body"] else ".".join(where)
        if error.get("type") == "extra_forbidden":
            said.append(f"Unknown key {where[-1]!r} in the {'body' if where[:1] == ['body'] else where[0]}"
                        + (f" (at {place})" if len(where) > 2 else ""))
        else:
            message = str(error.get("msg", "")).removeprefix("Value error, ")
            said.append(f"{place}: {message}" if place else message)
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return ("The request is invalid: " + "; ".join(said) + more + ".") if said else "The request is invalid."


def install(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, instance=request.url.path,
                                headers=exc.headers, **exc.extra)

    @app.exception_handler(FormatError)
    async def _format(request: Request, exc: FormatError) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, instance=request.url.path)

    @app.exception_handler(StoreConflict)
    async def _conflict(request: Request, exc: StoreConflict) -> JSONResponse:
        return problem_response(409, "Conflict", str(exc), instance=request.url.path)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return problem_response(404, "Not found", f"No item {exc}.", instance=request.url.path)

    @app.exception_handler(StoreUnavailable)
    async def _media_store(request: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("media store unavailable on %s: %s", request.url.path, exc)
        return problem_response(503, "Media store unavailable", "The media store cannot be reached; try again shortly.",
                                instance=request.url.path, headers={"Retry-After": "5"})

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        return problem_response(422, "Invalid request", invalid_detail(exc.errors()),
                                instance=request.url.path, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and (moved := slash_redirect(request)) is not None:
            return moved
        title = TITLES.get(exc.status_code, "Error")
        return problem_response(exc.status_code, title, str(exc.detail) if exc.detail else None,
                                instance=request.url.path, headers=with_head_allowed(getattr(exc, "headers", None)))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem_response(500, "Internal error", "The server could not complete the request.",
                                instance=request.url.path)

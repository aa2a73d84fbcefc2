"""gzip for whole answers (pages, feeds, JSON, problems); streams pass through untouched.

:class:`Compression` is the app's outermost content coding step. It compresses a response
only when all of this holds: the client accepts gzip (``Accept-Encoding`` with q-values, so
``gzip;q=0`` is a refusal), the media type is text-like (:func:`compressible`; never
``text/event-stream``), nothing set a ``Content-Encoding`` already (the public site sends
its own pre-compressed pages), and the body arrives in one piece of at least
:data:`MIN_SIZE` bytes. A response whose first body message says more follows (a stream) is
passed on as it comes, message by message: nothing is buffered, and an event stream's
headers go out at once. A strong ``ETag`` on a body it compresses becomes weak (``W/``): the
bytes differ from the identity representation's. Every answer it could compress says
``Vary: Accept-Encoding``.
"""

from __future__ import annotations

import gzip

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MIN_SIZE = 512  # bytes: below this, gzip's header and checksum cost more than they save
GZIP_LEVEL = 6
_TEXT_TYPES = frozenset({
    "application/json", "application/problem+json", "application/xml", "application/javascript",
    "application/x-ndjson", "application/openmetrics-text", "image/svg+xml",
})
_NEVER = frozenset({"text/event-stream"})


def compressible(media_type: str) -> bool:
    """Is a body of this media type worth compressing (text, JSON, XML, SVG)? Never an
    event stream, which must reach the client event by event."""
    kind = media_type.split(";", 1)[0].strip().lower()
    if kind in _NEVER:
        return False
    return (kind.startswith("text/") or kind in _TEXT_TYPES or kind.endswith(("+json", "+xml")))


def accepts_gzip(header: str | None) -> bool:
    """RFC 9110 12.5.3: gzip (or x-gzip) with q > 0, or ``*`` with q > 0 when gzip itself
    is not named."""
    if not header:
        return False
    named: float | None = None
    star: float | None = None
    for part in header.split(","):
        coding, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        coding = coding.lower()
        if coding in ("gzip", "x-gzip"):
            named = q if named is None else max(named, q)
        elif coding == "*":
            star = q
    if named is not None:
        return named > 0
    return star is not None and star > 0


def gzip_bytes(body: bytes) -> bytes:
    """Deterministic gzip (no time stamp): the same page always compresses to the same bytes."""
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def add_vary(headers: MutableHeaders) -> None:
    present = {v.strip().lower() for v in headers.get("vary", "").split(",") if v.strip()}
    if "accept-encoding" not in present and "*" not in present:
        headers.add_vary_header("Accept-Encoding")


class Compression:
    """gzip for whole answers, streams untouched (see the module's docstring)."""

    def __init__(self, app: ASGIApp, minimum_size: int = MIN_SIZE) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wanted = accepts_gzip(Headers(scope=scope).get("accept-encoding"))
        start: Message | None = None
        passing = False  # decided: every further message goes out as it is

        async def sending(message: Message) -> None:
            nonlocal start, passing
            if passing:
                await send(message)
                return
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                status = message["status"]
                if ("content-encoding" in headers or status in (204, 206, 304)
                        or not compressible(headers.get("content-type", ""))):
                    passing = True  # an event stream's headers leave now, not with its first event
                    await send(message)
                    return
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                passing = True
                if start is not None:
                    await send(start)
                await send(message)
                return
            passing = True
            headers = MutableHeaders(raw=start.setdefault("headers", []))
            add_vary(headers)
            body = message.get("body", b"")
            if wanted and not message.get("more_body", False) and len(body) >= self.minimum_size:
                packed = gzip_bytes(body)
                if len(packed) < len(body):
                    headers["content-encoding"] = "gzip"
                    headers["content-length"] = str(len(packed))
                    etag = headers.get("etag")
                    if etag and not etag.startswith("W/"):
                        headers["etag"] = "W/" + etag
                    message = {**message, "body": packed}
            await send(start)
            await send(message)

        await self.app(scope, receive, sending)

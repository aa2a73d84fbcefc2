"""Rendered responses, their validators, and the page cache.

A page is rendered once per (URL, store sequence): any publish, kill or embargo lift moves
the sequence and so retires every cached page at once; entries also expire after
``max_age`` seconds, for what changes with the clock alone (the news sitemap's 48 hours).
ETags are a hash of the bytes, so a page that did not change keeps answering 304 across
publishes.

A text page is also kept gzipped, compressed once when it is rendered (never per request):
clients that accept gzip get those bytes, with their own strong ETag (the identity tag with
``-gzip``), and every text answer says ``Vary: Accept-Encoding``.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from newswire.api.compression import MIN_SIZE, compressible, gzip_bytes

HTML = "text/html; charset=utf-8"
CACHE_PAGE = "public, max-age=60"
CACHE_SITEMAP = "public, max-age=300"
CACHE_ROBOTS = "public, max-age=3600"
CACHE_ASSET = "public, max-age=31536000, immutable"
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
)
HTML_POLICY = (
    "content-security-policy",
    "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A complete answer: status, bytes and the headers that validate and cache them."""

    status: int
    body: bytes
    media_type: str
    cache_control: str = CACHE_PAGE
    last_modified: datetime | None = None
    location: str | None = None
    etag: str = ""
    gzipped: bytes | None = None  # the body gzipped, when that is smaller (text of MIN_SIZE bytes or more)
    raw_headers: list[tuple[bytes, bytes]] = field(default_factory=list, compare=False)
    gzip_headers: list[tuple[bytes, bytes]] = field(default_factory=list, compare=False)

    @classmethod
    def make(cls, status: int, body: bytes | str, media_type: str = HTML, *,
             cache_control: str = CACHE_PAGE, last_modified: datetime | None = None,
             location: str | None = None) -> Rendered:
        data = body.encode("utf-8") if isinstance(body, str) else body
        tag = '"' + hashlib.blake2b(data, digest_size=12).hexdigest() + '"'
        if last_modified is not None:
            last_modified = last_modified.astimezone(UTC).replace(microsecond=0)
        packed = gzip_bytes(data) if compressible(media_type) and len(data) >= MIN_SIZE else None
        if packed is not None and len(packed) >= len(data):
            packed = None
        page = cls(status, data, media_type, cache_control, last_modified, location, tag, packed)
        return replace(page, raw_headers=page.encode_headers(),
                       gzip_headers=page.encode_headers(gzip=True) if packed is not None else [])

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gzip"'

    def representation(self, gzip: bool) -> tuple[bytes, list[tuple[bytes, bytes]], str]:
        """(body, headers, ETag) of the identity or, when there is one, the gzip representation."""
        if gzip and self.gzipped is not None:
            return self.gzipped, self.gzip_headers, self.gzip_etag
        return self.body, self.raw_headers, self.etag

    def encode_headers(self, gzip: bool = False) -> list[tuple[bytes, bytes]]:
        """Every header but content-length, encoded once for the response path."""
        found = [
            (b"content-type", self.media_type.encode()),
            (b"cache-control", self.cache_control.encode()),
            (b"etag", (self.gzip_etag if gzip else self.etag).encode()),
        ]
        if gzip:
            found.append((b"content-encoding", b"gzip"))
        if compressible(self.media_type):
            found.append((b"vary", b"Accept-Encoding"))
        if self.last_modified is not None:
            found.append((b"last-modified", format_datetime(self.last_modified, usegmt=True).encode()))
        if self.location is not None:
            found.append((b"location", self.location.encode()))
        found += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
        if self.media_type == HTML:
            found.append((HTML_POLICY[0].encode(), HTML_POLICY[1].encode()))
        return found


def not_modified(request_headers: Mapping[str, str], page: Rendered, etag: str | None = None) -> bool:
    """RFC 9110 conditional GET: If-None-Match wins (weak comparison, against ``etag``: the
    tag of the representation being answered); If-Modified-Since only without it."""
    if page.status != 200:
        return False
    inm = request_headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or (etag or page.etag) in tags
    ims = request_headers.get("if-modified-since")
    if ims and page.last_modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return page.last_modified <= since
    return False


class PageCache:
    """LRU of rendered pages, each valid for the store sequence it was rendered at."""

    def __init__(self, max_entries: int, max_age: float) -> None:
        self.max_entries = max_entries
        self.max_age = max_age
        self._entries: OrderedDict[str, tuple[int, float, Rendered]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: str, seq: int) -> Rendered | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] != seq or time.monotonic() - entry[1] > self.max_age:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[2]

    def put(self, key: str, seq: int, page: Rendered) -> None:
        if self.max_entries <= 0:
            return
        self._entries[key] = (seq, time.monotonic(), page)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

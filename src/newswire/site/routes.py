"""The public site on the wire's app: routes, the page cache, static files, the live ticker.

Site URLs never clash with the API: language pages sit under a two- or three-letter
segment (``/en/``), everything else under fixed names (see docs/site.md for the map).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any

from fastapi import FastAPI
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from newswire.api.compression import accepts_gzip
from newswire.api.media import blobs
from newswire.api.problems import Problem
from newswire.media import assets, embed
from newswire.media.assets import Made
from newswire.media.attach import MEDIA_TYPES
from newswire.media.blobs import store_for
from newswire.media.renditions import POSTER
from newswire.media.video_renditions import STILL, still_from
from newswire.model import Item, format_time, utcnow
from newswire.routing import Product, may_read, reaches
from newswire.site import pages, urls
from newswire.site.cache import CACHE_ASSET, PageCache, Rendered, not_modified
from newswire.site.config import SiteConfig
from newswire.site.i18n import text_direction
from newswire.site.pages import Site
from newswire.site.queries import current_items, history
from newswire.site.render import Renderer
from newswire.site.story import (
    PREVIEW,
    PublicStory,
    partial,
    picture_product,
    public_still,
    story_key,
    uri_from_key,
    visible,
    was_shown,
)
from newswire.store import items as store
from newswire.store.engine import read_tx
from newswire.store.items import Event, events_after
from newswire.wire import Wire

log = logging.getLogger(__name__)

STATIC_TYPES = {
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
}
STREAM_KEEPALIVE = 15.0
STREAM_REPLAY = 500  # events a reconnecting client may ask to replay, at most
TICKER_BATCHES = 64  # readings of the event log the shared ticker keeps for slow connections
TICKER_RETRY_AFTER = 5  # seconds, when the ticker is full
_STREAM_SHOWS = frozenset({"published", "updated", "corrected", "embargo_lifted"})


class _LangConvertor(Convertor[str]):
    """A language segment: two or three lower-case letters (never ``v1``, ``docs`` ...)."""

    regex = "[a-z]{2,3}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("sitelang", _LangConvertor())


class _Prebuilt(Response):
    """A response whose headers were encoded once, when the page was rendered."""

    def __init__(self, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        self.status_code = status
        self.body = body
        self.background = None
        self.raw_headers = headers if status == 304 else [
            (b"content-length", str(len(body)).encode()), *headers]


@dataclass(frozen=True, slots=True)
class Asset:
    name: str
    body: bytes
    media_type: str
    version: str

    @property
    def url(self) -> str:
        return f"/static/{self.name}?v={self.version}"


def load_assets() -> dict[str, Asset]:
    found = {}
    for entry in resources.files("newswire.site").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            body = entry.read_bytes()
            version = hashlib.blake2b(body, digest_size=6).hexdigest()
            found[entry.name] = Asset(entry.name, body, STATIC_TYPES[suffix], version)
    return found


Builder = Callable[[Connection, datetime], Rendered]


@dataclass
class PublicSite:
    """The running site: its context, its page cache and the renders in flight."""

    wire: Wire
    config: SiteConfig
    assets: dict[str, Asset]
    site: Site = field(init=False)
    cache: PageCache = field(init=False)
    ticker: Ticker = field(init=False)
    _inflight: dict[tuple[str, int], asyncio.Future[Rendered]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.site = Site(self.config, Renderer(), {name: a.url for name, a in self.assets.items()})
        self.cache = PageCache(self.config.cache_entries, self.config.cache_seconds)
        self.ticker = Ticker(self, self.wire.settings.max_ticker_connections)

    # -- the request path ------------------------------------------------------------------
    async def serve(self, request: Request, build: Builder) -> Response:
        scope = request.scope
        query = scope.get("query_string", b"")
        key = scope["path"] + ("?" + query.decode("latin-1") if query else "")
        seq = self.wire.hub.latest  # read before rendering: a page is never newer than its tag
        page = self.cache.get(key, seq)
        if page is None:
            page = await self._render(key, seq, build)
        return respond(request, page)

    async def _render(self, key: str, seq: int, build: Builder) -> Rendered:
        if self.cache.max_entries <= 0:  # no cache: every request renders (the benchmark's "uncached")
            return await run_in_threadpool(self._build, build)
        pending = self._inflight.get((key, seq))
        if pending is not None:  # the same page is being rendered: wait for it
            return await asyncio.shield(pending)
        future: asyncio.Future[Rendered] = asyncio.get_running_loop().create_future()
        self._inflight[(key, seq)] = future
        try:
            page = await run_in_threadpool(self._build, build)
            self.cache.put(key, seq, page)
            future.set_result(page)
            return page
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning when nobody waits
            raise
        finally:
            del self._inflight[(key, seq)]

    def _build(self, build: Builder) -> Rendered:
        with read_tx(self.wire.engine) as conn:
            return build(conn, utcnow())


_NOT_MODIFIED_HEADERS = (b"etag", b"cache-control", b"last-modified", b"vary")


def respond(request: Request, page: Rendered) -> Response:
    """The page in the representation the client accepts (gzip, compressed when rendered,
    or identity), or 304 when the client holds that representation already."""
    body, headers, etag = page.representation(accepts_gzip(request.headers.get("accept-encoding")))
    if not_modified(request.headers, page, etag):
        return _Prebuilt(304, b"", [h for h in headers if h[0] in _NOT_MODIFIED_HEADERS])
    return _Prebuilt(page.status, body, headers)


def ascii_number(raw: str, digits: int) -> bool:
    """ASCII digits only, and not too many: ``str.isdigit`` also admits '²' and '١', which
    ``int()`` refuses or misreads, and ``int()`` refuses more than 4,300 digits."""
    return raw.isascii() and raw.isdigit() and len(raw) <= digits


def _page_number(request: Request) -> int | None:
    raw = request.query_params.get("page")
    if raw is None:
        return 1
    if not ascii_number(raw, 6) or not 1 <= int(raw) <= pages.MAX_PAGE:
        return None
    return int(raw)


# -- the live ticker -----------------------------------------------------------------------

def ticker_entries(conn: Connection, batch: list[tuple[Event, Item]], product: Product,
                   now: datetime) -> list[tuple[int, str, str]]:
    """(seq, language, SSE message) for a batch of events: the headlines the site shows now,
    and removals of stories it showed. A story speaks only through its current version, so a
    replayed event of a story since killed, withheld or made private says nothing of it."""
    current = current_items(conn, (event.uri for event, _ in batch))
    entries = []
    for event, item in batch:
        language = (item.language or "").split("-")[0].lower()
        shows = event.type in _STREAM_SHOWS and visible(item, product, now) and reaches(
            event.type, event.embargoed, item, [product], was_recipient=False)
        if shows:
            latest = current.get(event.uri)
            if latest is not None and latest.version == item.version and visible(latest, product, now):
                entries.append((event.seq, language, _headline_message(event.seq, partial(latest))))
            continue
        if event.type in ("published", "embargo_lifted"):
            continue
        earlier = [(e, i) for e, i in history(conn, event.uri) if e.seq < event.seq]
        if was_shown(earlier, product, event.created_at):
            path = f"/{language}/story/{story_key(item.uri)}"
            entries.append((event.seq, language,
                            f"id: {event.seq}\nevent: withdrawn\ndata: {json.dumps({'url': path})}\n\n"))
    return entries


def ticker_messages(conn: Connection, batch: list[tuple[Event, Item]], product: Product,
                    lang: str | None, now: datetime) -> list[str]:
    """The SSE messages of a batch of events for one language filter (None: all)."""
    return [m for _, language, m in ticker_entries(conn, batch, product, now) if lang in (None, language)]


def _headline_message(seq: int, story: PublicStory) -> str:
    data = {"url": urls.story(story), "headline": story.headline, "lang": story.language,
            "dir": text_direction(story.language), "time": story.version_created.strftime("%H:%M"),
            "datetime": format_time(story.version_created)}
    return f"id: {seq}\nevent: headline\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@dataclass
class _Batch:
    """The ticker's reading of events (after, upto]: each message with its seq and language,
    and the whole batch framed once per language filter, shared by every connection."""

    after: int
    upto: int
    entries: list[tuple[int, str, str]]
    _chunks: dict[str | None, bytes] = field(default_factory=dict)

    def chunk(self, lang: str | None, cursor: int) -> bytes:
        if cursor > self.after:  # joined in the middle of the batch: its own slice
            return "".join(m for seq, language, m in self.entries
                           if seq > cursor and lang in (None, language)).encode()
        found = self._chunks.get(lang)
        if found is None:
            found = "".join(m for _, language, m in self.entries if lang in (None, language)).encode()
            self._chunks[lang] = found
        return found


@dataclass
class Ticker:
    """One read of the event log per new event, shared by every open ticker connection.

    Whoever notices that the hub moved first reads the new events (under a lock, so the
    others wait and then find them read) and frames them once; every connection then sends
    the same bytes. The last :data:`TICKER_BATCHES` readings are kept for connections that
    fall a little behind; one further behind (or replaying with ``Last-Event-ID``) reads the
    log itself until it catches up. At most ``max_connections`` are open per process."""

    public: PublicSite
    max_connections: int
    open: int = 0
    pos: int = 0  # events up to here are read and framed
    reads: int = 0  # reads of the event log made for the shared stream
    batches: deque[_Batch] = field(default_factory=lambda: deque(maxlen=TICKER_BATCHES))
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def floor(self) -> int:
        """Events after this are in the kept readings."""
        return self.batches[0].after if self.batches else self.pos

    def join(self) -> None:
        if self.open >= self.max_connections:
            raise Problem(429, "Too many ticker connections",
                          f"The live ticker serves at most {self.max_connections} connections at once; "
                          "try again shortly.", headers={"Retry-After": str(TICKER_RETRY_AFTER)})
        if self.open == 0:  # nobody was listening: start from now, not from a stale reading
            self.pos = self.public.wire.hub.latest
            self.batches.clear()
        self.open += 1

    def leave(self) -> None:
        self.open -= 1

    async def advance(self) -> None:
        """Read what the hub announced beyond the ticker's position (once, for everyone)."""
        async with self._lock:
            while self.pos < self.public.wire.hub.latest:
                batch = await run_in_threadpool(self._read, self.pos)
                if batch is None:
                    return
                self.batches.append(batch)
                self.pos = batch.upto

    def _read(self, after: int) -> _Batch | None:
        self.reads += 1
        events = events_after(self.public.wire.engine, after, 100)
        if not events:
            return None
        with read_tx(self.public.wire.engine) as conn:
            entries = ticker_entries(conn, events, self.public.config.product, utcnow())
        return _Batch(after, events[-1][0].seq, entries)

    def take(self, cursor: int, lang: str | None) -> tuple[bytes, int]:
        """What a connection at ``cursor`` has not sent yet, and its new cursor."""
        parts = [b.chunk(lang, cursor) for b in self.batches if b.upto > cursor]
        body = parts[0] if len(parts) == 1 else b"".join(parts)
        return body, max(cursor, self.pos)


class _TickerResponse(StreamingResponse):
    """A ticker stream that gives its connection slot back however it ends."""

    def __init__(self, content: AsyncIterator[bytes | str], ticker: Ticker) -> None:
        super().__init__(content, media_type="text/event-stream", headers={
            "cache-control": "no-cache", "x-accel-buffering": "no", "x-content-type-options": "nosniff"})
        self.ticker = ticker

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.ticker.leave()


async def live_headlines(request: Request, public: PublicSite) -> Response:
    lang = request.query_params.get("lang")
    if lang is not None and not public.config.serves(lang):
        return Response("unknown language\n", status_code=404, media_type="text/plain")
    hub, ticker = public.wire.hub, public.ticker
    last_id = request.headers.get("last-event-id", "")
    start = hub.latest
    if ascii_number(last_id, 19):
        start = max(int(last_id), hub.latest - STREAM_REPLAY)
    ticker.join()

    def replay(after: int) -> tuple[int, list[str]]:
        """The connection's own read of the log, for what the shared readings no longer hold."""
        batch = events_after(public.wire.engine, after, 100)
        if not batch:
            return after, []
        with read_tx(public.wire.engine) as conn:
            messages = ticker_messages(conn, batch, public.config.product, lang, utcnow())
        return batch[-1][0].seq, messages

    async def stream() -> AsyncIterator[bytes | str]:
        cursor = start
        yield "retry: 5000\n\n"
        while True:
            if cursor < ticker.floor:
                cursor, messages = await run_in_threadpool(replay, cursor)
                if messages:
                    yield "".join(messages)
                continue
            chunk, cursor = ticker.take(cursor, lang)
            if chunk:
                yield chunk
            if await request.is_disconnected():
                return
            if ticker.pos < hub.latest:
                await ticker.advance()
                if ticker.pos < hub.latest:  # announced but not readable yet: do not spin
                    await asyncio.sleep(0.1)
                continue
            if not await hub.wait_beyond(max(cursor, ticker.pos), STREAM_KEEPALIVE):
                yield ": keep-alive\n\n"

    return _TickerResponse(stream(), ticker)


# -- pictures ------------------------------------------------------------------------------

def preview_blob(wire: Wire, product: Product, uri: str, version: int, now: datetime) -> tuple[Made, Item] | bool:
    """The watermarked preview of a picture version (of a video version: its watermarked
    still) while the site may show that version: the picture is not withdrawn (a kill or
    withhold ends it) and the version is public and out of embargo (``routing.may_read`` for
    the site's picture product). False when it may not show; True when it may, but the worker
    has not made the preview yet; else the preview and the version (whose caption, credit and
    rights the served JPEG carries)."""
    found = store.all_versions(wire.engine, uri)
    asked = next((item for info, item in found if info.version == version), None)
    if asked is None or asked.type not in MEDIA_TYPES or public_still(asked) is None:
        return False
    if not may_read(asked, found[-1][1], [product], reached=False, now=now):
        return False
    asset = assets.shown_by(wire.engine, uri, version)
    if asset is None:
        return False
    made = video_still(wire, asset) if asked.type == "video" else assets.made(wire.engine, asset.sha256, PREVIEW)
    return (made, asked) if made is not None else asset.state != "failed"


def video_still(wire: Wire, asset: assets.Asset) -> Made | None:
    """A video's watermarked still, made by the worker with its renditions (for a video whose
    renditions were made before stills were, made here from its poster once and kept)."""
    made = assets.made(wire.engine, asset.sha256, STILL)
    if made is not None or asset.state != "done":
        return made
    poster = assets.made(wire.engine, asset.sha256, POSTER)
    if poster is None:
        return None
    store_ = store_for(wire.settings)
    shown = still_from(b"".join(store_.read_range(poster.blob, 0, poster.size)), wire.settings.agency_name)
    blob, size = store_.put_bytes(shown.data)
    return assets.remember(wire.engine, asset.sha256, Made(STILL, blob, shown.content_type, shown.width,
                                                             shown.height, size))


async def preview(request: Request, public: PublicSite) -> Response:
    uri, version = uri_from_key(request.path_params["key"]), request.path_params["version"]
    found = await run_in_threadpool(preview_blob, public.wire, picture_product(public.config.product), uri, version,
                                    utcnow())
    if found is False:
        return Response("not found\n", status_code=404, media_type="text/plain")
    if found is True:
        return Response("being made\n", status_code=503, media_type="text/plain", headers={"retry-after": "2"})
    made, item = found
    # the preview carries the version's caption, credit and rights (no GPS, no camera)
    inserted = embed.segments(embed.for_rendition(embed.from_item(item), PREVIEW))
    etag = f'"{made.blob}-{hashlib.sha256(inserted).hexdigest()[:16]}"'
    # short public caching: a kill must take the picture off the site within a minute
    headers = {"etag": etag, "cache-control": "public, max-age=60", "x-content-type-options": "nosniff"}
    if etag in [t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    body = b"".join(await run_in_threadpool(lambda: list(blobs(request).read_range(made.blob, 0, made.size))))
    return Response(embed.spliced(body, inserted), media_type=made.content_type, headers=headers)


# -- installation --------------------------------------------------------------------------

def install(app: FastAPI) -> None:
    """Mount the public site on the app."""
    wire: Wire = app.state.wire
    config = SiteConfig.from_env(wire.settings.base_url)
    public = PublicSite(wire, config, load_assets())
    app.state.site = public
    site = public.site

    def lang_or_none(request: Request) -> str | None:
        lang: str = request.path_params["lang"]
        return lang if config.serves(lang) else None

    async def missing(request: Request, lang: str | None = None) -> Response:
        return await public.serve(request, lambda conn, now: pages.not_found(site, conn, now, lang))

    async def home(request: Request) -> Response:
        page = _page_number(request)
        if page is None:
            return await missing(request)
        return await public.serve(request, lambda conn, now: pages.home(site, conn, now, page))

    async def lang_home(request: Request) -> Response:
        lang, page = lang_or_none(request), _page_number(request)
        if lang is None or page is None:
            return await missing(request, lang)
        return await public.serve(request, lambda conn, now: pages.lang_home(site, conn, now, lang, page))

    async def lang_redirect(request: Request) -> Response:
        lang = lang_or_none(request)
        if lang is None:
            return await missing(request)
        return respond(request, pages.redirect(urls.lang_home(lang)))

    async def story(request: Request) -> Response:
        lang = lang_or_none(request)
        if lang is None:
            return await missing(request)
        key = request.path_params["key"]
        return await public.serve(request, lambda conn, now: pages.story(site, conn, now, lang, key))

    async def section(request: Request) -> Response:
        lang, page = lang_or_none(request), _page_number(request)
        if lang is None or page is None:
            return await missing(request, lang)
        slug = request.path_params["slug"]
        return await public.serve(request, lambda conn, now: pages.section(site, conn, now, lang, slug, page))

    async def topic(request: Request) -> Response:
        lang, page = lang_or_none(request), _page_number(request)
        if lang is None or page is None:
            return await missing(request, lang)
        number = request.path_params["number"]
        return await public.serve(request, lambda conn, now: pages.topic(site, conn, now, lang, number, page))

    def tag_route(kind: str) -> Callable[[Request], Any]:
        async def tag(request: Request) -> Response:
            lang, page = lang_or_none(request), _page_number(request)
            if lang is None or page is None:
                return await missing(request, lang)
            key = request.path_params["key"]
            return await public.serve(
                request, lambda conn, now: pages.tag(site, conn, now, lang, kind, key, page))
        return tag

    def search_route(scoped: bool) -> Callable[[Request], Any]:
        async def search(request: Request) -> Response:
            lang = lang_or_none(request) if scoped else None
            page = _page_number(request)
            if (scoped and lang is None) or page is None:
                return await missing(request, lang)
            q = request.query_params.get("q", "")
            return await public.serve(request, lambda conn, now: pages.search(site, conn, now, lang, q, page))
        return search

    def feed_route(kind: str, scope: str) -> Callable[[Request], Any]:
        async def feed(request: Request) -> Response:
            lang = lang_or_none(request) if scope != "site" else None
            if scope != "site" and lang is None:
                return await missing(request)
            slug = request.path_params.get("slug") if scope == "section" else None
            return await public.serve(request, lambda conn, now: pages.feed(site, conn, now, kind, lang, slug))
        return feed

    async def sitemap(request: Request) -> Response:
        return await public.serve(request, lambda conn, now: pages.sitemap(site, conn, now))

    async def news_sitemap(request: Request) -> Response:
        return await public.serve(request, lambda conn, now: pages.news_sitemap(site, conn, now))

    async def robots(request: Request) -> Response:
        return respond(request, pages.robots(site))

    async def subscribe(request: Request) -> Response:
        return await public.serve(request, lambda conn, now: pages.subscribe(site, conn, now))

    asset_pages = {name: Rendered.make(200, a.body, a.media_type, cache_control=CACHE_ASSET)
                   for name, a in public.assets.items()}
    unversioned = {name: Rendered.make(200, a.body, a.media_type, cache_control="public, max-age=300")
                   for name, a in public.assets.items()}

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        page = asset_pages.get(name)
        if page is None:
            return Response("not found\n", status_code=404, media_type="text/plain")
        if request.query_params.get("v") != public.assets[name].version:
            page = unversioned[name]
        return respond(request, page)

    async def live(request: Request) -> Response:
        return await live_headlines(request, public)

    async def picture(request: Request) -> Response:
        return await preview(request, public)

    lang = "{lang:sitelang}"
    routes = [
        Route("/", home),
        Route("/robots.txt", robots),
        Route("/sitemap.xml", sitemap),
        Route("/news-sitemap.xml", news_sitemap),
        Route("/rss.xml", feed_route("rss", "site")),
        Route("/atom.xml", feed_route("atom", "site")),
        Route("/search", search_route(False)),
        Route("/subscribe", subscribe),
        Route("/live/headlines", live),
        Route("/static/{name}", static),
        Route("/picture/{key:path}/{version:int}/preview.jpg", picture),
        Route(f"/{lang}", lang_redirect),
        Route(f"/{lang}/", lang_home),
        Route(f"/{lang}/rss.xml", feed_route("rss", "lang")),
        Route(f"/{lang}/atom.xml", feed_route("atom", "lang")),
        Route(f"/{lang}/search", search_route(True)),
        Route(f"/{lang}/story/{{key:path}}", story),
        Route(f"/{lang}/section/{{slug}}", section),
        Route(f"/{lang}/section/{{slug}}/rss.xml", feed_route("rss", "section")),
        Route(f"/{lang}/section/{{slug}}/atom.xml", feed_route("atom", "section")),
        Route(f"/{lang}/topic/{{number}}", topic),
        *(Route(f"/{lang}/{kind}/{{key}}", tag_route(kind)) for kind in urls.TAG_KINDS),
    ]
    app.router.routes.extend(routes)

"""The public site on the wire's app: routes, the page cache, static files, the live ticker.

Site URLs never clash with the API: language pages sit under a two- or three-letter
segment (``/en/``), everything else under fixed names (see docs/site.md for the map).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
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

from newswire.model import Item, format_time, utcnow
from newswire.routing import Product, reaches
from newswire.site import pages, urls
from newswire.site.cache import CACHE_ASSET, PageCache, Rendered, not_modified
from newswire.site.config import SiteConfig
from newswire.site.i18n import text_direction
from newswire.site.pages import Site
from newswire.site.queries import current_items, history
from newswire.site.render import Renderer
from newswire.site.story import PublicStory, partial, story_key, visible, was_shown
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
    _inflight: dict[tuple[str, int], asyncio.Future[Rendered]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.site = Site(self.config, Renderer(), {name: a.url for name, a in self.assets.items()})
        self.cache = PageCache(self.config.cache_entries, self.config.cache_seconds)

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


def respond(request: Request, page: Rendered) -> Response:
    if not_modified(request.headers, page):
        headers = [h for h in page.raw_headers if h[0] in (b"etag", b"cache-control", b"last-modified")]
        return _Prebuilt(304, b"", headers)
    return _Prebuilt(page.status, page.body, page.raw_headers)


def _page_number(request: Request) -> int | None:
    raw = request.query_params.get("page")
    if raw is None:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= pages.MAX_PAGE:
        return None
    return int(raw)


# -- the live ticker -----------------------------------------------------------------------

def ticker_messages(conn: Connection, batch: list[tuple[Event, Item]], product: Product,
                    lang: str | None, now: datetime) -> list[str]:
    """SSE messages for a batch of events: the headlines the site shows now, and removals of
    stories it showed. A story speaks only through its current version, so a replayed event
    of a story since killed, withheld or made private says nothing of it."""
    current = current_items(conn, (event.uri for event, _ in batch))
    messages = []
    for event, item in batch:
        language = (item.language or "").split("-")[0].lower()
        if lang is not None and language != lang:
            continue
        shows = event.type in _STREAM_SHOWS and visible(item, product, now) and reaches(
            event.type, event.embargoed, item, [product], was_recipient=False)
        if shows:
            latest = current.get(event.uri)
            if latest is not None and latest.version == item.version and visible(latest, product, now):
                messages.append(_headline_message(event.seq, partial(latest)))
            continue
        if event.type in ("published", "embargo_lifted"):
            continue
        earlier = [(e, i) for e, i in history(conn, event.uri) if e.seq < event.seq]
        if was_shown(earlier, product, event.created_at):
            path = f"/{language}/story/{story_key(item.uri)}"
            messages.append(f"id: {event.seq}\nevent: withdrawn\ndata: {json.dumps({'url': path})}\n\n")
    return messages


def _headline_message(seq: int, story: PublicStory) -> str:
    data = {"url": urls.story(story), "headline": story.headline, "lang": story.language,
            "dir": text_direction(story.language), "time": story.version_created.strftime("%H:%M"),
            "datetime": format_time(story.version_created)}
    return f"id: {seq}\nevent: headline\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def live_headlines(request: Request, public: PublicSite) -> Response:
    lang = request.query_params.get("lang")
    if lang is not None and not public.config.serves(lang):
        return Response("unknown language\n", status_code=404, media_type="text/plain")
    hub = public.wire.hub
    last_id = request.headers.get("last-event-id", "")
    start = hub.latest
    if last_id.isdigit():
        start = max(int(last_id), hub.latest - STREAM_REPLAY)

    def read(after: int) -> tuple[int, int, list[str]]:
        batch = events_after(public.wire.engine, after, 100)
        if not batch:
            return after, 0, []
        with read_tx(public.wire.engine) as conn:
            messages = ticker_messages(conn, batch, public.config.product, lang, utcnow())
        return batch[-1][0].seq, len(batch), messages

    async def stream() -> AsyncIterator[str]:
        after = start
        yield "retry: 5000\n\n"
        while True:
            after, count, messages = await run_in_threadpool(read, after)
            for message in messages:
                yield message
            if count == 100:
                continue
            if await request.is_disconnected():
                return
            if not await hub.wait_beyond(after, STREAM_KEEPALIVE):
                yield ": keep-alive\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream", headers={
        "cache-control": "no-cache", "x-accel-buffering": "no", "x-content-type-options": "nosniff"})


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

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        page = asset_pages.get(name)
        if page is None:
            return Response("not found\n", status_code=404, media_type="text/plain")
        if request.query_params.get("v") != public.assets[name].version:
            page = Rendered.make(200, page.body, page.media_type, cache_control="public, max-age=300")
        return respond(request, page)

    async def live(request: Request) -> Response:
        return await live_headlines(request, public)

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

"""What subscribers call with their key: feed, stream, search, planning, account, webhooks."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from newswire.api import planning
from newswire.api.auth import CHALLENGE, require
from newswire.api.head import long_poll_wait
from newswire.api.problems import Problem
from newswire.api.schemas import SUBSCRIBER, Account, FeedPage, Planning, SearchResults, documented, text
from newswire.delivery import feed
from newswire.delivery.cache import Entry
from newswire.delivery.entitlements import as_of_now
from newswire.delivery.fanout import Fanout
from newswire.delivery.reader import Reader, entitled_entries, pictures_for
from newswire.delivery.sse import SSEResponse
from newswire.delivery.streams import StreamSlots, TooManyStreams
from newswire.formats.ninjs import dumps
from newswire.model import Item, parse_time, utcnow
from newswire.ops.metrics import METRICS
from newswire.routing import Product, may_read, withdrawn
from newswire.store import codec
from newswire.store import items as store
from newswire.store import search as search_store
from newswire.store import usage as usage_store
from newswire.store.engine import read_tx
from newswire.store.index import diary
from newswire.store.items import VersionInfo
from newswire.store.tokens import Principal
from newswire.vocab import mediatopics
from newswire.wire import Wire

router = APIRouter(prefix="/v1", tags=["subscribers"])
FormatParam = Annotated[str, Query(pattern="^(ninjs|ninjs2|newsml|nitf)$")]
Subscriber = Annotated[Principal, Depends(require("subscriber"))]


async def reader_for(request: Request, who: Principal) -> Reader:
    assert who.subscriber_id is not None
    products = await request.app.state.subscriptions.products(who.subscriber_id)
    return Reader(who.subscriber_id, who.token_id, products)


def current_reader(request: Request, who: Principal) -> feed.CurrentReader:
    """For streams and long-polls: the subscriber as it is now (None once revoked)."""
    assert who.subscriber_id is not None
    subscriber_id, token_id = who.subscriber_id, who.token_id
    subscriptions = request.app.state.subscriptions

    async def now() -> Reader | None:
        return await subscriptions.reader(subscriber_id, token_id)

    return now


SEARCH_SCAN_LIMIT = 1000  # candidate matches examined per search request
MAX_SEQ = 2**62  # event sequences are 64-bit integers in the store


def _cursor(value: str | None, name: str = "after") -> int:
    if value in (None, ""):
        return 0
    # ASCII digits only: str.isdigit() also admits '²' and '١٢', which int() refuses or reads.
    if not (value.isascii() and value.isdigit()) or len(value) > 19 or int(value) > MAX_SEQ:
        raise Problem(400, "Invalid cursor", f"{name} must be a cursor from a previous answer (digits).")
    return int(value)


async def _not_ahead(wire: Wire, cursor: int, name: str) -> None:
    """A cursor beyond the last event cannot have come from this wire (or the store was
    restored from an older backup): say so rather than wait silently."""
    if cursor > wire.hub.latest and cursor > await run_in_threadpool(store.last_seq, wire.engine):
        raise Problem(400, "Cursor ahead of the wire",
                      f"{name}={cursor} is beyond the last event; resume from your last received sequence.")


def _record(request: Request, reader: Reader, entries: list[Entry], channel: str) -> None:
    request.app.state.usage.record(reader.subscriber_id, reader.token_id,
                                   [(e.item.uri, e.item.version) for e in entries], channel)


@router.get("/feed", summary="Entitled events after a cursor, oldest first; long-polls when empty",
            response_model=None, **documented(
                model=FeedPage, schemes=SUBSCRIBER, errors=(400, 401, 403, 422, 429),
                description="A page of events (JSON), or with format=newsml one NewsML-G2 newsMessage",
                content=text("application/vnd.iptc.g2.newsmessage+xml", "format=newsml: the page's items"),
                headers={"X-Next-Cursor": {"schema": {"type": "string", "pattern": "^[0-9]+$"},
                                           "description": "format=newsml: the cursor for the next page"}}))
async def get_feed(
    request: Request, who: Subscriber,
    after: Annotated[str | None, Query(description="The `next` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    wait: Annotated[float, Query(ge=0, le=30, description="Seconds to wait when there is nothing")] = 0,
    format: FormatParam = "ninjs",
) -> Response:
    wire: Wire = request.app.state.wire
    reader = await reader_for(request, who)
    cursor = _cursor(after)
    await _not_ahead(wire, cursor, "after")
    try:
        page = await feed.page(wire.engine, request.app.state.event_cache, wire.hub, reader,
                               after=cursor, limit=limit, wait=long_poll_wait(wait),
                               current=current_reader(request, who))
    except feed.Revoked as exc:
        raise Problem(401, "Unauthorized", "The key was revoked while the request waited.", CHALLENGE) from exc
    _record(request, reader, page.entries, "feed")
    pictures = await pictures_for(wire.engine, reader, [e.item for e in page.entries])
    signer = feed.signer_for(wire.settings, reader)
    if format == "newsml":
        return Response(feed.feed_news_message(page, pictures, signer, reader.products),
                        media_type="application/vnd.iptc.g2.newsmessage+xml", headers={"X-Next-Cursor": str(page.next)})
    return Response(feed.feed_json(page, format, pictures, signer, reader.products), media_type="application/json")


@router.get("/stream", summary="Server-Sent Events: id is the sequence; Last-Event-ID resumes",
            response_model=None, **documented(
                schemes=SUBSCRIBER, errors=(400, 401, 403, 422, 429),
                description="An endless event stream: `id` is the sequence, `event` the event type, `data` "
                            "the item in the asked format; comments are heartbeats",
                content=text("text/event-stream", "Server-Sent Events (text/event-stream)")))
async def get_stream(
    request: Request, who: Subscriber,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
    after: Annotated[str | None, Query(description="Start after this sequence (default: now)")] = None,
    format: FormatParam = "ninjs",
) -> SSEResponse:
    wire: Wire = request.app.state.wire
    reader = await reader_for(request, who)
    resume = last_event_id if last_event_id not in (None, "") else after
    named = "Last-Event-ID" if last_event_id not in (None, "") else "after"  # what the problem names
    start = _cursor(resume, named) if resume not in (None, "") else wire.hub.latest
    await _not_ahead(wire, start, named)

    def sent(entries: list[Entry]) -> None:
        _record(request, reader, entries, "stream")

    assert who.subscriber_id is not None
    streams: StreamSlots = request.app.state.stream_slots
    try:
        slot = streams.take(who.token_id, who.subscriber_id)
    except TooManyStreams as exc:
        raise Problem(429, "Too many open streams", str(exc), {"Retry-After": "5"}) from exc
    fanout: Fanout = request.app.state.fanout
    settings, subscriptions = wire.settings, request.app.state.subscriptions
    # rendition hrefs signed for this connection's key (the frames themselves are shared)
    chunks = fanout.stream(reader, after=start, fmt=format, heartbeat=request.app.state.sse_heartbeat,
                           on_sent=sent, current=current_reader(request, who),
                           signer_for=lambda now: feed.signer_for(settings, now),
                           generation=lambda: subscriptions.generation)

    def closed() -> None:
        METRICS.sse_connections.dec()
        slot.release()

    # counted in newswire_sse_connections while it is open
    return SSEResponse(chunks, send_timeout=request.app.state.sse_send_timeout,
                       on_open=METRICS.sse_connections.inc, on_close=closed)


@router.get("/search", summary="Full-text search over entitled items, ranked, paged by cursor",
            response_model=None, **documented(model=SearchResults, schemes=SUBSCRIBER,
                                              errors=(400, 401, 403, 422, 429)))
async def get_search(
    request: Request, who: Subscriber,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    lang: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] = None,
    subject: Annotated[str | None, Query(description="A Media Topic code; admits descendants")] = None,
    type: Annotated[str | None, Query(pattern="^(text|audio|video|picture|graphic|composite)$")] = None,
    from_: Annotated[str | None, Query(alias="from")] = None,
    to: str | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    format: FormatParam = "ninjs",
) -> Response:
    wire: Wire = request.app.state.wire
    reader = await reader_for(request, who)
    subjects: tuple[str, ...] = ()
    if subject:
        code = mediatopics.normalize(subject)
        subjects = tuple(sorted({code, *mediatopics.descendants(code)}))
    query = search_store.Query(q, lang.lower() if lang else None, subjects, type,
                               _time_param(from_, "from"), _time_param(to, "to"))
    offset = _offset(cursor)
    results: list[tuple[Entry, float]] = []
    scanned = 0
    # Bounded like the feed: a subscriber entitled to few matches gets a short page and a
    # cursor to continue, never a scan of the whole archive in one request.
    while len(results) < limit and scanned < SEARCH_SCAN_LIMIT:
        batch = await run_in_threadpool(_find, wire, query, offset, limit * 2)
        scanned += len(batch)
        if not batch:
            offset = -1
            break
        # Killed and withheld stories are out of the archive for everyone.
        entries = [(Entry(as_of_now(item), item), score) for item, score in batch if not withdrawn(item)]
        allowed = {id(e) for e in await entitled_entries(wire.engine, reader, [e for e, _ in entries])}
        for entry, score in entries:
            offset += 1
            if id(entry) in allowed:
                results.append((entry, score))
                if len(results) == limit:
                    break
    _record(request, reader, [e for e, _ in results], "search")
    pictures = await pictures_for(wire.engine, reader, [e.item for e, _ in results])
    signer = feed.signer_for(wire.settings, reader)
    parts = [_search_result(entry, score, format, pictures, signer, reader.products) for entry, score in results]
    next_cursor = base64.urlsafe_b64encode(str(offset).encode()).decode() if offset >= 0 else None
    return Response(b'{"results":[' + b",".join(parts) + b'],"next":' + dumps(next_cursor) + b"}",
                    media_type="application/json")


def _search_result(entry: Entry, score: float, fmt: str, pictures: dict[str, Item],
                   signer: feed.Signer | None, products: tuple[Product, ...]) -> bytes:
    body = feed.rendered(entry, fmt, pictures, signer, products)
    item = body if fmt in ("ninjs", "ninjs2") else dumps(body.decode())
    return dumps({"score": round(score, 4)})[:-1] + b',"item":' + item + b"}"


def _find(wire: Wire, query: search_store.Query, offset: int, limit: int) -> list[tuple[Any, float]]:
    with read_tx(wire.engine) as conn:
        found = search_store.find(conn, query, offset=offset, limit=limit)
    return [(codec.decode(payload), score) for _uri, score, payload in found]


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        value = int(text) if text.isascii() and text.isdigit() else -1  # refused below
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(400, "Invalid cursor", "cursor must be the `next` of a previous answer.") from exc
    if not 0 <= value <= 1_000_000:
        raise Problem(400, "Invalid cursor", "cursor must be the `next` of a previous answer.")
    return value


def _time_param(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        return parse_time(value)
    except ValueError as exc:
        raise Problem(400, "Invalid time", f"{name} must be an ISO 8601 date or date-time.") from exc


@router.get("/account", summary="The subscriber's products, limits and this month's usage",
            response_model=Account, **documented(schemes=SUBSCRIBER, errors=(401, 403, 429)))
async def get_account(request: Request, who: Subscriber) -> dict[str, Any]:
    wire: Wire = request.app.state.wire
    reader = await reader_for(request, who)
    await run_in_threadpool(request.app.state.usage.flush)
    from newswire.store.accounts import get_subscriber

    sub = await run_in_threadpool(lambda: get_subscriber(wire.engine, id=reader.subscriber_id))
    month = await run_in_threadpool(usage_store.month_summary, wire.engine, reader.subscriber_id)
    return {
        "subscriber": sub.name,
        "products": [{"name": p.name, "filter": p.to_dict()} for p in reader.products],
        "rateLimit": {"requestsPerMinute": sub.rate_limit},
        "usage": {"month": utcnow().strftime("%Y-%m"), "byChannel": month, "total": sum(month.values())},
    }


@router.get("/planning", summary="The planning diary: the desk's events and those found in entitled stories",
            response_model=Planning, **documented(schemes=SUBSCRIBER, errors=(400, 401, 403, 422, 429)))
async def get_planning(
    request: Request, who: Subscriber,
    from_: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}(-\d{2})?$")] = None,
    to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}(-\d{2})?$")] = None,
) -> dict[str, Any]:
    wire: Wire = request.app.state.wire
    reader = await reader_for(request, who)
    start = from_ or utcnow().date().isoformat()
    end = to or (utcnow() + timedelta(days=90)).date().isoformat()
    if end < start:
        raise Problem(400, "Invalid range", "`to` is before `from`.")

    def load() -> list[tuple[Any, Any]]:
        with read_tx(wire.engine) as conn:
            entries = diary(conn, start, end)
        return [(e, store.get_item(wire.engine, e.uri)) for e in entries]

    rows = await run_in_threadpool(load)
    allowed: dict[str, bool] = {}
    out = []
    for entry, item in rows:
        if item is None or withdrawn(item):
            continue
        if entry.uri not in allowed:
            allowed[entry.uri] = bool(await entitled_entries(wire.engine, reader, [Entry(as_of_now(item), item)]))
        if allowed[entry.uri]:
            out.append({"date": entry.start, "event": entry.name, "literal": entry.literal,
                        "item": {"uri": item.uri, "headline": item.headline, "href": item_href(item.uri)}})
    return {"from": start, "to": end, "entries": await planning.with_desk_events(wire.engine, reader, start, end, out,
                                                                                 item_href)}


def item_href(uri: str) -> str:
    return "/v1/items/" + quote(uri, safe=":@")


async def readable_versions(request: Request, who: Principal, uri: str) -> list[tuple[VersionInfo, Item]]:
    """The versions of a story a caller may read, oldest first: editors every one; a
    subscriber those that reached it or that routing would deliver to it now
    (:func:`newswire.routing.may_read`). Versions it may not read are not there at all."""
    engine = request.app.state.wire.engine
    found = await run_in_threadpool(store.all_versions, engine, uri)
    if who.role in ("editor", "admin") or not found:
        return found
    if who.role != "subscriber":
        return []
    reader = await reader_for(request, who)
    got = (await run_in_threadpool(store.reached_by, engine, reader.subscriber_id, [uri])).get(uri, {})
    current, now = found[-1][1], utcnow()
    return [(info, item) for info, item in found
            if may_read(item, current, reader.products, reached=item.version in got, now=now)]


def record_read(request: Request, who: Principal, item: Item) -> None:
    if who.role == "subscriber" and who.subscriber_id is not None:
        request.app.state.usage.record(who.subscriber_id, who.token_id, [(item.uri, item.version)], "item")

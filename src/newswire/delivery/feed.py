"""The cursor feed and the SSE stream: entitled events after a sequence, in order.

Both read through the node's :class:`EventCache` and the subscriber's :class:`Reader`; a
cursor, an SSE ``id:`` and a webhook id are all the event sequence, so resuming from N
gives exactly the events after N.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from newswire import formats
from newswire.config import Settings
from newswire.delivery.bus import Hub
from newswire.delivery.cache import Entry, EventCache
from newswire.delivery.reader import Reader, entitled_entries
from newswire.media import attach
from newswire.media.links import Signer
from newswire.model import Item, utcnow
from newswire.routing import Product, cut_renditions, renditions_allowed

SentCallback = Callable[[list[Entry]], None]
# The reader as of now (products re-read, key still live), or None once it may read no more.
CurrentReader = Callable[[], Awaitable[Reader | None]]
SCAN_LIMIT = 2000  # events examined per request before answering (bounds the work)
MIN_BATCH, MAX_BATCH = 16, 500  # events read at a time
RECHECK = 1.0  # seconds: how soon an open stream or long-poll follows a revocation


class Revoked(Exception):
    """The key was revoked or the subscriber disabled while a stream or long-poll was open."""


def signer_for(settings: Settings | None, reader: Reader) -> Signer | None:
    """Signs rendition hrefs for the reader's key, as of now."""
    return Signer(settings, reader.subscriber_id, reader.token_id) if settings and reader.token_id else None


@dataclass(frozen=True, slots=True)
class Page:
    entries: list[Entry]
    next: int


def rendered(entry: Entry, fmt: str, pictures: Mapping[str, Item] | None = None,
             signer: Signer | None = None, products: Sequence[Product] | None = None) -> bytes:
    """The entry's item in ``fmt``; a story with pictures as the reader gets it (``pictures``:
    those it may have, :func:`newswire.media.attach.pictures_for`), a picture with only the
    renditions the reader's ``products`` carry (:func:`newswire.routing.renditions_allowed`),
    rendered once per format, set of picture versions and set of renditions, then
    (``signer``) its rendition hrefs signed for the reader."""
    key, allowed = _key(fmt, entry, pictures, products)
    body = entry.rendered.get(key)
    if body is None:
        item = attach.expanded(entry.item, pictures or {})
        if allowed is not None:
            item = item.evolve(renditions=tuple(r for r in item.renditions if r.name in allowed))
        body = entry.rendered[key] = _serialize(entry.item, fmt) if item is entry.item else formats.serialize(item, fmt)
    return signer.body(body, fmt) if signer is not None else body


def _key(fmt: str, entry: Entry, pictures: Mapping[str, Item] | None,
         products: Sequence[Product] | None) -> tuple[str, frozenset[str] | None]:
    """The cache key of the entry's bytes for one reader, and the renditions it keeps of the
    entry's own (None: all): the format, the pictures shown, the renditions allowed."""
    key = fmt
    if attach.wire_pictures(entry.item):
        key += f"|{attach.shown_pictures(entry.item, pictures) if pictures else ()!r}"
    allowed = renditions_allowed(entry.item, products) if entry.item.renditions and products is not None else None
    if allowed is not None:
        key += f"|r={sorted(allowed)!r}"
    return key, allowed


_RENDERED: OrderedDict[tuple[int, str], tuple[Item, bytes]] = OrderedDict()
_RENDERED_MAX = 4096


def _serialize(item: Item, fmt: str) -> bytes:
    """Items are immutable and the store hands out one object per stored version (its
    decode cache), so rendered bytes are cached by object identity (checked on a hit, as an
    id can be reused once an object is gone)."""
    key = (id(item), fmt)
    hit = _RENDERED.get(key)
    if hit is not None and hit[0] is item:
        _RENDERED.move_to_end(key)
        return hit[1]
    body = formats.serialize(item, fmt)
    _RENDERED[key] = (item, body)
    if len(_RENDERED) > _RENDERED_MAX:
        _RENDERED.popitem(last=False)
    return body


async def page(
    engine: Engine, cache: EventCache, hub: Hub, reader: Reader, *, after: int, limit: int, wait: float,
    current: CurrentReader | None = None,
) -> Page:
    """Up to ``limit`` entitled events after ``after``; waits up to ``wait`` s for one.

    While waiting, ``current`` is asked every second for the reader as it is now, so a
    product change applies and a revocation ends the wait (:class:`Revoked`)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    cursor = after
    while True:
        scanned = 0
        found: list[Entry] = []
        # Behind the node's window each batch is a store read: start near the page size and
        # grow while entitlement filters events out (a page of 1 read and decoded 500 events).
        size = min(max(limit, MIN_BATCH), MAX_BATCH)
        while len(found) < limit and scanned < SCAN_LIMIT:
            batch = await cache.after(cursor, min(size, SCAN_LIMIT - scanned))
            size = min(2 * size, MAX_BATCH)
            if not batch:
                break
            chosen = await entitled_entries(engine, reader, batch, cache.withdrawn)
            for entry in chosen:
                if len(found) == limit:
                    break
                found.append(entry)
            # Advance past what was examined, but never past an entitled event left out.
            cursor = found[-1].event.seq if len(found) == limit else batch[-1].event.seq
            scanned += len(batch)
        if found or scanned >= SCAN_LIMIT:
            return Page(found, cursor)
        remaining = deadline - loop.time()
        if remaining <= 0:
            return Page([], cursor)
        woke = await hub.wait_beyond(cursor, min(remaining, RECHECK) if current else remaining)
        if current is not None:
            now_reader = await current()
            if now_reader is None:
                raise Revoked
            reader = now_reader
        if not woke and (current is None or loop.time() >= deadline):
            return Page([], cursor)


def feed_json(p: Page, fmt: str, pictures: Mapping[str, Item] | None = None, signer: Signer | None = None,
              products: Sequence[Product] | None = None) -> bytes:
    """``{"events": [{"seq", "type", "item"}...], "next": "N"}``; XML formats go as strings."""
    parts = []
    for e in p.entries:
        head = json.dumps({"seq": e.event.seq, "type": e.event.type}, separators=(",", ":"))[:-1]
        item = rendered(e, fmt, pictures, signer, products)
        if fmt in ("ninjs", "ninjs2"):
            parts.append(head.encode() + b',"item":' + item + b"}")
        else:
            parts.append(head.encode() + b',"item":' + json.dumps(item.decode()).encode() + b"}")
    return b'{"events":[' + b",".join(parts) + b'],"next":' + json.dumps(str(p.next)).encode() + b"}"


def feed_news_message(p: Page, pictures: Mapping[str, Item] | None = None, signer: Signer | None = None,
                      products: Sequence[Product] | None = None) -> bytes:
    from newswire.formats.newsmlg2 import to_news_message

    def one(item: Item) -> Item:
        item = cut_renditions(attach.expanded(item, pictures or {}), products)
        return signer.item(item) if signer is not None else item

    return to_news_message([one(e.item) for e in p.entries], sent=utcnow(),
                           message_id=f"feed-{p.next}")


def sse_event(entry: Entry, fmt: str, pictures: Mapping[str, Item] | None = None,
              products: Sequence[Product] | None = None) -> bytes:
    key = "sse:" + _key(fmt, entry, pictures, products)[0]
    framed = entry.rendered.get(key)
    if framed is None:
        data = rendered(entry, fmt, pictures, products=products).decode()
        lines = "".join(f"data: {line}\n" for line in data.splitlines() or [""])
        framed = entry.rendered[key] = f"id: {entry.event.seq}\nevent: {entry.event.type}\n{lines}\n".encode()
    return framed

"""What one subscriber may receive from the log: shared by the feed, the stream and search."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from newswire.delivery.cache import Entry
from newswire.media import attach
from newswire.model import Item
from newswire.routing import Product, is_follow_up, reaches, withdrawn
from newswire.store import items as store
from newswire.store.accounts import subscriptions
from newswire.store.engine import read_tx
from newswire.store.tables import subscribers, tokens


@dataclass(frozen=True, slots=True)
class Reader:
    subscriber_id: int
    token_id: str | None
    products: tuple[Product, ...]


class Subscriptions:
    """Every active subscriber's products, and the revoked keys and disabled subscribers,
    re-read at most every ``ttl`` seconds: product changes, disabled subscribers and revoked
    keys take effect within that bound, on new requests and on streams and long-polls already
    open. (Keys and subscribers newer than the snapshot are live: they were just checked.)"""

    def __init__(self, engine: Engine, ttl: float = 1.0) -> None:
        self.engine, self.ttl = engine, ttl
        self._snapshot: dict[int, list[Product]] = {}
        self._revoked: set[str] = set()
        self._disabled: set[int] = set()
        self._read_at = float("-inf")
        self._lock = asyncio.Lock()
        # Moves on at every re-read and invalidation: an open stream asks for its reader again
        # only when this has moved (or a second has passed), not at every event it sends.
        self.generation = 0

    def _load(self) -> tuple[dict[int, list[Product]], set[str], set[int]]:
        with read_tx(self.engine) as conn:
            held = subscriptions(conn)
            revoked = set(conn.execute(select(tokens.c.id).where(tokens.c.revoked_at.is_not(None))).scalars())
            disabled = set(conn.execute(
                select(subscribers.c.id).where(subscribers.c.disabled_at.is_not(None))).scalars())
        return held, revoked, disabled

    async def _fresh(self, subscriber_id: int) -> None:
        if time.monotonic() - self._read_at <= self.ttl and (
                subscriber_id in self._snapshot or subscriber_id in self._disabled):
            return
        async with self._lock:  # one re-read for every connection waiting on it
            if time.monotonic() - self._read_at > self.ttl or subscriber_id not in self._snapshot:
                self._snapshot, self._revoked, self._disabled = await asyncio.to_thread(self._load)
                self._read_at = time.monotonic()
                self.generation += 1

    async def products(self, subscriber_id: int) -> tuple[Product, ...]:
        await self._fresh(subscriber_id)
        return tuple(self._snapshot.get(subscriber_id, ()))

    async def reader(self, subscriber_id: int, token_id: str | None) -> Reader | None:
        """The subscriber's reader as of now, or None once its key is revoked or it is disabled."""
        await self._fresh(subscriber_id)
        if subscriber_id in self._disabled or subscriber_id not in self._snapshot or token_id in self._revoked:
            return None
        return Reader(subscriber_id, token_id, tuple(self._snapshot[subscriber_id]))

    def invalidate(self) -> None:
        self._read_at = float("-inf")
        self.generation += 1


async def entitled_entries(
    engine: Engine, reader: Reader, entries: Iterable[Entry], withdrawn_now: Collection[str] | None = None
) -> list[Entry]:
    """The entries that reach the reader.

    ``withdrawn_now`` holds the stories whose current version is killed or withheld (read
    from the store when not given). Of such a story a reader gets only the versions that
    reached it when they were sent: a late subscriber never sees the text of a story killed
    or withheld before it arrived. The store's per-version record is asked only for those,
    and for follow-ups that the reader's products no longer admit.
    """
    entries = list(entries)
    if withdrawn_now is None:
        withdrawn_now = await asyncio.to_thread(store.withdrawn_uris, engine, {e.event.uri for e in entries})
    chosen, ask = [], []
    for entry in entries:
        ev, item = entry.event, entry.item
        if ev.uri in withdrawn_now or withdrawn(item):
            ask.append(entry)
        elif reaches(ev.type, ev.embargoed, item, reader.products, was_recipient=False):
            chosen.append(entry)
        elif is_follow_up(ev.type, item) and not ev.embargoed:
            ask.append(entry)
    if ask:
        history = await asyncio.to_thread(store.reached_by, engine, reader.subscriber_id,
                                          {e.event.uri for e in ask})
        for entry in ask:
            ev, item = entry.event, entry.item
            got = history.get(ev.uri, {})
            if ev.uri in withdrawn_now:
                allowed = ev.version in got
            else:
                was_recipient = any(seq < ev.seq for seq in got.values())
                allowed = reaches(ev.type, ev.embargoed, item, reader.products, was_recipient=was_recipient)
            if allowed:
                chosen.append(entry)
        chosen.sort(key=lambda e: e.event.seq)
    return chosen


async def pictures_for(engine: Engine, reader: Reader, stories: list[Item]) -> dict[str, Item]:
    """The pictures these stories associate that the reader may have (see ``media.attach``);
    no store read when none of them associates a picture of the wire."""
    if not any(map(attach.wire_pictures, stories)):
        return {}
    return await asyncio.to_thread(attach.pictures_for, engine, stories, reader.subscriber_id, reader.products)

"""What one subscriber may receive from the log: shared by the feed, the stream and search."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine

from newswire.delivery.cache import Entry
from newswire.routing import FOLLOW_UP_EVENTS, Product, admits, reaches
from newswire.store import items as store
from newswire.store.accounts import subscriptions
from newswire.store.engine import read_tx


@dataclass(frozen=True, slots=True)
class Reader:
    subscriber_id: int
    token_id: str | None
    products: tuple[Product, ...]


class Subscriptions:
    """Every subscriber's products, re-read at most every ``ttl`` seconds (product changes
    take effect within that bound; key revocation is checked on every request)."""

    def __init__(self, engine: Engine, ttl: float = 1.0) -> None:
        self.engine, self.ttl = engine, ttl
        self._snapshot: dict[int, list[Product]] = {}
        self._read_at = 0.0

    def _load(self) -> dict[int, list[Product]]:
        with read_tx(self.engine) as conn:
            return subscriptions(conn)

    async def products(self, subscriber_id: int) -> tuple[Product, ...]:
        if time.monotonic() - self._read_at > self.ttl:
            self._snapshot = await asyncio.to_thread(self._load)
            self._read_at = time.monotonic()
        return tuple(self._snapshot.get(subscriber_id, ()))

    def invalidate(self) -> None:
        self._read_at = 0.0


async def entitled_entries(engine: Engine, reader: Reader, entries: Iterable[Entry]) -> list[Entry]:
    """The entries that reach the reader, asking the store about earlier recipients only for
    follow-up events (kill, correction, withhold) that their products no longer admit."""
    chosen, follow_ups = [], []
    for entry in entries:
        ev = entry.event
        if reaches(ev.type, ev.embargoed, entry.item, reader.products, was_recipient=False):
            chosen.append(entry)
        elif ev.type in FOLLOW_UP_EVENTS and not any(admits(p, entry.item) for p in reader.products):
            follow_ups.append(entry)
    if follow_ups:
        earlier = await asyncio.to_thread(store.recipients_of, engine, [e.event.uri for e in follow_ups])
        chosen += [e for e in follow_ups if reader.subscriber_id in earlier.get(e.event.uri, set())]
        chosen.sort(key=lambda e: e.event.seq)
    return chosen

"""A node's shared window on the event log.

Every long-poll and SSE connection wants "the events after N". Reading the store once per
connection per event would be thousands of queries a second, so each node keeps the most
recent events (with their items and rendered bodies) in a ring that one reader refreshes
when the bus announces more. Clients behind the ring read the store directly. The store
stays the truth: the ring only ever holds committed events, in sequence order.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_right
from dataclasses import dataclass, field

from sqlalchemy import Engine

from newswire.delivery.bus import Hub
from newswire.model import Item
from newswire.store import items as store
from newswire.store.items import Event


@dataclass(slots=True)
class Entry:
    event: Event
    item: Item
    rendered: dict[str, bytes] = field(default_factory=dict)


class EventCache:
    def __init__(self, engine: Engine, hub: Hub, size: int = 5000) -> None:
        self.engine, self.hub, self.size = engine, hub, size
        self._ring: list[Entry] = []  # ascending seq; trimmed to ``size`` in batches
        self._end = 0  # the last sequence read into the ring
        self._lock = asyncio.Lock()
        # Stories whose newest version (as far as the ring has read) is killed or withheld:
        # the feed and stream show their earlier versions only to those they reached.
        self.withdrawn: set[str] = set()
        self._withdrawn_loaded = False

    def start_at(self, seq: int, *, warm: int = 1000) -> None:
        """Begin at ``seq``; the first refresh also loads the ``warm`` events before it, so
        clients that reconnect with a recent cursor are served from memory."""
        self._end = max(0, seq - warm)

    async def after(self, after: int, limit: int) -> list[Entry]:
        if self.hub.latest > self._end:
            await self._refresh()
        ring = self._ring
        start = ring[0].event.seq if ring else self._end + 1
        if after >= start - 1:
            if after >= self._end:
                return []
            first = bisect_right(ring, after, key=lambda e: e.event.seq)
            return ring[first:first + limit]
        rows = await asyncio.to_thread(store.events_after, self.engine, after, limit)
        return [Entry(ev, it) for ev, it in rows]

    async def _refresh(self) -> None:
        async with self._lock:
            if not self._withdrawn_loaded:
                # Read before the events that follow: replaying them in order over this set
                # ends at the stories' current state.
                self.withdrawn = await asyncio.to_thread(store.withdrawn_uris, self.engine)
                self._withdrawn_loaded = True
            while self.hub.latest > self._end:
                rows = await asyncio.to_thread(store.events_after, self.engine, self._end, 500)
                if not rows:
                    break
                self._ring.extend(Entry(event, item) for event, item in rows)
                for event, item in rows:
                    if item.pub_status != "usable":
                        self.withdrawn.add(event.uri)
                    else:
                        self.withdrawn.discard(event.uri)
                if len(self._ring) > 2 * self.size:
                    # a new list, so slices handed out earlier stay valid
                    self._ring = self._ring[-self.size:]
                self._end = rows[-1][0].seq

"""Caps on open streams: per key and per subscriber, in this process.

A stream holds a connection, a task and a socket buffer for as long as the client likes;
without a cap one key could hold thousands. Each node process counts its own streams
(connections are a node's resource; a subscriber spread over N nodes may hold N times the
cap, which stays bounded by the deployment's size).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass


class TooManyStreams(Exception):
    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what} already holds {limit} open streams (the limit); close one first.")
        self.what, self.limit = what, limit


@dataclass
class StreamSlot:
    slots: StreamSlots
    key: str | None
    subscriber_id: int
    released: bool = False

    def release(self) -> None:
        if not self.released:
            self.released = True
            self.slots._give_back(self)


class StreamSlots:
    def __init__(self, per_key: int, per_subscriber: int) -> None:
        self.per_key, self.per_subscriber = per_key, per_subscriber
        self._by_key: Counter[str] = Counter()
        self._by_subscriber: Counter[int] = Counter()
        self._lock = threading.Lock()

    def take(self, key: str | None, subscriber_id: int) -> StreamSlot:
        with self._lock:
            if key is not None and self._by_key[key] >= self.per_key:
                raise TooManyStreams("This key", self.per_key)
            if self._by_subscriber[subscriber_id] >= self.per_subscriber:
                raise TooManyStreams("This subscriber", self.per_subscriber)
            if key is not None:
                self._by_key[key] += 1
            self._by_subscriber[subscriber_id] += 1
        return StreamSlot(self, key, subscriber_id)

    def open(self, subscriber_id: int) -> int:
        return self._by_subscriber[subscriber_id]

    def _give_back(self, slot: StreamSlot) -> None:
        with self._lock:
            if slot.key is not None:
                self._by_key[slot.key] -= 1
                if self._by_key[slot.key] <= 0:
                    del self._by_key[slot.key]
            self._by_subscriber[slot.subscriber_id] -= 1
            if self._by_subscriber[slot.subscriber_id] <= 0:
                del self._by_subscriber[slot.subscriber_id]

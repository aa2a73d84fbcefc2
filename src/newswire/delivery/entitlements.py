"""Routing applied to the store: who an event reaches, decided in the publish transaction.

:func:`on_event` runs inside the transaction that appends an event. It asks
:func:`newswire.routing.reaches` for every active subscriber, records the subscribers
reached (so a later kill or correction reaches them whatever their products become) and
writes one outbox row per webhook endpoint of theirs. Nothing is decided twice: the feed,
stream and item reads ask the same function with the same inputs.
"""

from __future__ import annotations

import threading
import weakref

from sqlalchemy import Connection, Engine, bindparam, select

from newswire.model import Item, utcnow
from newswire.routing import Product, reaches
from newswire.store import webhooks
from newswire.store.accounts import subscriptions
from newswire.store.items import Event
from newswire.store.prepared import Prepared
from newswire.store.tables import recipients, sequencer

# On the transaction's driver cursor (store.prepared): through Connection.execute this one
# read cost ~0.15 ms of a publication, SQLAlchemy's transaction begun for it included.
_GENERATION = Prepared(select(sequencer.c.routing_generation).where(sequencer.c.id == 1))
_EARLIER = select(recipients.c.subscriber_id).where(recipients.c.uri == bindparam("uri"))
# Per engine (one store): the routing generation and the subscriptions read at it.
_held: weakref.WeakKeyDictionary[Engine, tuple[int, dict[int, list[Product]]]] = weakref.WeakKeyDictionary()
_held_lock = threading.Lock()


def held_subscriptions(conn: Connection) -> dict[int, list[Product]]:
    """Every active subscriber's products (``accounts.subscriptions``), read again only when
    the store's routing generation has moved: triggers move it with every change to products,
    subscribers or subscriptions (migration 0013), in the changing transaction, so the next
    publication routes by the change. The value is read in the caller's transaction (the
    publish transaction holds the sequencer's row, which a change also writes). Callers must
    not modify what is returned."""
    generation = int(_GENERATION.scalar(conn))
    engine = conn.engine
    with _held_lock:
        cached = _held.get(engine)
    if cached is not None and cached[0] == generation:
        return cached[1]
    held = subscriptions(conn)
    with _held_lock:
        _held[engine] = (generation, held)
    return held


def on_event(conn: Connection, item: Item, event: Event) -> list[int]:
    held = held_subscriptions(conn)
    if not held:
        return []
    earlier = set(conn.execute(_EARLIER, {"uri": item.uri}).scalars())
    reached = [
        sid for sid, products in held.items()
        if reaches(event.type, event.embargoed, item, products, was_recipient=sid in earlier)
    ]
    endpoints = webhooks.active_endpoints(conn, set(reached))
    webhooks.enqueue(conn, [eid for eid, _ in endpoints], event.seq, event.created_at)
    return reached


def as_of_now(item: Item) -> Event:
    """The item's current state as an event happening now: how item reads, search and the
    planning diary ask routing whether a subscriber may see it."""
    now = utcnow()
    return Event(0, "updated", item.uri, item.version, now, item.public, item.embargoed_at(now))

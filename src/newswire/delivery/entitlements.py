"""Routing applied to the store: who an event reaches, decided in the publish transaction.

:func:`on_event` runs inside the transaction that appends an event. It asks
:func:`newswire.routing.reaches` for every active subscriber, records the subscribers
reached (so a later kill or correction reaches them whatever their products become) and
writes one outbox row per webhook endpoint of theirs. Nothing is decided twice: the feed,
stream and item reads ask the same function with the same inputs.

A kill or withhold also reaches every subscriber whose products admit the story when it
happens, recorded or not: the feed serves a story to anyone its products admit, so a
subscriber that joined after the story moved may have pulled it from the backlog, and a
withdrawal it never hears of would leave the text in its hands. The notice carries the
routing metadata of the last version not under embargo (``store.kill``) and no text.
"""

from __future__ import annotations

import threading
import weakref

from sqlalchemy import Connection, Engine, bindparam, select

from newswire.model import Item, utcnow
from newswire.routing import Product, admits, reaches, withdrawn
from newswire.store import webhooks
from newswire.store.accounts import subscriptions
from newswire.store.items import Event
from newswire.store.prepared import Prepared
from newswire.store.tables import events, recipients, sequencer

# On the transaction's driver cursor (store.prepared): through Connection.execute this one
# read cost ~0.15 ms of a publication, SQLAlchemy's transaction begun for it included.
_GENERATION = Prepared(select(sequencer.c.routing_generation).where(sequencer.c.id == 1))
_EARLIER = select(recipients.c.subscriber_id).where(recipients.c.uri == bindparam("uri"))
# Was any earlier event of the story sent out of embargo (so anyone its products admit could pull it)?
_WAS_OUT = (select(events.c.seq)
            .where(events.c.uri == bindparam("uri"), events.c.seq < bindparam("seq"), events.c.embargoed.is_(False))
            .limit(1))
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
    pullable = withdrawn(item)  # a kill or withhold: also to whoever may have pulled the story
    out = pullable and conn.execute(_WAS_OUT, {"uri": item.uri, "seq": event.seq}).first() is not None
    reached = [
        sid for sid, products in held.items()
        if reaches(event.type, event.embargoed, item, products,
                   was_recipient=sid in earlier or (pullable and may_have_pulled(item, products, was_out=out)))
    ]
    endpoints = webhooks.active_endpoints(conn, set(reached))
    webhooks.enqueue(conn, [eid for eid, _ in endpoints], event.seq, event.created_at)
    return reached


def may_have_pulled(item: Item, products: list[Product], *, was_out: bool) -> bool:
    """Could a subscriber holding ``products`` have pulled the story a kill or withhold
    (``item``) withdraws? Yes when a product admits it and the story was out of embargo before
    (``was_out``), or the product sees embargoed copy early: a story killed before its
    embargo lifted was never out for the others."""
    return any(admits(p, item) and (was_out or p.embargo_early) for p in products)


def as_of_now(item: Item) -> Event:
    """The item's current state as an event happening now: how item reads, search and the
    planning diary ask routing whether a subscriber may see it."""
    now = utcnow()
    return Event(0, "updated", item.uri, item.version, now, item.public, item.embargoed_at(now))

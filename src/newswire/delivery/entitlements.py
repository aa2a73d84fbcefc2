"""Routing applied to the store: who an event reaches, decided in the publish transaction.

:func:`on_event` runs inside the transaction that appends an event. It asks
:func:`newswire.routing.reaches` for every active subscriber, records the subscribers
reached (so a later kill or correction reaches them whatever their products become) and
writes one outbox row per webhook endpoint of theirs. Nothing is decided twice: the feed,
stream and item reads ask the same function with the same inputs.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from newswire.model import Item, utcnow
from newswire.routing import reaches
from newswire.store import webhooks
from newswire.store.accounts import subscriptions
from newswire.store.items import Event
from newswire.store.tables import recipients


def on_event(conn: Connection, item: Item, event: Event) -> list[int]:
    held = subscriptions(conn)
    if not held:
        return []
    earlier = set(conn.execute(
        select(recipients.c.subscriber_id).where(recipients.c.uri == item.uri)).scalars())
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

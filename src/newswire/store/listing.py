"""Current stories newest event first, for the portal's live flow (entitlement is the caller's)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, and_, func, or_, select

from newswire.model import Item
from newswire.store import codec
from newswire.store.engine import read_tx
from newswire.store.tables import items, versions


@dataclass(frozen=True, slots=True)
class Narrowing:
    """What the store can narrow on the current row before the reader's own check."""

    language: str | None = None
    type: str | None = None
    urgency_max: int | None = None


def latest(engine: Engine, narrowing: Narrowing, *, before: int | None, limit: int) -> list[tuple[int, Item]]:
    """(last event seq, current version) of up to ``limit`` stories, newest event first,
    strictly older than ``before`` when given."""
    query = (select(items.c.last_seq, versions.c.payload)
             .select_from(items.join(versions, and_(versions.c.uri == items.c.uri,
                                                    versions.c.version == items.c.version)))
             .order_by(items.c.last_seq.desc()).limit(limit))
    if before is not None:
        query = query.where(items.c.last_seq < before)
    if narrowing.language:
        query = query.where(or_(func.lower(items.c.language) == narrowing.language,
                                func.lower(items.c.language).like(narrowing.language + "-%")))
    if narrowing.type:
        query = query.where(items.c.type == narrowing.type)
    if narrowing.urgency_max is not None:
        query = query.where(func.coalesce(items.c.urgency, 5) <= narrowing.urgency_max)
    with read_tx(engine) as conn:
        rows = conn.execute(query).all()
    return [(seq, codec.decode(payload)) for seq, payload in rows]

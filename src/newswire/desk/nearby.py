"""Near-duplicates among the desk's suggestions: "looks like the story moved 12 minutes ago".

The draft's text is looked up in the wire's own near-duplicate index (``Wire.similar.near``,
the lookup that links similar stories on publish: one index, caught up from the store), and
each story within the wire's *related* distance comes back with its headline, how close it is
(``duplicate`` or ``related``, the wire's thresholds) and when it last moved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newswire.enrich.dedup import classify
from newswire.model import Item, utcnow
from newswire.store import items as store
from newswire.wire import Wire

MAX_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Nearby:
    uri: str
    headline: str
    rel: str  # duplicate, related
    moved_at: datetime | None
    minutes: int | None  # since it moved


def moved_like(wire: Wire, item: Item, now: datetime | None = None) -> list[Nearby]:
    """The stories on the wire near ``item``'s text, nearest first (none for an empty text)."""
    if not item.bodies and not item.headline:
        return []
    now = now or utcnow()
    matches, _sig = wire.similar.near(item)
    found: list[Nearby] = []
    for uri, distance in matches:
        rel = classify(distance)
        stored = store.get_item(wire.engine, uri) if rel is not None else None
        if rel is None or stored is None or stored.killed:
            continue
        moved = stored.version_created
        minutes = max(0, int((now - moved).total_seconds() // 60)) if moved is not None else None
        found.append(Nearby(uri, stored.headline, rel, moved, minutes))
        if len(found) >= MAX_SHOWN:
            break
    return found

"""A partner item onto the wire: the stable uri, attribution, the default language, then
``Wire.publish`` (parse -> enrich -> store), or the ``held`` table for the desk.

Nothing here can duplicate a story: the uri is a function of (source, partner guid) and the
store appends nothing for content it already holds, so a re-poll, a restart or two nodes
ingesting the same item add one version at most. A changed partner item is the next
version of the same wire item. The partner's kill (pubStatus ``canceled``) and withhold map
to the wire's ``killed`` and ``withheld`` events; a kill of an item the wire never carried
is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from newswire.formats.ninjs import dumps, to_ninjs3
from newswire.model import Concept, Item, utcnow
from newswire.sources import store as sources_store
from newswire.sources.model import PartnerItem, Source, wire_uri
from newswire.store import codec
from newswire.store import items as items_store
from newswire.wire import Wire

ATTRIBUTION_REL = "partner"


@dataclass
class Outcome:
    published: int = 0  # new wire items
    updated: int = 0  # new versions (kills and withholds included)
    unchanged: int = 0
    held: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.published + self.updated + self.held


def attributed(source: Source, partner: PartnerItem) -> Item:
    """The partner's item under its wire uri, credited to the source, in a language."""
    item = partner.item
    credit = Concept(name=source.name, uri=f"urn:newswire:source:{source.name}", rel=ATTRIBUTION_REL)
    info = item.info_sources
    if not any(c.uri == credit.uri for c in info):
        info = (*info, credit)
    return item.evolve(
        uri=wire_uri(source.name, partner.guid),
        version=0,  # the store numbers the partner's versions itself
        language=item.language or source.language,
        info_sources=info,
        copyright_holder=item.copyright_holder or source.name,
        associations=tuple(a for a in item.associations if not a.uri.startswith("urn:newswire:")),
        public=False,
    )


def ingest_items(wire: Wire, source: Source, partners: list[PartnerItem], *, now: datetime | None = None,
                 keep_alive: Callable[[], None] | None = None) -> Outcome:
    """Every partner item in order; ``keep_alive`` is called every 50 items (lease renewal)."""
    outcome = Outcome()
    for n, partner in enumerate(partners, 1):
        if keep_alive is not None and n % 50 == 0:
            keep_alive()
        try:
            _ingest_one(wire, source, partner, outcome, now or utcnow())
        except items_store.StoreConflict as exc:
            outcome.skipped += 1
            outcome.errors.append(f"{partner.guid[:200]}: {exc}")
    return outcome


def _ingest_one(wire: Wire, source: Source, partner: PartnerItem, outcome: Outcome, now: datetime) -> None:
    item = attributed(source, partner)
    if source.hold:
        fresh = sources_store.hold_item(wire.engine, source.name, item.uri, codec.input_hash(item),
                                        dumps(to_ninjs3(item)).decode(), now)
        if fresh:
            outcome.held += 1
        else:
            outcome.unchanged += 1
        sources_store.note_item(wire.engine, source.name, partner.guid, item.uri, changed=fresh, now=now)
        return
    if item.pub_status != "usable":
        current = items_store.get_item(wire.engine, item.uri)
        if current is None:  # a kill or withhold of a story the wire never carried
            outcome.skipped += 1
            return
        if current.pub_status == "canceled":
            outcome.unchanged += 1
            return
    if sources_store.current_input_hash(wire.engine, item.uri) == codec.input_hash(item):
        outcome.unchanged += 1  # what the store would answer, without enriching it first
        sources_store.note_item(wire.engine, source.name, partner.guid, item.uri, changed=False, now=now)
        return
    result = wire.publish(item)
    if not result.created:
        outcome.unchanged += 1
    elif result.item.version == 1:
        outcome.published += 1
    else:
        outcome.updated += 1
    sources_store.note_item(wire.engine, source.name, partner.guid, item.uri, changed=result.created, now=now)

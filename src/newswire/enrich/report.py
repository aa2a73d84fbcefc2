"""What enrichment makes of a story (``newswire enrich``) and re-running it over the
archive (``newswire reenrich``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newswire.enrich.pipeline import Pipeline
from newswire.formats.ninjs import to_ninjs3
from newswire.model import MACHINE_CREATOR, Concept, Item
from newswire.store import items as store
from newswire.wire import Wire


def strip_machine(item: Item) -> Item:
    """The item as the editor sent it: machine-made concepts and summary removed."""
    def editors(concepts: tuple[Concept, ...]) -> tuple[Concept, ...]:
        return tuple(c for c in concepts if c.creator != MACHINE_CREATOR)

    return item.evolve(
        subjects=editors(item.subjects), people=editors(item.people),
        organisations=editors(item.organisations), places=editors(item.places),
        info_sources=editors(item.info_sources),
        descriptions=tuple(d for d in item.descriptions if d.role != "summary"),
        quotes=(), planning=(),
    )


def enrichment_report(item: Item, pipeline: Pipeline) -> dict[str, Any]:
    pipeline.timings.clear()
    enriched = pipeline(strip_machine(item))
    ninjs = to_ninjs3(enriched)
    return {
        "uri": enriched.uri,
        "language": enriched.language,
        "dateline": {"located": enriched.located, "date": enriched.dateline_date,
                     "source": [c.name for c in enriched.info_sources if c.rel == "source"]},
        "summary": enriched.summary,
        "subjects": ninjs.get("subjects", []),
        "people": ninjs.get("people", []),
        "organisations": ninjs.get("organisations", []),
        "places": ninjs.get("places", []),
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in enriched.quotes],
        "planning": [{"start": p.start, "name": p.name, "literal": p.literal} for p in enriched.planning],
        "stepMilliseconds": {k: round(v * 1000, 2) for k, v in pipeline.timings.items()},
    }


def reenrich_archive(wire: Wire, since: datetime, *, dry_run: bool = False) -> tuple[int, int]:
    """A new version for each current, usable item whose machine metadata changes.

    New versions rather than in-place edits: versions are immutable, and subscribers hold
    copies of them, so a change anyone can see must be a version they can receive.
    """
    changed = seen = 0
    for item in list(store.iter_current_items(wire.engine, since=since)):
        seen += 1
        if item.pub_status != "usable":
            continue
        fresh = wire.pipeline(strip_machine(item))
        if fresh.evolve(version=item.version, version_created=item.version_created) == item:
            continue
        changed += 1
        if not dry_run:
            wire.store_version(fresh.evolve(version=0, version_created=None), reason="re-enrichment")
    return changed, seen

"""A flash moves with no enrichment wait.

Published from the desk, a story of urgency *flash* skips every enrichment step at publication
(``Wire.publish(reviewed=…)``): subscribers get the editor's text as soon as it is stored. The
pipeline then runs over the stored version after the answer has gone (the steps the editor
reviewed in the suggestions panel excepted, as for any story), and what it finds moves as the
next version with the reason ``re-enrichment`` — the wire's own mechanism for machine metadata
that changes (``newswire reenrich``, :meth:`Wire.store_version`) — only while the story is
still at the version published, so an editor's update in between is never overwritten. The
follow-up is audited (``enrich``) against the editor who moved the flash."""

from __future__ import annotations

import logging
from collections.abc import Collection

from sqlalchemy import Connection

from newswire.desk import store as desk_store
from newswire.desk.compose import Story
from newswire.model import Item, utcnow
from newswire.store import items as store
from newswire.store.items import StoreConflict
from newswire.wire import Wire

log = logging.getLogger(__name__)
REASON = "re-enrichment"


def is_flash(story: Story) -> bool:
    return story.urgency == "flash"


def skipped_at_publish(wire: Wire, story: Story) -> tuple[str, ...]:
    """The steps not to run when ``story`` moves: all of them for a flash, else those reviewed."""
    if is_flash(story):
        return tuple(name for name, _step in wire.pipeline.steps)
    return story.reviewed_steps()


def follow_up(wire: Wire, uri: str, version: int, reviewed: Collection[str], user_id: int) -> Item | None:
    """Enrich the flash at ``version`` now, and move what the pipeline added as the next version
    (None when it added nothing, or when the story has moved on meanwhile)."""
    if not [name for name, _step in wire.pipeline.steps if name not in reviewed]:
        return None
    current = store.get_item(wire.engine, uri)
    if current is None or current.version != version or current.pub_status != "usable":
        return None
    fresh = wire.pipeline(current, reviewed)
    if fresh == current:
        return None

    def record(conn: Connection, stored: Item) -> None:
        desk_store.record(conn, user_id, "enrich", stored.uri, stored.version,
                          "enriched after the flash moved", utcnow())

    try:
        result = wire.store_version(fresh.evolve(version=0, version_created=None), reason=REASON,
                                    expected_version=version, record=record)
    except StoreConflict:  # an editor moved the story meanwhile: their version stands
        log.info("flash %s moved past version %s before its enrichment; not re-enriched", uri, version)
        return None
    return result.item if result.created else None

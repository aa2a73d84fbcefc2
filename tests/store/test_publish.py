"""The write path: versions are never overwritten; every action appends one event."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newswire.model import utcnow
from newswire.store import items as store
from newswire.store.items import StoreConflict
from newswire.wire import Wire

from factories import as_bytes, ninjs_story


def test_first_publish_stores_version_one_and_appends_a_published_event(wire: Wire) -> None:
    result = wire.ingest(as_bytes(ninjs_story("tr")))
    assert result.created and result.item.version == 1
    assert result.event is not None and result.event.type == "published"
    assert result.item.first_created == result.item.version_created
    [(event, item)] = store.events_after(wire.engine, 0)
    assert (event.seq, event.uri, event.version) == (1, result.item.uri, 1)
    assert item.headline == result.item.headline


def test_an_update_is_a_new_version_and_the_old_one_stays(wire: Wire) -> None:
    doc = ninjs_story("en")
    wire.ingest(as_bytes(doc))
    doc["headlines"] = [{"value": "Port authority opens second container terminal"}]
    result = wire.ingest(as_bytes(doc))
    assert result.item.version == 2 and result.event and result.event.type == "updated"
    first = store.get_version(wire.engine, doc["uri"], 1)
    assert first is not None and "second" not in first.headline
    assert [v.version for v in store.list_versions(wire.engine, doc["uri"])] == [1, 2]
    assert result.item.first_created == first.first_created


def test_reposting_identical_content_appends_nothing(wire: Wire) -> None:
    doc = ninjs_story("ar")
    wire.ingest(as_bytes(doc))
    again = wire.ingest(as_bytes(doc))
    assert not again.created and again.event is None and again.item.version == 1
    assert store.last_seq(wire.engine) == 1


def test_an_older_version_is_a_conflict(wire: Wire) -> None:
    doc = ninjs_story("ru", version="3")
    wire.ingest(as_bytes(doc))
    doc["version"] = "2"
    doc["headlines"] = [{"value": "changed"}]
    with pytest.raises(StoreConflict):
        wire.ingest(as_bytes(doc))
    assert store.last_seq(wire.engine) == 1


def test_a_correction_withhold_and_kill_each_append_their_event(wire: Wire) -> None:
    doc = ninjs_story("fr")
    wire.ingest(as_bytes(doc))
    doc["edNote"] = "CORRECTION: fixes the capacity figure"
    doc["bodies"] = [{"value": "<p>Corrected text.</p>"}]
    corrected = wire.ingest(as_bytes(doc))
    assert corrected.event and corrected.event.type == "corrected"
    assert corrected.item.is_correction
    doc["pubStatus"] = "withheld"
    doc["edNote"] = "Withheld pending legal review"
    withheld = wire.ingest(as_bytes(doc))
    assert withheld.event and withheld.event.type == "withheld"
    killed = wire.kill(doc["uri"], "legal")
    assert killed.event and killed.event.type == "killed" and killed.event.reason == "legal"
    assert killed.item.pub_status == "canceled" and killed.item.bodies == ()
    assert killed.item.ed_note == "KILL: legal"
    types = [e.type for e, _ in store.events_after(wire.engine, 0)]
    assert types == ["published", "corrected", "withheld", "killed"]


def test_a_killed_story_stays_killed(wire: Wire) -> None:
    doc = ninjs_story("en")
    wire.ingest(as_bytes(doc))
    wire.kill(doc["uri"], "duplicate")
    doc["headlines"] = [{"value": "revived"}]
    with pytest.raises(StoreConflict):
        wire.ingest(as_bytes(doc))
    assert not wire.kill(doc["uri"], "again").created


def test_embargo_lifts_by_itself_once_due_and_only_once(wire: Wire) -> None:
    now = utcnow()
    doc = ninjs_story("en", embargoedUntil=(now + timedelta(minutes=5)).isoformat())
    result = wire.ingest(as_bytes(doc))
    assert result.event and result.event.embargoed
    assert wire.lift_embargoes(now) == []
    assert store.next_embargo(wire.engine) is not None
    lifted = wire.lift_embargoes(now + timedelta(minutes=6))
    assert [e.type for e in lifted] == ["embargo_lifted"]
    assert wire.lift_embargoes(now + timedelta(minutes=7)) == []
    assert store.next_embargo(wire.engine) is None


def test_an_embargo_in_the_past_is_no_embargo(wire: Wire) -> None:
    doc = ninjs_story("en", embargoedUntil=(utcnow() - timedelta(minutes=1)).isoformat())
    result = wire.ingest(as_bytes(doc))
    assert result.event and not result.event.embargoed
    assert wire.lift_embargoes() == []


def test_the_embargo_survives_a_restart(db_url: str) -> None:
    from conftest import open_wire

    first = open_wire(db_url)
    due = utcnow() + timedelta(seconds=1)
    first.ingest(as_bytes(ninjs_story("en", embargoedUntil=due.isoformat())))
    first.close()
    second = open_wire(db_url)
    assert [e.type for e in second.lift_embargoes(due + timedelta(seconds=1))] == ["embargo_lifted"]
    second.close()

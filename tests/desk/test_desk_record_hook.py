"""The store's ``record`` hook, on which the desk's audit stands: its rows commit with the
version (a kill notice too) or not at all; a kill against a version the story has left is a
conflict."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection

from newswire.model import Item
from newswire.store import items as store

from conftest import open_wire
from factories import as_bytes, ninjs_story


class Refused(Exception):
    pass


def test_record_sees_each_stored_version_and_a_failure_stores_nothing(db_url: str) -> None:
    wire = open_wire(db_url)
    try:
        doc = ninjs_story("en")
        uri = str(doc["uri"])
        wire.ingest(as_bytes(doc))
        seen: list[tuple[int, str]] = []

        def note(conn: Connection, stored: Item) -> None:
            seen.append((stored.version, stored.pub_status))

        def refuse(conn: Connection, stored: Item) -> None:
            raise Refused

        before = store.last_seq(wire.engine)
        with pytest.raises(Refused):
            wire.kill(uri, "Legal", record=refuse)
        assert store.last_seq(wire.engine) == before and not store.get_item(wire.engine, uri).killed  # type: ignore[union-attr]
        with pytest.raises(store.StoreConflict):
            wire.kill(uri, "Legal", expected_version=2, record=note)
        assert seen == []
        wire.kill(uri, "Legal", expected_version=1, record=note)
        assert seen == [(2, "canceled")]
    finally:
        wire.close()

"""A watched folder: a file is ingested only once complete, then moved to done/ or failed/."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from pathlib import Path

import pytest
from partner_feeds import g2_item, g2_message

from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.model import wire_uri
from newswire.sources.scheduler import PollReport, SourcePoller
from newswire.store import items as items_store
from newswire.wire import Wire


def poll(wire: Wire, later: float) -> PollReport:
    [report] = asyncio.run(SourcePoller(wire, allow_private=True).poll_due(now=utcnow() + timedelta(seconds=later)))
    return report


def test_partial_file_waits_until_complete_then_moves_to_done(wire: Wire, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    sources_store.add_source(wire.engine, "ftp", "folder", path=str(drop), interval=5, language="en")
    whole = g2_message(g2_item("urn:f:1", "Dropped one", "First."), g2_item("urn:f:2", "Dropped two", "Second."))
    growing = drop / "batch.xml"
    growing.write_bytes(whole[: len(whole) // 2])  # an upload in progress
    (drop / "story.txt.tmp").write_text("Renamed when complete\n\nBody of the story.\n")

    assert poll(wire, 10).outcome.changed == 0  # first sight: sizes noted
    growing.write_bytes(whole)  # the upload finishes; the size changed
    os.rename(drop / "story.txt.tmp", drop / "story.txt")
    assert poll(wire, 20).outcome.changed == 0 and growing.exists()  # changed since last poll: wait
    report = poll(wire, 30)  # unchanged across two polls: complete
    assert report.ok and report.outcome.published == 3, report
    assert sorted(p.name for p in (drop / "done").iterdir()) == ["batch.xml", "story.txt"]
    assert not growing.exists()
    item = items_store.get_item(wire.engine, wire_uri("ftp", "urn:f:2"))
    assert item is not None and item.headline == "Dropped two"


def test_broken_file_moves_to_failed_with_the_reason(wire: Wire, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    sources_store.add_source(wire.engine, "ftp", "folder", path=str(drop), interval=5)
    (drop / "broken.xml").write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')
    poll(wire, 10)
    report = poll(wire, 20)
    assert report.outcome.changed == 0 and "broken.xml" in (report.error or "")
    assert (drop / "failed" / "broken.xml").exists()
    assert "DTD" in (drop / "failed" / "broken.xml.reason").read_text()


def test_a_node_killed_between_publishing_a_file_and_moving_it_duplicates_nothing(
        wire: Wire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newswire.sources import folder

    drop = tmp_path / "drop"
    drop.mkdir()
    sources_store.add_source(wire.engine, "ftp", "folder", path=str(drop), interval=5)
    (drop / "one.xml").write_bytes(g2_message(g2_item("urn:f:9", "Only once", "Body.")))
    poll(wire, 10)
    real_move = folder._move

    def die(*args: object) -> None:
        raise KeyboardInterrupt  # the process dies after publishing, before the move

    monkeypatch.setattr(folder, "_move", die)
    with pytest.raises(KeyboardInterrupt):
        poll(wire, 20)
    monkeypatch.setattr(folder, "_move", real_move)
    assert (drop / "one.xml").exists() and items_store.last_seq(wire.engine) == 1
    report = poll(wire, 200)  # the lease has expired; the file is seen again, complete
    assert report.outcome.unchanged == 1 and report.outcome.changed == 0
    assert (drop / "done" / "one.xml").exists() and items_store.last_seq(wire.engine) == 1

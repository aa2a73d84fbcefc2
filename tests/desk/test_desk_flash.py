"""A flash published at the desk moves with no enrichment wait: version 1 is the editor's text
as typed, and the pipeline's findings follow as version 2 (reason ``re-enrichment``, audited
as ``enrich``), never over an editor's own version in between."""

from __future__ import annotations

import time
from dataclasses import replace

from newswire.desk import flash
from newswire.desk import store as desk_store
from newswire.desk.compose import Story, first_version
from newswire.model import utcnow
from newswire.store import items as store

from conftest import LiveServer
from deskkit import at_desk, feed_of, last_seq, live, published_uri, send, staff, story_fields

__all__ = ["live"]

BODY = ("President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday, officials said.\n\n"
        "The European Union and NATO were discussed. The talks focused on trade and energy prices.")


def versions(live: LiveServer, uri: str, count: int, timeout: float = 20) -> list[int]:
    deadline = time.monotonic() + timeout
    while True:
        found = [info.version for info, _item in store.all_versions(live.wire.engine, uri)]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_a_flash_moves_unenriched_and_its_enrichment_follows(live: LiveServer) -> None:
    feed = feed_of(live, "desk-flash-watch")
    before = last_seq(live)
    editor = at_desk(live, "flash-editor@agency.example")
    moved = send(editor, "/desk/compose", story_fields("Macron and Scholz meet in Berlin", dateline="BERLIN",
                                                       body=BODY, urgency="flash", action="publish"))
    assert moved.status_code == 303, moved.text
    uri = published_uri(moved)
    assert versions(live, uri, 2) == [1, 2]
    first, second = (item for _info, item in store.all_versions(live.wire.engine, uri))
    assert first.people == () and first.subjects == ()  # as the editor typed it
    assert "summary" not in [d.role for d in first.descriptions]
    assert "Emmanuel Macron" in [p.name for p in second.people] and second.headline == first.headline
    assert [str(ninjs["version"]) for got, _kind, ninjs in feed(before) if got == uri] == ["1", "2"]
    newest = desk_store.audit(live.wire.engine, uri)[0]
    assert (newest.who, newest.action, newest.version) == ("flash-editor@agency.example", "enrich", 2)


def test_a_normal_story_is_enriched_before_it_moves(live: LiveServer) -> None:
    editor = at_desk(live, "flash-editor@agency.example")
    moved = send(editor, "/desk/compose", story_fields("Macron and Scholz talk trade", dateline="BERLIN",
                                                       body=BODY, urgency="urgent", action="publish"))
    uri = published_uri(moved)
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and "Emmanuel Macron" in [p.name for p in item.people]
    time.sleep(0.3)
    assert versions(live, uri, 2, timeout=0) == [1]  # no follow-up version


def test_the_follow_up_never_overwrites_a_version_moved_meanwhile(live: LiveServer) -> None:
    editor = staff(live, "flash-race@agency.example").id  # whose audit row the follow-up writes
    story = Story(headline="Flash: Berlin talks", dateline="BERLIN", body=BODY, urgency="flash")
    uri = f"urn:newswire:text:desk-flash-race-{time.monotonic_ns()}"
    skipped = flash.skipped_at_publish(live.wire, story)
    assert set(skipped) == {name for name, _step in live.wire.pipeline.steps}
    live.wire.publish(first_version(story, uri, utcnow()), reviewed=skipped)
    live.wire.publish(first_version(replace(story, headline="Berlin talks end"), uri, utcnow()).evolve(version=0),
                      reviewed=skipped)  # an editor's update before the follow-up ran
    assert flash.follow_up(live.wire, uri, 1, (), editor) is None
    assert [info.version for info, _item in store.all_versions(live.wire.engine, uri)] == [1, 2]
    # At its own version it moves the findings; a second run finds nothing new.
    enriched = flash.follow_up(live.wire, uri, 2, (), editor)
    assert enriched is not None and enriched.version == 3 and enriched.headline == "Berlin talks end"
    assert flash.follow_up(live.wire, uri, 3, (), editor) is None

"""The portal's diary shows the desk's events (newswire.store.diary) that the organisation's
products admit, with their status, a cancelled one struck through; a found event the desk took
over is shown once, as the desk's, linked to the story."""

from __future__ import annotations

import uuid

import pytest

from newswire.formats.ninjs import parse_ninjs
from newswire.model import PlannedEvent
from newswire.store import accounts, diary, users

from conftest import LiveServer
from factories import ninjs_story
from portalkit import live, reader, readers

__all__ = ["live"]  # the portal's shared server, a fixture


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    readers(live, {"desk-diary-en": {"languages": ["en"]}, "desk-diary-fr": {"languages": ["fr"]}})


def editor_id(live: LiveServer) -> int:
    try:
        return users.get_user(live.wire.engine, "portal-diary-desk@agency.example").id
    except accounts.AccountError:
        return users.create_user(live.wire.engine, "portal-diary-desk@agency.example", subscriber=None,
                                 role="editor", password="x" * 12).id


def add(live: LiveServer, **form: str) -> int:
    fields, problems = diary.parse({"place": "Paris", **form}, may_confirm=True)
    assert fields is not None, problems
    uri = form.get("uri")
    return diary.add(live.wire.engine, editor_id(live), fields, story_uri=uri, found_start=form.get("found_start"),
                     found_name=form.get("found_name"))


def test_the_desks_events_in_the_portals_diary(live: LiveServer) -> None:
    tag = uuid.uuid4().hex[:8]
    add(live, title=f"air show {tag}", starts="2034-02-07 14:00", language="en", status="confirmed")
    gone = add(live, title=f"fashion week {tag}", starts="2034-02-08 10:00", language="en", status="tentative")
    diary.set_status(live.wire.engine, editor_id(live), gone, "cancelled")
    add(live, title=f"salon du livre {tag}", starts="2034-02-09 10:00", language="fr", status="tentative")
    story = parse_ninjs(ninjs_story("en", uri=f"urn:newswire:test:desk-diary-{tag}")).evolve(
        planning=(PlannedEvent(f"metro strike {tag}", "2034-02-10", "Feb. 10"),))
    live.wire.publish(story)
    add(live, title=f"metro strike {tag} (confirmed)", starts="2034-02-10 06:00", language="en",
        status="confirmed", uri=story.uri, found_start="2034-02-10", found_name=f"metro strike {tag}")
    page = reader(live, "desk-diary-en").get("/portal/diary", params={"date": "2034-02"}).text
    show = page.split(f"air show {tag}", 1)[0].rsplit('data-day="', 1)[1][:10]
    assert show == "2034-02-07" and "14:00" in page and "(confirmed)" in page
    assert f"<s><span>fashion week {tag}</span></s>" in page and "(cancelled)" in page
    assert f"salon du livre {tag}" not in page
    assert page.count(f"metro strike {tag}") == 1 and f'href="/portal/items/{story.uri}"' in page
    french = reader(live, "desk-diary-fr").get("/portal/diary", params={"date": "2034-02"}).text
    assert f"salon du livre {tag}" in french and f"air show {tag}" not in french

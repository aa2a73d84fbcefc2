"""The embargo on the compose and story pages in UTC, the editor's time zone (the browser's,
kept by desk.js in a cookie) and the dateline place's."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from starlette.requests import Request

from newswire.desk import zones

from conftest import LiveServer
from deskkit import at_desk, live, published_uri, send, story_fields

__all__ = ["live"]


def request_with(cookie: str) -> Request:
    return Request({"type": "http", "headers": [(b"cookie", cookie.encode())]})


def test_the_editors_zone_comes_from_the_cookie_and_anything_odd_is_utc() -> None:
    assert str(zones.editor_zone(request_with("desk_tz=America/New_York"))) == "America/New_York"
    for odd in ("desk_tz=Mars/Olympus", "desk_tz=../../etc/passwd", "desk_tz=" + "A" * 80, "other=1"):
        assert zones.editor_zone(request_with(odd)) is UTC


def test_the_embargo_in_three_zones_each_once() -> None:
    until = datetime(2026, 12, 4, 22, 30, tzinfo=UTC)
    found = zones.embargo_times(until, "ANKARA", zones.editor_zone(request_with("desk_tz=America/New_York")))
    assert [(z.who, z.when, z.zone) for z in found] == [
        ("utc", "2026-12-04 22:30", "UTC"), ("editor", "2026-12-04 17:30", "America/New_York"),
        ("place", "2026-12-05 01:30", "Europe/Istanbul")]
    assert [z.who for z in zones.embargo_times(until, "", UTC)] == ["utc"]
    assert zones.embargo_times(None, "ANKARA", UTC) == []


def test_compose_and_story_pages_show_the_embargo_in_the_zones(live: LiveServer) -> None:
    editor = at_desk(live, "zones-editor@agency.example")
    editor.client.cookies.set("desk_tz", "Asia/Tokyo")
    fields = story_fields("Embargoed budget speech", dateline="ANKARA", embargo="2030-01-10T09:00")
    saved = send(editor, "/desk/compose", {**fields, "action": "draft"})
    page = editor.get(saved.headers["location"]).text
    listed = re.search(r'<ul class="hint embargo-zones" id="embargo-zones">(.*?)</ul>', page)
    assert listed is not None
    assert "2030-01-10 09:00" in listed.group(1) and "2030-01-10 18:00" in listed.group(1)  # Tokyo
    assert "Asia/Tokyo" in listed.group(1) and "2030-01-10 12:00" in listed.group(1)  # Istanbul
    moved = send(editor, "/desk/compose", {**fields, "action": "publish"})
    story = editor.get(f"/desk/items/{published_uri(moved)}").text
    assert 'id="embargo-zones"' in story and "Europe/Istanbul" in story and "2030-01-10 18:00" in story


def test_an_embargo_at_the_calendars_edge_is_shown_where_it_can_be_and_never_a_500(live: LiveServer) -> None:
    """9999-12-31 23:59 UTC is already year 10000 in Tokyo and Ankara: the dateline is dated in
    UTC and those zones are left out of the list, instead of the page failing."""
    editor = at_desk(live, "edge-editor@agency.example")
    editor.client.cookies.set("desk_tz", "Asia/Tokyo")
    fields = story_fields("Time capsule to be opened", dateline="ANKARA", embargo="9999-12-31T23:59")
    for action in ("suggest", "draft"):
        answer = send(editor, "/desk/compose", {**fields, "action": action})
        assert answer.status_code in (200, 303), answer.text
    moved = send(editor, "/desk/compose", {**fields, "action": "publish"})
    assert moved.status_code == 303, moved.text
    story = editor.get(f"/desk/items/{published_uri(moved)}")
    assert story.status_code == 200 and "9999-12-31 23:59" in story.text and "Dec. 31" in story.text
    until = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    tokyo = zones.editor_zone(request_with("desk_tz=Asia/Tokyo"))
    assert [z.who for z in zones.embargo_times(until, "ANKARA", tokyo)] == ["utc"]

"""The desk's planning diary over real HTTP: staff add events by day, an editor confirms and
cancels them, a reporter only proposes; a found event confirmed becomes the desk's, linked to its
story; every form needs its CSRF token and every change is audited against the person."""

from __future__ import annotations

import re
import uuid

from newswire.desk import store as desk_store
from newswire.formats.ninjs import parse_ninjs
from newswire.model import PlannedEvent
from newswire.store import diary

from conftest import LiveServer
from deskkit import Visitor, at_desk, live
from factories import ninjs_story

__all__ = ["live"]  # the portal's shared server, a fixture: the desk is on the same app

DAY = "/desk/diary?day=2032-06-01"


def event_fields(title: str, **more: str) -> dict[str, str]:
    return {"title": title, "starts": "2032-06-03 10:00", "zone": "", "place": "Brussels", "language": "en",
            "topic": "", "notes": "", "status": "tentative", **more}


def added_id(live: LiveServer, title: str) -> int:
    found = [e for e in diary.between(live.wire.engine, "2032-06-01", "2032-07-01") if e.title == title]
    assert len(found) == 1
    return found[0].id


def test_the_page_shows_the_form_and_events_by_day(live: LiveServer) -> None:
    editor = at_desk(live, "diary-ed@agency.example")
    page = editor.get("/desk/diary")
    assert page.status_code == 200
    for label in ("Title", "Starts", "Place", "Status", "Add event"):
        assert label in page.text
    assert 'href="/desk/diary">Diary</a>' in editor.get("/desk/").text  # in the desk's menu
    title = f"Summit {uuid.uuid4().hex[:6]}"
    added = editor.post("/desk/diary", event_fields(title, status="confirmed"), csrf_from="/desk/diary")
    assert added.status_code == 303 and added.headers["location"] == "/desk/diary?day=2032-06-03"
    listed = editor.get(added.headers["location"]).text
    day = listed.split('id="day-2032-06-03"', 1)[1].split("</tbody>", 1)[0]
    assert title in day and "10:00" in day and "Europe/Brussels" in day and "confirmed" in day
    assert "Cancel event" in day
    event = diary.get(live.wire.engine, added_id(live, title))
    assert event is not None and event.fields.place_uri and event.created_by == "diary-ed@agency.example"


def test_a_reporter_proposes_and_an_editor_confirms_then_cancels(live: LiveServer) -> None:
    reporter = at_desk(live, "diary-rep@agency.example", "reporter")
    title = f"Harbour vote {uuid.uuid4().hex[:6]}"
    refused = reporter.post("/desk/diary", event_fields(title, status="confirmed"), csrf_from="/desk/diary")
    assert refused.status_code == 400 and "editor confirms" in refused.text
    assert reporter.post("/desk/diary", event_fields(title), csrf_from="/desk/diary").status_code == 303
    event_id = added_id(live, title)
    assert "Confirm</button>" not in reporter.get(DAY).text.split(title, 1)[1].split("</tr>", 1)[0]
    status = f"/desk/diary/{event_id}/status"
    assert reporter.post(status, {"status": "confirmed"}, csrf_from=DAY).status_code == 403
    assert reporter.post(f"/desk/diary/{event_id}", event_fields(title), csrf_from=DAY).status_code == 403
    editor = at_desk(live, "diary-chief@agency.example", "chief")
    assert editor.post(status, {"status": "confirmed"}, csrf_from=DAY).status_code == 303
    assert editor.post(status, {"status": "cancelled"}, csrf_from=DAY).status_code == 303
    assert editor.post(status, {"status": "maybe"}, csrf_from=DAY).status_code == 400
    edited = editor.post(f"/desk/diary/{event_id}", event_fields(title + " (moved)", starts="2032-06-04 09:00",
                                                                  status="cancelled"), csrf_from=DAY)
    assert edited.status_code == 303 and edited.headers["location"] == "/desk/diary?day=2032-06-04"
    row = editor.get("/desk/diary?day=2032-06-04").text.split(title, 1)[1].split("</tr>", 1)[0]
    assert "cancelled" in row and "Cancel event" not in row
    rows = desk_store.audit(live.wire.engine, diary.audit_uri(event_id))
    assert [(r.action, r.who) for r in rows] == [
        ("event-edit", "diary-chief@agency.example"), ("event-cancel", "diary-chief@agency.example"),
        ("event-confirm", "diary-chief@agency.example"), ("event-add", "diary-rep@agency.example")]
    assert editor.get(f"/desk/diary/{event_id}").status_code == 200
    assert editor.get(f"/desk/diary/{event_id + 10_000}").status_code == 404
    assert editor.get("/desk/diary/x1").status_code == 404


def test_every_form_needs_its_csrf_token(live: LiveServer) -> None:
    editor = at_desk(live, "diary-csrf@agency.example")
    title = f"Forged {uuid.uuid4().hex[:6]}"
    assert editor.post("/desk/diary", event_fields(title)).status_code == 403
    assert editor.post("/desk/diary", {**event_fields(title), "csrf": "x" * 40}).status_code == 403
    assert editor.post("/desk/diary/found", {"uri": "urn:x", "start": "2032-06-03", "name": "x"}).status_code == 403
    assert not [e for e in diary.between(live.wire.engine, "2032-06-01", "2032-07-01") if e.title == title]
    assert Visitor.at(live).get("/desk/diary").status_code == 303  # not signed in: the sign-in page


def test_a_found_event_confirmed_or_corrected_becomes_the_desks(live: LiveServer) -> None:
    tag = uuid.uuid4().hex[:6]
    item = parse_ninjs(ninjs_story("en", uri=f"urn:newswire:test:diary-{tag}", located="Lisbon")).evolve(planning=(
        PlannedEvent(f"port strike {tag}", "2032-06-10", "June 10"),
        PlannedEvent(f"ferry talks {tag}", "2032-06-11T15:00", "at 3 pm on June 11")))
    live.wire.publish(item)
    editor = at_desk(live, "diary-found@agency.example")
    page = editor.get("/desk/diary?day=2032-06-09").text
    assert f"port strike {tag}" in page and f"ferry talks {tag}" in page
    confirmed = editor.post("/desk/diary/found", {"uri": item.uri, "start": "2032-06-10",
                                                  "name": f"port strike {tag}"}, csrf_from="/desk/diary")
    assert confirmed.status_code == 303
    corrected = editor.post("/desk/diary", {**event_fields(f"ferry talks {tag} (corrected)",
                                                           starts="2032-06-11 16:00", zone="Europe/Lisbon",
                                                           status="confirmed"),
                                            "uri": item.uri, "start": "2032-06-11T15:00",
                                            "name": f"ferry talks {tag}"}, csrf_from="/desk/diary")
    assert corrected.status_code == 303
    made = {e.title: e for e in diary.between(live.wire.engine, "2032-06-09", "2032-06-12")}
    strike, talks = made[f"port strike {tag}"], made[f"ferry talks {tag} (corrected)"]
    assert strike.story_uri == talks.story_uri == item.uri and strike.status == "confirmed"
    assert talks.start == "2032-06-11T16:00+01:00" and talks.found_start == "2032-06-11T15:00"
    after = editor.get("/desk/diary?day=2032-06-09").text
    assert len(re.findall(f"port strike {tag}", after)) == 1  # the desk's, not the found one beside it
    assert "<td>found</td>" not in after.split(f"port strike {tag}", 1)[1].split("</tr>", 1)[0]
    assert desk_store.audit(live.wire.engine, diary.audit_uri(strike.id))[0].who == "diary-found@agency.example"
    reporter = at_desk(live, "diary-found-rep@agency.example", "reporter")
    assert reporter.post("/desk/diary/found", {"uri": item.uri, "start": "2032-06-10", "name": "x"},
                         csrf_from="/desk/diary").status_code == 403


def test_the_audit_filter_lists_the_diarys_actions_and_filters_by_them(live: LiveServer) -> None:
    editor = at_desk(live, "diary-audit@agency.example", "chief")
    title = f"Audit me {uuid.uuid4().hex[:6]}"
    assert editor.post("/desk/diary", event_fields(title), csrf_from="/desk/diary").status_code == 303
    event_id = added_id(live, title)
    assert editor.post(f"/desk/diary/{event_id}/status", {"status": "cancelled"}, csrf_from=DAY).status_code == 303
    page = editor.get("/desk/audit").text
    offered = re.findall(r"<option(?: selected)?>([a-z-]+)</option>", page)
    assert set(diary.ACTIONS) <= set(offered)
    cancelled = editor.get("/desk/audit?action=event-cancel").text
    rows = cancelled.split('<tbody>', 1)[1].split("</tbody>", 1)[0]
    assert diary.audit_uri(event_id) in rows and "diary-audit@agency.example" in rows
    actions = re.findall(r"@[a-z.-]+</td><td>([^<]+)</td>", rows)
    assert actions and set(actions) == {"event-cancel"}
    assert f'href="/desk/diary/{event_id}"' in rows  # the row opens the event
    assert "<option selected>event-cancel</option>" in cancelled

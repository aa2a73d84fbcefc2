"""The editor's desk over real HTTP: staff sign in, a reporter saves drafts that never reach a
subscriber, an editor publishes, corrects and kills through the wire's own operations, every
move audited against its author; a stale form gets a conflict, a forged one nothing."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from newswire.desk import store as desk_store
from newswire.store import items as store

from conftest import LiveServer
from deskkit import (
    PASSWORD,
    Visitor,
    at_desk,
    feed_of,
    item_path,
    last_seq,
    live,
    member,
    organisation,
    published_uri,
    send,
    staff,
    story_fields,
)

__all__ = ["live"]  # the portal's shared server, a fixture: the desk is on the same app


def test_staff_sign_in_and_out_and_subscribers_users_cannot(live: LiveServer) -> None:
    away = Visitor.at(live).get("/desk/")
    assert away.status_code == 303 and away.headers["location"] == "/desk/login?next=%2Fdesk%2F"
    desk = at_desk(live, "ed@agency.example")
    home = desk.get("/desk/")
    assert home.status_code == 200 and "Outgoing wire" in home.text and 'href="/desk/new">New story' in home.text
    assert "script-src 'self'" in home.headers["content-security-policy"]
    out = desk.post("/desk/logout", {}, csrf_from="/desk/")
    assert out.status_code == 303 and out.headers["location"] == "/desk/login?signed_out=1"
    assert desk.get("/desk/").status_code == 303
    # A subscriber's user has no desk, whatever its password.
    organisation(live, "desk-outsiders")
    member(live, "reader@outsiders.example", "desk-outsiders")
    refused = Visitor.at(live).post("/desk/login", {"email": "reader@outsiders.example", "password": PASSWORD},
                                    csrf_from="/desk/login")
    assert refused.status_code == 401 and "wrong" in refused.text
    reader = Visitor.at(live).signed_in("reader@outsiders.example")  # signed in at the portal ...
    assert reader.get("/desk/").status_code == 303  # ... is not signed in at the desk
    assert reader.post("/desk/compose", story_fields(action="publish"), csrf_from="/portal/").status_code == 303


def test_a_reporters_draft_stays_on_the_desk_and_a_reporter_cannot_publish(live: LiveServer) -> None:
    feed = feed_of(live, "desk-draft-watch")
    before = last_seq(live)
    reporter = at_desk(live, "reporter@agency.example", "reporter")
    assert 'value="publish"' not in reporter.get("/desk/new").text  # no Publish button for a reporter
    saved = send(reporter, "/desk/compose", story_fields("Draft only", action="draft"))
    assert saved.status_code == 303 and saved.headers["location"].startswith("/desk/drafts/")
    page = reporter.get(saved.headers["location"])
    assert "Draft saved" in page.text and 'value="Draft only"' in page.text
    assert "Draft only" in reporter.get("/desk/").text  # in the desk's drafts
    refused = send(reporter, "/desk/compose", story_fields("Reporter publishes", action="publish"))
    assert refused.status_code == 403
    assert last_seq(live) == before  # nothing moved: no event, no item
    assert feed(before) == []
    assert [r.action for r in desk_store.audit(live.wire.engine)][:1] == ["draft"]


def test_an_editor_publishes_a_draft_and_the_subscriber_feed_has_it(live: LiveServer) -> None:
    feed = feed_of(live, "desk-publish-watch")
    before = last_seq(live)
    editor = at_desk(live, "editor@agency.example")
    saved = send(editor, "/desk/compose", story_fields("Terminal opens", action="draft"))
    draft = saved.headers["location"].split("?")[0]
    draft_id = draft.rsplit("/", 1)[1]
    answer = send(editor, "/desk/compose", story_fields("Terminal opens", action="publish", urgency="flash",
                                                         draft=draft_id, public="on"), form_page=draft)
    assert answer.status_code == 303, answer.text
    uri = published_uri(answer)
    (got, kind, ninjs), *enrichment = feed(before)  # a flash's enrichment follows as version 2 (desk.flash)
    assert (got, kind, ninjs["headlines"][0]["value"]) == (uri, "published", "Terminal opens")
    assert [e[0] for e in enrichment] in ([], [uri])
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.urgency == 1 and item.public and item.located == "ROTTERDAM"
    assert item.body_html == "<p>The port opened its terminal on Monday.</p><p>Ships dock from May.</p>"
    assert "Terminal opens" in editor.get("/desk/").text
    assert editor.get(draft).status_code == 303  # the draft became the story
    row = next(r for r in desk_store.audit(live.wire.engine, uri) if r.action != "enrich")
    assert (row.who, row.action, row.version) == ("editor@agency.example", "publish", 1)


def test_pasted_html_is_sanitized(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    answer = send(editor, "/desk/compose", story_fields(
        "Pasted copy", action="publish",
        body='<p style="mso-x">Clean <b>this</b><script>alert(1)</script></p><h2 onclick="x()">Sub</h2>'))
    item = store.get_item(live.wire.engine, published_uri(answer))
    assert item is not None and "<script" not in item.body_html and "onclick" not in item.body_html
    assert "<b>this</b>" in item.body_html and "style" not in item.body_html


def test_correct_needs_a_note_which_becomes_the_ednote(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Mayor resigns", action="publish")))
    page = item_path(uri)
    form = editor.get(page).text  # the body comes back as the paragraphs typed, not as HTML
    assert "The port opened its terminal on Monday.\n\nShips dock from May.</textarea>" in form
    no_note = send(editor, page + "/correct", story_fields("Mayor resigns", version="1", note=" "), page)
    assert no_note.status_code == 400 and "needs a note" in no_note.text
    feed = feed_of(live, "desk-correct-watch")
    before = last_seq(live)
    done = send(editor, page + "/correct", story_fields("Deputy mayor resigns", version="1",
                                                        note="Corrects who resigned."), page)
    assert done.status_code == 303
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.version == 2 and item.ed_note == "Corrects who resigned."
    assert item.is_correction and item.headline == "Deputy mayor resigns"
    [(got, kind, ninjs)] = feed(before)
    assert (got, kind) == (uri, "corrected") and ninjs["edNote"] == "Corrects who resigned." and ninjs["version"] == "2"
    row = desk_store.audit(live.wire.engine, uri)[0]
    assert (row.action, row.version, row.detail) == ("correct", 2, "Corrects who resigned.")


def test_a_save_against_an_older_version_is_a_conflict(live: LiveServer) -> None:
    one = at_desk(live, "editor@agency.example")
    two = at_desk(live, "chief@agency.example", "chief")
    uri = published_uri(send(one, "/desk/compose", story_fields("Two editors", action="publish")))
    page = item_path(uri)
    stale_form = one.get(page).text  # editor one opened version 1 ...
    assert 'name="version" value="1"' in stale_form
    first = send(two, page + "/correct", story_fields("Two editors", version="1", note="Spelling."), page)
    assert first.status_code == 303  # ... the chief corrected it meanwhile
    late = send(one, page + "/correct", story_fields("Two editors!", version="1", note="Mine."), page)
    assert late.status_code == 409 and "version 1" in late.text and "now at version 2" in late.text
    killing = send(one, page + "/kill", {"version": "1", "reason": "Stale", "confirm": "yes"}, page)
    assert killing.status_code == 409
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.version == 2 and item.ed_note == "Spelling."


def test_kill_needs_a_reason_confirms_its_reach_and_kills_for_subscribers(live: LiveServer) -> None:
    feed = feed_of(live, "desk-kill-watch")
    editor = at_desk(live, "editor@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Wrong story", action="publish")))
    reached = desk_store.recipient_count(live.wire.engine, uri)
    assert reached >= 1  # at least desk-kill-watch, entitled to the whole wire
    page = item_path(uri)
    assert send(editor, page + "/kill", {"version": "1", "reason": ""}, page).status_code == 400
    ask = send(editor, page + "/kill", {"version": "1", "reason": "Legal"}, page)
    plural = "" if reached == 1 else "s"
    assert ask.status_code == 200 and f"The kill will reach {reached} subscriber{plural}" in ask.text
    assert store.get_item(live.wire.engine, uri).version == 1  # type: ignore[union-attr]  # asked, not killed
    before = last_seq(live)
    done = send(editor, page + "/kill", {"version": "1", "reason": "Legal", "confirm": "yes"}, page)
    assert done.status_code == 303
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.killed and item.ed_note == "KILL: Legal"
    [(got, kind, ninjs)] = feed(before)
    assert (got, kind, ninjs["pubStatus"]) == (uri, "killed", "canceled")
    assert "Killed" in editor.get("/desk/").text
    row = desk_store.audit(live.wire.engine, uri)[0]
    assert (row.who, row.action, row.version, row.detail) == ("editor@agency.example", "kill", 2, "Legal")
    shown = editor.get("/desk/audit?uri=" + quote(uri, safe="")).text
    assert shown.count("<td>editor@agency.example</td><td>kill</td>") == 1
    assert shown.count("<td>publish</td>") == 1 and "<td>Legal</td>" in shown
    reporter = at_desk(live, "reporter@agency.example", "reporter")
    assert send(reporter, page + "/kill", {"version": "2", "reason": "x", "confirm": "yes"}, page).status_code == 403


def test_a_form_without_the_sessions_csrf_token_or_from_another_site_is_refused(live: LiveServer) -> None:
    before = last_seq(live)
    editor = at_desk(live, "editor@agency.example")
    forged = editor.post("/desk/compose", {**story_fields("Forged", action="publish"), "csrf": "x" * 40})
    assert forged.status_code == 403
    elsewhere = editor.post("/desk/compose", story_fields("Cross-site", action="publish"), csrf_from="/desk/new",
                            headers={"origin": "https://evil.example"})
    assert elsewhere.status_code == 403
    assert last_seq(live) == before


def test_a_story_needs_a_headline_and_a_body(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    answer = send(editor, "/desk/compose", story_fields("", action="publish", body="", embargo="soon"))
    assert answer.status_code == 400
    for problem in ("A headline is required.", "needs a body", "Embargo until is a date"):
        assert problem in answer.text


@pytest.mark.parametrize("role", ["reporter", "editor", "chief", "admin"])
def test_staff_roles(live: LiveServer, role: str) -> None:
    user = staff(live, f"{role}-role@agency.example", role)
    assert user.staff and user.role == role


def test_embargo_until_holds_the_story_back_and_the_wire_marks_it(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    answer = send(editor, "/desk/compose", story_fields("Results at noon", action="publish",
                                                         embargo="2099-01-02T12:00"))
    uri = published_uri(answer)
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.embargoed_until is not None
    assert item.embargoed_until.isoformat() == "2099-01-02T12:00:00+00:00"
    row = next(r for r in desk_store.outgoing(live.wire.engine) if r.uri == uri)
    assert row.embargoed
    assert 'value="2099-01-02T12:00"' in editor.get(item_path(uri)).text  # the correct form keeps it


def test_a_long_story_moves_past_the_json_body_limit(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    paragraph = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الموانئ والنقل البحري في المنطقة. " * 20
    body = "\n\n".join([paragraph] * 40)  # ~110,000 characters: ~1.2 MB form-encoded, over 64 KiB
    answer = send(editor, "/desk/compose", story_fields("خطة جديدة للموانئ", action="publish", language="ar",
                                                         body=body))
    assert answer.status_code == 303, answer.text[:300]
    item = store.get_item(live.wire.engine, published_uri(answer))
    assert item is not None and item.body_html.count("<p>") == 40


def test_the_sign_in_form_keeps_the_small_body_limit(live: LiveServer) -> None:
    answer = Visitor.at(live).post("/desk/login", {"email": "x@agency.example", "password": "p" * 70_000},
                                   csrf_from="/desk/login")
    assert answer.status_code == 413


def test_what_is_not_there_or_not_a_form_is_a_4xx_page(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    assert editor.get("/desk/items/urn:newswire:text:nothing-here").status_code == 404
    assert editor.get("/desk/drafts/999999").status_code == 404
    assert editor.get("/desk/drafts/x1").status_code == 404
    not_a_form = editor.client.post("/desk/compose", json=story_fields(action="publish"))
    assert not_a_form.status_code == 403
    nothing = send(editor, "/desk/items/urn:newswire:text:nothing-here/kill", {"version": "1", "reason": "x"})
    assert nothing.status_code == 404

"""The desk's next moves: the compose form's byline, slugline, services and agency dateline;
update, withhold and release of a published story through ``Wire.publish`` (the API's path),
each audited with its author and refused to a reporter; a reporter's story waits for an
editor's approval; the story page says, per version, whom it reached and how each webhook
delivery stands."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from newswire.desk import reach
from newswire.desk import store as desk_store
from newswire.desk.dateline import dateline_date
from newswire.model import SIGNAL_CORRECTION
from newswire.store import items as store
from newswire.store import webhooks as outbox

from conftest import LiveServer
from deskkit import at_desk, feed_of, item_path, last_seq, live, organisation, published_uri, send, story_fields

__all__ = ["live"]


def audit_of(live: LiveServer, uri: str) -> list[tuple[str, str, int | None, str | None]]:
    """(who, action, version, detail), oldest first."""
    return [(r.who, r.action, r.version, r.detail) for r in reversed(desk_store.audit(live.wire.engine, uri))]


def test_byline_slugline_services_and_the_agency_dateline(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    fields = story_fields("Port strike ends", action="publish", byline="By Anna Jansen",
                          slugline="NETHERLANDS-PORT/STRIKE", services="Economy, world economy", dateline="Rotterdam")
    before = datetime.now(UTC)
    uri = published_uri(send(editor, "/desk/compose", fields))
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.by == "By Anna Jansen" and item.slugline == "NETHERLANDS-PORT/STRIKE"
    assert [c.name for c in item.services] == ["economy", "world"]
    assert item.located == "Rotterdam"
    assert item.dateline_date in {dateline_date("Rotterdam", before), dateline_date("Rotterdam", datetime.now(UTC))}
    page = editor.get(item_path(uri)).text
    assert f"ROTTERDAM, {item.dateline_date} (newswire) —" in page and "NETHERLANDS-PORT/STRIKE" in page
    assert 'value="economy, world"' in page  # the update/correct form carries them back
    embargoed = published_uri(send(editor, "/desk/compose", story_fields(
        "Results in Tokyo", action="publish", dateline="TOKYO", embargo="2099-03-04T23:30")))
    # 23:30 UTC is already the next day in Tokyo: the dateline is dated there
    assert store.get_item(live.wire.engine, embargoed).dateline_date == "March 5"  # type: ignore[union-attr]
    bad = send(editor, "/desk/compose", story_fields("Bad services", action="draft", services="eco nomy!, <x>"))
    assert bad.status_code == 400 and "Services are up to" in bad.text
    preview = editor.get(send(editor, "/desk/compose", story_fields(
        "Draft with a dateline", action="draft", dateline="ISTANBUL")).headers["location"]).text
    assert "ISTANBUL, " in preview and "(newswire) — (Europe/Istanbul)" in preview


def test_update_withhold_release_reach_subscribers_and_the_audit(live: LiveServer) -> None:
    feed = feed_of(live, "desk-moves-watch")
    editor = at_desk(live, "editor@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Ferry runs aground", action="publish")))
    page = item_path(uri)
    start = last_seq(live)
    updated = send(editor, page + "/update", story_fields("Ferry refloated", version="1", note=""), page)
    assert updated.status_code == 303
    withheld = send(editor, page + "/withhold", {"version": "2", "reason": "Checking the casualty figure"}, page)
    assert withheld.status_code == 303
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.pub_status == "withheld"
    assert item.ed_note == "WITHHELD: Checking the casualty figure"
    shown = editor.get(page).text
    assert "Release</button>" in shown and "Correct</button>" not in shown  # a withheld story is released first
    blocked = send(editor, page + "/update", story_fields("Too early", version="3"), page)
    assert blocked.status_code == 409 and "Release it first" in blocked.text
    released = send(editor, page + "/release", {"version": "3", "note": "Figure confirmed"}, page)
    assert released.status_code == 303
    assert send(editor, page + "/release", {"version": "4"}, page).status_code == 409  # nothing to release
    events = [(kind, ninjs["version"], ninjs["pubStatus"]) for got, kind, ninjs in feed(start) if got == uri]
    assert events == [("updated", "2", "usable"), ("withheld", "3", "withheld"), ("updated", "4", "usable")]
    final = store.get_item(live.wire.engine, uri)
    assert final is not None and final.headline == "Ferry refloated" and SIGNAL_CORRECTION not in final.signals
    assert final.ed_note == "Figure confirmed"
    assert audit_of(live, uri) == [
        ("editor@agency.example", "publish", 1, None),
        ("editor@agency.example", "update", 2, None),
        ("editor@agency.example", "withhold", 3, "Checking the casualty figure"),
        ("editor@agency.example", "release", 4, "Figure confirmed")]
    stale = send(editor, page + "/withhold", {"version": "3", "reason": "Stale form"}, page)
    assert stale.status_code == 409 and "now at version 4" in stale.text
    assert send(editor, page + "/withhold", {"version": "4", "reason": ""}, page).status_code == 400
    filtered = editor.get("/desk/audit", params={"uri": uri, "who": "Editor@agency.example", "action": "withhold"})
    assert filtered.text.count("<td>editor@agency.example</td>") == 1 and "<td>withhold</td>" in filtered.text
    assert "<td>release</td>" not in filtered.text
    nobody = editor.get("/desk/audit", params={"uri": uri, "who": "reporter@agency.example"}).text
    assert "Nothing yet." in nobody


def test_a_reporter_cannot_move_a_published_story(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Not for reporters", action="publish")))
    page = item_path(uri)
    reporter = at_desk(live, "reporter@agency.example", "reporter")
    before = last_seq(live)
    for move, fields in (("update", story_fields("Mine now", version="1")),
                         ("correct", story_fields("Mine now", version="1", note="x")),
                         ("withhold", {"version": "1", "reason": "x"}), ("release", {"version": "1"}),
                         ("kill", {"version": "1", "reason": "x", "confirm": "yes"})):
        assert send(reporter, f"{page}/{move}", fields, page).status_code == 403, move
    assert last_seq(live) == before
    forged = reporter.post(page + "/withhold", {"version": "1", "reason": "x", "csrf": "y" * 40})
    assert forged.status_code == 403 and last_seq(live) == before


def test_a_reporters_story_waits_for_an_editors_approval(live: LiveServer) -> None:
    feed = feed_of(live, "desk-approval-watch")
    start = last_seq(live)
    reporter = at_desk(live, "approval-reporter@agency.example", "reporter")
    assert "Submit for approval" in reporter.get("/desk/new").text
    unfinished = send(reporter, "/desk/compose", story_fields("Half a story", action="submit", body=""))
    assert unfinished.status_code == 400 and "needs a body" in unfinished.text  # what is submitted can move
    submitted = send(reporter, "/desk/compose", story_fields("Council approves budget", action="submit"))
    assert submitted.status_code == 303 and submitted.headers["location"].endswith("?saved=submit")
    draft_page = submitted.headers["location"].split("?")[0]
    draft_id = draft_page.rsplit("/", 1)[1]
    draft = desk_store.get_draft(live.wire.engine, int(draft_id))
    assert draft is not None and draft.submitted
    assert send(reporter, "/desk/compose", story_fields("Council approves budget", action="publish",
                                                        draft=draft_id, rev="1"), draft_page).status_code == 403
    assert send(reporter, "/desk/compose", story_fields("Council approves budget", action="return",
                                                        draft=draft_id, rev="1"), draft_page).status_code == 403
    assert last_seq(live) == start and feed(start) == []
    other = at_desk(live, "approval-other@agency.example", "reporter")  # not its draft
    assert send(other, "/desk/compose", story_fields("Hijack", action="draft", draft=draft_id, rev="1"),
                draft_page).status_code == 403
    editor = at_desk(live, "editor@agency.example")
    wire_page = editor.get("/desk/").text
    assert "Awaiting approval" in wire_page and "Council approves budget" in wire_page
    shown = editor.get(draft_page).text
    assert "Hand back</button>" in shown and ">Publish</button>" in shown
    back = send(editor, "/desk/compose", story_fields("Council approves budget", action="return", draft=draft_id,
                                                      rev="1"), draft_page)
    assert back.status_code == 303 and not desk_store.get_draft(live.wire.engine, int(draft_id)).submitted  # type: ignore[union-attr]
    send(reporter, "/desk/compose", story_fields("Council approves 2027 budget", action="submit", draft=draft_id,
                                                 rev="2"), draft_page)
    done = send(editor, "/desk/compose", story_fields("Council approves 2027 budget", action="publish",
                                                      draft=draft_id, rev="3"), draft_page)
    assert done.status_code == 303
    uri = published_uri(done)
    assert [(got, kind) for got, kind, _ninjs in feed(start)] == [(uri, "published")]
    assert audit_of(live, uri) == [
        ("approval-reporter@agency.example", "submit", None, None),
        ("editor@agency.example", "return", None, None),
        ("approval-reporter@agency.example", "submit", None, None),
        ("editor@agency.example", "approve", 1, "written by approval-reporter@agency.example"),
        ("editor@agency.example", "publish", 1, None)]


def test_the_story_page_says_whom_each_version_reached_and_the_webhook_states(live: LiveServer) -> None:
    service = "desk-reach-test"
    hooked = organisation(live, "Reach Hooked Ltd", {"services": [service]})
    organisation(live, "Reach Plain Ltd", {"services": [service]})
    if not outbox.list_endpoints(live.wire.engine, hooked):
        outbox.create_endpoint(live.wire.engine, hooked, "https://hooks.reach.example/in?token=secret")
    editor = at_desk(live, "editor@agency.example")
    uri = published_uri(send(editor, "/desk/compose", story_fields("Reach story", action="publish", services=service)))
    page = item_path(uri)
    send(editor, page + "/update", story_fields("Reach story, updated", version="1", services=service), page)
    shown = editor.get(page).text
    versions = shown[shown.index('id="versions"'):]
    first, second = versions.split('id="v2"')
    reached = reach.story_reach(live.wire.engine, uri)  # the shared server has subscribers to everything too
    for version, part in ((1, first), (2, second)):
        names = reached[version].subscribers
        assert {"Reach Hooked Ltd", "Reach Plain Ltd"} <= set(names)
        listed = re.sub(r' <span class="muted" data-how="[^"]*">[^<]*</span>', "", part)  # how each got it
        assert f"Reached {len(names)} subscribers: <span class=\"how\">{', '.join(names)}</span>." in listed
        assert "<td>Reach Hooked Ltd</td><td dir=\"ltr\">hooks.reach.example</td>" in part
        assert "token=secret" not in part  # the endpoint's host only
    assert "<td>published</td>" in first and "<td>updated</td>" in second
    # every delivery of the version counted, whatever its state (other tests on the shared server
    # may have endpoints that take the same story: count them rather than assume one)
    counted = re.search(r"Webhooks: ([^.]*)\.", first)
    assert counted is not None and sum(int(n) for n in re.findall(r"\d+", counted[1])) == len(reached[1].deliveries)
    assert any(d.subscriber == "Reach Hooked Ltd" for d in reached[1].deliveries)
    ask = send(editor, page + "/kill", {"version": "2", "reason": "Legal"}, page)
    assert "<li>Reach Hooked Ltd</li>" in ask.text and "<li>Reach Plain Ltd</li>" in ask.text  # whom it tells


def test_a_stale_update_keeps_the_editors_text_and_shows_both_sides_to_merge(live: LiveServer) -> None:
    one = at_desk(live, "editor@agency.example")
    two = at_desk(live, "chief@agency.example", "chief")
    uri = published_uri(send(one, "/desk/compose", story_fields("Bridge closes for repairs", action="publish")))
    page = item_path(uri)
    assert send(two, page + "/correct", story_fields("Bridge closes for two weeks", version="1",
                                                      note="Duration."), page).status_code == 303
    late = send(one, page + "/update", story_fields("Bridge closes for repairs on Monday", version="1",
                                                    body="Work starts on Monday.\n\nShips dock from May."), page)
    assert late.status_code == 409 and "You edited version 1" in late.text and "now at version 2" in late.text
    theirs = late.text[late.text.index('id="merge-theirs"'):late.text.index('id="merge-mine"')]
    mine = late.text[late.text.index('id="merge-mine"'):]
    assert "<ins>two weeks</ins>" in theirs and "<del>repairs</del>" in theirs
    assert "<ins>on Monday</ins>" in mine and "Work starts on Monday." in mine
    assert 'value="Bridge closes for repairs on Monday"' in late.text  # the editor's text is kept ...
    assert 'name="version" value="2"' in late.text  # ... in a form against the newest version
    merged = send(one, page + "/update", story_fields("Bridge closes for two weeks from Monday", version="2",
                                                      body="Work starts on Monday.\n\nShips dock from May."), page)
    assert merged.status_code == 303
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.version == 3 and item.headline == "Bridge closes for two weeks from Monday"

"""Approval by a chief editor, per service or urgency (``NEWSWIRE_DESK_APPROVAL``): until a chief
approves the draft's text, publishing it is refused to an editor too, and the draft waits in
the approval queue on the outgoing wire; the approval is audited, and a change after it waits
again."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newswire.desk import approval
from newswire.desk import store as desk_store
from newswire.desk.compose import Story

from conftest import LiveServer
from deskkit import at_desk, last_seq, live, published_uri, send, story_fields

__all__ = ["live"]


@pytest.fixture
def rules(live: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's desk wants approval for flashes and for the politics service."""
    wanted = replace(live.wire.settings, desk_approval="urgency:flash,service:politics")
    monkeypatch.setattr(live.wire, "settings", wanted)


def test_the_setting_parses_and_says_which_stories_wait() -> None:
    assert not approval.parse(None).active and not approval.parse("none").active
    assert approval.needs(approval.parse("all"), Story(headline="x"))
    some = approval.parse(" urgency:flash , service:Politics")
    assert some == approval.Rules(urgencies=frozenset({"flash"}), services=frozenset({"politics"}))
    assert approval.needs(some, Story(urgency="flash"))
    assert approval.needs(some, Story(services="economy, politics"))
    assert not approval.needs(some, Story(urgency="urgent", services="economy"))
    for wrong in ("urgency:soon", "service:", "desk:sport", "flash"):
        with pytest.raises(ValueError, match="NEWSWIRE_DESK_APPROVAL"):
            approval.parse(wrong)
    assert approval.may_approve("chief") and not approval.may_approve("editor")


def test_a_flash_waits_for_a_chief_then_moves(live: LiveServer, rules: None) -> None:
    editor = at_desk(live, "approval-editor@agency.example")
    chief = at_desk(live, "approval-chief@agency.example", "chief")
    before = last_seq(live)
    fields = story_fields("Quake hits the coast", urgency="flash")
    refused = send(editor, "/desk/compose", {**fields, "action": "publish"})
    assert refused.status_code == 403 and "approval" in refused.text and "flash stories" in refused.text
    saved = send(editor, "/desk/compose", {**fields, "action": "submit"})
    draft = saved.headers["location"].split("?")[0]
    draft_id = draft.rsplit("/", 1)[1]
    page = editor.get(draft).text
    assert 'id="approval-note"' in page and 'value="approve"' not in page  # an editor has no Approve button
    queue = editor.get("/desk/").text
    assert 'id="approval-queue"' in queue and "Quake hits the coast" in queue.split('id="approval-queue"')[1]
    # An editor cannot approve, nor publish the submitted draft.
    assert send(editor, "/desk/compose", {**fields, "action": "approve", "draft": draft_id},
                form_page=draft).status_code == 403
    assert send(editor, "/desk/compose", {**fields, "action": "publish", "draft": draft_id},
                form_page=draft).status_code == 403
    assert last_seq(live) == before
    # The chief approves; the draft leaves the queue, and the approval is audited.
    assert 'value="approve"' in chief.get(draft).text
    approved = send(chief, "/desk/compose", {**fields, "action": "approve", "draft": draft_id}, form_page=draft)
    assert approved.status_code == 303, approved.text
    assert 'id="approval-queue"' not in editor.get("/desk/").text
    uri = desk_store.get_draft(live.wire.engine, int(draft_id)).uri  # type: ignore[union-attr]
    newest = desk_store.audit(live.wire.engine, uri)[0]
    assert (newest.who, newest.action) == ("approval-chief@agency.example", "approve")
    # A text other than the approved one is refused; the approved one moves.
    changed = {**fields, "headline": "Quake hits the whole coast", "action": "publish", "draft": draft_id}
    assert send(editor, "/desk/compose", changed, form_page=draft).status_code == 403
    moved = send(editor, "/desk/compose", {**fields, "action": "publish", "draft": draft_id}, form_page=draft)
    assert moved.status_code == 303, moved.text
    assert published_uri(moved) == uri and last_seq(live) > before
    # (a flash's enrichment follows as the next version, its "enrich" row whenever it is done)
    actions = [r.action for r in desk_store.audit(live.wire.engine, uri) if r.action != "enrich"]
    assert actions[:2] == ["publish", "approve"] and actions.count("approve") == 1


def test_saving_after_the_approval_puts_the_draft_back_in_the_queue(live: LiveServer, rules: None) -> None:
    editor = at_desk(live, "approval-editor@agency.example")
    chief = at_desk(live, "approval-chief@agency.example", "chief")
    fields = story_fields("Cabinet reshuffle announced", services="politics")
    draft = send(editor, "/desk/compose", {**fields, "action": "submit"}).headers["location"].split("?")[0]
    draft_id = draft.rsplit("/", 1)[1]
    send(chief, "/desk/compose", {**fields, "action": "approve", "draft": draft_id}, form_page=draft)
    assert desk_store.get_draft(live.wire.engine, int(draft_id)).approved  # type: ignore[union-attr]
    edited = {**fields, "standfirst": "Three ministers leave.", "action": "draft", "draft": draft_id}
    assert send(editor, "/desk/compose", edited, form_page=draft).status_code == 303
    again = desk_store.get_draft(live.wire.engine, int(draft_id))
    assert again is not None and again.submitted
    assert "Cabinet reshuffle announced" in editor.get("/desk/").text.split('id="approval-queue"')[1]
    assert send(editor, "/desk/compose", {**edited, "action": "publish"}, form_page=draft).status_code == 403


def test_stories_no_rule_names_move_without_approval(live: LiveServer, rules: None) -> None:
    editor = at_desk(live, "approval-editor@agency.example")
    moved = send(editor, "/desk/compose", story_fields("Harbour traffic steady", urgency="urgent",
                                                       services="economy", action="publish"))
    assert moved.status_code == 303, moved.text

"""Drafts save by themselves: ``POST /desk/autosave`` takes the compose form (CSRF token
included), saves it over the draft at the revision it names and answers JSON; a revision
someone has saved past is a 409 problem, and the text they saved stays. The page loads the
script from the desk's own origin (the CSP allows no inline code)."""

from __future__ import annotations

from typing import Any

from newswire.desk import store as desk_store
from newswire.store import items as store

from conftest import LiveServer
from deskkit import Visitor, at_desk, last_seq, live, send, story_fields

__all__ = ["live"]


def autosave(visitor: Visitor, fields: dict[str, str], csrf: str | None = None) -> Any:
    token = csrf if csrf is not None else visitor.csrf("/desk/new")
    return visitor.client.post("/desk/autosave", data={"csrf": token, **fields})


def problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = answer.json()
    assert body["status"] == status
    return body


def test_the_compose_page_loads_the_autosave_script_from_the_desk(live: LiveServer) -> None:
    editor = at_desk(live, "editor@agency.example")
    page = editor.get("/desk/new").text
    assert 'data-autosave="/desk/autosave"' in page and '<script src="/desk/static/desk.js?v=' in page
    assert "<script>" not in page and 'name="rev"' in page
    script = editor.get("/desk/static/desk.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "fetch(form.dataset.autosave" in script.text


def test_autosave_creates_a_draft_then_saves_over_it_revision_by_revision(live: LiveServer) -> None:
    before = last_seq(live)
    reporter = at_desk(live, "auto-reporter@agency.example", "reporter")
    first = autosave(reporter, story_fields("Autosaved story", draft="", rev=""))
    assert first.status_code == 200, first.text
    made = first.json()
    assert made["rev"] == 1 and made["location"] == f"/desk/drafts/{made['draft']}"
    second = autosave(reporter, story_fields("Autosaved story, longer", draft=str(made["draft"]), rev="1"))
    assert second.status_code == 200 and second.json() == {**second.json(), "draft": made["draft"], "rev": 2}
    draft = desk_store.get_draft(live.wire.engine, made["draft"])
    assert draft is not None and draft.story.headline == "Autosaved story, longer" and draft.rev == 2
    assert draft.saved_by == "auto-reporter@agency.example"
    autosave(reporter, story_fields("Autosaved story, longer still", draft=str(made["draft"]), rev="2"))
    # a run of autosaves by one person is one audit row; a save by hand is one more
    page = reporter.get(f"/desk/drafts/{made['draft']}")
    assert 'name="rev" value="3"' in page.text and "revision 3" in page.text
    send(reporter, "/desk/compose", story_fields("By hand", action="draft", draft=str(made["draft"]), rev="3"))
    actions = [r.action for r in desk_store.audit(live.wire.engine, draft.uri)]
    assert actions == ["draft", "autosave"]
    assert last_seq(live) == before  # a draft is never on the wire


def test_a_stale_revision_is_a_409_and_the_newer_text_stays(live: LiveServer) -> None:
    one = at_desk(live, "editor@agency.example")
    two = at_desk(live, "chief@agency.example", "chief")
    made = autosave(one, story_fields("Shared draft", draft="", rev="")).json()
    draft_id = str(made["draft"])
    assert autosave(two, story_fields("Chief's text", draft=draft_id, rev="1")).status_code == 200
    late = autosave(one, story_fields("Editor's text", draft=draft_id, rev="1"))
    body = problem(late, 409)
    assert body["currentRev"] == 2 and body["savedBy"] == "chief@agency.example"
    by_hand = send(one, "/desk/compose", story_fields("Editor's text", action="draft", draft=draft_id, rev="1"))
    assert by_hand.status_code == 409 and "revision 2" in by_hand.text and "chief@agency.example" in by_hand.text
    before = last_seq(live)
    publish = send(one, "/desk/compose", story_fields("Editor's text", action="publish", draft=draft_id, rev="1"))
    assert publish.status_code == 409 and last_seq(live) == before  # a stale form publishes nothing
    found = desk_store.get_draft(live.wire.engine, int(draft_id))
    assert found is not None and found.story.headline == "Chief's text" and not found.published
    done = send(one, "/desk/compose", story_fields("Chief's text", action="publish", draft=draft_id, rev="2"))
    assert done.status_code == 303
    assert store.get_item(live.wire.engine, found.uri) is not None
    problem(autosave(one, story_fields("After", draft=draft_id, rev="2")), 409)  # published: no more saves


def test_autosave_checks_the_session_the_token_the_role_and_the_fields(live: LiveServer) -> None:
    owner = at_desk(live, "auto-owner@agency.example", "reporter")
    draft_id = str(autosave(owner, story_fields("Owner's draft", draft="", rev="")).json()["draft"])
    stranger = Visitor.at(live)
    problem(stranger.client.post("/desk/autosave", data=story_fields("x", draft="", rev="")), 401)
    problem(autosave(owner, story_fields("Forged", draft=draft_id, rev="1"), csrf="x" * 40), 403)
    problem(owner.client.post("/desk/autosave", json=story_fields("JSON", draft=draft_id, rev="1")), 403)
    other = at_desk(live, "auto-other@agency.example", "reporter")
    problem(autosave(other, story_fields("Not mine", draft=draft_id, rev="1")), 403)
    problem(autosave(owner, story_fields("No revision", draft=draft_id, rev="")), 400)
    assert "headline" in problem(autosave(owner, story_fields("", draft=draft_id, rev="1")), 400)["detail"]
    problem(autosave(owner, story_fields("Gone", draft="999999", rev="1")), 404)
    editor = at_desk(live, "editor@agency.example")  # an editor may work on anyone's draft
    assert autosave(editor, story_fields("Edited", draft=draft_id, rev="1")).json()["rev"] == 2

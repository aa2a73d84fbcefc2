"""Autosave in a real browser (Debian's Chromium, headless): the draft saves itself as the
editor types, the address becomes the draft's, and when a second editor saves the same draft
the first one's page says so instead of overwriting it; no console errors (the CSP allows
the script only from the desk's origin)."""

from __future__ import annotations

from newswire.desk import store as desk_store

from conftest import LiveServer
from deskkit import PASSWORD, browser, live, needs_chromium, staff

__all__ = ["browser", "live"]

pytestmark = [needs_chromium]


def signed_in(browser: object, live: LiveServer, email: str) -> tuple[object, object, list[str]]:
    staff(live, email, "editor")
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live.url + "/desk/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live.url + "/desk/")
    return context, page, errors


def said(page: object, start: str) -> str:
    """Wait for the autosave status to start with ``start`` (a locator: the page's CSP allows no eval)."""
    status = page.locator("#autosave-status").filter(has_text=start)  # type: ignore[attr-defined]
    status.wait_for(timeout=15_000)
    return str(status.inner_text())


def test_a_draft_saves_itself_and_a_second_editors_save_stops_the_first(live: LiveServer, browser: object) -> None:
    one_context, one, one_errors = signed_in(browser, live, "autosave-one@agency.example")
    one.goto(live.url + "/desk/new")  # type: ignore[attr-defined]
    one.get_by_label("Headline").fill("Harbour reopens after the storm")  # type: ignore[attr-defined]
    one.get_by_label("Body").fill("The harbour reopened on Friday.")  # type: ignore[attr-defined]
    said(one, "Saved")
    assert "/desk/drafts/" in one.url  # type: ignore[attr-defined]
    draft_id = int(one.url.rsplit("/", 1)[1])  # type: ignore[attr-defined]
    draft = desk_store.get_draft(live.wire.engine, draft_id)
    assert draft is not None and draft.story.body == "The harbour reopened on Friday." and draft.rev == 1

    two_context, two, two_errors = signed_in(browser, live, "autosave-two@agency.example")
    two.goto(f"{live.url}/desk/drafts/{draft_id}")  # type: ignore[attr-defined]
    two.get_by_label("Standfirst").fill("Ships queue to enter.")  # type: ignore[attr-defined]
    said(two, "Saved")

    one.get_by_label("Standfirst").fill("Ferries sail again.")  # type: ignore[attr-defined]
    conflict = said(one, "Not saved")
    assert "autosave-two@agency.example" in conflict and "revision 2" in conflict
    kept = desk_store.get_draft(live.wire.engine, draft_id)
    assert kept is not None and kept.story.standfirst == "Ships queue to enter." and kept.rev == 2
    # the browser logs the refused save itself; nothing else may go wrong (a CSP violation would)
    assert [e for e in one_errors if "status of 409" not in e] == [] and two_errors == [], (one_errors, two_errors)
    one_context.close()  # type: ignore[attr-defined]
    two_context.close()  # type: ignore[attr-defined]

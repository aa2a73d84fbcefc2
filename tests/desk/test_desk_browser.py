"""The desk in a real browser (Debian's Chromium, headless): an editor signs in, fills the
compose form by its labels, publishes, and finds the story at the top of the outgoing wire.
The screenshots are kept in the test's folder."""

from __future__ import annotations

from pathlib import Path

from conftest import LiveServer
from deskkit import PASSWORD, browser, live, needs_chromium, staff

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server (the desk is on the same app)

pytestmark = [needs_chromium]


def test_an_editor_composes_by_the_labels_publishes_and_sees_it_on_the_wire(
        live: LiveServer, browser: object, tmp_path: Path) -> None:
    staff(live, "browser-editor@agency.example", "editor")
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live.url + "/desk/")
    assert page.url.startswith(live.url + "/desk/login")
    page.get_by_label("Email").fill("browser-editor@agency.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live.url + "/desk/")
    page.get_by_role("link", name="New story").first.click()
    page.wait_for_url(live.url + "/desk/new")
    page.get_by_label("Headline").fill("Storm closes the harbour at Hamburg")
    page.get_by_label("Standfirst").fill("Ferries stay in port until Thursday.")
    page.get_by_label("Dateline").fill("HAMBURG")
    page.get_by_label("Body").fill("A storm closed the harbour on Tuesday.\n\nThe ferries wait.")
    page.get_by_label("Language").fill("en")
    page.get_by_label("Urgency").select_option("urgent")
    assert page.get_by_label("Embargo until").input_value() == ""
    page.get_by_label("Public site").check()
    for row in (("Byline", "Slugline", "Services"), ("Language", "Urgency", "Embargo until")):
        tops = {name: round(page.locator(f"label:text-is('{name}')").bounding_box()["y"]) for name in row}
        assert len(set(tops.values())) == 1, tops  # a hint under a field does not lift its label
    page.screenshot(path=str(tmp_path / "desk-compose.png"), full_page=True)
    page.get_by_role("button", name="Publish").click()
    page.wait_for_selector("article.story")
    assert page.get_by_role("heading", name="Storm closes the harbour at Hamburg").is_visible()
    for move in ("Correct", "Kill"):
        assert page.get_by_role("button", name=move).is_visible()
    page.screenshot(path=str(tmp_path / "desk-story.png"), full_page=True)
    page.get_by_role("link", name="Newswire desk").click()
    page.wait_for_url(live.url + "/desk/")
    first = page.locator("#wire tbody tr").first
    assert "Storm closes the harbour at Hamburg" in first.inner_text()
    assert "Urgent" in first.inner_text() and "Public site" in first.inner_text()
    page.screenshot(path=str(tmp_path / "desk-wire.png"), full_page=True)
    print("screenshots:", tmp_path)
    assert not errors, errors
    context.close()

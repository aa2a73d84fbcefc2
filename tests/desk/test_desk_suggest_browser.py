"""The desk's script in Chromium: an editor asks for enrichment suggestions while writing,
ticks one, publishes with Ctrl+Enter (after the confirmation), and the outgoing wire shows a
story moved meanwhile through the API behind an "N new" bar; the desk in Arabic, right to left."""

from __future__ import annotations

from pathlib import Path

import httpx

from newswire.store import items as store
from newswire.store.tokens import create_token

from conftest import LiveServer
from deskkit import PASSWORD, browser, live, needs_chromium, staff

__all__ = ["browser", "live"]

pytestmark = [needs_chromium]

BODY = ("President Recep Tayyip Erdoğan met French President Emmanuel Macron in Ankara on Monday, officials "
        "said.\n\nThe European Union and NATO were also discussed. The talks focused on trade and energy "
        "prices.\n\nTurkey's central bank raised interest rates on the same day.")


def test_suggest_tick_publish_by_keyboard_and_watch_the_wire(live: LiveServer, browser: object,
                                                             tmp_path: Path) -> None:
    staff(live, "keys-browser@agency.example", "editor")
    context = browser.new_context(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    dialogs: list[str] = []

    def answer(dialog: object) -> None:
        dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    page.on("dialog", answer)
    page.goto(live.url + "/desk/login")
    page.get_by_label("Email").fill("keys-browser@agency.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live.url + "/desk/")
    page.goto(live.url + "/desk/new")
    page.get_by_label("Headline").fill("Erdoğan and Macron meet in Ankara")
    page.get_by_label("Dateline").fill("ANKARA")
    page.get_by_label("Body").fill(BODY)
    page.keyboard.press("Control+Shift+E")  # the shortcut asks for suggestions
    page.wait_for_selector("#suggestions input[type=checkbox]")
    assert page.url == live.url + "/desk/new" or "/desk/drafts/" in page.url  # no page load
    page.get_by_role("checkbox", name="Person Emmanuel Macron").check()
    page.locator("#body").press("?")  # typed into the body: a question mark, not the help
    assert not page.locator("#shortcuts").evaluate("el => el.open")
    page.locator("#body").press("Backspace")
    page.locator("h1").click()
    page.keyboard.press("?")
    assert page.locator("#shortcuts").evaluate("el => el.open")
    page.screenshot(path=str(tmp_path / "desk-suggestions.png"), full_page=True)
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("article.story")
    assert dialogs == ["Publish this story to the wire now?"]
    uri = page.url.split("/desk/items/", 1)[1]
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and [p.name for p in item.people] == ["Emmanuel Macron"]

    page.goto(live.url + "/desk/")
    first = page.locator("#wire tbody tr").first.inner_text()
    assert "Erdoğan and Macron meet in Ankara" in first
    page.wait_for_function("document.getElementById('flow').classList.contains('is-live')")
    token = create_token(live.wire.engine, "editor")
    moved = httpx.post(f"{live.url}/v1/items", headers={"Authorization": f"Bearer {token}"},
                       json={"uri": "urn:newswire:test:browser-live", "headline": "Moved through the API meanwhile",
                             "language": "en", "body_html": "<p>From another system.</p>"})
    assert moved.status_code in (200, 201), moved.text
    page.wait_for_selector("#new-bar:not([hidden])", timeout=10_000)
    assert page.locator("#wire tbody tr").first.inner_text() == first  # what the editor reads stays put
    page.get_by_role("button", name="Show 1 new").click()
    assert "Moved through the API meanwhile" in page.locator("#wire tbody tr").first.inner_text()
    page.locator("h1").click()
    page.keyboard.press("j")  # J, J, K: the first story, the second, the first again
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.textContent") == "Erdoğan and Macron meet in Ankara"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.textContent") == "Moved through the API meanwhile"
    page.keyboard.press("?")
    assert page.locator("#shortcuts").evaluate("el => el.open")
    page.screenshot(path=str(tmp_path / "desk-wire-live.png"), full_page=True)
    page.keyboard.press("n")
    page.wait_for_url(live.url + "/desk/new")

    page.goto(live.url + "/desk/new?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("button", name="اقترح الإثراء").is_visible()
    page.screenshot(path=str(tmp_path / "desk-compose-ar.png"), full_page=True)
    print("screenshots:", tmp_path)
    assert not errors, errors
    context.close()

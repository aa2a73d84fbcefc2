"""Search, the planning diary and the developer page in a real browser (Debian's Chromium,
headless), by the forms' labels and the buttons' names, in English and Arabic, at laptop and
phone widths; the screenshots are kept in the test's folder."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from newswire.formats.ninjs import parse_ninjs
from newswire.model import PlannedEvent, utcnow

from conftest import LiveServer, needs_chromium
from factories import ninjs_story
from portalkit import PASSWORD, browser, live, organisation, person

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server

pytestmark = [needs_chromium]

SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def test_search_diary_and_a_new_api_key_by_label(live: LiveServer, browser: object, tmp_path: Path) -> None:
    org = f"browser-tools-{uuid.uuid4().hex[:6]}"
    organisation(live, org, {"languages": ["en"]})
    person(live, f"boss@{org}.example", org, role="manager")
    word = "qz" + uuid.uuid4().hex[:8]
    month = utcnow().strftime("%Y-%m")
    item = parse_ninjs(ninjs_story("en", marker=word)).evolve(planning=(
        PlannedEvent(f"Harbour opening {word}", f"{month}-15"), PlannedEvent("Budget vote", f"{month}-15T10:30")))
    live.wire.publish(item)
    errors: list[str] = []
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)  # type: ignore[attr-defined]
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(live.url + "/portal/login?lang=en")
        page.get_by_label("Email").fill(f"boss@{org}.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(live.url + "/portal/")

        page.get_by_role("link", name="Search").click()
        page.get_by_label("Words").fill(word)
        page.get_by_role("button", name="Search").click()
        page.wait_for_selector("li.hit")
        assert page.locator("li.hit mark").first.inner_text() == word
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(tmp_path / f"portal-search-{size}.png"), full_page=True)

        page.get_by_role("link", name="Planning diary").click()
        page.wait_for_selector("table.calendar")
        assert page.get_by_role("link", name=f"Harbour opening {word}").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(tmp_path / f"portal-diary-{size}.png"), full_page=True)
        page.get_by_role("link", name="Week view").click()
        page.wait_for_selector("ol.week")
        page.screenshot(path=str(tmp_path / f"portal-diary-week-{size}.png"), full_page=True)

        page.get_by_role("link", name="Developers").click()
        page.get_by_label("Label").fill(f"CMS {size}")
        page.get_by_role("button", name="Create API key").click()
        key = page.locator("#new-key").inner_text()
        assert re.fullmatch(r"nwk_[0-9a-f]+_[A-Za-z0-9_-]+", key)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(tmp_path / f"portal-developers-{size}.png"), full_page=True)

        for path, name in (("/portal/search?q=" + word, "search"), ("/portal/diary", "diary"),
                           ("/portal/developers", "developers")):
            page.goto(live.url + path + ("&" if "?" in path else "?") + "lang=ar")
            assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
            page.screenshot(path=str(tmp_path / f"portal-{name}-arabic-{size}.png"), full_page=True)
        page.goto(live.url + "/portal/?lang=en")
        assert not errors, errors
        context.close()

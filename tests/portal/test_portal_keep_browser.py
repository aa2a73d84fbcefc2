"""Keep and follow in a real browser (Debian's Chromium, headless): save the flow's filter as a
view by the form's labels, find it in the navigation, bookmark a story with a row's star and
find it on the Bookmarks page. Screenshots are kept in the test's folder."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import LiveServer, needs_chromium
from portalkit import PASSWORD, browser, live, organisation, person, publish

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server

pytestmark = [needs_chromium]


def test_save_a_view_and_bookmark_a_story(live: LiveServer, browser: object, tmp_path: Path) -> None:
    organisation(live, "keep-browser-desk", {"languages": ["en"]})
    person(live, "eye@keep-browser-desk.example", "keep-browser-desk")
    uri = publish(live, "en", slugline="KEEPME", marker="dirigible")
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live.url + "/portal/login?lang=en")
    page.get_by_label("Email").fill("eye@keep-browser-desk.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live.url + "/portal/")
    page.get_by_label("Text", exact=True).fill("dirigible")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/portal/\?.*q=dirigible"))
    page.get_by_label("Name").fill("Airships")
    page.get_by_role("button", name="Save view").click()
    nav = page.get_by_role("navigation", name="Saved views")
    nav.get_by_role("link", name="Airships").wait_for()
    assert nav.get_by_role("link", name="Airships").get_attribute("aria-current") == "page"
    page.get_by_role("button", name="Bookmark: Port authority opens new container terminal").click()
    page.get_by_role("button", name="Remove bookmark: Port authority opens new container terminal").wait_for()
    page.screenshot(path=str(tmp_path / "portal-flow-saved-view.png"), full_page=True)
    page.get_by_role("link", name="Bookmarks").click()
    page.wait_for_url(live.url + "/portal/bookmarks")
    assert page.locator(f'#bookmarks tr[data-uri="{uri}"]').count() == 1
    page.screenshot(path=str(tmp_path / "portal-bookmarks.png"), full_page=True)
    page.get_by_role("link", name="Port authority opens new container terminal").click()
    page.get_by_role("button", name="Follow").click()
    page.get_by_role("button", name="Stop following").wait_for()
    assert page.get_by_role("button", name="Remove bookmark").is_visible()
    page.screenshot(path=str(tmp_path / "portal-story-keep.png"), full_page=True)
    page.goto(live.url + "/portal/notifications?lang=ar")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(tmp_path / "portal-notifications-arabic.png"), full_page=True)
    page.goto(live.url + "/portal/?lang=en")
    assert not errors, errors
    context.close()

"""The portal in a real browser (Debian's Chromium, headless): sign in by the form's labels, see
the live flow, and a story published meanwhile announced by the "new" bar without moving the
rows the reader looks at. The screenshot is kept in the test's folder."""

from __future__ import annotations

from pathlib import Path

from conftest import LiveServer, needs_chromium
from portalkit import PASSWORD, browser, live, organisation, person, publish

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server

pytestmark = [needs_chromium]


def test_sign_in_watch_the_flow_and_see_a_new_story_announced(live: LiveServer, browser: object,
                                                              tmp_path: Path) -> None:
    organisation(live, "browser-desk", {"languages": ["en"]})
    person(live, "eye@browser-desk.example", "browser-desk")
    first = publish(live, "en", slugline="FIRST", urgency=2)
    context = browser.new_context(viewport={"width": 1280, "height": 800},  # type: ignore[attr-defined]
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live.url + "/portal/")
    assert page.url.startswith(live.url + "/portal/login")
    page.get_by_label("Email").fill("eye@browser-desk.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live.url + "/portal/")
    page.wait_for_selector("table.flow.is-live")
    rows = page.locator("#flow-rows tr")
    assert rows.first.get_attribute("data-uri") == first
    looked_at = rows.first.bounding_box()

    fresh = publish(live, "en", slugline="SECOND", marker="arrives-live")
    bar = page.get_by_role("button", name="1 new")
    bar.wait_for(timeout=5000)
    assert rows.first.get_attribute("data-uri") == first  # nothing moved yet
    assert rows.first.bounding_box() == looked_at
    page.screenshot(path=str(tmp_path / "portal-flow-new-bar.png"), full_page=True)
    bar.click()
    assert rows.nth(0).get_attribute("data-uri") == fresh and rows.nth(1).get_attribute("data-uri") == first
    assert page.locator("#new-bar").is_hidden()
    page.get_by_role("link", name="Port authority opens new container terminal").first.click()
    page.wait_for_selector("article.story")
    assert "arrives-live" in page.locator(".body").inner_text()
    page.get_by_role("button", name="Copy text").click()
    page.get_by_role("button", name="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Port authority opens new container terminal") and "arrives-live" in copied
    page.screenshot(path=str(tmp_path / "portal-story.png"), full_page=True)
    page.goto(live.url + "/portal/?lang=ar")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(tmp_path / "portal-flow-arabic.png"), full_page=True)
    page.goto(live.url + "/portal/?lang=en")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(live.url + "/portal/login?signed_out=1")
    assert not errors, errors  # the CSP lets the portal's own script run, and it runs cleanly
    context.close()


FAKE_AUDIO = """
window.__tones = 0;
window.AudioContext = function () {
  this.currentTime = 0; this.destination = {};
  this.createOscillator = function () {
    return { frequency: {}, connect: function () {}, stop: function () {},
             start: function () { window.__tones += 1; } };
  };
  this.createGain = function () { return { gain: {}, connect: function () {} }; };
};
"""


def test_urgent_stories_sound_an_alert_once_the_reader_switches_it_on(live: LiveServer, browser: object) -> None:
    organisation(live, "alert-desk", {"languages": ["en"]})
    person(live, "ears@alert-desk.example", "alert-desk")
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    context.add_init_script(FAKE_AUDIO)  # count the tones instead of playing them
    page = context.new_page()
    page.goto(live.url + "/portal/login")
    page.get_by_label("Email").fill("ears@alert-desk.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("table.flow.is-live")
    publish(live, "en", slugline="QUIET-URGENT", urgency=1)
    page.get_by_role("button", name="1 new").wait_for(timeout=5000)
    assert page.evaluate("window.__tones") == 0  # off until the reader asks for it
    page.get_by_label("Sound an alert for urgent stories").check()
    publish(live, "en", slugline="ROUTINE", urgency=5)
    page.get_by_role("button", name="2 new").wait_for(timeout=5000)
    assert page.evaluate("window.__tones") == 0  # a routine story makes no sound
    publish(live, "en", slugline="FLASH", urgency=1)
    page.get_by_role("button", name="3 new").wait_for(timeout=5000)
    assert page.evaluate("window.__tones") == 1
    page.reload()
    page.wait_for_selector("table.flow.is-live")
    assert page.get_by_label("Sound an alert for urgent stories").is_checked()  # remembered
    context.close()

"""Pictures in the portal in a real browser (Debian's Chromium, headless): under the portal's
strict Content-Security-Policy (images from this origin only) a story's picture and a
picture's thumbnail in the flow load and show, with no console error (a blocked image is
one). The screenshot is kept in the test's folder."""

from __future__ import annotations

from pathlib import Path

import httpx
from test_portal_pictures import editor, fetch, post_story, upload  # noqa: F401 (a fixture)

from conftest import LiveServer, needs_chromium
from portalkit import PASSWORD, browser, live, organisation, person

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server

pytestmark = [needs_chromium]


def test_a_storys_picture_and_a_thumbnail_show_in_the_browser(live: LiveServer, browser: object,
                                                              editor: httpx.Client,  # noqa: F811
                                                              tmp_path: Path) -> None:
    organisation(live, "picture-eyes", {})
    person(live, "eye@picture-eyes.example", "picture-eyes")
    picture = upload(editor)
    story = post_story(editor, picture["uri"])
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live.url + "/portal/login")
    page.get_by_label("Email").fill("eye@picture-eyes.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live.url + "/portal/")
    # the worker has made the renditions by the time the reader looks (as it would have)
    thumb = page.locator(f'tr[data-uri="{picture["uri"]}"] img.thumb')
    assert fetch(live, thumb.get_attribute("src") or "").status_code == 200
    page.reload()
    page.wait_for_function(f"() => {{ const i = document.querySelector('tr[data-uri=\"{picture['uri']}\"] "
                           f"img.thumb'); return i && i.complete && i.naturalWidth > 0; }}", timeout=10000)
    page.goto(f"{live.url}/portal/items/{story}")
    image = page.locator(".story-picture img")
    image.wait_for(timeout=5000)
    page.wait_for_function("() => { const i = document.querySelector('.story-picture img'); "
                           "return i.complete && i.naturalWidth > 0; }", timeout=10000)
    assert image.evaluate("img => img.naturalWidth") == 1024
    assert "Fishermen bring in the morning catch" in (page.locator(".story-picture figcaption").text_content() or "")
    page.screenshot(path=str(tmp_path / "portal-story-picture.png"), full_page=True)
    assert errors == []
    context.close()

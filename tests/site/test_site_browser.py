"""The site in a real browser (Debian's Chromium, headless): reading a story, right-to-left,
the live ticker, phone and desktop widths. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from newswire.formats.sanitize import html_to_text
from newswire.samples import load_samples
from newswire.store import items as store
from newswire.wire import Wire

from conftest import REPO, LiveServer, headless_chromium, needs_chromium, open_wire
from sitekit import publish, story_doc

SHOTS = REPO / "artifacts" / "screenshots"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    needs_chromium,
    pytest.mark.parametrize("db_url", ["sqlite"], indirect=True),  # one database is enough here
]


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    """Enrichment in-process: workers forked from the test process would inherit the browser
    driver's pipes, and Chromium's shutdown would wait on them (the pool has its own tests)."""
    w = open_wire(db_url, enrich_workers=0)
    yield w
    w.close()


@pytest.fixture
def browser() -> Iterator[object]:
    with headless_chromium() as b:
        yield b


def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_a_reader_follows_a_story_at_desktop_and_phone_widths(live: LiveServer, browser: object) -> None:
    load_samples(live.wire)
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, is_mobile=width_name == "phone",  # type: ignore[attr-defined]
                                      device_scale_factor=1)
        page = context.new_page()
        page.goto(live.url + "/")
        assert page.locator("html").get_attribute("lang") == "en"
        shot(page, f"home-{width_name}")
        page.locator(".stories .card-title a").first.click()
        page.wait_for_load_state()
        assert "/story/" in page.url
        summary, notice = page.locator(".summary"), page.locator(".paywalled")
        assert summary.is_visible() and notice.is_visible()
        assert notice.get_by_role("link").get_attribute("href") == "/subscribe"
        path = page.url.split(live.url, 1)[1]
        uri = path.split("/story/", 1)[1]
        item = store.get_item(live.wire.engine, uri.replace("%3A", ":"))
        assert item is not None
        text = page.locator("body").inner_text()
        hidden = [p for p in html_to_text(item.body_html).split("\n")[1:]
                  if p not in (item.summary or "") and len(p) > 40]
        assert hidden and not any(p in text for p in hidden)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        shot(page, f"story-{width_name}")
        page.goto(live.url + "/ar/")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert page.locator("html").get_attribute("dir") == "rtl"
        shot(page, f"arabic-home-{width_name}")
        page.locator(".stories .card-title a").first.click()
        page.wait_for_load_state()
        assert page.evaluate("getComputedStyle(document.querySelector('.story')).direction") == "rtl"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        shot(page, f"arabic-story-{width_name}")
        context.close()


def test_the_ticker_updates_live_and_pages_work_without_javascript(live: LiveServer, browser: object) -> None:
    load_samples(live.wire)
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(live.url + "/")
    page.wait_for_selector(".ticker.is-live", timeout=10_000)
    time.sleep(0.3)
    publish(live.wire, story_doc("en", headline="Breaking: harbour reopens after the storm"))
    page.wait_for_selector(".ticker-list li.fresh a >> text=Breaking: harbour reopens", timeout=10_000)
    assert page.locator(".ticker-list li").count() <= 6
    shot(page, "home-ticker-desktop")
    context.close()
    plain = browser.new_context(viewport=PHONE, java_script_enabled=False)  # type: ignore[attr-defined]
    page = plain.new_page()
    page.goto(live.url + "/en/")
    page.locator(".stories .card-title a").first.click()
    page.wait_for_load_state()
    assert page.locator(".summary").is_visible() and page.locator(".paywalled").is_visible()
    page.goto(live.url + "/en/search?q=storm")
    assert page.locator(".stories .card").count() >= 1
    plain.close()

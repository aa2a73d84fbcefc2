"""Accessibility of the portal's and the desk's pages in a real browser (Debian's Chromium,
headless): axe-core, as shipped inside the ``axe-playwright-python`` wheel (never fetched at run
time), runs over every page in English and Arabic and no violation may be ``serious`` or
``critical``. The main flow is usable by keyboard alone, with a visible focus. The results and
screenshots are kept under ``artifacts/a11y/`` (git-ignored)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from newswire.store import accounts, users

from conftest import LiveServer, needs_chromium
from portalkit import PASSWORD, browser, live, organisation, person, publish

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server (the desk is on the same app)

pytestmark = [needs_chromium]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "a11y"
BLOCKING = {"serious", "critical"}


def axe_script() -> str:
    """axe-core from the package index: the copy inside the axe-playwright-python wheel."""
    base = pytest.importorskip("axe_playwright_python.base")
    script: str = base.AXE_SCRIPT
    return script


def audit(page: Any, script: str, name: str) -> list[str]:
    """Run axe over the page; keep its results and a screenshot; the blocking violations."""
    page.evaluate(script)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(
        {"url": results["url"], "violations": results["violations"]}, indent=1, ensure_ascii=False))
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    return [f"{name}: {v['id']} ({v['impact']}) {v['help']} at "
            + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in results["violations"] if v["impact"] in BLOCKING]


def sign_in(page: Any, url: str, email: str) -> None:
    page.goto(url + "/login?lang=en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url + "/")


def staff(live: LiveServer, email: str) -> None:
    try:
        users.get_user(live.wire.engine, email)
    except accounts.AccountError:
        users.create_user(live.wire.engine, email, subscriber=None, role="editor", password=PASSWORD)


def test_no_serious_or_critical_violation_on_any_page_in_english_or_arabic(
        live: LiveServer, browser: object) -> None:
    org = f"a11y-{uuid.uuid4().hex[:6]}"
    organisation(live, org, {"languages": ["en", "ar"]})
    person(live, f"boss@{org}.example", org, role="manager")
    staff(live, "a11y-editor@agency.example")
    word = "qz" + uuid.uuid4().hex[:8]
    uri = publish(live, "en", marker=word, slugline="A11Y")
    portal = ["/login", "/", f"/items/{quote(uri, safe=':@')}", f"/search?q={word}", "/diary", "/bookmarks",
              "/views", "/notifications", "/developers", "/usage", "/account", "/team"]
    desk = ["/login", "/", "/new", f"/items/{quote(uri, safe=':@')}", "/audit"]
    script = axe_script()
    found: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)  # type: ignore[attr-defined]
    page = context.new_page()
    for area, paths, email in (("portal", portal, f"boss@{org}.example"),
                               ("desk", desk, "a11y-editor@agency.example")):
        base = live.url + "/" + area
        for lang in ("en", "ar"):  # the login page first, signed out
            page.goto(f"{base}/login?lang={lang}")
            found += audit(page, script, f"{area}-login-{lang}")
        sign_in(page, base, email)
        for path in paths[1:]:
            for lang in ("en", "ar"):
                page.goto(base + path + ("&" if "?" in path else "?") + f"lang={lang}")
                assert page.url.startswith(base), page.url  # not sent back to the login page
                name = path.strip("/").split("?")[0].split("/")[0] or "home"
                found += audit(page, script, f"{area}-{name}-{lang}")
        page.goto(base + "/?lang=en")
        page.get_by_role("button", name="Sign out").click()
    # The checker checks: the login page with its labels taken away fails it.
    page.goto(live.url + "/portal/login?lang=en")
    page.evaluate("document.querySelectorAll('label').forEach(label => label.remove())")
    assert any(" label (critical) " in line for line in audit(page, script, "control-unlabelled")), \
        "axe did not flag inputs without labels"
    context.close()
    assert not found, "\n".join(found)


FOCUS_RING = """() => { const el = document.activeElement, style = getComputedStyle(el);
  return {tag: el.tagName, id: el.id, href: el.getAttribute('href') || '', text: el.innerText || '',
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth) }; }"""


def tab_to(page: Any, wanted: Any, limit: int = 60) -> dict[str, Any]:
    """Press Tab until the focused element is the wanted one; each stop shows a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused: dict[str, Any] = page.evaluate(FOCUS_RING)
        if focused["tag"] != "BODY":
            assert focused["outline"] != "none" and focused["width"] >= 2, f"no visible focus on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached the element after {limit} presses")


def test_the_flow_by_keyboard_alone_with_a_visible_focus(live: LiveServer, browser: object) -> None:
    org = f"keys-{uuid.uuid4().hex[:6]}"
    organisation(live, org, {"languages": ["en"]})
    person(live, f"keys@{org}.example", org)
    word = "kb" + uuid.uuid4().hex[:8]
    wanted = publish(live, "en", marker=word, slugline="KEYS")
    other = publish(live, "en", slugline="OTHER")
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(live.url + "/portal/login?lang=en")
    tab_to(page, lambda f: f["id"] == page.get_by_label("Email").get_attribute("id"))
    page.keyboard.type(f"keys@{org}.example")
    tab_to(page, lambda f: f["id"] == page.get_by_label("Password").get_attribute("id"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live.url + "/portal/")
    assert page.locator(f'#flow-rows tr[data-uri="{other}"]').count() == 1

    tab_to(page, lambda f: f["id"] == "f-q")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "keyboard-filter-focused.png"))
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**q={word}**")
    rows = page.locator("#flow-rows tr")
    assert rows.count() == 1 and rows.first.get_attribute("data-uri") == wanted

    link = tab_to(page, lambda f: f["tag"] == "A" and "/portal/items/" in f["href"])
    assert "Port authority opens new container terminal" in link["text"]
    page.screenshot(path=str(ARTIFACTS / "keyboard-story-link-focused.png"))
    page.keyboard.press("Enter")
    page.wait_for_selector("article.story")
    assert word in page.locator(".body").inner_text()
    context.close()

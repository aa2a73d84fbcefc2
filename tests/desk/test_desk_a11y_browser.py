"""axe-core over the desk's newer pages in English and Arabic (Debian's Chromium, headless): the
account page (two-step sign-in off, then being set up), a story page with its versions' changes
and the suggestions panel, a route's message, the audit filtered by a diary action. No violation
may be serious or critical; results and screenshots under ``artifacts/a11y/``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newswire.store import users

from conftest import LiveServer, headless_chromium, needs_chromium
from deskkit import PASSWORD, at_desk, item_path, portal_server, published_uri, send, story_fields

pytestmark = [needs_chromium]


@pytest.fixture(scope="module")
def quiet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server enriching in its own process (forked enrichment workers would inherit the
    browser driver's pipes, which this process holds too)."""
    with portal_server(f"sqlite:///{tmp_path_factory.mktemp('a11y') / 'wire.db'}", enrich_workers=0) as live:
        yield live


def test_the_desks_newer_pages_have_no_serious_violation_in_english_or_arabic(quiet: LiveServer) -> None:
    live, email = quiet, "a11y-desk@agency.example"
    editor = at_desk(live, email)
    uri = published_uri(send(editor, "/desk/compose", story_fields("Bridge reopens", action="publish")))
    page_path = item_path(uri)
    moved = send(editor, page_path + "/correct", story_fields(
        "Bridge reopens", version="1", note="The bridge is in Rotterdam.",
        body="The bridge reopened on Tuesday.\n\nTraffic is back."), page_path)
    assert moved.status_code == 303, moved.text
    assert users.get_user(live.wire.engine, email).role == "editor"
    from test_portal_a11y_browser import audit, axe_script  # the portal's (deskkit put tests/portal on the path)

    script, found = axe_script(), []
    with headless_chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # type: ignore[attr-defined]
        page: Any = context.new_page()
        page.goto(live.url + "/desk/login?lang=en")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(live.url + "/desk/")
        for lang in ("en", "ar"):
            for name, path in (("account", "/desk/account"), ("story-versions", page_path),
                               ("message", "/desk/items/urn:newswire:test:none"),
                               ("audit-diary", "/desk/audit?action=event-add")):
                page.goto(live.url + path + ("&" if "?" in path else "?") + f"lang={lang}")
                assert page.url.startswith(live.url + "/desk/") and "/login" not in page.url, page.url
                found += audit(page, script, f"desk-{name}-{lang}")
                if name == "story-versions":  # what version 2 changed, and the suggestions panel
                    assert page.locator("#changes-v2").count() == 1 and page.locator("#suggestions").count() == 1
        page.goto(live.url + "/desk/account?lang=en")
        page.get_by_role("button", name="Set up two-step sign-in").click()
        page.wait_for_selector("#totp-secret")
        for lang in ("en", "ar"):
            page.goto(f"{live.url}/desk/account?lang={lang}")
            found += audit(page, script, f"desk-account-setup-{lang}")
        context.close()
    assert not found, "\n".join(found)

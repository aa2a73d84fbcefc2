"""Two-step sign-in in a real browser (Debian's Chromium): set it up from the account page by
its labels, sign in with the **Code**; axe-core over the setup, recovery-code and code pages in
English and Arabic (no serious or critical violation), screenshots under ``artifacts/a11y/``."""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import pytest
from test_portal_a11y_browser import audit, axe_script

from newswire.store import twofactor

from conftest import LiveServer, needs_chromium
from portalkit import PASSWORD, browser, live, organisation, person

__all__ = ["browser", "live"]  # fixtures: Chromium, the portal's shared server

pytestmark = [needs_chromium]


def test_set_up_and_sign_in_with_a_code_by_label(live: LiveServer, browser: object,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    still = (time.time() // twofactor.STEP) * twofactor.STEP + twofactor.STEP / 2
    monkeypatch.setattr(twofactor, "CLOCK", lambda: still)  # the server runs in this process
    org = f"tfa-{uuid.uuid4().hex[:6]}"
    organisation(live, org)
    email = f"phone@{org}.example"
    person(live, email, org)
    script, found = axe_script(), []
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)  # type: ignore[attr-defined]
    page: Any = context.new_page()
    base = live.url + "/portal"
    page.goto(base + "/login?lang=en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/")
    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Set up two-step sign-in").click()
    page.wait_for_selector("#totp-secret")
    assert page.get_by_role("img", name="QR code of the setup address").is_visible()
    secret = page.locator("#totp-secret").inner_text()
    for lang in ("en", "ar"):
        page.goto(f"{base}/account?lang={lang}")
        found += audit(page, script, f"portal-two-step-setup-{lang}")
    page.goto(f"{base}/account?lang=en")
    page.get_by_label("Code").fill(twofactor.code_at(secret, twofactor.step_of()))
    page.get_by_role("button", name="Turn on").click()
    page.wait_for_selector(".recovery-codes")
    assert len(re.findall(r"[a-z0-9]{5}-[a-z0-9]{5}", page.locator(".recovery-codes").inner_text())) == 10
    found += audit(page, script, "portal-two-step-recovery-en")
    page.get_by_role("button", name="Sign out").click()

    page.goto(base + "/login?lang=ar")
    page.get_by_label("البريد الإلكتروني").fill(email)
    page.get_by_label("كلمة المرور").fill(PASSWORD)
    page.get_by_role("button", name="تسجيل الدخول").click()
    page.wait_for_selector("#code")
    assert page.locator("html").get_attribute("dir") == "rtl"
    found += audit(page, script, "portal-two-step-code-ar")
    page.get_by_label("الرمز").fill(twofactor.code_at(secret, twofactor.step_of() + 1))
    page.get_by_role("button", name="تسجيل الدخول").click()
    page.wait_for_url(base + "/")
    context.close()
    assert not found, "\n".join(found)

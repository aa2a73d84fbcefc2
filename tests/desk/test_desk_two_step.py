"""Two-step sign-in from the desk's account page (the portal's account functions, the same
factor): staff turn it on with a code from their app, the desk's sign-in then asks for a code,
and they turn it off with one; the page speaks Turkish and Arabic."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from newswire.store import twofactor, users

from conftest import LiveServer
from deskkit import PASSWORD, Visitor, at_desk, live

__all__ = ["live"]

_SECRET = re.compile(r'id="totp-secret"[^>]*>([A-Z2-7]+)<')
_CODES = re.compile(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>")


@pytest.fixture(autouse=True)
def still_clock(live: LiveServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The server runs in this process: its TOTP clock held in the middle of a time step."""
    still = (time.time() // twofactor.STEP) * twofactor.STEP + twofactor.STEP / 2
    monkeypatch.setattr(twofactor, "CLOCK", lambda: still)
    yield
    users.clear_failures(live.wire.engine, "address:127.0.0.1")


def code_now(secret: str, ahead: int = 0) -> str:
    return twofactor.code_at(secret, twofactor.step_of() + ahead)


def test_staff_turn_two_step_sign_in_on_and_off_at_the_desk(live: LiveServer) -> None:
    email = "desk-two-step@agency.example"
    editor = at_desk(live, email)
    assert 'href="/desk/account"' in editor.get("/desk/").text  # in the desk's menu
    page = editor.get("/desk/account")
    assert page.status_code == 200 and "Two-step sign-in is off" in page.text
    started = editor.post("/desk/account/two-step", {"action": "start"}, csrf_from="/desk/account")
    assert started.status_code == 303 and started.headers["location"] == "/desk/account"
    page = editor.get("/desk/account")
    secret = _SECRET.search(page.text)
    assert secret is not None and 'src="data:image/svg+xml' in page.text
    assert editor.post("/desk/account/two-step", {"action": "confirm", "code": "12"},
                       csrf_from="/desk/account").status_code == 400
    right = editor.post("/desk/account/two-step", {"action": "confirm", "code": code_now(secret.group(1))},
                        csrf_from="/desk/account")
    assert right.status_code == 200 and "Two-step sign-in is on." in right.text
    recovery = _CODES.findall(right.text)
    assert len(set(recovery)) == 10
    assert twofactor.status(live.wire.engine, users.get_user(live.wire.engine, email).id).enabled
    # The desk's sign-in now asks for a code after the password.
    visitor = Visitor.at(live)
    asked = visitor.post("/desk/login", {"email": email, "password": PASSWORD}, csrf_from="/desk/login")
    assert asked.status_code == 200 and 'id="code"' in asked.text
    # (a code is good once: the next step's, as a clock a little ahead gives it)
    signed = visitor.post("/desk/login", {"code": code_now(secret.group(1), 1)}, csrf_from="/desk/login")
    assert signed.status_code == 303 and visitor.get("/desk/").status_code == 200
    # In Turkish and Arabic; off again with a code (a forged form does nothing).
    assert "İki adımlı giriş açık" in editor.get("/desk/account?lang=tr").text
    arabic = editor.get("/desk/account?lang=ar").text
    assert 'dir="rtl"' in arabic and "Two-step" not in arabic
    assert editor.post("/desk/account/two-step", {"action": "off", "code": recovery[0]}).status_code == 403
    off = editor.post("/desk/account/two-step?lang=en", {"action": "off", "code": recovery[0]},
                      csrf_from="/desk/account")
    assert off.status_code == 200 and "Two-step sign-in is off." in off.text
    assert not twofactor.status(live.wire.engine, users.get_user(live.wire.engine, email).id).enabled
    assert Visitor.at(live).get("/desk/account").status_code == 303  # signed out: the sign-in page

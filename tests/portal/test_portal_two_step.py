"""The optional second factor: enrolment from the account page, sign-in asking for the code
(portal and desk), a code good once, recovery codes, wrong codes throttled like passwords."""

from __future__ import annotations

import hashlib
import re
import string
import time
from collections.abc import Iterator
from importlib import resources

import httpx
import pytest
from sqlalchemy import insert, select
from typer.testing import CliRunner

from newswire.cli import app
from newswire.model import utcnow
from newswire.portal import access_i18n, i18n
from newswire.store import accounts, twofactor, users
from newswire.store.engine import read_tx, write_tx
from newswire.store.secrets import SecretBox, box_for, new_key
from newswire.store.tables import user_recovery_codes
from newswire.store.tables import users as users_table
from newswire.wire import Wire

from conftest import LiveServer
from portalkit import PASSWORD, Visitor, live, organisation, person, sqlite_only

__all__ = ["live"]  # the portal's shared server, a fixture

_SECRET = re.compile(r'id="totp-secret"[^>]*>([A-Z2-7]+)<')
_CODES = re.compile(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>")


@pytest.fixture(autouse=True)
def gazete(live: LiveServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    organisation(live, "gazete")
    # The server runs in this process: hold its TOTP clock in the middle of a time step, so a
    # test's "this step" and "the next step" do not move under it.
    still = (time.time() // twofactor.STEP) * twofactor.STEP + twofactor.STEP / 2
    monkeypatch.setattr(twofactor, "CLOCK", lambda: still)
    yield
    # Wrong codes count against this machine's address too: leave none to the next test.
    users.clear_failures(live.wire.engine, "address:127.0.0.1")


def test_codes_are_rfc_6238s() -> None:
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # RFC 6238 appendix B, SHA-1: "12345678901234567890"
    for moment, full in ((59, "94287082"), (1111111109, "07081804"), (1234567890, "89005924"),
                         (20000000000, "65353130")):
        assert twofactor.code_at(secret, twofactor.step_of(moment)) == full[-6:]
    assert twofactor.matching_step(secret, "287082", 59 + 30) == 1  # the step before: clock drift
    assert twofactor.matching_step(secret, "287082", 59 + 60) is None
    assert twofactor.matching_step(secret, "28708x", 59) is None


def enrol(visitor: Visitor) -> tuple[str, list[str]]:
    """Turn the factor on from the account page: (the secret, the recovery codes)."""
    page = visitor.get("/portal/account")
    assert page.status_code == 200 and "Two-step sign-in is off" in page.text
    started = visitor.post("/portal/account/two-step", {"action": "start"}, csrf_from="/portal/account")
    assert started.status_code == 303 and started.headers["location"] == "/portal/account"
    page = visitor.get("/portal/account")
    found = _SECRET.search(page.text)
    assert found, page.text
    secret = found.group(1)
    assert "otpauth://totp/newswire:" in page.text and f"secret={secret}" in page.text
    assert 'src="data:image/svg+xml' in page.text and '<label for="code">Code</label>' in page.text
    wrong = visitor.post("/portal/account/two-step", {"action": "confirm", "code": "000000"},
                         csrf_from="/portal/account")
    if twofactor.code_at(secret, twofactor.step_of()) != "000000":
        assert wrong.status_code == 400 and "The code is not right." in wrong.text
    right = visitor.post("/portal/account/two-step", {"action": "confirm", "code": code_now(secret)},
                         csrf_from="/portal/account")
    assert right.status_code == 200 and "Two-step sign-in is on." in right.text
    codes = _CODES.findall(right.text)
    assert len(codes) == 10 and len(set(codes)) == 10
    return secret, codes


def code_now(secret: str, ahead: int = 0) -> str:
    return twofactor.code_at(secret, twofactor.step_of() + ahead)


def password_step(live: LiveServer, email: str) -> Visitor:
    """A browser past the password, at the code."""
    visitor = Visitor.at(live)
    asked = visitor.sign_in(email)
    assert asked.status_code == 200 and '<label for="code">Code</label>' in asked.text, asked.text
    assert "nw_session" not in visitor.client.cookies and visitor.client.cookies.get("nw_2fa")
    assert visitor.get("/portal/").status_code == 303  # not signed in yet
    return visitor


def enter(visitor: Visitor, code: str, path: str = "/portal/login") -> httpx.Response:
    return visitor.post(path, {"code": code}, csrf_from=path)


def test_enrol_sign_in_with_a_code_once_and_recovery_codes(live: LiveServer) -> None:
    user = person(live, "totp-two@gazete.example", "gazete")
    secret, codes = enrol(Visitor.at(live).signed_in(user.email))
    # The secret is sealed at rest like webhook secrets; recovery codes kept as digests only.
    with read_tx(live.wire.engine) as conn:
        stored = conn.execute(select(users_table.c.totp_secret).where(users_table.c.id == user.id)).scalar_one()
        digests = conn.execute(select(user_recovery_codes.c.code_hash)
                               .where(user_recovery_codes.c.user_id == user.id)).scalars().all()
    assert stored.startswith("fernet:") and secret not in stored
    assert box_for(live.wire.settings).open(stored) == secret
    assert len(digests) == 10 and not {c.replace("-", "") for c in codes} & set(digests)

    visitor = password_step(live, user.email)
    # The confirmation used this step's code: the same code does not sign in (no replay).
    replayed = enter(visitor, code_now(secret))
    assert replayed.status_code == 401 and "The code is not right." in replayed.text
    done = enter(visitor, code_now(secret, 1))  # the next step's code (a clock a little ahead)
    assert done.status_code == 303 and done.headers["location"] == "/portal/"
    assert "nw_2fa" not in visitor.client.cookies
    assert visitor.get("/portal/").status_code == 200
    # That code is spent too: another sign-in with it gets nowhere.
    again = password_step(live, user.email)
    assert enter(again, code_now(secret, 1)).status_code == 401

    # A recovery code signs in once (spaces and capitals forgiven), then never again.
    first = codes[0]
    assert enter(again, " " + first.upper() + " ").status_code == 303
    third = password_step(live, user.email)
    assert enter(third, first).status_code == 401
    assert twofactor.status(live.wire.engine, user.id).recovery_left == 9
    assert "Recovery codes left: 9." in again.get("/portal/account").text


def test_wrong_codes_slow_down_like_wrong_passwords(live: LiveServer) -> None:
    user = person(live, "totp-guess@gazete.example", "gazete")
    secret, _codes = enrol(Visitor.at(live).signed_in(user.email))
    visitor = password_step(live, user.email)
    right = code_now(secret, -1)  # not yet used (the confirmation used this step's)
    wrong = "123456" if right != "123456" else "654321"
    for _ in range(3):  # the account's free failures (the password's success did not clear them)
        assert enter(visitor, wrong).status_code == 401
    refused = enter(visitor, wrong)
    assert refused.status_code == 401
    slowed = enter(visitor, right)  # the right code, too soon: not even tried
    assert slowed.status_code == 429 and "Try again in" in slowed.text
    assert '<label for="code">Code</label>' in slowed.text
    time.sleep(int(slowed.headers["retry-after"]) + 0.1)
    assert enter(visitor, code_now(secret, 1)).status_code == 303
    assert users.throttle_wait(live.wire.engine, [f"account:{user.email}"]) == 0


def test_a_code_without_a_password_first_signs_no_one_in(live: LiveServer) -> None:
    visitor = Visitor.at(live)
    answer = enter(visitor, "123456")
    assert answer.status_code == 401 and "Sign in again" in answer.text
    visitor.client.cookies.set("nw_2fa", "made-up-challenge-token-of-some-length")
    assert enter(visitor, "123456").status_code == 401
    assert visitor.get("/portal/").status_code == 303


def test_turning_off_needs_a_code_and_users_without_the_factor_sign_in_as_before(live: LiveServer) -> None:
    user = person(live, "totp-off@gazete.example", "gazete")
    visitor = Visitor.at(live).signed_in(user.email)
    secret, _codes = enrol(visitor)
    wrong = visitor.post("/portal/account/two-step", {"action": "off", "code": "not-a-code"},
                         csrf_from="/portal/account")
    assert wrong.status_code == 400 and twofactor.enabled(live.wire.engine, user.id)
    renewed = visitor.post("/portal/account/two-step", {"action": "recovery", "code": code_now(secret, 1)},
                           csrf_from="/portal/account")
    assert renewed.status_code == 200 and len(_CODES.findall(renewed.text)) == 10
    off = visitor.post("/portal/account/two-step", {"action": "off", "code": _CODES.findall(renewed.text)[0]},
                       csrf_from="/portal/account")
    assert off.status_code == 200 and "Two-step sign-in is off." in off.text
    assert not twofactor.enabled(live.wire.engine, user.id)
    assert Visitor.at(live).sign_in(user.email).status_code == 303  # the password alone again
    # Without the session's CSRF token, nothing changes.
    assert visitor.post("/portal/account/two-step", {"action": "start"}).status_code == 403


def test_staff_on_the_desk_are_asked_for_the_code_too(live: LiveServer) -> None:
    engine, box = live.wire.engine, box_for(live.wire.settings)
    staff = users.create_user(engine, "totp-editor@agency.example", subscriber=None, role="editor", password=PASSWORD)
    secret = twofactor.begin(engine, box, staff.id)
    assert twofactor.confirm(engine, box, staff.id, code_now(secret)) is not None
    visitor = Visitor.at(live)
    asked = visitor.post("/desk/login", {"email": staff.email, "password": PASSWORD}, csrf_from="/desk/login")
    assert asked.status_code == 200 and '<label for="code">Code</label>' in asked.text
    assert enter(visitor, "000000" if code_now(secret, 1) != "000000" else "111111", "/desk/login"
                 ).status_code == 401
    done = enter(visitor, code_now(secret, 1), "/desk/login")
    assert done.status_code == 303 and done.headers["location"] == "/desk/"
    # A portal user's challenge does not open the desk (nor the other way round).
    portal_user = person(live, "totp-cross@gazete.example", "gazete")
    other = twofactor.begin(engine, box, portal_user.id)
    twofactor.confirm(engine, box, portal_user.id, code_now(other))
    crossing = password_step(live, portal_user.email)
    assert enter(crossing, code_now(other, 1), "/desk/login").status_code == 401


def test_totp_secrets_are_rotated_to_the_first_key(wire: Wire) -> None:
    """`newswire secrets rotate` re-seals TOTP secrets with webhook secrets (one key list)."""
    old_key, new = new_key(), new_key()
    old = SecretBox([old_key])
    accounts.create_product(wire.engine, "p", {})
    accounts.create_subscriber(wire.engine, "rot", ["p"])
    user = users.create_user(wire.engine, "rot@rot.example", subscriber="rot", role="member")
    secret = twofactor.begin(wire.engine, old, user.id)
    both = SecretBox([new, old_key])
    assert twofactor.rotate_secrets(wire.engine, both) == (1, [])
    assert twofactor.pending_secret(wire.engine, SecretBox([new]), user.id) == secret
    assert twofactor.rotate_secrets(wire.engine, SecretBox([new_key()])) == (0, [user.id])


def test_staff_enrol_on_the_command_line_and_an_admin_can_remove_the_factor(
        live: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    sqlite_only(live, "the command line is the subject")
    engine = live.wire.engine
    staff = users.create_user(engine, "totp-chief@agency.example", subscriber=None, role="chief", password=PASSWORD)
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    monkeypatch.setattr(twofactor, "new_secret", lambda: secret)  # the command runs in this process
    env = {"NEWSWIRE_DATABASE_URL": live.wire.settings.database_url,
           "NEWSWIRE_DATA_DIR": str(live.wire.settings.data_dir)}
    wrong = CliRunner().invoke(app, ["user", "two-step", staff.email], input="000000\n", env=env)
    if code_now(secret) != "000000":
        assert wrong.exit_code == 1 and "not right" in wrong.output
    done = CliRunner().invoke(app, ["user", "two-step", staff.email], input=code_now(secret) + "\n", env=env)
    assert done.exit_code == 0, done.output
    assert secret in done.output and f"otpauth://totp/newswire:{staff.email}?secret={secret}" in done.output
    assert len(re.findall(r"^[a-z0-9]{5}-[a-z0-9]{5}$", done.output, re.M)) == 10
    again = CliRunner().invoke(app, ["user", "two-step", staff.email], input="\n", env=env)
    assert again.exit_code == 1 and "already on" in again.output
    visitor = Visitor.at(live)
    asked = visitor.post("/desk/login", {"email": staff.email, "password": PASSWORD}, csrf_from="/desk/login")
    assert asked.status_code == 200 and '<label for="code">Code</label>' in asked.text
    assert enter(visitor, code_now(secret, 1), "/desk/login").status_code == 303
    off = CliRunner().invoke(app, ["user", "two-step", staff.email, "--off"], env=env)
    assert off.exit_code == 0 and not twofactor.enabled(engine, staff.id)
    assert visitor.get("/desk/").status_code == 303  # the session ended with the factor
    signed = Visitor.at(live).post("/desk/login", {"email": staff.email, "password": PASSWORD},
                                   csrf_from="/desk/login")
    assert signed.status_code == 303  # the password alone again


def test_the_account_words_exist_in_every_language_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    for lang in ("tr", "ar"):
        assert set(access_i18n.STRINGS[lang]) == set(access_i18n.STRINGS["en"]), lang
        differ = [k for k, v in access_i18n.STRINGS["en"].items() if fields(v) != fields(access_i18n.STRINGS[lang][k])]
        assert not differ, (lang, differ)
    folder = resources.files("newswire.portal").joinpath("templates")
    for lang in i18n.LANGUAGES:
        words = i18n.strings(lang)
        for name in ("account.html", "team.html", "login.html"):
            used = set(re.findall(r"\bt\.([a-z_]+)", folder.joinpath(name).read_text()))
            assert used <= set(words), (lang, name, used - set(words))
            assert not used & set(dir(dict)), (name, used & set(dir(dict)))
        assert all(f"role_{role}" in words for role in users.SUBSCRIBER_ROLES)


def test_a_recovery_code_of_digits_only_is_still_a_recovery_code(wire: Wire) -> None:
    box = SecretBox([new_key()])
    accounts.create_product(wire.engine, "p", {})
    accounts.create_subscriber(wire.engine, "digits", ["p"])
    user = users.create_user(wire.engine, "d@digits.example", subscriber="digits", role="member")
    secret = twofactor.begin(wire.engine, box, user.id)
    assert twofactor.confirm(wire.engine, box, user.id, code_now(secret))
    with write_tx(wire.engine) as conn:  # one in 32^10/8^10 draws is all digits
        conn.execute(insert(user_recovery_codes).values(
            user_id=user.id, code_hash=hashlib.sha256(b"2345623456").hexdigest(), created_at=utcnow()))
    assert twofactor.check(wire.engine, box, user.id, "23456-23456")
    assert not twofactor.check(wire.engine, box, user.id, "23456-23456")

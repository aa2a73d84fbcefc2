"""Signing in and out of the portal: server-side sessions, cookie flags, CSRF on every form,
throttled failures without enumeration or a permanent lockout."""

from __future__ import annotations

import time

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from newswire.store import accounts, users
from newswire.store.engine import read_tx
from newswire.store.tables import users as users_table

from conftest import LiveServer
from portalkit import PASSWORD, Visitor, live, organisation, person, portal_server, sqlite_only

__all__ = ["live"]  # the portal's shared server, a fixture


@pytest.fixture(autouse=True)
def gazete(live: LiveServer) -> None:
    organisation(live, "gazete")


def cookie_header(answer: object, name: str) -> str:
    found = [c for c in answer.headers.get_list("set-cookie") if c.startswith(name + "=")]  # type: ignore[attr-defined]
    assert len(found) == 1, found
    return found[0]


def test_a_user_signs_in_reads_and_signs_out(live: LiveServer) -> None:
    person(live, "ayse@gazete.example", "gazete")
    visitor = Visitor.at(live)
    away = visitor.get("/portal/")
    assert away.status_code == 303 and away.headers["location"] == "/portal/login?next=%2Fportal%2F"
    answer = visitor.sign_in("Ayse@Gazete.example ")
    assert answer.status_code == 303 and answer.headers["location"] == "/portal/"
    cookie = cookie_header(answer, "nw_session")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http on loopback, no TLS setting
    home = visitor.get("/portal/")
    assert home.status_code == 200 and "<bdi>ayse@gazete.example</bdi> (<bdi>gazete</bdi>)" in home.text
    assert "script-src 'self'" in home.headers["content-security-policy"]
    assert home.headers["cache-control"] == "no-store" and home.headers["x-frame-options"] == "DENY"
    token = visitor.client.cookies["nw_session"]

    out = visitor.post("/portal/logout", {}, csrf_from="/portal/")
    assert out.status_code == 303 and out.headers["location"] == "/portal/login?signed_out=1"
    assert "You are signed out." in visitor.get(out.headers["location"]).text
    # The session ended on the server: its token, replayed, opens nothing.
    replay = Visitor.at(live)
    replay.client.cookies.set("nw_session", token)
    assert replay.get("/portal/").status_code == 303


def test_signing_in_again_ends_the_earlier_session(live: LiveServer) -> None:
    person(live, "one@gazete.example", "gazete")
    person(live, "two@gazete.example", "gazete")
    visitor = Visitor.at(live).signed_in("one@gazete.example")
    earlier = visitor.client.cookies["nw_session"]
    visitor.signed_in("two@gazete.example")
    assert "<bdi>two@gazete.example</bdi>" in visitor.get("/portal/").text
    replay = Visitor.at(live)
    replay.client.cookies.set("nw_session", earlier)
    assert replay.get("/portal/").status_code == 303


def test_secure_cookie_behind_tls_per_setting(live: LiveServer, tmp_path: object) -> None:
    sqlite_only(live, "this test starts a server of its own")
    with portal_server(f"sqlite:///{tmp_path}/tls.db", secure_cookies=True) as server:
        organisation(server, "tls-org")
        person(server, "t@tls.example", "tls-org")
        visitor = Visitor.at(server)
        form = visitor.get("/portal/login")
        assert "Secure" in cookie_header(form, "nw_csrf")
        # A client keeps Secure cookies for https; this test plays the TLS proxy and hands it back.
        visitor.client.cookies.set("nw_csrf", cookie_header(form, "nw_csrf").split(";")[0].split("=", 1)[1])
        assert "Secure" in cookie_header(visitor.sign_in("t@tls.example"), "nw_session")


def test_forms_without_the_csrf_token_or_from_another_origin_are_refused(live: LiveServer) -> None:
    person(live, "csrf@gazete.example", "gazete")
    visitor = Visitor.at(live)
    assert visitor.post("/portal/login", {"email": "csrf@gazete.example", "password": PASSWORD}).status_code == 403
    token = visitor.csrf()
    wrong = visitor.post("/portal/login", {"email": "csrf@gazete.example", "password": PASSWORD, "csrf": "x" * 43})
    assert wrong.status_code == 403
    foreign = visitor.post("/portal/login", {"email": "csrf@gazete.example", "password": PASSWORD, "csrf": token},
                           headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403 and "nw_session" not in visitor.client.cookies
    visitor.signed_in("csrf@gazete.example")
    # Signed in, the session's own token is required: a forged sign-out does nothing.
    assert visitor.post("/portal/logout", {}).status_code == 403
    assert visitor.post("/portal/logout", {"csrf": token}).status_code == 403
    assert visitor.get("/portal/").status_code == 200


def test_failures_say_the_same_for_unknown_and_wrong_and_slow_down(live: LiveServer) -> None:
    person(live, "slow@gazete.example", "gazete")
    visitor = Visitor.at(live)
    unknown = visitor.sign_in("nobody@gazete.example", "whatever-password")
    wrong = visitor.sign_in("slow@gazete.example", "not-the-password")
    assert unknown.status_code == wrong.status_code == 401
    assert "The email or password is not right." in unknown.text and "The email or password is not right." in wrong.text
    for _ in range(3):  # three free failures, then every failure doubles a waiting time
        assert visitor.sign_in("slow@gazete.example", "not-the-password").status_code == 401
    refused = visitor.sign_in("slow@gazete.example")  # the right password, too soon
    assert refused.status_code == 429 and "Try again in" in refused.text
    assert 1 <= int(refused.headers["retry-after"]) <= 2
    # The same answer for a name that does not exist once it is tried as often (no enumeration).
    for _ in range(4):
        visitor.sign_in("ghost@gazete.example", "whatever-password")
    assert visitor.sign_in("ghost@gazete.example", "whatever-password").status_code == 429
    # Never a lockout: after the wait, the right password works, and clears the account's count.
    time.sleep(int(refused.headers["retry-after"]) + 0.1)
    assert visitor.sign_in("slow@gazete.example").status_code == 303
    assert users.throttle_wait(live.wire.engine, ["account:slow@gazete.example"]) == 0


def test_a_busy_address_is_slowed_across_accounts(live: LiveServer) -> None:
    visitor = Visitor.at(live)
    engine = live.wire.engine
    users.record_failure(engine, {"address:127.0.0.1": users.ADDRESS_POLICY})  # attempts already made
    for _ in range(users.ADDRESS_POLICY.free):
        users.record_failure(engine, {"address:127.0.0.1": users.ADDRESS_POLICY})
    person(live, "fresh@gazete.example", "gazete")
    assert visitor.sign_in("fresh@gazete.example").status_code == 429
    users.clear_failures(engine, "address:127.0.0.1")
    assert visitor.sign_in("fresh@gazete.example").status_code == 303


def test_disabled_users_and_organisations_lose_their_sessions(live: LiveServer) -> None:
    organisation(live, "closing")
    person(live, "gone@closing.example", "closing")
    person(live, "left@gazete.example", "gazete")
    org_user = Visitor.at(live).signed_in("gone@closing.example")
    leaver = Visitor.at(live).signed_in("left@gazete.example")
    users.set_user_disabled(live.wire.engine, "left@gazete.example", True)
    assert leaver.get("/portal/").status_code == 303
    assert Visitor.at(live).sign_in("left@gazete.example").status_code == 401
    accounts.set_subscriber_disabled(live.wire.engine, "closing", True)
    assert org_user.get("/portal/").status_code == 303


def test_staff_users_do_not_enter_the_subscribers_portal(live: LiveServer) -> None:
    users.create_user(live.wire.engine, "staff2@agency.example", subscriber=None, role="editor", password=PASSWORD)
    assert Visitor.at(live).sign_in("staff2@agency.example").status_code == 401


def test_after_sign_in_only_portal_addresses_are_followed(live: LiveServer) -> None:
    person(live, "next@gazete.example", "gazete")
    visitor = Visitor.at(live)
    for target, expected in (("/portal/?language=en", "/portal/?language=en"), ("https://evil.example/", "/portal/"),
                             ("//evil.example/portal/", "/portal/")):
        answer = visitor.post("/portal/login", {"email": "next@gazete.example", "password": PASSWORD,
                                                "next": target}, csrf_from="/portal/login")
        assert answer.headers["location"] == expected
        visitor.client.cookies.clear()


def test_passwords_are_stored_as_argon2id_at_production_cost(live: LiveServer) -> None:
    sqlite_only(live, "hashing is the subject")
    real = PasswordHasher()
    users.HASHER, cheap = real, users.HASHER
    try:
        person(live, "argon@gazete.example", "gazete")
        assert Visitor.at(live).sign_in("argon@gazete.example").status_code == 303
    finally:
        users.HASHER = cheap
    with read_tx(live.wire.engine) as conn:
        stored = conn.execute(select(users_table.c.password_hash)
                              .where(users_table.c.email == "argon@gazete.example")).scalar_one()
    assert stored.startswith("$argon2id$") and "m=65536,t=3,p=4" in stored and PASSWORD not in stored

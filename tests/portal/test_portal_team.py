"""A manager's team page: invite a colleague (link emailed by SMTP, or shown), reset a member's
access, disable and enable a member — of their own organisation only, with CSRF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_keep_store import Inbox, smtpd

from newswire.store import twofactor, users
from newswire.store.secrets import box_for

from conftest import LiveServer
from portalkit import PASSWORD, Visitor, live, organisation, person, portal_server, sqlite_only

__all__ = ["live", "smtpd"]  # fixtures: the portal's shared server, a local SMTP server

_LINK = re.compile(r'id="one-time-link"[^>]*>([^<]+)<')


@pytest.fixture(autouse=True)
def team(live: LiveServer) -> Iterator[None]:
    for org in ("kurum", "baska"):
        organisation(live, org)
        for email, role in ((f"boss@{org}.example", "manager"), (f"staff@{org}.example", "member")):
            try:
                users.get_user(live.wire.engine, email)
            except users.AccountError:
                person(live, email, org, role=role)
    yield


def manager(live: LiveServer, org: str = "kurum") -> Visitor:
    return Visitor.at(live).signed_in(f"boss@{org}.example")


def set_password_through(live: LiveServer, link: str, password: str = "a new long password") -> None:
    path = link[link.index("/portal/"):]
    visitor = Visitor.at(live)
    answer = visitor.post(path, {"password": password, "password_again": password}, csrf_from=path)
    assert answer.status_code == 303 and answer.headers["location"] == "/portal/login?password_set=1", answer.text


def test_a_manager_invites_a_colleague_who_sets_a_password_and_signs_in(live: LiveServer) -> None:
    boss = manager(live)
    page = boss.get("/portal/team")
    assert page.status_code == 200 and "staff@kurum.example" in page.text and "staff@baska.example" not in page.text
    assert '<label for="invite-email">Email</label>' in page.text
    assert '<label for="invite-role">Role</label>' in page.text
    answer = boss.post("/portal/team/invite", {"email": "New@Kurum.example", "role": "manager"},
                       csrf_from="/portal/team")
    assert answer.status_code == 201 and "new@kurum.example is invited." in answer.text
    found = _LINK.search(answer.text)  # no SMTP on this server: the manager hands the link over
    assert found and found.group(1).startswith(live.wire.settings.base_url + "/portal/set-password?token=")
    invited = users.get_user(live.wire.engine, "new@kurum.example")
    assert invited.subscriber == "kurum" and invited.role == "manager" and not invited.has_password
    assert "Invited" in boss.get("/portal/team").text
    set_password_through(live, found.group(1))
    assert Visitor.at(live).sign_in("new@kurum.example", "a new long password").status_code == 303
    # Twice the same address, a staff role, not an address: refused with a reason, nothing made.
    again = boss.post("/portal/team/invite", {"email": "new@kurum.example", "role": "member"},
                      csrf_from="/portal/team")
    assert again.status_code == 409 and "exists" in again.text
    assert boss.post("/portal/team/invite", {"email": "x@kurum.example", "role": "admin"},
                     csrf_from="/portal/team").status_code == 400
    assert boss.post("/portal/team/invite", {"email": "not-an-address", "role": "member"},
                     csrf_from="/portal/team").status_code == 400
    assert [u.email for u in users.list_users(live.wire.engine, "kurum") if u.email.startswith("x@")] == []


def test_members_have_no_team_page_and_managers_reach_only_their_own(live: LiveServer) -> None:
    member = Visitor.at(live).signed_in("staff@kurum.example")
    assert member.get("/portal/team").status_code == 404
    assert member.post("/portal/team/invite", {"email": "sneak@kurum.example", "role": "manager"},
                       csrf_from="/portal/").status_code == 404
    other = users.get_user(live.wire.engine, "staff@baska.example")
    boss = manager(live)
    for path in ("/portal/team/reset", "/portal/team/disable"):
        refused = boss.post(path, {"user": str(other.id)}, csrf_from="/portal/team")
        assert refused.status_code == 404, path
    me = users.get_user(live.wire.engine, "boss@kurum.example")
    assert boss.post("/portal/team/disable", {"user": str(me.id)}, csrf_from="/portal/team").status_code == 404
    assert boss.post("/portal/team/disable", {"user": "99999999"}, csrf_from="/portal/team").status_code == 404
    assert boss.post("/portal/team/disable", {"user": "x"}, csrf_from="/portal/team").status_code == 404
    assert not users.get_user(live.wire.engine, "staff@baska.example").disabled
    assert Visitor.at(live).sign_in("staff@baska.example").status_code == 303  # nothing happened to them


def test_team_forms_need_the_sessions_csrf_token_and_this_origin(live: LiveServer) -> None:
    boss = manager(live)
    token = boss.csrf("/portal/team")
    assert boss.post("/portal/team/invite", {"email": "nocsrf@kurum.example", "role": "member"}).status_code == 403
    assert boss.post("/portal/team/invite", {"email": "nocsrf@kurum.example", "role": "member", "csrf": token},
                     headers={"origin": "https://evil.example"}).status_code == 403
    staff = users.get_user(live.wire.engine, "staff@kurum.example")
    assert boss.post("/portal/team/disable", {"user": str(staff.id), "csrf": "wrong" * 8}).status_code == 403
    assert not any(u.email == "nocsrf@kurum.example" for u in users.list_users(live.wire.engine, "kurum"))
    assert not users.get_user(live.wire.engine, staff.email).disabled


def test_disable_ends_the_members_sessions_and_reset_gives_a_new_way_in(live: LiveServer) -> None:
    engine = live.wire.engine
    member = person(live, "leaving@kurum.example", "kurum")
    reading = Visitor.at(live).signed_in(member.email)
    boss = manager(live)
    off = boss.post("/portal/team/disable", {"user": str(member.id), "disabled": "1"}, csrf_from="/portal/team")
    assert off.status_code == 200 and "leaving@kurum.example is disabled." in off.text
    assert reading.get("/portal/").status_code == 303
    assert Visitor.at(live).sign_in(member.email).status_code == 401
    on = boss.post("/portal/team/disable", {"user": str(member.id), "disabled": "0"}, csrf_from="/portal/team")
    assert on.status_code == 200 and not users.get_user(engine, member.email).disabled
    # The member lost both phone and password: a reset ends their sessions, removes the second
    # factor and makes a new one-time link; the old password still works until the link is used.
    box = box_for(live.wire.settings)
    secret = twofactor.begin(engine, box, member.id)
    assert twofactor.confirm(engine, box, member.id, twofactor.code_at(secret, twofactor.step_of()))
    reading = Visitor.at(live)
    reading.client.cookies.set("nw_session", users.create_session(engine, member.id)[0])
    assert reading.get("/portal/").status_code == 200
    reset = boss.post("/portal/team/reset", {"user": str(member.id)}, csrf_from="/portal/team")
    assert reset.status_code == 200 and "A new link for leaving@kurum.example" in reset.text
    found = _LINK.search(reset.text)
    assert found and reading.get("/portal/").status_code == 303
    assert not twofactor.enabled(engine, member.id)
    set_password_through(live, found.group(1), "after the reset 123")
    assert Visitor.at(live).sign_in(member.email, "after the reset 123").status_code == 303
    assert Visitor.at(live).sign_in(member.email, PASSWORD).status_code == 401


def test_the_link_goes_out_by_email_when_smtp_is_configured(live: LiveServer, tmp_path: Path,
                                                            smtpd: tuple[Inbox, int]) -> None:
    sqlite_only(live, "the mail is the subject")
    inbox, port = smtpd
    with portal_server(f"sqlite:///{tmp_path / 'wire.db'}", smtp_url=f"smtp://127.0.0.1:{port}",
                       smtp_from="Wire <wire@agency.example>", base_url="http://wire.example") as mailing:
        organisation(mailing, "kurum")
        person(mailing, "boss@kurum.example", "kurum", role="manager")
        boss = Visitor.at(mailing).signed_in("boss@kurum.example")
        answer = boss.post("/portal/team/invite?lang=tr", {"email": "yeni@kurum.example", "role": "member"},
                           csrf_from="/portal/team?lang=tr")
        assert answer.status_code == 201 and "yeni@kurum.example davet edildi." in answer.text
        assert "e-postayla gönderildi" in answer.text and not _LINK.search(answer.text)  # not shown: emailed
        [(to, message)] = inbox.messages
        assert to == ["yeni@kurum.example"] and message["From"] == "Wire <wire@agency.example>"
        assert message["Subject"] == "kurum haber akışına erişiminiz"  # in the inviter's language
        text = message.get_content()  # type: ignore[attr-defined]
        link = next(line for line in text.splitlines() if line.startswith("http://wire.example/portal/set-password"))
        set_password_through(mailing, link)
        assert Visitor.at(mailing).sign_in("yeni@kurum.example", "a new long password").status_code == 303
        # A reset goes out by email too.
        member = users.get_user(mailing.wire.engine, "yeni@kurum.example")
        assert boss.post("/portal/team/reset", {"user": str(member.id)}, csrf_from="/portal/team").status_code == 200
        assert len(inbox.messages) == 2 and inbox.messages[1][0] == ["yeni@kurum.example"]

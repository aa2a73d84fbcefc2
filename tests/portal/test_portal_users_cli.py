"""``newswire user create|list|disable|reset`` and the one-time link it prints, used in a browser
session against the running portal (the command runs in-process on the server's database)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from typer.testing import CliRunner, Result

from newswire.cli import app
from newswire.store import users

from conftest import LiveServer
from portalkit import PASSWORD, Visitor, live, organisation, sqlite_only

__all__ = ["live"]  # the portal's shared server, a fixture


@pytest.fixture(autouse=True)
def agency(live: LiveServer) -> None:
    sqlite_only(live, "the store's user code runs on both in test_portal_sign_in; here the command line is tested")
    organisation(live, "haberler")


def newswire(live: LiveServer, *args: str, stdin: str | None = None) -> Result:
    env = {"NEWSWIRE_DATABASE_URL": live.wire.settings.database_url,
           "NEWSWIRE_DATA_DIR": str(live.wire.settings.data_dir), "COLUMNS": "200"}
    return CliRunner().invoke(app, list(args), input=stdin, env=env)


def test_create_with_a_password_from_stdin_list_and_disable(live: LiveServer) -> None:
    made = newswire(live, "user", "create", "Editor@Haberler.example", "--subscriber", "haberler", "--role",
                    "manager", "--password-stdin", stdin=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    assert "set-password" not in made.output  # no link when the password was given
    listed = newswire(live, "user", "list", "--subscriber", "haberler")
    assert re.search(r"editor@haberler\.example\s*│\s*haberler\s*│\s*manager\s*│\s*set", listed.output), listed.output
    visitor = Visitor.at(live).signed_in("editor@haberler.example")
    assert newswire(live, "user", "disable", "editor@haberler.example").exit_code == 0
    assert visitor.get("/portal/").status_code == 303  # the session ended with the user
    assert Visitor.at(live).sign_in("editor@haberler.example").status_code == 401


def test_bad_requests_fail_with_a_reason(live: LiveServer) -> None:
    for args, reason in ((("x@haberler.example", "--subscriber", "no-such-org"), "No subscriber"),
                         (("y@haberler.example", "--subscriber", "haberler", "--role", "editor"), "member, manager"),
                         (("not-an-address", "--subscriber", "haberler"), "not an email address")):
        answer = newswire(live, "user", "create", *args)
        assert answer.exit_code == 1 and reason in answer.output, answer.output
    short = newswire(live, "user", "create", "z@haberler.example", "--subscriber", "haberler", "--password-stdin",
                     stdin="short\n")
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    newswire(live, "user", "create", "twice@haberler.example", "--subscriber", "haberler")
    assert "exists" in newswire(live, "user", "create", "TWICE@haberler.example", "--subscriber", "haberler").output
    assert newswire(live, "user", "disable", "nobody@haberler.example").exit_code == 1


def test_the_one_time_link_sets_the_password_once(live: LiveServer) -> None:
    made = newswire(live, "user", "create", "new@haberler.example", "--subscriber", "haberler")
    assert made.exit_code == 0
    link = re.search(r"http://\S+/portal/set-password\?token=(\S+)", made.output)
    assert link, made.output
    path = f"/portal/set-password?token={link.group(1)}"
    assert Visitor.at(live).sign_in("new@haberler.example", "").status_code == 401  # no password yet
    visitor = Visitor.at(live)
    form = visitor.get(path)
    assert form.status_code == 200 and "new@haberler.example" in form.text
    # Without the form's token nothing is set; two different passwords are refused.
    assert visitor.post(path, {"password": PASSWORD, "password_again": PASSWORD}).status_code == 403
    differ = visitor.post(path, {"password": PASSWORD, "password_again": PASSWORD + "!"}, csrf_from=path)
    assert differ.status_code == 400 and "differ" in differ.text
    done = visitor.post(path, {"password": PASSWORD, "password_again": PASSWORD}, csrf_from=path)
    assert done.status_code == 303 and done.headers["location"] == "/portal/login?password_set=1"
    assert "Your password is set" in visitor.get(done.headers["location"]).text
    assert visitor.get(path).status_code == 404  # used once
    Visitor.at(live).signed_in("new@haberler.example")
    # The stored token is a hash: the link's token is nowhere in the store.
    with live.wire.engine.connect() as conn:
        dumped = "\n".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM user_links"))
    assert link.group(1) not in dumped
    # A reset link replaces it; an invented one opens nothing.
    reset = newswire(live, "user", "reset", "new@haberler.example")
    assert "/portal/set-password?token=" in reset.output
    assert Visitor.at(live).get("/portal/set-password?token=invented").status_code == 404


def test_an_expired_link_opens_nothing(live: LiveServer) -> None:
    user = users.create_user(live.wire.engine, "late@haberler.example", subscriber="haberler", role="member")
    token = users.issue_link(live.wire.engine, user.id, ttl=timedelta(seconds=-1))
    page = Visitor.at(live).get(f"/portal/set-password?token={token}")
    assert page.status_code == 404 and "not valid any more" in page.text

"""Staff users from the command line (``newswire user create EMAIL --role editor
--password-stdin``) sign in at the desk; ``make run``'s demo editor too."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from newswire.cli import app
from newswire.portal.cli import DEMO_EDITOR, demo_user
from newswire.store import users

from conftest import LiveServer
from deskkit import PASSWORD, Visitor, live, sqlite_only

__all__ = ["live"]  # the portal's shared server, a fixture: the desk is on the same app


def newswire(live: LiveServer, *args: str, stdin: str | None = None) -> Result:
    env = {"NEWSWIRE_DATABASE_URL": live.wire.settings.database_url,
           "NEWSWIRE_DATA_DIR": str(live.wire.settings.data_dir), "COLUMNS": "200"}
    return CliRunner().invoke(app, list(args), input=stdin, env=env)


def signs_in(live: LiveServer, email: str, password: str) -> bool:
    answer = Visitor.at(live).post("/desk/login", {"email": email, "password": password}, csrf_from="/desk/login")
    return answer.status_code == 303


def test_a_staff_editor_made_on_the_command_line_signs_in_at_the_desk(live: LiveServer) -> None:
    sqlite_only(live, "the command line is the subject")
    made = newswire(live, "user", "create", "Desk.Editor@Agency.example", "--role", "editor", "--password-stdin",
                    stdin=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    assert "(editor) created" in made.output
    assert signs_in(live, "desk.editor@agency.example", PASSWORD)
    wrong = newswire(live, "user", "create", "x@agency.example", "--role", "member", "--password-stdin",
                     stdin=PASSWORD + "\n")
    assert wrong.exit_code == 1 and "reporter, editor, chief, admin" in wrong.output


def test_the_demo_makes_an_editor_with_a_fresh_password_each_run(live: LiveServer) -> None:
    sqlite_only(live, "the demo is the subject")
    email, first = demo_user(live.wire.engine, None, DEMO_EDITOR, "editor")
    user = users.get_user(live.wire.engine, email)
    assert user.staff and user.role == "editor"
    assert signs_in(live, email, first)
    again, second = demo_user(live.wire.engine, None, DEMO_EDITOR, "editor")
    assert again == email and second != first
    assert signs_in(live, email, second) and not signs_in(live, email, first)

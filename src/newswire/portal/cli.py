"""``newswire user``: people who sign in to the portal (subscribers' users) and the desk (staff)."""

from __future__ import annotations

import secrets
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from newswire.config import Settings
from newswire.store import users
from newswire.store.accounts import AccountError
from newswire.wire import Wire

user_app = typer.Typer(help="People who sign in to the portal and the desk.", no_args_is_help=True)
err = Console(stderr=True)


def _engine() -> tuple[Engine, Settings]:
    settings = Settings.from_env()
    return Wire.open(settings).engine, settings


def _fail(exc: AccountError) -> typer.Exit:
    err.print(f"[red]{exc.detail}[/red]")
    return typer.Exit(1)


def set_password_link(settings: Settings, token: str) -> str:
    return f"{settings.base_url}/portal/set-password?token={token}"


@user_app.command("create")
def user_create(
    email: str,
    subscriber: Annotated[str | None, typer.Option(help="The subscriber organisation the user belongs to "
                                                   "(none: a staff user, for the desk).")] = None,
    role: Annotated[str, typer.Option(help="member or manager; staff: reporter, editor, chief or admin.")]
    = "member",
    password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                 help="Read the password from stdin instead of printing a link.")]
    = False,
) -> None:
    """Create a user; print a one-time link to set the password (or read it from stdin)."""
    engine, settings = _engine()
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    try:
        user = users.create_user(engine, email, subscriber=subscriber, role=role, password=password)
    except AccountError as exc:
        raise _fail(exc) from exc
    err.print(f"User {user.email} ({user.role}{f' of {user.subscriber}' if user.subscriber else ''}) created.")
    if password is None:
        _print_link(engine, settings, user.id)


@user_app.command("reset")
def user_reset(email: str) -> None:
    """Print a new one-time link to set the user's password (earlier links stop working)."""
    engine, settings = _engine()
    try:
        user = users.get_user(engine, email)
    except AccountError as exc:
        raise _fail(exc) from exc
    _print_link(engine, settings, user.id)


def _print_link(engine: Engine, settings: Settings, user_id: int) -> None:
    token = users.issue_link(engine, user_id)
    hours = int(users.LINK_TTL.total_seconds() // 3600)
    err.print(f"One-time link to set the password (valid {hours} hours, once):")
    typer.echo(set_password_link(settings, token))


@user_app.command("two-step")
def user_two_step(
    email: str,
    off: Annotated[bool, typer.Option("--off", help="Remove the user's second factor (a lost phone); "
                                                    "their sessions end.")] = False,
) -> None:
    """Turn two-step sign-in on for a user (staff too): print the key and its otpauth:// address,
    read the app's code from stdin, print the recovery codes once."""
    from newswire.store import twofactor
    from newswire.store.secrets import box_for

    engine, settings = _engine()
    try:
        user = users.get_user(engine, email)
    except AccountError as exc:
        raise _fail(exc) from exc
    if off:
        twofactor.remove(engine, user.id)
        twofactor.end_sessions(engine, user.id)
        err.print(f"Two-step sign-in of {user.email} is off; their sessions ended.")
        return
    try:
        secret = twofactor.begin(engine, box_for(settings), user.id)
    except AccountError as exc:
        raise _fail(AccountError("Two-step sign-in is already on for this user (--off first).")) from exc
    err.print("Add this key to the authenticator app (or open the address), then type the code it shows:")
    typer.echo(secret)
    typer.echo(twofactor.otpauth_uri(secret, user.email, settings.agency_name))
    codes = twofactor.confirm(engine, box_for(settings), user.id, sys.stdin.readline())
    if codes is None:
        raise _fail(AccountError("The code is not right: run the command again."))
    err.print("Two-step sign-in is on. Recovery codes, each good once (shown only now):")
    for code in codes:
        typer.echo(code)


@user_app.command("list")
def user_list(
    subscriber: Annotated[str | None, typer.Option(help="Only this organisation's users.")] = None,
) -> None:
    """List users."""
    engine, _ = _engine()
    table = Table("email", "organisation", "role", "password", "disabled", "last sign-in")
    for user in users.list_users(engine, subscriber):
        table.add_row(user.email, user.subscriber or "(staff)", user.role, "set" if user.has_password else "not yet",
                      "yes" if user.disabled else "",
                      user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "")
    Console(width=200).print(table)


@user_app.command("disable")
def user_disable(email: str) -> None:
    """Disable a user: their sessions end at once."""
    _set_disabled(email, True)
    err.print(f"User {email} disabled; their sessions ended.")


@user_app.command("enable")
def user_enable(email: str) -> None:
    """Enable a disabled user again."""
    _set_disabled(email, False)
    err.print(f"User {email} enabled.")


def _set_disabled(email: str, disabled: bool) -> None:
    engine, _ = _engine()
    try:
        users.set_user_disabled(engine, email, disabled)
    except AccountError as exc:
        raise _fail(exc) from exc


DEMO_EMAIL = "reader@demo-newsroom.example"
DEMO_EDITOR = "editor@newswire-desk.example"


def demo_user(engine: Engine, subscriber: str | None, email: str = DEMO_EMAIL, role: str = "manager"
              ) -> tuple[str, str]:
    """A user (of the demo subscriber, or staff) with a fresh random password (for ``make run``)."""
    password = secrets.token_urlsafe(12)
    try:
        user = users.get_user(engine, email)
    except AccountError:
        users.create_user(engine, email, subscriber=subscriber, role=role, password=password)
        return email, password
    users.set_password(engine, user.id, password)
    return email, password

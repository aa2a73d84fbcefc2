"""IMAP mailbox sources against a real IMAP server (pymap) on loopback: a press release by
mail becomes a story once, whatever the re-polls and restarts; bad messages are errors of
their own; a mailbox that cannot be reached is an error on the source with backoff."""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from mailserver import PASSWORD, USER, MailServer, press_release, pymap_server, tls_front
from typer.testing import CliRunner

from newswire.cli import app
from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.health import health
from newswire.sources.mailbox import MailboxLimits, message_to_partner, poll_mailbox
from newswire.sources.model import credentials_text, wire_uri
from newswire.sources.scheduler import PollReport, SourcePoller
from newswire.store import items as items_store
from newswire.store.secrets import box_for
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import open_wire, start_server

RELEASE = press_release(
    "<pr-2026-114@ministry.example>", "=?utf-8?q?Port_of_Saint-Na=C3=AFre_to_reopen?=",
    "The ministry said on Thursday that the port\nwill reopen on Monday.\n\n"
    "Ships will be admitted from 06:00.\n-- \nPress office, +33 1 00 00 00\n",
    html="<p>The ministry said...</p>", language="en",
    attachments=(("harbour.jpg", "image/jpeg"), ("release.pdf", "application/pdf")))


@pytest.fixture(scope="module")
def mail() -> Iterator[MailServer]:
    with pymap_server() as server:
        yield server


@pytest.fixture
def sqlite_wire(tmp_path: Path) -> Iterator[Wire]:
    w = open_wire(f"sqlite:///{tmp_path / 'wire.db'}")
    yield w
    w.close()


def add_mailbox(wire: Wire, name: str, url: str, *, password: str = PASSWORD, **kw: object) -> None:
    sealed = box_for(wire.settings).seal(credentials_text(USER, password))
    sources_store.add_source(wire.engine, name, "imap", url=url, credentials=sealed, **kw)  # type: ignore[arg-type]


def poll(wire: Wire, later: float = 0, *, poller: SourcePoller | None = None) -> list[PollReport]:
    p = poller or SourcePoller(wire, allow_private=True)
    return asyncio.run(p.poll_due(now=utcnow() + timedelta(seconds=later)))


def test_press_release_becomes_one_story_across_repolls_restarts_and_new_mail(db_url: str, mail: MailServer) -> None:
    wire = open_wire(db_url)
    try:
        box = mail.new_mailbox()
        mail.deliver(box, RELEASE)
        add_mailbox(wire, "ministry", mail.url(box), interval=60, language="fr")
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 1, report
        item = items_store.get_item(wire.engine, wire_uri("ministry", "pr-2026-114@ministry.example"))
        assert item is not None
        assert item.headline == "Port of Saint-Naïre to reopen"
        assert item.body_html == ("<p>The ministry said on Thursday that the port will reopen on Monday.</p>"
                                  "<p>Ships will be admitted from 06:00.</p>")  # plain preferred, no signature
        assert item.by == "Ministry Press Office" and item.language == "en"
        assert item.ed_note == ("Attachments not carried by the wire: harbour.jpg (image/jpeg); "
                                "release.pdf (application/pdf).")
        assert any(c.name == "ministry" and c.rel == "partner" for c in item.info_sources)
        assert mail.seen(box) == [False]  # read with BODY.PEEK[] in a read-only session

        [again] = poll(wire, 120)
        [restarted] = poll(wire, 240, poller=SourcePoller(wire, allow_private=True, owner="another-node"))
        assert again.ok and restarted.ok
        assert again.outcome.changed == restarted.outcome.changed == 0 and items_store.last_seq(wire.engine) == 1

        mail.deliver(box, press_release("<pr-2026-115@ministry.example>", "Second release", "New text."))
        [newer] = poll(wire, 360)
        assert newer.outcome.published == 1 and newer.outcome.unchanged == 0
        second = items_store.get_item(wire.engine, wire_uri("ministry", "pr-2026-115@ministry.example"))
        assert second is not None and second.language == "fr"  # the source's language: the mail names none
        assert items_store.last_seq(wire.engine) == 2
    finally:
        wire.close()


def test_html_only_mail_is_sanitized(sqlite_wire: Wire, mail: MailServer) -> None:
    box = mail.new_mailbox()
    mail.deliver(box, press_release(None, "Festival programme", None, html=(
        "<html><head><style>p{color:red}</style></head><body><p>See <a href='https://fest.example/' "
        "onclick='steal()'>the programme</a>.</p><script>track()</script>"
        "<img src='https://tracker.example/open.gif'></body></html>")))
    add_mailbox(sqlite_wire, "fest", mail.url(box), interval=60)
    [report] = poll(sqlite_wire)
    assert report.ok and report.outcome.published == 1, report
    [event] = items_store.events_after(sqlite_wire.engine, 0, 10)
    item = items_store.get_item(sqlite_wire.engine, event[0].uri)
    assert item is not None and item.headline == "Festival programme"
    assert 'href="https://fest.example/"' in item.body_html and "the programme" in item.body_html
    for gone in ("script", "track()", "onclick", "<img", "tracker.example", "color:red"):
        assert gone not in item.body_html


def test_malformed_and_oversize_messages_are_errors_of_their_own(tmp_path: Path, mail: MailServer) -> None:
    wire = open_wire(f"sqlite:///{tmp_path / 'wire.db'}", source_max_bytes=20_000)
    try:
        box = mail.new_mailbox()
        mail.deliver(box, b"this is not a mail \x00\xff\r\n",
                     press_release("<big@x.example>", "Huge", "word " * 10_000),
                     press_release("<ok@x.example>", "Readable", "Fine."))
        add_mailbox(wire, "mixed", mail.url(box), interval=60)
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 1, report
        errors = report.outcome.errors
        assert len(errors) == 2 and "no From, Date or Message-ID" in errors[0] and "limit is 20000" in errors[1]
        assert "limit is 20000" in (health(wire.engine, "mixed")["lastError"] or "")
        [next_poll] = poll(wire, 120)  # refused messages are not read again
        assert next_poll.ok and next_poll.outcome.errors == [] and next_poll.outcome.changed == 0
    finally:
        wire.close()


def test_a_message_larger_than_announced_is_cut_off_at_the_limit(
        tmp_path: Path, mail: MailServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from newswire.sources import mailbox

    monkeypatch.setattr(mailbox, "_sizes", lambda conn, uids: {})  # a server that announces no sizes
    wire = open_wire(f"sqlite:///{tmp_path / 'wire.db'}", source_max_bytes=20_000)
    try:
        box = mail.new_mailbox()
        mail.deliver(box, press_release("<big@x.example>", "Huge", "word " * 10_000),
                     press_release("<ok@x.example>", "Readable", "Fine."))
        add_mailbox(wire, "quiet", mail.url(box), interval=60)
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 1
        [error] = report.outcome.errors
        assert "larger than the limit of 20000 bytes" in error
    finally:
        wire.close()


def test_wrong_password_is_an_error_on_the_source_with_backoff(sqlite_wire: Wire, mail: MailServer) -> None:
    box = mail.new_mailbox()
    mail.deliver(box, RELEASE)
    add_mailbox(sqlite_wire, "locked", mail.url(box), password="not-the-password", interval=60)
    [report] = poll(sqlite_wire)
    assert not report.ok and "AUTHENTICATIONFAILED" in (report.error or "") and "not-the-password" not in report.error
    row = sources_store.health_row(sqlite_wire.engine, "locked")
    assert row["failures"] == 1 and row["state"] in (None, "{}")
    assert (items_store.as_utc(row["next_poll_at"]) - utcnow()).total_seconds() > 60 * 1.4  # backed off
    assert health(sqlite_wire.engine, "locked")["lastError"] == report.error
    assert items_store.last_seq(sqlite_wire.engine) == 0


def test_unreachable_private_or_unverified_mailboxes_are_errors_not_crashes(
        sqlite_wire: Wire, mail: MailServer) -> None:
    box = mail.new_mailbox()
    add_mailbox(sqlite_wire, "inside", mail.url(box), interval=60)
    add_mailbox(sqlite_wire, "tls", mail.url(box, scheme="imaps"), interval=60)
    refused = poll(sqlite_wire, poller=SourcePoller(sqlite_wire, allow_private=False))
    assert [r.ok for r in refused] == [False, False]
    assert all("refused: the host does not resolve to a public address" in (r.error or "") for r in refused)
    reports = {r.source: r for r in poll(sqlite_wire, 300)}  # private addresses allowed now
    assert reports["inside"].ok
    assert not reports["tls"].ok and "SSL" in (reports["tls"].error or "")  # imaps:// to a plain-text server
    assert sources_store.health_row(sqlite_wire.engine, "tls")["failures"] == 2


def test_imaps_verifies_the_server_certificate(sqlite_wire: Wire, mail: MailServer, tmp_path: Path) -> None:
    box = mail.new_mailbox()
    mail.deliver(box, RELEASE)
    with tls_front(mail.port, tmp_path) as (port, certificate):
        add_mailbox(sqlite_wire, "tls", f"imaps://127.0.0.1:{port}/{box}", interval=60)
        [untrusted] = poll(sqlite_wire)  # the system's trust store does not know the test certificate
        assert not untrusted.ok and "CERTIFICATE_VERIFY_FAILED" in (untrusted.error or "")
        trusted = asyncio.run(poll_mailbox(
            sqlite_wire, sources_store.get_source(sqlite_wire.engine, "tls"), {}, credentials=(USER, PASSWORD),
            limits=MailboxLimits(5.0, 1_000_000, 100), allow_private=True,
            context=ssl.create_default_context(cafile=str(certificate))))
        assert trusted.outcome.published == 1 and trusted.state["last_uid"] > 0


def test_a_backlog_is_read_a_few_at_a_time_and_a_new_uidvalidity_rereads(tmp_path: Path, mail: MailServer) -> None:
    wire = open_wire(f"sqlite:///{tmp_path / 'wire.db'}", source_max_items=2)
    try:
        box = mail.new_mailbox()
        mail.deliver(box, *(press_release(f"<b{n}@x.example>", f"Release {n}", f"Text {n}.") for n in range(5)))
        add_mailbox(wire, "backlog", mail.url(box), interval=60)
        published = [poll(wire, later)[0].outcome.published for later in (0, 120, 240, 360)]
        assert published == [2, 2, 1, 0] and items_store.last_seq(wire.engine) == 5
        state = json.loads(sources_store.health_row(wire.engine, "backlog")["state"])
        mail.recreate(box)  # the server renumbers: a new UIDVALIDITY
        mail.deliver(box, press_release("<b0@x.example>", "Release 0", "Text 0."),
                     press_release("<b9@x.example>", "Release 9", "Text 9."))
        [reread] = poll(wire, 480)
        assert reread.outcome.unchanged == 1 and reread.outcome.published == 1
        after = json.loads(sources_store.health_row(wire.engine, "backlog")["state"])
        assert after["uidvalidity"] != state["uidvalidity"] and items_store.last_seq(wire.engine) == 6
    finally:
        wire.close()


def test_api_requires_credentials_for_imap_and_never_returns_the_password(sqlite_wire: Wire) -> None:
    live = start_server(sqlite_wire)
    try:
        admin = {"Authorization": f"Bearer {create_token(sqlite_wire.engine, 'admin')}"}
        creds = {"username": "desk", "password": "hunter2-secret"}

        def add(**body: object) -> httpx.Response:
            return httpx.post(f"{live.url}/v1/admin/sources", headers=admin, json={"kind": "imap", **body})

        bare = add(name="mail", url="imaps://93.184.216.34/INBOX")
        assert bare.status_code == 422 and "credentials" in bare.json()["detail"]
        inside = add(name="mail", url="imap://127.0.0.1:1143/INBOX", credentials=creds)
        assert inside.status_code == 422 and "NEWSWIRE_SOURCES_ALLOW_PRIVATE" in inside.json()["detail"]
        in_url = add(name="mail", url="imaps://desk:hunter2-secret@93.184.216.34/", credentials=creds)
        assert in_url.status_code == 422 and "hunter2" not in in_url.text
        assert add(name="mail", url="https://93.184.216.34/", credentials=creds).status_code == 422
        made = add(name="mail", url="imaps://93.184.216.34/Press%20releases", credentials=creds)
        assert made.status_code == 201, made.text
        assert made.json()["hasCredentials"] is True and made.json()["interval"] == 60
        shown = httpx.get(f"{live.url}/v1/admin/sources/mail", headers=admin)
        listed = httpx.get(f"{live.url}/v1/admin/sources", headers=admin)
        for response in (made, shown, listed):
            assert "hunter2" not in response.text and "credentials" not in response.text
    finally:
        live.stop()


def test_cli_takes_the_password_from_stdin_and_the_mailbox_is_polled(
        tmp_path: Path, mail: MailServer, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    monkeypatch.setenv("NEWSWIRE_DATABASE_URL", url)
    monkeypatch.setenv("NEWSWIRE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSWIRE_SOURCE_PASSWORD", raising=False)
    box = mail.new_mailbox()
    mail.deliver(box, RELEASE)
    run = CliRunner().invoke
    add = ["source", "add", "pr", "--kind", "imap", "--url", mail.url(box)]
    refused = run(app, add)
    assert refused.exit_code == 1 and "credentials" in refused.output
    assert run(app, [*add, "--username", USER]).exit_code == 1  # no password anywhere
    added = run(app, [*add, "--username", USER, "--password-stdin"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert json.loads(added.output)["hasCredentials"] is True and PASSWORD not in added.output
    wire = open_wire(url, data_dir=tmp_path)  # the same key file the CLI sealed with
    try:
        [report] = poll(wire)
        assert report.ok and report.outcome.published == 1, report
    finally:
        wire.close()


def test_a_message_without_message_id_has_a_stable_guid() -> None:
    raw = press_release(None, "No id", "Body.")
    assert message_to_partner(raw).guid == message_to_partner(raw).guid
    assert message_to_partner(raw).guid.startswith("mail:")
    other = press_release(None, "No id", "Body.", date="Fri, 04 Dec 2026 10:00:00 +0100")
    assert message_to_partner(other).guid != message_to_partner(raw).guid

"""A real IMAP server for the tests (pymap, in-memory), and mail the way partners send it."""

from __future__ import annotations

import imaplib
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage

USER = "desk"
PASSWORD = "pr-inbox-pass"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class MailServer:
    port: int
    user: str = USER
    password: str = PASSWORD

    def url(self, mailbox: str, scheme: str = "imap") -> str:
        return f"{scheme}://127.0.0.1:{self.port}/{mailbox}"

    @contextmanager
    def session(self) -> Iterator[imaplib.IMAP4]:
        with imaplib.IMAP4("127.0.0.1", self.port, timeout=5) as conn:
            conn.login(self.user, self.password)
            yield conn

    def new_mailbox(self) -> str:
        name = f"pr-{uuid.uuid4().hex[:8]}"
        with self.session() as conn:
            assert conn.create(name)[0] == "OK"
        return name

    def deliver(self, mailbox: str, *messages: bytes) -> None:
        """What a mail delivery agent does: APPEND each message."""
        with self.session() as conn:
            for raw in messages:
                typ, data = conn.append(mailbox, None, None, raw)
                assert typ == "OK", data

    def recreate(self, mailbox: str) -> None:
        """Delete the mailbox and make it again: its UIDVALIDITY changes."""
        with self.session() as conn:
            assert conn.delete(mailbox)[0] == "OK"
            assert conn.create(mailbox)[0] == "OK"

    def seen(self, mailbox: str) -> list[bool]:
        with self.session() as conn:
            conn.select(mailbox, readonly=True)
            _, data = conn.fetch("1:*", "(FLAGS)")
        return [b"\\Seen" in line for line in data if isinstance(line, bytes)]


@contextmanager
def pymap_server() -> Iterator[MailServer]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from pymap.main import main; main()", "--host", "127.0.0.1", "--port", str(port),
         "dict", "--demo-user", USER, "--demo-password", PASSWORD],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    if sock.recv(64).startswith(b"* OK"):
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pymap did not start: {proc.stderr.read() if proc.stderr else ''!r}")
            time.sleep(0.05)
        yield MailServer(port)
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def press_release(message_id: str | None, subject: str, text: str | None, *, html: str | None = None,
                  sender: str = "Ministry Press Office <press@ministry.example>",
                  date: str = "Thu, 03 Dec 2026 10:00:00 +0100", language: str | None = None,
                  attachments: tuple[tuple[str, str], ...] = ()) -> bytes:
    """A press release by mail: plain text, HTML or both, attachments (name, mime type)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "desk@agency.example"
    msg["Subject"] = subject
    msg["Date"] = date
    if message_id:
        msg["Message-ID"] = message_id
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    for name, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(b"\x89PNG fake bytes", maintype=maintype, subtype=subtype, filename=name)
    if language:
        msg["Content-Language"] = language  # after the parts are made (they would take it along)
    return msg.as_bytes()

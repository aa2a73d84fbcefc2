"""A real IMAP server for the tests (pymap, in-memory), and mail the way partners send it."""

from __future__ import annotations

import asyncio
import datetime
import imaplib
import ipaddress
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from resilience.resilience_cluster import free_port

USER = "desk"
PASSWORD = "pr-inbox-pass"


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


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no system trusts (its own CA), and its key."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "newswire test mail")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "mail.crt", directory / "mail.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@contextmanager
def tls_front(upstream_port: int, directory: Path) -> Iterator[tuple[int, Path]]:
    """Implicit TLS (as on port 993) in front of the plain server: (port, the certificate)."""
    cert_path, key_path = self_signed(directory)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    loop = asyncio.new_event_loop()

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    server = loop.run_until_complete(asyncio.start_server(relay, "127.0.0.1", 0, ssl=context))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield server.sockets[0].getsockname()[1], cert_path
    finally:
        loop.call_soon_threadsafe(server.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


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

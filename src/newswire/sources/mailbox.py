"""An IMAP mailbox as a source: every new message becomes a story (press releases by mail).

Reading a message (:func:`message_to_partner`, pure): the guid is its ``Message-ID`` (else a
hash of From, Date and Subject), the headline its Subject (RFC 2047 decoded), the body its
``text/plain`` part in paragraphs, or its ``text/html`` part through the wire's sanitizer
when it has no plain part (the plain part is preferred: press-release HTML is mostly layout,
tracking images and footers). Images are dropped from mail HTML: the wire carries no
pictures yet and remote images in mail are tracking beacons. The by-line is the sender's
display name (never the address), the version time its Date, the language its
``Content-Language``. Attachments are not carried; their names and types are listed in the
editorial note.

Polling (:func:`poll_mailbox`): the host is checked like an HTTP source's (public addresses
only unless ``NEWSWIRE_SOURCES_ALLOW_PRIVATE``) and the connection goes to the checked
address; ``imaps://`` verifies the certificate against the host name. The mailbox is opened
read-only (``EXAMINE``) and messages are read with ``BODY.PEEK[]``: no flag changes, nothing
is moved or deleted, so the desk's own view of the mailbox is untouched. The source's state
keeps ``UIDVALIDITY`` and the last UID read; only later UIDs are fetched (at most
``source_max_items`` a poll, the rest at the next), and a new ``UIDVALIDITY`` re-reads the
mailbox (ingest is idempotent by identity). The state is saved only after a successful poll.
"""

from __future__ import annotations

import asyncio
import hashlib
import imaplib
import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Any, cast

import httpcore

from newswire.delivery.webhook_client import Resolver, resolve_checked, system_resolver
from newswire.formats.errors import FormatError
from newswire.formats.sanitize import clean_html, html_to_text, paragraphs_to_html
from newswire.model import Item, Text
from newswire.sources.feeds import FeedError
from newswire.sources.ingest import Outcome, ingest_items
from newswire.sources.model import ImapTarget, PartnerItem, Source, SourceError, imap_target
from newswire.wire import Wire

LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
MAX_LISTED_ATTACHMENTS = 20


# -- a message -> a partner item -----------------------------------------------------------

def message_to_partner(raw: bytes) -> PartnerItem:
    """One RFC 5322 message as a partner item; ``FormatError`` when it cannot be a story."""
    try:
        msg = cast(EmailMessage, BytesParser(policy=policy.default).parsebytes(raw))
        return _partner(msg)
    except FormatError:
        raise
    except Exception as exc:  # the email package raises assorted errors on hostile headers and parts
        raise FormatError(f"the message cannot be read ({exc.__class__.__name__}: {str(exc)[:200]})") from exc


def _partner(msg: EmailMessage) -> PartnerItem:
    sender, subject, date, message_id = (str(msg.get(h, "")) for h in ("from", "subject", "date", "message-id"))
    if not (sender or date or message_id):
        raise FormatError("not a mail message: it has no From, Date or Message-ID header")
    headline = " ".join(subject.split())
    part = msg.get_body(preferencelist=("plain", "html"))
    body = _body(part) if part is not None else ""
    if not headline and not body:
        raise FormatError("the message has neither a subject nor a text body")
    guid = message_id.strip().strip("<>").strip() or \
        "mail:" + hashlib.sha256(f"{sender}\n{date}\n{subject}".encode("utf-8", "surrogatepass")).hexdigest()
    when = _date(msg)
    item = Item(
        uri=guid[:2000],
        headlines=(Text(headline),) if headline else (),
        bodies=(Text(body, content_type="text/html"),) if body else (),
        language=_language(msg) or (_language(part) if part is not None else None),
        by=_byline(msg),
        first_created=when,
        content_created=when,
        version_created=when,
        ed_note=_attachments_note(msg),
    )
    return PartnerItem(guid, item)


def _body(part: Message) -> str:
    text = _decoded_text(part)
    if part.get_content_subtype() == "plain":
        return plain_to_html(text)
    cleaned = re.sub(r"<img\b[^>]*>", "", clean_html(text))
    return cleaned if html_to_text(cleaned).strip() else ""


def _decoded_text(part: Message) -> str:
    try:
        return str(cast(EmailMessage, part).get_content())
    except (LookupError, UnicodeError):  # an unknown charset: read it as UTF-8, replacing what does not decode
        payload = part.get_payload(decode=True)
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def plain_to_html(text: str) -> str:
    """Mail text -> paragraphs: blank lines separate them, hard-wrapped lines are joined, and
    the signature (after a ``-- `` line) is left out."""
    lines = text.replace("\r\n", "\n").split("\n")
    if "-- " in lines:
        lines = lines[:lines.index("-- ")]
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
    return paragraphs_to_html([" ".join(p.split()) for p in paragraphs])


def _date(msg: EmailMessage) -> datetime | None:
    header = msg.get("date")
    when = getattr(header, "datetime", None)
    if not isinstance(when, datetime):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _language(msg: Message) -> str | None:
    """``Content-Language`` of the message, or of its text part (where a MUA may have moved it)."""
    first = str(msg.get("content-language", "")).split(",")[0].strip()
    return first if LANGUAGE_RE.match(first) and len(first) <= 32 else None


def _byline(msg: EmailMessage) -> str | None:
    header = msg.get("from")
    for address in getattr(header, "addresses", ()):
        name = " ".join(str(address.display_name).split())
        if name:
            return name[:200]
    return None


def _attachments_note(msg: EmailMessage) -> str | None:
    found = []
    for part in msg.iter_attachments():
        name = " ".join(str(part.get_filename() or "unnamed").split())[:120]
        found.append(f"{name} ({part.get_content_type()})")
    if not found:
        return None
    listed = "; ".join(found[:MAX_LISTED_ATTACHMENTS])
    more = f" and {len(found) - MAX_LISTED_ATTACHMENTS} more" if len(found) > MAX_LISTED_ATTACHMENTS else ""
    return f"Attachments not carried by the wire: {listed}{more}."


# -- polling -------------------------------------------------------------------------------

@dataclass
class MailboxResult:
    state: dict[str, Any]
    outcome: Outcome
    read: int  # messages fetched this poll
    waiting: int  # new messages left for the next poll (past source_max_items)


@dataclass(frozen=True, slots=True)
class MailboxLimits:
    timeout: float  # each network operation
    max_bytes: int  # one message
    max_items: int  # messages a poll


class _CheckedIMAP(imaplib.IMAP4):
    """imaplib connecting only to the checked addresses, TLS from the first byte when asked
    (SNI and certificate checked against the host name), and refusing a literal larger than
    the limit before reading it (a server's RFC822.SIZE may lie)."""

    def __init__(self, target: ImapTarget, addresses: list[str], timeout: float, max_literal: int,
                 context: ssl.SSLContext | None) -> None:
        self._addresses = addresses
        self._context = context
        self._max_literal = max_literal
        super().__init__(target.host, target.port, timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        failure: OSError = OSError(f"could not connect to {self.host}")
        for address in self._addresses:
            try:
                sock = socket.create_connection((address, self.port), timeout)
            except OSError as exc:
                failure = exc
                continue
            if self._context is None:
                return sock
            try:
                return self._context.wrap_socket(sock, server_hostname=self.host)
            except OSError:
                sock.close()
                raise
        raise failure

    def read(self, size: int) -> bytes:
        if size > self._max_literal:
            raise imaplib.IMAP4.abort(f"the server sent {size} bytes at once; the limit is {self._max_literal}")
        return super().read(size)


async def poll_mailbox(wire: Wire, source: Source, state: dict[str, Any], *, credentials: tuple[str, str] | None,
                       limits: MailboxLimits, allow_private: bool, resolver: Resolver | None = None,
                       keep_alive: Callable[[], None] | None = None,
                       context: ssl.SSLContext | None = None) -> MailboxResult:
    """Ingest the messages that arrived since the last poll; ``FeedError`` when the mailbox
    cannot be reached, logged in to or opened (the state is then left as it was)."""
    try:
        target = imap_target(source.url or "")
    except SourceError as exc:
        raise FeedError(exc.detail) from exc
    if credentials is None:
        raise FeedError("the source has no credentials")
    try:
        addresses = await resolve_checked(target.host, target.port, allow_private=allow_private,
                                          resolver=resolver or system_resolver, timeout=limits.timeout)
    except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
        raise FeedError(f"could not connect: {exc}") from exc
    if target.tls and context is None:
        context = ssl.create_default_context()
    return await asyncio.to_thread(_poll, wire, source, target, addresses, state, credentials, limits,
                                   keep_alive, context if target.tls else None)


def _poll(wire: Wire, source: Source, target: ImapTarget, addresses: list[str], state: dict[str, Any],
          credentials: tuple[str, str], limits: MailboxLimits, keep_alive: Callable[[], None] | None,
          context: ssl.SSLContext | None) -> MailboxResult:
    user, password = credentials
    try:
        with _CheckedIMAP(target, addresses, limits.timeout, limits.max_bytes + 1024, context) as conn:
            conn.login(user, password)
            typ, data = conn.select(_quoted(target.mailbox), readonly=True)  # EXAMINE: flags untouched
            if typ != "OK":
                raise FeedError(f"the mailbox {target.mailbox} cannot be opened: {_said(data)}")
            validity = _uid_validity(conn)
            last = int(state.get("last_uid", 0)) if state.get("uidvalidity") == validity else 0
            new = _uids_after(conn, last)
            chosen = new[:limits.max_items]
            partners, errors = _read(conn, chosen, limits.max_bytes, keep_alive)
    except (imaplib.IMAP4.error, OSError, EOFError, UnicodeError) as exc:
        raise FeedError(f"IMAP {target.host}: {_reason(exc, password)}") from exc
    outcome = ingest_items(wire, source, partners, keep_alive=keep_alive)
    outcome.errors[:0] = errors
    return MailboxResult({"uidvalidity": validity, "last_uid": chosen[-1] if chosen else last}, outcome,
                         len(chosen), len(new) - len(chosen))


def _read(conn: imaplib.IMAP4, uids: list[int], max_bytes: int,
          keep_alive: Callable[[], None] | None) -> tuple[list[PartnerItem], list[str]]:
    """The messages ``uids`` as partner items, and one error per message refused."""
    sizes = _sizes(conn, uids)
    partners: list[PartnerItem] = []
    errors: list[str] = []
    for n, uid in enumerate(uids, 1):
        if keep_alive is not None and n % 50 == 0:
            keep_alive()
        size = sizes.get(uid, 0)
        if size > max_bytes:
            errors.append(f"message {uid}: {size} bytes; the limit is {max_bytes}")
            continue
        raw = _message(conn, uid, max_bytes)
        if raw is None:
            errors.append(f"message {uid}: gone before it could be read")
            continue
        if len(raw) > max_bytes:
            errors.append(f"message {uid}: larger than the limit of {max_bytes} bytes")
            continue
        try:
            partners.append(message_to_partner(raw))
        except FormatError as exc:
            errors.append(f"message {uid}: {exc}")
    return partners, errors


def _quoted(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _said(data: list[Any]) -> str:
    last = data[-1] if data else b""
    return (last.decode("utf-8", "replace") if isinstance(last, bytes) else str(last))[:300]


def _reason(exc: BaseException, password: str) -> str:
    arg = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(arg, bytes):  # imaplib passes on the server's own words
        text = arg.decode("utf-8", "replace")
    elif isinstance(exc, OSError):
        said = exc.strerror if exc.strerror and not isinstance(exc, ssl.SSLError) else exc
        text = f"{exc.__class__.__name__}: {said}"
    else:
        text = str(exc) or exc.__class__.__name__
    if password:
        text = text.replace(password, "***")  # a server may echo what it was sent
    return text[:300]


def _uid_validity(conn: imaplib.IMAP4) -> int:
    _, data = conn.response("UIDVALIDITY")
    if not data or data[0] is None:
        raise FeedError("the server sent no UIDVALIDITY for the mailbox")
    return int(data[0])


def _uids_after(conn: imaplib.IMAP4, last: int) -> list[int]:
    typ, data = conn.uid("SEARCH", f"UID {last + 1}:*")
    if typ != "OK":
        raise FeedError(f"the mailbox cannot be searched: {_said(data)}")
    # "N:*" always matches the highest UID, even below N: keep only the new ones
    return sorted(u for u in (int(t) for t in b" ".join(d for d in data if d).split()) if u > last)


def _sizes(conn: imaplib.IMAP4, uids: list[int]) -> dict[int, int]:
    if not uids:
        return {}
    typ, data = conn.uid("FETCH", f"{uids[0]}:{uids[-1]}", "(RFC822.SIZE)")
    sizes: dict[int, int] = {}
    for line in data if typ == "OK" else []:
        if isinstance(line, bytes):
            uid, size = re.search(rb"UID (\d+)", line), re.search(rb"RFC822\.SIZE (\d+)", line)
            if uid and size:
                sizes[int(uid.group(1))] = int(size.group(1))
    return sizes


def _message(conn: imaplib.IMAP4, uid: int, max_bytes: int) -> bytes | None:
    """The message's first ``max_bytes + 1`` octets (more means too large), flags untouched."""
    typ, data = conn.uid("FETCH", str(uid), f"(BODY.PEEK[]<0.{max_bytes + 1}>)")
    for part in data if typ == "OK" else []:
        if isinstance(part, tuple) and b"BODY[]" in part[0]:
            return bytes(part[1])
    return None

"""A source, its kinds, and the stable identity of a partner's item on the wire."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote, urlsplit

from newswire.model import Item

KINDS: tuple[str, ...] = ("rss", "atom", "ninjs", "newsml", "folder", "imap")
HTTP_KINDS: tuple[str, ...] = ("rss", "atom", "ninjs", "newsml")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
DEFAULT_INTERVAL = {"folder": 10, "imap": 60}
IMAP_PORTS = {"imaps": 993, "imap": 143}
DEFAULT_HTTP_INTERVAL = 300
MIN_INTERVAL = 1
MAX_INTERVAL = 7 * 24 * 3600


class SourceError(ValueError):
    """A declaration that cannot be accepted, or a source that does not exist."""

    def __init__(self, detail: str, status: int = 422) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    url: str | None
    path: str | None
    interval_seconds: int
    language: str | None
    hold: bool
    paused: bool
    created_at: datetime
    has_credentials: bool = False

    @property
    def is_http(self) -> bool:
        return self.kind in HTTP_KINDS


@dataclass(frozen=True, slots=True)
class PartnerItem:
    """One item of a partner's feed: its own identifier and the item it says."""

    guid: str
    item: Item


def guid_hash(guid: str) -> str:
    return hashlib.sha256(guid.encode("utf-8", "surrogatepass")).hexdigest()


def wire_uri(source: str, guid: str) -> str:
    """The wire's uri for a partner item: stable for the (source, partner guid) pair, so a
    re-poll, a restart or another node maps the same partner item to the same wire item."""
    return f"urn:newswire:source:{source}:{guid_hash(guid)[:32]}"


@dataclass(frozen=True, slots=True)
class ImapTarget:
    """Where a mailbox source connects: ``imaps://`` is TLS from the first byte (certificate
    and host name verified); ``imap://`` is plain text, for loopback and trusted networks."""

    tls: bool
    host: str
    port: int
    mailbox: str


_LOGIN_IN_URL = ("Credentials never go in the URL (user:password@ would be shown back wherever the URL is): "
                 "give them as credentials (the CLI's --username with --password-stdin or "
                 "NEWSWIRE_SOURCE_PASSWORD).")


def imap_target(url: str) -> ImapTarget:
    """``imaps://host[:port]/MAILBOX`` or ``imap://host[:port]/MAILBOX`` (MAILBOX: INBOX)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceError("The IMAP URL is malformed (check its host and port).") from exc
    if parts.scheme not in IMAP_PORTS or not parts.hostname:
        raise SourceError("An imap source needs --url imaps://host[:port]/MAILBOX (or imap:// on a "
                          "trusted network).")
    if "@" in parts.netloc:
        raise SourceError(_LOGIN_IN_URL)
    if parts.query or parts.fragment:
        raise SourceError("An IMAP URL has no query or fragment.")
    mailbox = unquote(parts.path.lstrip("/")) or "INBOX"
    if not re.fullmatch(r"[\x20-\x7e]{1,200}", mailbox):
        raise SourceError("The mailbox name is 1-200 printable ASCII characters.")
    return ImapTarget(parts.scheme == "imaps", parts.hostname, port or IMAP_PORTS[parts.scheme], mailbox)


def credentials_text(username: str, password: str) -> str:
    """The form credentials are sealed in (``user:password``); a user name holds no ':'."""
    if not username or ":" in username:
        raise SourceError("The user name is not empty and holds no ':'.")
    return f"{username}:{password}"


def check_declaration(name: str, kind: str, url: str | None, path: str | None, interval: int | None,
                      language: str | None, *, credentials: bool = False) -> int:
    """Refuse a malformed declaration (``SourceError``); the interval to use."""
    if not NAME_RE.match(name):
        raise SourceError("A source name is 1-64 characters: lower-case letters, digits, '.', '_' or '-'.")
    if kind not in KINDS:
        raise SourceError(f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    if kind == "folder":
        if not path or url:
            raise SourceError("A folder source needs --path DIR (and no --url).")
    elif not url or path:
        raise SourceError(f"A {kind} source needs --url URL (and no --path).")
    if kind == "imap":
        imap_target(url or "")
        if not credentials:
            raise SourceError("An imap source needs credentials (a user name and a password).")
    elif url is not None and not re.match(r"^https?://[^\s/]+", url):
        raise SourceError("The URL must be http:// or https:// with a host.")
    elif url is not None and "@" in urlsplit(url).netloc:
        raise SourceError(_LOGIN_IN_URL)
    if language is not None and not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", language):
        raise SourceError(f"{language!r} is not a language tag (e.g. en, pt-BR).")
    chosen = interval if interval is not None else DEFAULT_INTERVAL.get(kind, DEFAULT_HTTP_INTERVAL)
    if not MIN_INTERVAL <= chosen <= MAX_INTERVAL:
        raise SourceError(f"The interval is {MIN_INTERVAL} to {MAX_INTERVAL} seconds.")
    return chosen

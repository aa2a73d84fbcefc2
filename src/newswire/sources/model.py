"""A source, its kinds, and the stable identity of a partner's item on the wire."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from newswire.model import Item

KINDS: tuple[str, ...] = ("rss", "atom", "ninjs", "newsml", "folder", "imap")
HTTP_KINDS: tuple[str, ...] = ("rss", "atom", "ninjs", "newsml")
SUPPORTED_KINDS: tuple[str, ...] = (*HTTP_KINDS, "folder")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
DEFAULT_INTERVAL = {"folder": 10}
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


def check_declaration(name: str, kind: str, url: str | None, path: str | None, interval: int | None,
                      language: str | None) -> int:
    """Refuse a malformed declaration (``SourceError``); the interval to use."""
    if not NAME_RE.match(name):
        raise SourceError("A source name is 1-64 characters: lower-case letters, digits, '.', '_' or '-'.")
    if kind not in KINDS:
        raise SourceError(f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    if kind == "imap":
        raise SourceError("Sources of kind imap are not yet supported; this release refuses them.")
    if kind == "folder":
        if not path or url:
            raise SourceError("A folder source needs --path DIR (and no --url).")
    elif not url or path:
        raise SourceError(f"A {kind} source needs --url URL (and no --path).")
    if url is not None and not re.match(r"^https?://[^\s/]+", url):
        raise SourceError("The URL must be http:// or https:// with a host.")
    if language is not None and not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", language):
        raise SourceError(f"{language!r} is not a language tag (e.g. en, pt-BR).")
    chosen = interval if interval is not None else DEFAULT_INTERVAL.get(kind, DEFAULT_HTTP_INTERVAL)
    if not MIN_INTERVAL <= chosen <= MAX_INTERVAL:
        raise SourceError(f"The interval is {MIN_INTERVAL} to {MAX_INTERVAL} seconds.")
    return chosen

"""Where a picture's renditions answer, and their signed form for one subscriber."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from urllib.parse import quote, unquote

from newswire.config import Settings
from newswire.media import signing
from newswire.model import Item, Rendition

PREFIX = "/v1/media/"
USER_KEY = "user:"  # a link made for a portal user names the user where others name a key


def user_key(user_id: int) -> str:
    return f"{USER_KEY}{user_id}"


def user_of(key: str) -> int | None:
    """The portal user a link's key names, None for an API key or webhook endpoint."""
    rest = key.removeprefix(USER_KEY)
    return int(rest) if rest != key and rest.isascii() and rest.isdigit() and len(rest) <= 18 else None


def media_path(uri: str, version: int, name: str) -> str:
    return f"{PREFIX}{quote(uri, safe=':@')}/{version}/{name}"


def href(settings: Settings, uri: str, version: int, name: str) -> str:
    return settings.base_url + media_path(uri, version, name)


class Signer:
    """Signs the wire's own rendition hrefs for one subscriber's key (or webhook endpoint),
    valid ``settings.media_url_seconds`` from ``now``: in an item (:meth:`item`) or in bytes
    already rendered for everyone (:meth:`body`: the feed, stream, search and webhook bodies
    are rendered once per version and format, then signed per reader). Other hrefs (a
    partner's remote files) stay as they are."""

    def __init__(self, settings: Settings, subscriber_id: int, key_id: str, now: float | None = None) -> None:
        self.keys = signing.keys_for(settings)
        self.grant = signing.Grant(subscriber_id, key_id, int((now or time.time()) + settings.media_url_seconds))
        self.prefix = settings.base_url + PREFIX
        # an own href as serialized: base + PREFIX + quoted uri (no "/") + version + name, then
        # the closing quote of its JSON string or XML attribute
        self._own = re.compile(re.escape(self.prefix.encode()) + rb'([^/"?\s]+)/(\d{1,10})/([A-Za-z]{1,32})"')

    def query(self, uri: str, version: int, name: str) -> str:
        return signing.query(self.keys, uri, version, name, self.grant)

    def item(self, item: Item) -> Item:
        """The item with its renditions' hrefs signed, its associated pictures' too."""
        if not item.renditions and not any(a.renditions for a in item.associations):
            return item

        def sign(uri: str, renditions: tuple[Rendition, ...]) -> tuple[Rendition, ...]:
            own = f"{self.prefix}{quote(uri, safe=':@')}/"
            out = []
            for r in renditions:
                version, _, name = r.href.removeprefix(own).partition("/")
                if r.href.startswith(own) and r.name and name == r.name and version.isascii() and version.isdigit():
                    r = replace(r, href=f"{r.href}?{self.query(uri, int(version), r.name)}")
                out.append(r)
            return tuple(out)

        return item.evolve(renditions=sign(item.uri, item.renditions),
                           associations=tuple(replace(a, renditions=sign(a.uri, a.renditions)) if a.renditions
                                              else a for a in item.associations))

    def body(self, rendered: bytes, fmt: str) -> bytes:
        """``rendered`` (an item in ``fmt``, or SSE frames of it) with every own rendition href
        signed: the same bytes as rendering the signed item (``&`` escaped in XML formats)."""
        if self.prefix.encode() not in rendered:
            return rendered
        amp = "&amp;" if fmt in XML_FORMATS else "&"

        def signed_href(m: re.Match[bytes]) -> bytes:
            uri, version, name = unquote(m[1].decode()), int(m[2]), m[3].decode()
            return m[0][:-1] + b"?" + self.query(uri, version, name).replace("&", amp).encode() + b'"'

        return self._own.sub(signed_href, rendered)


XML_FORMATS = frozenset({"newsml", "nitf"})


def signed(item: Item, settings: Settings, subscriber_id: int, token_id: str, now: float | None = None) -> Item:
    """The item with each of the wire's own rendition hrefs signed for this subscriber's key."""
    return Signer(settings, subscriber_id, token_id, now).item(item)

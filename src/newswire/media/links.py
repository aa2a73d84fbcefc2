"""Where a picture's renditions answer, and their signed form for one subscriber."""

from __future__ import annotations

import time
from dataclasses import replace
from urllib.parse import quote

from newswire.config import Settings
from newswire.media import signing
from newswire.model import Item, Rendition

PREFIX = "/v1/media/"


def media_path(uri: str, version: int, name: str) -> str:
    return f"{PREFIX}{quote(uri, safe=':@')}/{version}/{name}"


def href(settings: Settings, uri: str, version: int, name: str) -> str:
    return settings.base_url + media_path(uri, version, name)


def signed(item: Item, settings: Settings, subscriber_id: int, token_id: str, now: float | None = None) -> Item:
    """The item with each of the wire's own rendition hrefs signed for this subscriber's key
    (``settings.media_url_seconds`` from now), its associated pictures' too. Other hrefs (a
    partner's remote files) stay."""
    if not item.renditions and not any(a.renditions for a in item.associations):
        return item
    keys = signing.keys_for(settings)
    grant = signing.Grant(subscriber_id, token_id, int((now or time.time()) + settings.media_url_seconds))

    def sign(uri: str, renditions: tuple[Rendition, ...]) -> tuple[Rendition, ...]:
        own = f"{settings.base_url}{PREFIX}{quote(uri, safe=':@')}/"
        out = []
        for r in renditions:
            version, _, name = r.href.removeprefix(own).partition("/")
            if r.href.startswith(own) and r.name and name == r.name and version.isascii() and version.isdigit():
                r = replace(r, href=f"{r.href}?{signing.query(keys, uri, int(version), r.name, grant)}")
            out.append(r)
        return tuple(out)

    return item.evolve(renditions=sign(item.uri, item.renditions),
                       associations=tuple(replace(a, renditions=sign(a.uri, a.renditions)) if a.renditions else a
                                          for a in item.associations))

"""Where a picture's renditions answer, and their signed form for one subscriber."""

from __future__ import annotations

import time
from dataclasses import replace
from urllib.parse import quote

from newswire.config import Settings
from newswire.media import signing
from newswire.model import Item

PREFIX = "/v1/media/"


def media_path(uri: str, version: int, name: str) -> str:
    return f"{PREFIX}{quote(uri, safe=':@')}/{version}/{name}"


def href(settings: Settings, uri: str, version: int, name: str) -> str:
    return settings.base_url + media_path(uri, version, name)


def signed(item: Item, settings: Settings, subscriber_id: int, token_id: str, now: float | None = None) -> Item:
    """The item with each of the wire's own rendition hrefs signed for this subscriber's key
    (``settings.media_url_seconds`` from now). Other hrefs (a partner's remote files) stay."""
    if not item.renditions:
        return item
    keys = signing.keys_for(settings)
    grant = signing.Grant(subscriber_id, token_id, int((now or time.time()) + settings.media_url_seconds))
    own = settings.base_url + PREFIX
    renditions = tuple(
        replace(r, href=f"{r.href}?{signing.query(keys, item.uri, item.version, r.name, grant)}")
        if r.href.startswith(own) and r.name and r.href == href(settings, item.uri, item.version, r.name) else r
        for r in item.renditions)
    return item.evolve(renditions=renditions)

"""Helpers for the webhook suites: a subscriber with a key and a client, over real HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer
from factories import as_bytes, ninjs_story


@dataclass
class Sub:
    id: int
    key: str
    client: httpx.Client


def subscriber(live: LiveServer, name: str, filters: dict[str, Any] | None = None) -> Sub:
    accounts.create_product(live.wire.engine, f"{name}-product", filters or {})
    accounts.create_subscriber(live.wire.engine, name, [f"{name}-product"])
    sub = accounts.get_subscriber(live.wire.engine, name)
    key = create_token(live.wire.engine, "subscriber", subscriber_id=sub.id)
    return Sub(sub.id, key, httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"},
                                         timeout=30))


def publish(wire: Wire, lang: str = "en", **fields: Any) -> dict[str, Any]:
    doc = ninjs_story(lang, **fields)
    wire.ingest(as_bytes(doc))
    return doc

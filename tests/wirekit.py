"""Subscribers over real HTTP, for delivery and API tests: create one with a product,
read its feed and stream, publish stories through the wire."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer, module_db_url, open_wire, start_server
from factories import as_bytes, ninjs_story


@dataclass
class Sub:
    name: str
    key: str
    client: httpx.Client
    id: int = 0  # the subscriber's id in the store

    def feed(self, after: int | str = 0, **params: Any) -> dict[str, Any]:
        resp = self.client.get("/v1/feed", params={"after": str(after), **params})
        assert resp.status_code == 200, resp.text
        return resp.json()

    def all_events(self, after: int = 0) -> list[dict[str, Any]]:
        events, cursor = [], str(after)
        while True:
            page = self.feed(cursor, limit=3)
            events += page["events"]
            if page["next"] == cursor:
                return events
            cursor = page["next"]


def subscriber(live: LiveServer, name: str, filters: dict[str, Any] | None = None, **kw: Any) -> Sub:
    accounts.create_product(live.wire.engine, f"{name}-product", filters or {})
    accounts.create_subscriber(live.wire.engine, name, [f"{name}-product"], **kw)
    sub = accounts.get_subscriber(live.wire.engine, name)
    key = create_token(live.wire.engine, "subscriber", subscriber_id=sub.id)
    return Sub(name, key, httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30),
               sub.id)


def publish(wire: Wire, lang: str = "en", **fields: Any) -> dict[str, Any]:
    doc = ninjs_story(lang, **fields)
    wire.ingest(as_bytes(doc))
    return doc


def read_sse(client: httpx.Client, count: int, *, headers: dict[str, str] | None = None,
             params: dict[str, str] | None = None, timeout: float = 15) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    deadline = time.monotonic() + timeout
    with client.stream("GET", "/v1/stream", headers=headers or {}, params=params or {}) as resp:
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/event-stream")
        for line in resp.iter_lines():
            if time.monotonic() > deadline:
                break
            if line.startswith("id: "):
                current["id"] = int(line[4:])
            elif line.startswith("event: "):
                current["event"] = line[7:]
            elif line.startswith("data: "):
                current["data"] = json.loads(line[6:])
            elif line == "" and "id" in current:
                events.append(current)
                current = {}
                if len(events) == count:
                    break
    return events


def acme_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                uri: str) -> Iterator[LiveServer]:
    """For a module-scoped fixture over ["sqlite", "postgresql"]: a server of the module's own
    (webhooks to loopback allowed), a product ``all``, a subscriber ``acme`` holding it and one
    story at ``uri``."""
    wire = open_wire(module_db_url(request, tmp_path_factory), webhooks_allow_private=True)
    srv = start_server(wire)
    accounts.create_product(wire.engine, "all", {})
    accounts.create_subscriber(wire.engine, "acme", ["all"])
    publish(wire, uri=uri)
    yield srv
    srv.stop()
    wire.close()

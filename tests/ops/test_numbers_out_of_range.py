"""Found by the schema fuzzer: numbers beyond what the store's integers hold must never reach
the database (they came back as 500s): a 404 for no such version, a 400/422 for an invalid
cursor or sequence."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server
from factories import as_bytes, ninjs_story

HUGE = str(10**30)


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, webhooks_allow_private=True)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


def subscriber_headers(live: LiveServer) -> dict[str, str]:
    accounts.create_product(live.wire.engine, "all", {})
    accounts.create_subscriber(live.wire.engine, "s", ["all"])
    sub = accounts.get_subscriber(live.wire.engine, "s")
    return {"Authorization": f"Bearer {create_token(live.wire.engine, 'subscriber', subscriber_id=sub.id)}"}


def test_a_version_number_beyond_any_stored_one_is_not_found(live: LiveServer) -> None:
    doc = ninjs_story("en")
    live.wire.ingest(as_bytes(doc))
    editor = {"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"}
    assert httpx.get(f"{live.url}/v1/items/{doc['uri']}/versions/{HUGE}", headers=editor).status_code == 404


def test_a_replay_after_an_impossible_sequence_is_refused(live: LiveServer) -> None:
    headers = subscriber_headers(live)
    ep = httpx.post(f"{live.url}/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=headers).json()
    resp = httpx.post(f"{live.url}/v1/webhooks/{ep['id']}/replay", params={"after": HUGE}, headers=headers)
    assert resp.status_code in (400, 422)


def test_a_search_cursor_with_a_huge_offset_is_invalid(live: LiveServer) -> None:
    headers = subscriber_headers(live)
    cursor = base64.urlsafe_b64encode(HUGE.encode()).decode()
    resp = httpx.get(f"{live.url}/v1/search", params={"q": "port", "cursor": cursor}, headers=headers)
    assert resp.status_code == 400

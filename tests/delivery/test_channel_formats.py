"""Every channel speaks every format, and every output validates against IPTC's schemas:
the sample stories (nine languages, updated, corrected, killed, embargoed) through the feed,
the stream and search."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.samples import load_samples
from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server
from schemas import G2_XSD, NITF_XSD, assert_ninjs, assert_valid, load_schema


@pytest.fixture
def sampled(db_url: str) -> Iterator[tuple[LiveServer, httpx.Client]]:
    wire = open_wire(db_url, sse_heartbeat_seconds=0.3)
    # Subscribed before the stories move, so the kill reaches it (a late subscriber sees
    # nothing of a story killed before it arrived).
    accounts.create_product(wire.engine, "all", {"embargoEarly": True})
    sub = accounts.create_subscriber(wire.engine, "reader", ["all"])
    load_samples(wire)
    server = start_server(wire)
    key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield server, client
    server.stop()
    wire.close()


def feed_events(client: httpx.Client, fmt: str) -> list[dict[str, Any]]:
    resp = client.get("/v1/feed", params={"after": "0", "limit": "200", "format": fmt})
    assert resp.status_code == 200, resp.text
    return resp.json()["events"]


def test_feed_items_validate_as_ninjs_3_2_and_2_3(sampled: tuple[LiveServer, httpx.Client]) -> None:
    _, client = sampled
    events = feed_events(client, "ninjs")
    assert {e["type"] for e in events} >= {"published", "updated", "corrected", "killed"}
    assert {e["item"].get("language") for e in events} >= {"en", "tr", "ar", "ru", "fr", "es", "de"}
    for event in events:
        assert_ninjs(event["item"], "3.2")
    for event in feed_events(client, "ninjs2"):
        assert_ninjs(event["item"], "2.3")


def test_feed_items_validate_as_nitf(sampled: tuple[LiveServer, httpx.Client]) -> None:
    _, client = sampled
    schema = load_schema(NITF_XSD)
    events = feed_events(client, "nitf")
    assert events
    for event in events:
        assert_valid(schema, event["item"].encode())


def test_a_newsml_feed_page_is_a_valid_news_message(sampled: tuple[LiveServer, httpx.Client]) -> None:
    _, client = sampled
    resp = client.get("/v1/feed", params={"after": "0", "limit": "50", "format": "newsml"})
    assert resp.status_code == 200 and "newsmessage" in resp.headers["content-type"]
    root = assert_valid(load_schema(G2_XSD), resp.content)
    items = root.findall(".//{http://iptc.org/std/nar/2006-10-01/}newsItem")
    assert len(items) >= 15
    assert int(resp.headers["x-next-cursor"]) >= len(items)


def test_item_reads_in_every_format(sampled: tuple[LiveServer, httpx.Client]) -> None:
    _, client = sampled
    uri = "urn:newswire:sample:istanbul-metro-line"
    assert_ninjs(client.get(f"/v1/items/{uri}").json(), "3.2")
    assert_ninjs(client.get(f"/v1/items/{uri}/versions/1", params={"format": "ninjs2"}).json(), "2.3")
    assert_valid(load_schema(G2_XSD), client.get(f"/v1/items/{uri}", params={"format": "newsml"}).content)
    assert_valid(load_schema(NITF_XSD), client.get(f"/v1/items/{uri}", params={"format": "nitf"}).content)


def test_stream_and_search_speak_the_formats_too(sampled: tuple[LiveServer, httpx.Client]) -> None:
    _, client = sampled
    with client.stream("GET", "/v1/stream", params={"after": "0", "format": "ninjs2"}) as resp:
        for line in resp.iter_lines():
            if line.startswith("data: "):
                assert_ninjs(json.loads(line[6:]), "2.3")
                break
    results = client.get("/v1/search", params={"q": "metro", "format": "nitf"}).json()["results"]
    assert results
    for result in results:
        assert_valid(load_schema(NITF_XSD), result["item"].encode())

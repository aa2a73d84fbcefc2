"""A subscriber receives what enrichment found in a story: its quotes with their speakers
and its dated diary events, in ninjs 3.2 (and 2.3), by item read and through the feed.

The sample shaped like an agency wire story (headline, standfirst, dateline line, quoted
ministers with "he said" attributions, a future meeting date, subscription boilerplate) is
``01-en-caspian-corridor.txt``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.formats import parse
from newswire.formats.ninjs import EVENT_NAME, QUOTE_NAME
from newswire.model import MACHINE_CREATOR
from newswire.samples import load_samples
from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import open_wire, start_server
from schemas import assert_ninjs

STORY = "urn:newswire:sample:caspian-transport-corridor"


@pytest.fixture
def subscriber(db_url: str) -> Iterator[httpx.Client]:
    wire = open_wire(db_url)
    accounts.create_product(wire.engine, "english", {"languages": ["en"]})
    sub = accounts.create_subscriber(wire.engine, "desk", ["english"])
    assert load_samples(wire).failed == []
    server = start_server(wire)
    key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client
    server.stop()
    wire.close()


def _own(doc: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [a for a in doc.get("associations", []) if a.get("name") == name]


def _assert_quotes_and_events(doc: dict[str, Any]) -> None:
    quotes = _own(doc, QUOTE_NAME)
    speakers = {p["name"] for q in quotes for p in q.get("people", []) if p["rel"] == "speaker"}
    assert {"Nurlan Sauranbayev", "Rashad Nabiyev"} <= speakers
    first = next(q for q in quotes if q["people"][0]["name"] == "Nurlan Sauranbayev")
    assert first["bodies"][0]["value"].startswith("Our goal is simple")
    assert first["language"] == "en"
    assert first["infoSources"] == [{"name": MACHINE_CREATOR, "role": "creator"}]
    events = _own(doc, EVENT_NAME)
    meeting = [e for e in events if e["eventDetails"]["dates"]["expectedStartDate"] == "2027-03-18"]
    assert meeting and "Tbilisi" in meeting[0]["headlines"][0]["value"]
    assert {"role": "literal", "value": "March 18, 2027"} in meeting[0]["descriptions"]
    assert meeting[0]["infoSources"] == [{"name": MACHINE_CREATOR, "role": "creator"}]  # found by the machine


def test_the_item_read_carries_quotes_with_speakers_and_dated_events(subscriber: httpx.Client) -> None:
    resp = subscriber.get(f"/v1/items/{STORY}")
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    assert_ninjs(doc, "3.2")
    _assert_quotes_and_events(doc)
    # A partner running newswire ingests the same document and gets them back.
    item = parse(resp.content)
    assert any(q.speaker == "Nurlan Sauranbayev" for q in item.quotes)
    assert any(p.start == "2027-03-18" for p in item.planning)


def test_the_feed_carries_them_in_ninjs_3_2_and_2_3(subscriber: httpx.Client) -> None:
    events = subscriber.get("/v1/feed", params={"after": "0", "limit": "200"}).json()["events"]
    story = [e["item"] for e in events if e["item"]["uri"] == STORY]
    assert story
    _assert_quotes_and_events(story[-1])
    old = subscriber.get("/v1/feed", params={"after": "0", "limit": "200", "format": "ninjs2"}).json()
    doc2 = next(e["item"] for e in old["events"] if e["item"]["uri"] == STORY)
    assert_ninjs(doc2, "2.3")
    assert any(d == {"role": "start", "value": "2027-03-18"}
               for e in _own(doc2, EVENT_NAME) for d in e["descriptions"])
    assert {"Nurlan Sauranbayev", "Rashad Nabiyev"} <= {
        p["name"] for q in _own(doc2, QUOTE_NAME) for p in q.get("people", [])}

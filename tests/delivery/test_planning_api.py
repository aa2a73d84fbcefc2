"""The planning diary: future dated events from entitled stories, by date range."""

from __future__ import annotations

import httpx

from newswire.formats.ninjs import parse_ninjs
from newswire.model import PlannedEvent
from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import open_wire, start_server
from factories import ninjs_story


def test_diary_entries_are_filtered_by_range_and_entitlement(db_url: str) -> None:
    wire = open_wire(db_url, enrich_disabled=("planning",))
    server = start_server(wire)
    try:
        summit = parse_ninjs(ninjs_story("en", uri="urn:diary:summit")).evolve(planning=(
            PlannedEvent("leaders' summit in Moscow", "2026-11-11", "Nov. 11, 2026"),
            PlannedEvent("chairmanship begins", "2027-01-01", "Jan. 1, 2027")))
        vote = parse_ninjs(ninjs_story("tr", uri="urn:diary:vote")).evolve(planning=(
            PlannedEvent("parliament vote", "2026-11-20", "20 Kasım"),))
        wire.publish(summit)
        wire.publish(vote)
        accounts.create_product(wire.engine, "english", {"languages": ["en"]})
        sub = accounts.create_subscriber(wire.engine, "planner", ["english"])
        key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
        client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"})
        body = client.get("/v1/planning", params={"from": "2026-11-01", "to": "2026-12-31"}).json()
        assert [(e["date"], e["item"]["uri"]) for e in body["entries"]] == [("2026-11-11", "urn:diary:summit")]
        assert body["entries"][0]["literal"] == "Nov. 11, 2026"
        later = client.get("/v1/planning", params={"from": "2027-01-01", "to": "2027-01-31"}).json()
        assert [e["event"] for e in later["entries"]] == ["chairmanship begins"]
        assert client.get("/v1/planning", params={"from": "2027-01-01", "to": "2026-01-01"}).status_code == 400
        assert client.get("/v1/planning", params={"from": "tomorrow"}).status_code == 422
    finally:
        server.stop()
        wire.close()

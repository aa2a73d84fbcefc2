"""``GET /v1/planning`` with the desk's events: marked as the desk's with their status, seen by
the subscribers whose products admit their language and topic (never the public site's), a
cancelled one listed as cancelled, and a found event the desk took over shown once, as the
desk's, linked to its story only for a subscriber entitled to the story."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.formats.ninjs import parse_ninjs
from newswire.model import PlannedEvent
from newswire.store import accounts, diary, users
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer, open_wire, start_server
from factories import ninjs_story

RANGE = {"from": "2033-05-01", "to": "2033-05-31"}


@pytest.fixture
def served(db_url: str) -> Iterator[tuple[Wire, LiveServer]]:
    wire = open_wire(db_url, enrich_disabled=("planning",))
    server = start_server(wire)
    yield wire, server
    server.stop()
    wire.close()


def reader(wire: Wire, server: LiveServer, name: str, product: dict[str, Any]) -> httpx.Client:
    accounts.create_product(wire.engine, name, product)
    sub = accounts.create_subscriber(wire.engine, name, [name])
    key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
    return httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def add(wire: Wire, who: int, **form: str) -> int:
    fields, problems = diary.parse({"starts": "2033-05-10 09:00", "place": "Brussels", **form}, may_confirm=True)
    assert fields is not None, problems
    uri = form.get("uri")
    return diary.add(wire.engine, who, fields, story_uri=uri, found_start=form.get("found_start"),
                     found_name=form.get("found_name"))


def entries(client: httpx.Client) -> list[dict[str, Any]]:
    answer = client.get("/v1/planning", params=RANGE)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["entries"])


def test_desk_events_reach_the_products_that_admit_them(served: tuple[Wire, LiveServer]) -> None:
    wire, server = served
    who = users.create_user(wire.engine, "planner@agency.test", subscriber=None, role="editor",
                            password="x" * 12).id
    add(wire, who, title="EU summit", language="en", topic="medtop:11000000", status="confirmed",
        notes="internal: ask the press office")
    cancelled = add(wire, who, title="Farm fair", language="en", status="tentative")
    diary.set_status(wire.engine, who, cancelled, "cancelled")
    add(wire, who, title="Sommet de la francophonie", language="fr", status="tentative")
    add(wire, who, title="Agency anniversary", status="confirmed")  # no language, no topic: everyone's
    english = reader(wire, server, "english", {"languages": ["en"]})
    sport = reader(wire, server, "sport", {"topics": ["medtop:15000000"]})
    site = reader(wire, server, "site", {"publicOnly": True})
    got = entries(english)
    assert [(e["event"], e["source"], e["status"]) for e in got] == [
        ("EU summit", "desk", "confirmed"), ("Farm fair", "desk", "cancelled"),
        ("Agency anniversary", "desk", "confirmed")]
    summit = next(e for e in got if e["event"] == "EU summit")
    assert summit["date"] == "2033-05-10" and summit["item"] is None and summit["literal"] is None
    assert summit["desk"]["start"] == "2033-05-10T09:00+02:00" and summit["desk"]["timeZone"] == "Europe/Brussels"
    assert summit["desk"]["placeUri"].startswith("https://sws.geonames.org/")
    assert "notes" not in summit["desk"] and "internal" not in str(got)
    assert sorted(e["event"] for e in entries(sport)) == ["Agency anniversary", "Farm fair",
                                                         "Sommet de la francophonie"]
    assert entries(site) == []


def test_a_found_event_the_desk_confirmed_is_shown_once_as_the_desks(served: tuple[Wire, LiveServer]) -> None:
    wire, server = served
    story = parse_ninjs(ninjs_story("en", uri="urn:diary:port")).evolve(planning=(
        PlannedEvent("port strike", "2033-05-12", "May 12"), PlannedEvent("ferry talks", "2033-05-20", "May 20")))
    wire.publish(story)
    who = users.create_user(wire.engine, "desk@agency.test", subscriber=None, role="chief", password="x" * 12).id
    add(wire, who, title="Port strike (all day)", starts="2033-05-12 00:00", language="en", status="confirmed",
        uri="urn:diary:port", found_start="2033-05-12", found_name="port strike")
    english = reader(wire, server, "english", {"languages": ["en"]})
    got = entries(english)
    assert [(e["date"], e["event"], e["source"]) for e in got] == [
        ("2033-05-12", "Port strike (all day)", "desk"), ("2033-05-20", "ferry talks", "story")]
    assert got[0]["item"]["uri"] == "urn:diary:port" and got[1]["status"] is None and got[1]["desk"] is None
    # a subscriber who may not read the story sees the desk's event without the story's link
    sport = reader(wire, server, "sport", {"topics": ["medtop:15000000"]})
    assert [(e["event"], e["item"]) for e in entries(sport)] == [("Port strike (all day)", None)]

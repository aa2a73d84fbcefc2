"""The diary through ``POST /v1/items``: a story is enriched as of its own date - its
versionCreated or firstCreated, else the moment it is published - so "next Tuesday" and a
date without a year resolve, and the stored version keeps the times it was given."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from newswire.store.tokens import create_token

from conftest import LiveServer

TUESDAY = 1

WIRE_TEXT = """URI: urn:newswire:test:diary-wire-text
Language: en

Ministers to meet next Tuesday on the budget
The finance committee sets its timetable.
ANKARA (AA) - Finance ministers will meet next Tuesday to agree the budget, officials said.
The committee will publish its report tomorrow.
"""


@pytest.fixture
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as c:
        yield c


def diary(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(start, literal) of every diary event the served ninjs carries."""
    return [
        (a["eventDetails"]["dates"]["expectedStartDate"],
         next(d["value"] for d in a["descriptions"] if d["role"] == "literal"))
        for a in doc.get("associations", ()) if a.get("rel") == "newswire:event"
    ]


def next_weekday(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7 or 7)


def test_a_story_without_a_date_is_read_as_of_its_publication(editor: httpx.Client) -> None:
    before = datetime.now(UTC).date()
    resp = editor.post("/v1/items", content=WIRE_TEXT.encode(),
                       headers={"Content-Type": "text/plain; charset=utf-8"})
    after = datetime.now(UTC).date()
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    expected = {
        day: [(next_weekday(day, TUESDAY).isoformat(), "next Tuesday"),
              ((day + timedelta(days=1)).isoformat(), "tomorrow")]
        for day in {before, after}  # publishing across midnight UTC
    }
    assert diary(doc) in expected.values()
    assert doc["versionCreated"][:10] in {before.isoformat(), after.isoformat()}  # the store's stamp
    stored = editor.get("/v1/items/urn:newswire:test:diary-wire-text").json()
    assert diary(stored) == diary(doc)


def test_a_story_with_its_own_date_is_read_as_of_that_date(editor: httpx.Client) -> None:
    story = {
        "uri": "urn:newswire:test:diary-dated",
        "type": "text",
        "language": "en",
        "versionCreated": "2026-11-19T09:00:00Z",  # a Thursday
        "headlines": [{"value": "Summit date set"}],
        "bodies": [{"contentType": "text/html", "value": (
            "<p>LONDON (Newswire) - Leaders will hold the summit on Dec. 4, officials said.</p>"
            "<p>Ministers meet next Tuesday. A first round of talks was held on Nov. 10.</p>")}],
    }
    resp = editor.post("/v1/items", content=json.dumps(story).encode(),
                       headers={"Content-Type": "application/json"})
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert diary(doc) == [("2026-12-04", "Dec. 4"), ("2026-11-24", "next Tuesday")]
    assert doc["versionCreated"].startswith("2026-11-19T09:00:00")

"""A time whose offset moves it past year 9999 or before year 1 in UTC is bad input: 422 for a
story, 400 for a search bound, never a 500 from the date arithmetic."""

from __future__ import annotations

import httpx
import pytest

from newswire.store.tokens import create_token

from conftest import LiveServer
from factories import as_bytes, ninjs_story
from wirekit import subscriber

LATE = "9999-12-31T23:59:59-23:59"  # year 10000 in UTC
EARLY = "0001-01-01T00:00:00+14:00"  # year 0 in UTC


@pytest.fixture
def editor(live: LiveServer) -> httpx.Client:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


@pytest.mark.parametrize("field", ["embargoedUntil", "versionCreated", "contentCreated"])
@pytest.mark.parametrize("moment", [LATE, EARLY])
def test_a_ninjs_time_outside_utc_years_is_a_422(editor: httpx.Client, field: str, moment: str) -> None:
    doc = {**ninjs_story("en", uri="urn:newswire:test:overflow"), field: moment}
    resp = editor.post("/v1/items", content=as_bytes(doc), headers={"Content-Type": "application/json"})
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_a_wire_text_embargo_outside_utc_years_is_a_422(editor: httpx.Client) -> None:
    text = f"URI: urn:newswire:test:overflow-text\nEmbargoed-Until: {EARLY}\n\nHeadline\nOne paragraph.\n"
    resp = editor.post("/v1/items", content=text.encode(), headers={"Content-Type": "text/plain"})
    assert resp.status_code == 422, resp.text


@pytest.mark.parametrize("bound", ["from", "to"])
@pytest.mark.parametrize("moment", [LATE, EARLY])
def test_a_search_bound_outside_utc_years_is_a_400(live: LiveServer, bound: str, moment: str) -> None:
    sub = subscriber(live, "searcher")
    resp = sub.client.get("/v1/search", params={"q": "storm", bound: moment})
    assert resp.status_code == 400, resp.text
    assert resp.json()["title"] == "Invalid time"


def test_the_last_second_of_year_9999_in_utc_is_still_a_time(editor: httpx.Client) -> None:
    doc = {**ninjs_story("en", uri="urn:newswire:test:far-embargo"), "embargoedUntil": "9999-12-31T23:59:59Z"}
    resp = editor.post("/v1/items", content=as_bytes(doc), headers={"Content-Type": "application/json"})
    assert resp.status_code == 201, resp.text

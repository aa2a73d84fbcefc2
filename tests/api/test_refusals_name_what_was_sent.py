"""A refusal names what the client sent and what it lacks, in plain English: the token a route
needs, and the stream's cursor by the name it came under (`?after=` or `Last-Event-ID`)."""

from __future__ import annotations

import httpx

from newswire.store.tokens import create_token

from conftest import LiveServer
from wirekit import subscriber


def test_a_subscriber_key_on_an_editor_route_is_told_it_needs_an_editor_token(live: LiveServer) -> None:
    sub = subscriber(live, "reader")
    resp = sub.client.post("/v1/items", content=b"{}", headers={"Content-Type": "application/json"})
    assert resp.status_code == 403
    assert resp.json()["detail"] == "This needs an editor or admin token."


def test_an_editor_token_on_a_subscriber_route_is_told_it_needs_a_subscriber_token(live: LiveServer) -> None:
    editor = create_token(live.wire.engine, "editor")
    resp = httpx.get(live.url + "/v1/feed", headers={"Authorization": f"Bearer {editor}"})
    assert resp.status_code == 403
    assert resp.json()["detail"] == "This needs a subscriber token."


def test_a_bad_stream_cursor_is_named_as_it_was_sent(live: LiveServer) -> None:
    sub = subscriber(live, "streamer")
    by_query = sub.client.get("/v1/stream", params={"after": "abc"})
    assert by_query.status_code == 400 and by_query.json()["detail"].startswith("after must be")
    by_header = sub.client.get("/v1/stream", headers={"Last-Event-ID": "abc"})
    assert by_header.status_code == 400 and by_header.json()["detail"].startswith("Last-Event-ID must be")
    ahead = sub.client.get("/v1/stream", params={"after": "99"})
    assert ahead.status_code == 400 and ahead.json()["detail"].startswith("after=99 is beyond")

"""The outgoing wire, live: the page names a point on the wire and ``GET /desk/updates``
answers what moved after it (by anyone: the desk, the API), the way the portal's flow gets its
own, read by the portal's own script, served beside the desk's."""

from __future__ import annotations

import re
import threading
import time

import httpx

from newswire.model import Item, Text
from newswire.store.tokens import create_token

from conftest import LiveServer
from deskkit import Visitor, at_desk, last_seq, live

__all__ = ["live"]


def publish(live: LiveServer, uri: str, headline: str) -> None:
    """A story moved by the API (``POST /v1/items`` with an editor's token)."""
    token = create_token(live.wire.engine, "editor")
    answer = httpx.post(f"{live.url}/v1/items", headers={"Authorization": f"Bearer {token}"},
                        json={"uri": uri, "headline": headline, "language": "en",
                              "body_html": "<p>Moved through the API.</p>"})
    assert answer.status_code in (200, 201), answer.text


def publish_here(live: LiveServer, uri: str, headline: str) -> None:
    """A story moved by another process of the wire (its ``Wire.publish``)."""
    live.wire.publish(Item(uri=uri, headlines=(Text(headline),), language="en",
                           bodies=(Text("<p>Moved by another desk.</p>", content_type="text/html"),)))


def test_the_wire_page_names_its_point_and_loads_the_portals_live_script(live: LiveServer) -> None:
    editor = at_desk(live, "live-editor@agency.example")
    page = editor.get("/desk/").text
    point = re.search(r'id="flow" data-updates="/desk/updates" data-after="(\d+)"', page)
    assert point is not None and int(point.group(1)) <= last_seq(live)
    assert 'id="flow-rows"' in page and 'id="new-bar"' in page and 'data-new="Show {n} new"' in page
    script = re.search(r'<script src="(/desk/static/portal\.js\?v=[0-9a-f]+)"', page)
    assert script is not None
    served = editor.get(script.group(1))
    assert served.status_code == 200 and "function live(table)" in served.text


def test_updates_answer_what_moved_after_the_point_newest_first(live: LiveServer) -> None:
    editor = at_desk(live, "live-editor2@agency.example")
    before = last_seq(live)
    publish(live, "urn:newswire:test:live-1", "First story after the point")
    publish(live, "urn:newswire:test:live-2", "Second story after the point")
    answer = editor.get(f"/desk/updates?after={before}")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    data = answer.json()
    assert [row["uri"] for row in data["rows"]] == ["urn:newswire:test:live-2", "urn:newswire:test:live-1"]
    assert data["next"] >= max(row["seq"] for row in data["rows"]) > before
    assert "<tr data-uri=\"urn:newswire:test:live-2\"" in data["rows"][0]["html"]
    assert "Second story after the point" in data["rows"][0]["html"]


def test_an_update_request_waits_for_the_next_story(live: LiveServer) -> None:
    editor = at_desk(live, "live-editor3@agency.example")
    point = last_seq(live)
    timer = threading.Timer(0.5, publish_here, (live, "urn:newswire:test:live-3", "Moved while the desk waited"))
    timer.start()
    started = time.monotonic()
    answer = editor.get(f"/desk/updates?after={point}", timeout=30)
    timer.join()
    assert answer.status_code == 200
    assert [row["uri"] for row in answer.json()["rows"]] == ["urn:newswire:test:live-3"]
    assert 0.3 < time.monotonic() - started < 10


def test_updates_refuse_a_bad_cursor_and_strangers(live: LiveServer) -> None:
    editor = at_desk(live, "live-editor4@agency.example")
    for bad in ("", "abc", "-1", "1" * 20):
        answer = editor.get(f"/desk/updates?after={bad}")
        assert answer.status_code == 400 and answer.headers["content-type"].startswith("application/problem+json")
    away = Visitor.at(live).get("/desk/updates?after=0")
    assert away.status_code == 401 and away.json()["status"] == 401

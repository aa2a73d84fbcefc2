"""A story with a picture on every subscriber channel: the stream, search and webhooks carry
the picture's renditions only to a subscriber that may read the picture itself."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image

from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer, open_wire
from receiver import Receiver, start_receiver
from schemas import assert_ninjs
from wirekit import read_sse, subscriber


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    w = open_wire(db_url, webhooks_allow_private=True, sse_heartbeat_seconds=0.5)
    yield w
    w.close()


@pytest.fixture
def hooks() -> Iterator[list[Receiver]]:
    made = [start_receiver(), start_receiver()]
    yield made
    for r in made:
        r.close()


def pictures_in(item: dict[str, Any], uri: str) -> list[str]:
    return [r["name"] for a in item.get("associations", []) if a["uri"] == uri for r in a.get("renditions", [])]


def test_every_channel_carries_the_picture_only_to_who_may_read_it(live: LiveServer, hooks: list[Receiver]) -> None:
    anyone, texts_only = subscriber(live, "pictures-too", {}), subscriber(live, "texts-only", {"types": ["text"]})
    for sub, hook in zip((anyone, texts_only), hooks, strict=True):
        assert sub.client.post("/v1/webhooks", json={"url": hook.url}).status_code == 201
    editor = httpx.Client(base_url=live.url, timeout=30,
                          headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"})
    jpeg = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 90)).save(jpeg, "JPEG")
    picture = editor.post("/v1/media", content=jpeg.getvalue(), headers={"Content-Type": "image/jpeg"},
                          params={"headline": "The lighthouse at dusk"}).json()
    story = {"uri": "urn:newswire:channels:lighthouse", "type": "text", "language": "en",
             "headlines": [{"value": "Lighthouse keeper retires after forty years"}],
             "bodies": [{"contentType": "text/html", "value": "<p>The lighthouse keeper retired on Friday.</p>"}],
             "associations": [{"name": "featureimage", "type": "picture", "uri": picture["uri"]}]}
    assert editor.post("/v1/items", content=json.dumps(story),
                       headers={"Content-Type": "application/json"}).status_code == 201
    expected = {anyone.name: ["original", "baseImage", "viewImage", "thumbnail", "preview"], texts_only.name: []}
    for sub, hook in zip((anyone, texts_only), hooks, strict=True):
        streamed = [e["data"] for e in read_sse(sub.client, 1 + (sub is anyone), params={"after": "0"}, timeout=5)
                    if e["data"]["uri"] == story["uri"]]
        [found] = sub.client.get("/v1/search", params={"q": "lighthouse keeper"}).json()["results"]
        delivered = [r.json["data"]["item"] for r in hook.wait_for(1 + (sub is anyone))
                     if r.json["data"]["item"]["uri"] == story["uri"]]
        for item in (*streamed, found["item"], *delivered):
            assert_ninjs(item)
            assert pictures_in(item, picture["uri"]) == expected[sub.name], sub.name
        assert len(streamed) == 1 and len(delivered) == 1

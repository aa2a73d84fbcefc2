"""Every channel that hands a subscriber renditions hands them as signed, time-limited hrefs
(item reads, feed in JSON and NewsML-G2, stream, search, webhooks), each opening its
rendition without the key, for that subscriber only, while its key or endpoint lives."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from lxml import etree
from PIL import Image

from newswire import formats
from newswire.config import Settings
from newswire.media import links
from newswire.model import Association, Item, Rendition, Text
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer, open_wire
from receiver import Receiver, start_receiver
from wirekit import read_sse, subscriber

G2 = "{http://iptc.org/std/nar/2006-10-01/}"


def test_signing_rendered_bytes_equals_rendering_the_signed_item() -> None:
    settings = Settings(base_url="https://wire.example")
    uri = "urn:newswire:picture:abc&<x>"

    def renditions(of: str) -> tuple[Rendition, ...]:
        return tuple(Rendition(links.href(settings, of, 3, name), name, "image/jpeg", 100, 80)
                     for name in ("original", "viewImage", "thumbnail"))

    at = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    picture = Item(uri=uri, version=3, version_created=at, type="picture", headlines=(Text("A harbour"),),
                   renditions=(*renditions(uri), Rendition("https://partner.example/p.jpg", "remote", "image/jpeg")))
    story = Item(uri="urn:newswire:story:1", version=1, version_created=at, type="text",
                 headlines=(Text("Harbour reopens"),),
                 bodies=(Text("<p>See https://wire.example/v1/media/urn:x/1/original.</p>", "text/html"),),
                 associations=(Association(uri, type="picture", renditions=renditions(uri)),))
    signer = links.Signer(settings, 7, "abc123", now=1_000_000)
    for item in (picture, story):
        for fmt in ("ninjs", "ninjs2", "newsml", "nitf"):
            assert signer.body(formats.serialize(item, fmt), fmt) == formats.serialize(signer.item(item), fmt), fmt
    signed = signer.item(picture)
    assert all("sig=" in r.href for r in signed.renditions if r.name != "remote")
    assert signed.renditions[-1].href == "https://partner.example/p.jpg"  # not the wire's: left alone


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    w = open_wire(db_url, webhooks_allow_private=True, sse_heartbeat_seconds=0.5)
    yield w
    w.close()


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = start_receiver()
    yield receiver
    receiver.close()


def local(href: str) -> str:
    parts = urlsplit(href)
    return f"{parts.path}?{parts.query}"


def hrefs(item: dict[str, Any]) -> list[str]:
    found = [r["href"] for r in item.get("renditions", [])]
    return found + [r["href"] for a in item.get("associations", []) for r in a.get("renditions", [])]


def opens(live: LiveServer, href: str) -> int:
    deadline = time.monotonic() + 20
    while (status := httpx.get(live.url + local(href)).status_code) == 503 and time.monotonic() < deadline:
        time.sleep(0.1)
    return status


def test_every_channel_signs_the_renditions_it_hands_out(live: LiveServer, hook: Receiver) -> None:
    sub = subscriber(live, "signed-everywhere", {})
    key_id = sub.key.split("_")[1]
    created = sub.client.post("/v1/webhooks", json={"url": hook.url})
    assert created.status_code == 201
    endpoint = created.json()["id"]
    editor = httpx.Client(base_url=live.url, timeout=30,
                          headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"})
    jpeg = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 90)).save(jpeg, "JPEG")
    picture = editor.post("/v1/media", content=jpeg.getvalue(), headers={"Content-Type": "image/jpeg"},
                          params={"headline": "The lighthouse at dusk", "description": "The lighthouse."}).json()
    story = {"uri": "urn:newswire:signed:lighthouse", "type": "text", "language": "en",
             "headlines": [{"value": "Lighthouse keeper retires after forty years"}],
             "bodies": [{"contentType": "text/html", "value": "<p>The lighthouse keeper retired on Friday.</p>"}],
             "associations": [{"name": "featureimage", "type": "picture", "uri": picture["uri"]}]}
    assert editor.post("/v1/items", content=json.dumps(story),
                       headers={"Content-Type": "application/json"}).status_code == 201

    items: dict[str, list[dict[str, Any]]] = {
        "item": [sub.client.get(f"/v1/items/{uri}").json() for uri in (picture["uri"], story["uri"])],
        "feed": [e["item"] for e in sub.client.get("/v1/feed", params={"after": "0"}).json()["events"]],
        "stream": [e["data"] for e in read_sse(sub.client, 2, params={"after": "0"}, timeout=5)],
        "search": [r["item"] for r in sub.client.get("/v1/search", params={"q": "lighthouse"}).json()["results"]],
        "webhook": [r.json["data"]["item"] for r in hook.wait_for(2)],
    }
    page = sub.client.get("/v1/feed", params={"after": "0", "format": "newsml"})
    root = etree.fromstring(page.content)
    xml_hrefs = [e.get("href") for e in root.iter(f"{G2}remoteContent", f"{G2}icon")]
    assert len(xml_hrefs) == 10, page.text  # the picture's five, and the same five in the story

    for channel, found in [*items.items(), ("newsml", [{"renditions": [{"href": h} for h in xml_hrefs]}])]:
        all_hrefs = [h for item in found for h in hrefs(item)]
        assert len(all_hrefs) == 10, channel
        for href in all_hrefs:
            query = parse_qs(urlsplit(href).query)
            assert set(query) == {"sub", "key", "exp", "sig"}, (channel, href)
            assert query["sub"] == [str(sub.id)]
            assert query["key"] == [endpoint if channel == "webhook" else key_id], channel
            assert int(query["exp"][0]) > time.time() + 3600
        thumbnail = next(h for h in all_hrefs if "/thumbnail?" in h)
        assert opens(live, thumbnail) == 200, channel

    webhook_link = next(h for h in hrefs(items["webhook"][0]) if "/original?" in h)
    feed_link = next(h for h in hrefs(items["feed"][0]) if "/original?" in h)
    assert sub.client.delete(f"/v1/webhooks/{endpoint}").status_code == 204
    gone = httpx.get(live.url + local(webhook_link))
    assert gone.status_code == 403 and "deleted" in gone.json()["detail"]
    assert httpx.get(live.url + local(feed_link)).status_code == 200  # the key's links still open


def test_a_link_signed_for_one_endpoint_does_not_open_for_another_subscriber(live: LiveServer) -> None:
    one, other = subscriber(live, "link-one", {}), subscriber(live, "link-two", {})
    endpoint = one.client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}).json()["id"]
    editor = httpx.Client(base_url=live.url, timeout=30,
                          headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"})
    jpeg = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 20, 20)).save(jpeg, "JPEG")
    uri = editor.post("/v1/media", content=jpeg.getvalue(), headers={"Content-Type": "image/jpeg"}).json()["uri"]
    # another subscriber's id with the first one's endpoint: the endpoint is not theirs
    forged = links.Signer(live.wire.settings, other.id, endpoint).query(uri, 1, "original")
    assert httpx.get(f"{live.url}{links.media_path(uri, 1, 'original')}?{forged}").status_code == 403
    mine = links.Signer(live.wire.settings, one.id, endpoint).query(uri, 1, "original")
    assert httpx.get(f"{live.url}{links.media_path(uri, 1, 'original')}?{mine}").status_code == 200

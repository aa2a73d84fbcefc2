"""Videos over real HTTP, on SQLite and PostgreSQL: an editor uploads an MP4 or a MOV, it is
a ``video`` item at once, the worker makes its poster, thumbnail and preview clip, and
subscribers download them through signed URLs with Range, decided per version by the one
entitlement rule: products choose renditions, a kill answers 410, every download is audited.
Files that are not videos the wire takes are refused and leave nothing behind."""

from __future__ import annotations

import io
import itertools
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

av = pytest.importorskip("av")

import test_media_api  # noqa: E402
from PIL import Image  # noqa: E402
from sqlalchemy import select  # noqa: E402
from test_media_api import fetch_when_made, local, renditions, upload  # noqa: E402

from newswire.media.links import media_path  # noqa: E402
from newswire.media.video_synth import Clip, encode, sound_only  # noqa: E402
from newswire.store.engine import read_tx  # noqa: E402
from newswire.store.tables import items, usage  # noqa: E402

from conftest import LiveServer  # noqa: E402
from schemas import G2_XSD, assert_ninjs, assert_valid, load_schema  # noqa: E402
from wirekit import Sub, subscriber  # noqa: E402

_n = itertools.count()
live, editor = test_media_api.live, test_media_api.editor  # the same fixtures: a server of this module's own
MP4 = "video/mp4"
TAGS = {"title": "Ferry leaves Kadıköy at dawn", "comment": "The first ferry of the day crosses the Bosphorus.",
        "artist": "Ayşe Yılmaz", "creation_time": "2026-11-30T07:45:00Z"}


def clip(tmp_path: Path, **kw: Any) -> bytes:
    """A video no other test posts (its comment differs)."""
    n = next(_n)
    metadata = {**TAGS, "comment": f"{TAGS['comment']} Take {n}.", **kw.pop("metadata", {})}
    return encode(tmp_path / f"clip-{n}.mp4", Clip(metadata=metadata, **kw)).read_bytes()


def reader(live: LiveServer, filters: dict[str, Any] | None = None) -> Sub:
    return subscriber(live, f"video-sub-{next(_n)}", filters)


def test_an_upload_becomes_a_video_item_filled_from_the_container(live: LiveServer, editor: httpx.Client,
                                                                   tmp_path: Path) -> None:
    data = clip(tmp_path, width=96, height=64, seconds=2, tone=True)
    resp = upload(editor, data, MP4)
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert_ninjs(doc)
    assert doc["type"] == "video"
    assert doc["headlines"][0]["value"] == TAGS["title"]
    assert "crosses the Bosphorus" in doc["bodies"][0]["value"] and doc["by"] == "Ayşe Yılmaz"
    assert doc["contentCreated"].startswith("2026-11-30T07:45:00")
    found = renditions(doc)
    assert list(found) == ["original", "poster", "thumbnail", "preview"]
    original = found["original"]
    assert original | {"href": "", "duration": 2} == {
        "name": "original", "href": "", "contentType": "video/mp4", "width": 96, "height": 64,
        "sizeInBytes": len(data), "duration": 2, "videoCodec": "H.264", "frameRate": 25}
    assert original["duration"] == pytest.approx(2.0, abs=0.05)
    assert found["preview"]["duration"] == pytest.approx(2.0, abs=0.05)
    assert (found["preview"]["contentType"], found["poster"]["contentType"]) == ("video/mp4", "image/jpeg")
    assert local(found["preview"]["href"]) == media_path(doc["uri"], 1, "preview")
    again = upload(editor, data, MP4)
    assert again.status_code == 200 and again.json()["version"] == "1"


def test_what_the_editor_posts_wins_and_a_mov_is_taken(live: LiveServer, editor: httpx.Client,
                                                        tmp_path: Path) -> None:
    n = next(_n)
    mov = encode(tmp_path / "h265.mov", Clip(codec="hevc", container="mov", metadata={"title": f"Camera {n}"}))
    resp = editor.post("/v1/media", files={"file": ("clip.mov", mov.read_bytes(), "video/quicktime")},
                       data={"headline": "Editor's headline", "byline": "Desk One", "language": "en"})
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert doc["headlines"][0]["value"] == "Editor's headline" and doc["by"] == "Desk One"
    assert renditions(doc)["original"]["contentType"] == "video/quicktime"
    assert renditions(doc)["original"]["videoCodec"] == "H.265"
    assert renditions(doc)["preview"]["videoCodec"] == "H.264"


def test_the_worker_makes_a_poster_and_an_h264_preview_clip(live: LiveServer, editor: httpx.Client,
                                                             tmp_path: Path) -> None:
    data = clip(tmp_path, width=96, height=64, seconds=1.5, rotation=90)
    doc = upload(editor, data, MP4).json()
    found = renditions(doc)
    assert (found["original"]["width"], found["original"]["height"]) == (64, 96)  # upright
    original = editor.get(local(found["original"]["href"]))
    assert original.status_code == 200 and original.content == data
    poster = fetch_when_made(editor, found["poster"]["href"])
    assert poster.status_code == 200 and poster.headers["content-type"] == "image/jpeg"
    im = Image.open(io.BytesIO(poster.content))
    assert im.size == (found["poster"]["width"], found["poster"]["height"]) == (64, 96)
    thumb = fetch_when_made(editor, found["thumbnail"]["href"])
    assert Image.open(io.BytesIO(thumb.content)).size == (found["thumbnail"]["width"], found["thumbnail"]["height"])
    preview = fetch_when_made(editor, found["preview"]["href"])
    assert preview.status_code == 200 and preview.headers["content-type"] == "video/mp4"
    container = av.open(io.BytesIO(preview.content))
    stream = container.streams.video[0]
    assert stream.codec_context.name == "h264"
    assert (stream.codec_context.width, stream.codec_context.height) == (found["preview"]["width"],
                                                                          found["preview"]["height"])
    assert float(stream.duration * stream.time_base) == pytest.approx(found["preview"]["duration"], abs=0.05)
    assert len(list(container.decode(stream))) == 38  # 1.5 s at 25 frames a second (the last one rounded)


def test_a_subscriber_seeks_in_the_preview_with_range_requests(live: LiveServer, editor: httpx.Client,
                                                                tmp_path: Path) -> None:
    doc = upload(editor, clip(tmp_path, width=64, height=48, seconds=2), MP4).json()
    sub = reader(live)
    item = sub.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(item)
    href = renditions(item)["preview"]["href"]
    anonymous = httpx.Client(base_url=live.url, timeout=30)
    whole = fetch_when_made(anonymous, href)
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    size = len(whole.content)
    head = anonymous.get(local(href), headers={"Range": "bytes=0-1023"})
    assert head.status_code == 206 and head.headers["content-range"] == f"bytes 0-1023/{size}"
    assert head.content == whole.content[:1024] and head.content[4:8] == b"ftyp"
    middle = anonymous.get(local(href), headers={"Range": f"bytes={size // 2}-{size // 2 + 99}"})
    assert middle.status_code == 206 and middle.content == whole.content[size // 2:size // 2 + 100]
    tail = anonymous.get(local(href), headers={"Range": "bytes=-64"})
    assert tail.status_code == 206 and tail.content == whole.content[-64:]
    stale = anonymous.get(local(href), headers={"Range": "bytes=0-9", "If-Range": '"another"'})
    assert stale.status_code == 200 and stale.content == whole.content
    assert anonymous.get(local(href), headers={"Range": f"bytes={size}-"}).status_code == 416
    cached = anonymous.get(local(href), headers={"If-None-Match": whole.headers["etag"]})
    assert cached.status_code == 304


def test_products_choose_video_renditions(live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    doc = upload(editor, clip(tmp_path), MP4).json()
    texts_only = reader(live, {"types": ["text"]})
    assert texts_only.client.get(f"/v1/items/{doc['uri']}").status_code == 404
    assert texts_only.client.get(media_path(doc["uri"], 1, "preview")).status_code == 404
    posters = reader(live, {"types": ["video"], "renditions": ["poster", "thumbnail"]})
    item = posters.client.get(f"/v1/items/{doc['uri']}").json()
    assert sorted(renditions(item)) == ["poster", "thumbnail"]
    assert fetch_when_made(posters.client, media_path(doc["uri"], 1, "poster")).status_code == 200
    assert posters.client.get(media_path(doc["uri"], 1, "preview")).status_code == 404
    assert posters.client.get(media_path(doc["uri"], 1, "original")).status_code == 404


def test_an_embargoed_video_waits_and_a_kill_turns_it_410(live: LiveServer, editor: httpx.Client,
                                                          tmp_path: Path) -> None:
    embargoed = upload(editor, clip(tmp_path), MP4, embargoed="2099-01-01T00:00:00Z").json()
    sub = reader(live)
    assert sub.client.get(media_path(embargoed["uri"], 1, "original")).status_code == 404
    doc = upload(editor, clip(tmp_path), MP4).json()
    href = renditions(sub.client.get(f"/v1/items/{doc['uri']}").json())["preview"]["href"]
    assert fetch_when_made(httpx.Client(base_url=live.url), href).status_code == 200
    assert editor.post(f"/v1/items/{doc['uri']}/kill", json={"reason": "wrong ferry"}).status_code == 200
    assert httpx.get(live.url + local(href), headers={"Range": "bytes=0-99"}).status_code == 410
    assert sub.client.get(media_path(doc["uri"], 1, "poster")).status_code == 410


def test_video_downloads_are_in_the_usage_audit(live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    doc = upload(editor, clip(tmp_path), MP4).json()
    sub = reader(live)
    assert fetch_when_made(sub.client, renditions(doc)["preview"]["href"],
                           headers={"Range": "bytes=0-99"}).status_code == 206
    assert sub.client.get(media_path(doc["uri"], 1, "original")).status_code == 200
    deadline = time.monotonic() + 5
    while True:
        with read_tx(live.wire.engine) as conn:
            rows = conn.execute(select(usage.c.subscriber_id, usage.c.channel, usage.c.rendition)
                                .where(usage.c.uri == doc["uri"])).all()
        if len(rows) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert sorted(rows, key=lambda r: r[2]) == [(sub.id, "media", "original"), (sub.id, "media", "preview")]


def test_newsml_g2_carries_the_videos_duration(live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    doc = upload(editor, clip(tmp_path, seconds=1), MP4).json()
    xml = editor.get(f"/v1/items/{doc['uri']}", params={"format": "newsml"})
    root = assert_valid(load_schema(G2_XSD), xml.content)
    remote = {r.get("href", "").rsplit("/", 1)[-1]: r
              for r in root.findall(".//{http://iptc.org/std/nar/2006-10-01/}remoteContent")}
    assert (remote["original"].get("contenttype"), remote["original"].get("duration")) == ("video/mp4", "1")
    assert remote["preview"].get("duration") == "1" and remote["poster"].get("duration") is None


def count_items(live: LiveServer) -> int:
    with read_tx(live.wire.engine) as conn:
        return len(conn.execute(select(items.c.uri)).all())


def blob_files(live: LiveServer) -> set[Path]:
    root = live.wire.settings.data_dir / "media"
    return {p for p in root.rglob("*") if p.is_file() and "tmp" not in p.parts}


def bad_videos(tmp_path: Path) -> dict[str, tuple[bytes, str, int, str]]:
    good = encode(tmp_path / "good.mp4", Clip(seconds=1)).read_bytes()
    return {
        "sound-only": (sound_only(tmp_path / "sound.mp4").read_bytes(), "video/mp4", 422, "No video stream"),
        "truncated": (good[: len(good) * 2 // 3], "video/mp4", 422, "Truncated video"),
        "corrupt": (good[:32] + bytes(range(256)) * 16, "video/mp4", 422, "Unreadable video"),
        "declared-picture": (good, "image/jpeg", 415, "Type mismatch"),
        "not-a-video": (b"\xff\xd8\xff\xe0" + b"\0" * 64, "video/mp4", 415, "Type mismatch"),
    }


@pytest.mark.parametrize("case", ["sound-only", "truncated", "corrupt", "declared-picture", "not-a-video"])
def test_bad_videos_are_refused_and_leave_nothing(live: LiveServer, editor: httpx.Client, tmp_path: Path,
                                                  case: str) -> None:
    data, content_type, status, title = bad_videos(tmp_path)[case]
    before_items, before_blobs = count_items(live), blob_files(live)
    resp = upload(editor, data, content_type)
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == "application/problem+json" and resp.json()["title"] == title
    assert count_items(live) == before_items and blob_files(live) == before_blobs

"""Stories with the wire's own videos, over real HTTP on SQLite and PostgreSQL: an upload with
``associate=<story uri>`` becomes the story's next version's association, and each subscriber
gets the video's renditions its products allow, in ninjs, NewsML-G2 and NITF (valid against
their schemas); a story that cannot take it refuses the upload before anything is stored."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("av")

import test_media_api
from test_attach import feed_item, picture_of, post_story
from test_media_api import unique_jpeg, upload

from newswire.media.video_synth import Clip, encode

from conftest import LiveServer
from schemas import G2_XSD, NITF_XSD, assert_ninjs, assert_valid, load_schema
from wirekit import Sub, subscriber

_n = itertools.count()
live, editor = test_media_api.live, test_media_api.editor  # the same fixtures: a server of this module's own
MP4 = "video/mp4"
G2 = "{http://iptc.org/std/nar/2006-10-01/}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"
VIDEO_NAMES = ["original", "poster", "thumbnail", "preview"]


def clip(tmp_path: Path) -> bytes:
    """A short video no other test posts (its comment differs)."""
    n = next(_n)
    path = encode(tmp_path / f"lead-{n}.mp4", Clip(width=96, height=64, seconds=1.0, metadata={
        "title": "Ferry leaves Kadıköy at dawn", "comment": f"The first ferry crosses the Bosphorus. Take {n}.",
        "artist": "Ayşe Yılmaz"}))
    return path.read_bytes()


def story(**extra: Any) -> dict[str, Any]:
    n = next(_n)
    return {"uri": f"urn:newswire:attach-video-test:{n}", "type": "text", "language": "en",
            "headlines": [{"role": "main", "value": f"Ferries stop as fog closes the Bosphorus ({n})"}],
            "bodies": [{"role": "main", "contentType": "text/html",
                        "value": "<p>Ferry services stopped on Monday morning, the operator said.</p>"}], **extra}


def reader(live: LiveServer, filters: dict[str, Any] | None = None) -> Sub:
    return subscriber(live, f"attach-video-sub-{next(_n)}", filters)


def names(association: dict[str, Any] | None) -> list[str]:
    assert association is not None
    return [r["name"] for r in association.get("renditions", [])]


def test_an_upload_associated_with_a_story_reaches_each_subscriber_as_its_products_allow(
        live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    doc = story()
    assert post_story(editor, doc).status_code == 201
    anyone = reader(live)
    stills_only = reader(live, {"types": ["text", "picture"]})
    small = reader(live, {"types": ["text", "video"], "renditions": ["poster", "preview"]})
    data = clip(tmp_path)
    resp = upload(editor, data, MP4, associate=doc["uri"], public="true")
    assert resp.status_code == 201, resp.text
    video = resp.json()
    assert video["type"] == "video" and resp.headers["x-associated-version"] == "2"
    stored = editor.get(f"/v1/items/{doc['uri']}").json()
    assert stored["version"] == "2"
    link = picture_of(stored, video["uri"])
    assert link is not None and (link["name"], link["type"]) == ("featurevideo", "video")
    # a subscriber whose products take videos: every rendition, signed, with the caption and duration
    got = anyone.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(got)
    found = picture_of(got, video["uri"])
    assert names(found) == VIDEO_NAMES
    assert found is not None and "sig=" in found["renditions"][0]["href"]
    preview = next(r for r in found["renditions"] if r["name"] == "preview")
    assert (preview["contentType"], preview["videoCodec"]) == (MP4, "H.264") and preview["duration"] > 0
    assert names(picture_of(feed_item(anyone, doc["uri"]), video["uri"])) == VIDEO_NAMES
    # products that carry two renditions of videos: those two; products without videos: no video at all
    assert names(picture_of(small.client.get(f"/v1/items/{doc['uri']}").json(), video["uri"])) == \
        ["poster", "preview"]
    for seen in (stills_only.client.get(f"/v1/items/{doc['uri']}").json(), feed_item(stills_only, doc["uri"])):
        assert_ninjs(seen)
        assert picture_of(seen, video["uri"]) is None and "/v1/media/" not in json.dumps(seen)
    # NewsML-G2 (the link's icons) and NITF (a media of class association), valid against their XSDs
    g2 = assert_valid(load_schema(G2_XSD), small.client.get(f"/v1/items/{doc['uri']}",
                                                            params={"format": "newsml"}).content)
    [g2_link] = [el for el in g2.iter(f"{G2}link") if el.get("residref") == video["uri"]]
    assert g2_link.find(f"{G2}itemClass").get("qcode") == "ninat:video"  # type: ignore[union-attr]
    assert [i.get("href", "").split("?")[0].rsplit("/", 1)[1] for i in g2_link.findall(f"{G2}icon")] == \
        ["poster", "preview"]
    nitf = assert_valid(load_schema(NITF_XSD), anyone.client.get(f"/v1/items/{doc['uri']}",
                                                                 params={"format": "nitf"}).content)
    [media] = [m for m in nitf.iter(f"{NITF}media") if m.get("class") == "association"]
    meta = {m.get("name"): m.get("value") for m in media.findall(f"{NITF}media-metadata")}
    assert (meta["uri"], meta["type"]) == (video["uri"], "video")
    assert [r.get("name") for r in media.findall(f"{NITF}media-reference")] == VIDEO_NAMES
    assert "first ferry crosses" in (media.findtext(f"{NITF}media-caption") or "")
    assert media.findtext(f"{NITF}media-producer") == "Ayşe Yılmaz"
    # the same upload again: the story associates it already, nothing appended to either
    again = upload(editor, data, MP4, associate=doc["uri"], public="true")
    assert again.status_code == 200 and again.headers["x-associated-version"] == "2"


def test_a_picture_then_a_video_each_join_the_story_after_what_it_holds(live: LiveServer, editor: httpx.Client,
                                                                         tmp_path: Path) -> None:
    doc = story()
    assert post_story(editor, doc).status_code == 201
    picture = editor.post("/v1/media", files={"file": ("p.jpg", unique_jpeg(), "image/jpeg")},
                          data={"associate": doc["uri"]})  # multipart takes the option too
    assert picture.status_code == 201, picture.text
    video = upload(editor, clip(tmp_path), MP4, associate=doc["uri"])
    assert video.status_code == 201 and video.headers["x-associated-version"] == "3"
    got = editor.get(f"/v1/items/{doc['uri']}").json()
    assert [(a["name"], a["type"], a["uri"]) for a in got["associations"] if a["type"] != "text"] == [
        ("featureimage", "picture", picture.json()["uri"]), ("featurevideo", "video", video.json()["uri"])]
    assert "signals" not in got or "sig:correction" not in json.dumps(got["signals"])


def test_a_story_that_cannot_take_the_upload_refuses_it_and_nothing_is_stored(
        live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    killed = story()
    assert post_story(editor, killed).status_code == 201
    assert editor.post(f"/v1/items/{killed['uri']}/kill", json={"reason": "wrong story"}).status_code == 200
    picture = upload(editor, unique_jpeg()).json()
    data = clip(tmp_path)
    for target, says in (("urn:newswire:attach-video-test:nothing", "no item"), (killed["uri"], "was killed"),
                         (picture["uri"], "a picture item")):
        uri = f"urn:newswire:video:refused-{next(_n)}"
        resp = upload(editor, data, MP4, associate=target, uri=uri)
        assert resp.status_code == 422 and resp.headers["content-type"] == "application/problem+json", resp.text
        assert says in resp.json()["detail"]
        assert editor.get(f"/v1/items/{uri}").status_code == 404  # the video was not stored either
    bad = upload(editor, data, MP4, associate="urn:with space")
    assert bad.status_code == 400 and "associate" in bad.json()["detail"]


def test_a_story_may_associate_a_wire_video_when_posted_but_not_an_unknown_one(
        live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    video = upload(editor, clip(tmp_path), MP4).json()
    doc = story(associations=[{"name": "featurevideo", "type": "video", "uri": video["uri"]}])
    assert post_story(editor, doc).status_code == 201
    assert names(picture_of(reader(live).client.get(f"/v1/items/{doc['uri']}").json(), video["uri"])) == VIDEO_NAMES
    unknown = story(associations=[{"type": "video", "uri": "urn:newswire:video:nothing-here"}])
    resp = post_story(editor, unknown)
    assert resp.status_code == 422 and "names no video item" in resp.json()["detail"]
    # a link typed otherwise (a near-duplicate's, type text) to a video stays a plain link
    related = story(associations=[{"rel": "related", "type": "text", "uri": video["uri"]}])
    assert post_story(editor, related).status_code == 201
    got = picture_of(reader(live).client.get(f"/v1/items/{related['uri']}").json(), video["uri"])
    assert got == {"name": "related", "rel": "related", "type": "text", "uri": video["uri"]}

"""Graphics (infographics, maps, charts): a still the editor calls a graphic (``type=graphic``
on ``POST /v1/media``, raw or multipart; ``newswire ingest --graphics``) is a ``graphic``
item with a picture's renditions, metadata and entitlement, over real HTTP on SQLite and
PostgreSQL: valid ninjs 3.2, NewsML-G2 (``ninat:graphic``) and NITF; products select it by
type apart from photos, a story associates it, and its perceptual hash finds the photo it
duplicates."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import httpx
import test_media_api
from test_attach import picture_of, post_story
from test_folder_ingest import ingest, published
from test_media_api import fetch_when_made, renditions, unique_jpeg, upload
from test_similar import photo

from conftest import LiveServer
from pictures import drawn, encoded
from schemas import G2_XSD, NITF_XSD, assert_ninjs, assert_valid, load_schema
from wirekit import Sub, subscriber

_n = itertools.count()
live, editor = test_media_api.live, test_media_api.editor  # the same fixtures: a server of this module's own
G2 = "{http://iptc.org/std/nar/2006-10-01/}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"
STILL_NAMES = ["baseImage", "original", "preview", "thumbnail", "viewImage"]


def reader(live: LiveServer, filters: dict[str, Any] | None = None) -> Sub:
    return subscriber(live, f"graphic-sub-{next(_n)}", filters)


def test_an_upload_with_type_graphic_is_a_graphic_item_valid_in_every_format(
        live: LiveServer, editor: httpx.Client) -> None:
    resp = upload(editor, unique_jpeg(), type="graphic")
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert_ninjs(doc)
    assert doc["type"] == "graphic" and doc["uri"].startswith("urn:newswire:graphic:")
    assert doc["headlines"][0]["value"] == "Crowds gather in Ankara"  # the file's metadata, as a picture's
    assert sorted(renditions(doc)) == STILL_NAMES
    assert fetch_when_made(editor, renditions(doc)["thumbnail"]["href"]).status_code == 200  # the worker made it
    # the same bytes and fields again: the same graphic, nothing appended
    original = fetch_when_made(editor, renditions(doc)["original"]["href"]).content
    assert upload(editor, original, type="graphic").json()["uri"] == doc["uri"]
    assert upload(editor, original, type="graphic").status_code == 200
    g2 = editor.get(f"/v1/items/{doc['uri']}", params={"format": "newsml"})
    root = assert_valid(load_schema(G2_XSD), g2.content)
    assert root.find(f"{G2}itemMeta/{G2}itemClass").get("qcode") == "ninat:graphic"
    assert len(root.findall(f".//{G2}remoteContent")) == len(STILL_NAMES)
    nitf = assert_valid(load_schema(NITF_XSD), editor.get(f"/v1/items/{doc['uri']}", params={"format": "nitf"}).content)
    media = nitf.findall(f".//{NITF}media")
    assert [m.get("media-type") for m in media] == ["image"]
    assert len(media[0].findall(f"{NITF}media-reference")) == len(STILL_NAMES)


def test_a_multipart_upload_takes_the_type_field(live: LiveServer, editor: httpx.Client) -> None:
    resp = editor.post("/v1/media", files={"file": ("chart.png", encoded(drawn((400, 300)), "PNG"), "image/png")},
                       data={"type": "graphic", "headline": "Inflation since 2020", "caption": "Monthly rate."})
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert (doc["type"], doc["headlines"][0]["value"]) == ("graphic", "Inflation since 2020")
    assert_ninjs(doc)
    # without a type a still is a picture, as before
    assert upload(editor, unique_jpeg()).json()["type"] == "picture"


def test_a_type_the_bytes_disagree_with_is_refused(live: LiveServer, editor: httpx.Client) -> None:
    bad = upload(editor, unique_jpeg(), type="chart")
    assert bad.status_code == 400 and "type" in bad.json()["detail"]
    mismatch = upload(editor, unique_jpeg(), type="video")
    assert mismatch.status_code == 422 and "not an MP4" in mismatch.json()["detail"]


def test_products_select_graphics_apart_from_pictures(live: LiveServer, editor: httpx.Client) -> None:
    graphic = upload(editor, unique_jpeg(), type="graphic").json()
    picture = upload(editor, unique_jpeg()).json()
    graphics = reader(live, {"types": ["graphic"], "renditions": ["thumbnail", "viewImage"]})
    photos = reader(live, {"types": ["picture"]})
    got = graphics.client.get(f"/v1/items/{graphic['uri']}")
    assert got.status_code == 200
    assert_ninjs(got.json())
    assert sorted(renditions(got.json())) == ["thumbnail", "viewImage"]  # the product's renditions only
    assert graphics.client.get(f"/v1/items/{picture['uri']}").status_code == 404
    assert photos.client.get(f"/v1/items/{graphic['uri']}").status_code == 404
    assert photos.client.get(f"/v1/items/{picture['uri']}").status_code == 200
    # a rendition the graphics product does not carry does not download, even for an editor's href
    original = test_media_api.local(renditions(graphic)["original"]["href"]).split("?")[0]
    assert graphics.client.get(original).status_code == 404
    fed = {e["item"]["uri"] for e in graphics.feed(limit=100)["events"]}
    assert graphic["uri"] in fed and picture["uri"] not in fed


def test_a_story_associates_a_graphic(live: LiveServer, editor: httpx.Client) -> None:
    n = next(_n)
    doc = {"uri": f"urn:newswire:graphic-story:{n}", "type": "text", "language": "en",
           "headlines": [{"role": "main", "value": f"Prices rose again in November ({n})"}],
           "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>Inflation rose, data showed.</p>"}]}
    assert post_story(editor, doc).status_code == 201
    resp = upload(editor, unique_jpeg(), type="graphic", associate=doc["uri"])
    assert resp.status_code == 201, resp.text
    graphic = resp.json()
    stored = editor.get(f"/v1/items/{doc['uri']}").json()
    link = picture_of(stored, graphic["uri"])
    assert link is not None and (link["name"], link["type"]) == ("featureimage", "graphic")
    anyone, texts_only = reader(live), reader(live, {"types": ["text"]})
    got = anyone.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(got)
    assert sorted(r["name"] for r in picture_of(got, graphic["uri"])["renditions"]) == STILL_NAMES  # type: ignore[index]
    assert picture_of(texts_only.client.get(f"/v1/items/{doc['uri']}").json(), graphic["uri"]) is None
    # a story posted naming the graphic (typed as a picture, or untyped) stores it as a graphic
    other = {**doc, "uri": f"{doc['uri']}:b", "associations": [{"name": "featureimage", "uri": graphic["uri"]}]}
    assert picture_of(post_story(editor, other).json(), graphic["uri"])["type"] == "graphic"  # type: ignore[index]
    nitf = anyone.client.get(f"/v1/items/{doc['uri']}", params={"format": "nitf"})
    assert_valid(load_schema(NITF_XSD), nitf.content)
    g2 = anyone.client.get(f"/v1/items/{doc['uri']}", params={"format": "newsml"})
    root = assert_valid(load_schema(G2_XSD), g2.content)
    assert [c.get("qcode") for c in root.iter(f"{G2}itemClass")] == ["ninat:text", "ninat:graphic"]


def duplicates(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(a["uri"], a["type"]) for a in doc.get("associations", []) if a.get("rel") == "duplicate"]


def test_the_same_image_as_a_graphic_is_a_duplicate_of_the_picture(live: LiveServer, editor: httpx.Client) -> None:
    data = encoded(photo(901), quality=92)  # an image no other test of this module posts
    picture = upload(editor, data).json()
    graphic = upload(editor, data, type="graphic").json()
    assert graphic["uri"] != picture["uri"]  # another item: the same file, called otherwise
    assert duplicates(graphic) == [(picture["uri"], "picture")]
    # a smaller copy links to both, each typed as the item it names
    copy = upload(editor, encoded(photo(901).resize((400, 300)), quality=60), type="graphic").json()
    assert sorted(duplicates(copy)) == sorted([(picture["uri"], "picture"), (graphic["uri"], "graphic")])
    assert duplicates(upload(editor, encoded(photo(902), quality=92), type="graphic").json()) == []


def test_ingest_graphics_makes_the_stills_graphics(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "chart.png").write_bytes(encoded(drawn((300, 200)), "PNG"))
    (drop / "story.json").write_text(json.dumps({
        "uri": "urn:newswire:ingest-graphic:story", "type": "text", "language": "en",
        "headlines": [{"value": "Prices rose again"}], "bodies": [{"value": "<p>Inflation rose.</p>"}]}))
    done = ingest(tmp_path, "--graphics", str(drop))
    assert done.returncode == 0, done.stderr
    kinds = sorted(item.type for item in published(tmp_path).values())
    assert kinds == ["graphic", "text"]
    assert next(u for u, i in published(tmp_path).items() if i.type == "graphic").startswith("urn:newswire:graphic:")

"""Pictures over real HTTP: an editor uploads, the worker makes renditions, subscribers
download them through signed URLs decided per version by the one entitlement rule."""

from __future__ import annotations

import io
import itertools
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image
from sqlalchemy import select

from newswire.media import signing
from newswire.media.links import media_path
from newswire.model import utcnow
from newswire.store.engine import read_tx
from newswire.store.tables import items, usage
from newswire.store.tokens import create_token

from conftest import LiveServer, module_db_url, open_wire, start_server
from pictures import ANKARA_EXIF, encoded, jpeg, jpeg_declaring, png_declaring
from schemas import G2_XSD, assert_ninjs, assert_valid, load_schema
from wirekit import Sub, subscriber

MAX_MEDIA = 3_000_000
CAPTION = "Demonstrators walk along the boulevard in Ankara as police watch from a distance."


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    wire = open_wire(module_db_url(request, tmp_path_factory), max_media_bytes=MAX_MEDIA,
                     agency_name="Test Agency")
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


@pytest.fixture(scope="module")
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    key = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client


_n = itertools.count()


def unique_jpeg(size: tuple[int, int] = (800, 600), **metadata: Any) -> bytes:
    """A JPEG no other test posts (its comment differs), with the metadata given."""
    iptc = {"Iptc.Application2.Caption": CAPTION, "Iptc.Application2.Headline": "Crowds gather in Ankara",
            "Iptc.Application2.Byline": ["Ayşe Yılmaz"], "Iptc.Application2.City": "Ankara",
            "Iptc.Application2.TransmissionReference": f"JOB-{next(_n)}-{time.time_ns()}"}
    iptc.update(metadata.pop("iptc", {}))
    return jpeg(size, iptc=iptc, **metadata)


def upload(editor: httpx.Client, data: bytes, content_type: str = "image/jpeg", **params: str) -> httpx.Response:
    return editor.post("/v1/media", content=data, headers={"Content-Type": content_type}, params=params)


def local(href: str) -> str:
    """A rendition href without its origin (the server's base URL is not the test's port)."""
    parts = urlsplit(href)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def renditions(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in doc["renditions"]}


def fetch_when_made(client: httpx.Client, href: str, **kw: Any) -> httpx.Response:
    deadline = time.monotonic() + 20
    while True:
        resp = client.get(local(href), **kw)
        if resp.status_code != 503 or time.monotonic() > deadline:
            return resp
        assert resp.headers["retry-after"]
        time.sleep(0.1)


def reader(live: LiveServer, filters: dict[str, Any] | None = None) -> Sub:
    return subscriber(live, f"media-sub-{next(_n)}", filters)


def test_an_upload_becomes_a_picture_item_filled_from_the_file(live: LiveServer, editor: httpx.Client) -> None:
    data = unique_jpeg((2400, 1600))
    resp = upload(editor, data)
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert_ninjs(doc)
    assert doc["type"] == "picture"
    assert doc["headlines"][0]["value"] == "Crowds gather in Ankara"
    assert CAPTION in doc["bodies"][0]["value"]
    assert doc["by"] == "Ayşe Yılmaz"
    assert doc["language"] == "en"  # the caption was enriched like a story
    assert any(p.get("name") == "Ankara" for p in doc["places"])
    found = renditions(doc)
    assert list(found) == ["original", "baseImage", "viewImage", "thumbnail", "preview"]
    assert found["original"] | {"href": ""} == {"name": "original", "href": "", "contentType": "image/jpeg",
                                                "width": 2400, "height": 1600, "sizeInBytes": len(data)}
    assert (found["baseImage"]["width"], found["baseImage"]["height"]) == (2048, 1365)
    assert local(found["thumbnail"]["href"]) == media_path(doc["uri"], 1, "thumbnail")
    assert resp.headers["location"].startswith("/v1/items/")
    # the same picture again, with the same fields: nothing appended
    again = upload(editor, data)
    assert again.status_code == 200 and again.json()["version"] == "1"


def test_what_the_editor_posts_wins_over_the_file(live: LiveServer, editor: httpx.Client) -> None:
    resp = editor.post("/v1/media", files={"file": ("p.jpg", unique_jpeg(), "image/jpeg")},
                       data={"headline": "Editor's headline", "description": "The editor's caption.",
                             "byline": "Desk One; Desk Two", "keywords": "a, b", "credit": "Desk Credit",
                             "language": "en", "urgency": "2"})
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert doc["headlines"][0]["value"] == "Editor's headline"
    assert doc["bodies"][0]["value"] == "<p>The editor's caption.</p>"
    assert doc["by"] == "Desk One; Desk Two"
    assert doc["urgency"] == 2
    assert [s["name"] for s in doc["subjects"] if s.get("rel") == "keyword"] == ["a", "b"]
    assert {"name": "Desk Credit", "role": "creditline"} in doc["infoSources"]
    assert any(p.get("name") == "Ankara" for p in doc["places"])  # the file fills what the editor left out


def test_a_multipart_upload_takes_query_parameters_too_but_not_the_same_field_twice(
        live: LiveServer, editor: httpx.Client) -> None:
    """``?public=true&uri=...`` on a multipart upload was silently ignored: the picture stayed
    private under another URI."""
    uri = f"urn:newswire:test:multipart-query-{next(_n)}"
    resp = editor.post("/v1/media", params={"uri": uri, "headline": "From the query"},
                       files={"file": ("p.jpg", unique_jpeg(), "image/jpeg")}, data={"credit": "Form Credit"})
    assert resp.status_code == 201, resp.text
    doc = resp.json()
    assert doc["uri"] == uri and doc["headlines"][0]["value"] == "From the query"
    assert {"name": "Form Credit", "role": "creditline"} in doc["infoSources"]
    before_items, before_blobs = count_items(live), blob_files(live)
    both = editor.post("/v1/media", params={"headline": "Query"}, data={"headline": "Form"},
                       files={"file": ("p.jpg", unique_jpeg(), "image/jpeg")})
    assert both.status_code == 400 and "headline" in both.json()["detail"]
    assert count_items(live) == before_items and blob_files(live) == before_blobs


def test_renditions_appear_after_the_worker_step(live: LiveServer, editor: httpx.Client) -> None:
    data = unique_jpeg((2400, 1600), exif={**ANKARA_EXIF, "Exif.Image.Orientation": "6",
                                           "Exif.Image.Make": "Canon"})
    doc = upload(editor, data).json()
    assert (renditions(doc)["original"]["width"], renditions(doc)["original"]["height"]) == (1600, 2400)
    for name, rendition in renditions(doc).items():
        resp = fetch_when_made(editor, rendition["href"])
        assert resp.status_code == 200, (name, resp.text)
        if name == "original":
            assert resp.content == data  # untouched
            continue
        im = Image.open(io.BytesIO(resp.content))
        assert resp.headers["content-type"] == "image/jpeg" == rendition["contentType"]
        assert im.size == (rendition["width"], rendition["height"]), name
        assert im.height > im.width  # upright
        assert not im.getexif().get_ifd(0x8825) and 0x010F not in im.getexif(), name


def test_a_subscriber_downloads_through_a_signed_href(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, unique_jpeg()).json()
    sub = reader(live)
    item = sub.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(item)
    href = renditions(item)["viewImage"]["href"]
    query = parse_qs(urlsplit(href).query)
    assert set(query) == {"sub", "key", "exp", "sig"} and query["sub"] == [str(sub.id)]
    anonymous = httpx.Client(base_url=live.url, timeout=30)
    whole = fetch_when_made(anonymous, href)
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["etag"] and "immutable" in whole.headers["cache-control"]
    part = anonymous.get(local(href), headers={"Range": "bytes=10-109"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 10-109/{len(whole.content)}"
    assert part.content == whole.content[10:110]
    tail = anonymous.get(local(href), headers={"Range": "bytes=-50"})
    assert tail.status_code == 206 and tail.content == whole.content[-50:]
    beyond = anonymous.get(local(href), headers={"Range": f"bytes={len(whole.content)}-"})
    assert beyond.status_code == 416
    cached = anonymous.get(local(href), headers={"If-None-Match": whole.headers["etag"]})
    assert cached.status_code == 304 and not cached.content


def signed_for(live: LiveServer, sub: Sub, uri: str, version: int, name: str, *, expires_in: int = 600) -> str:
    token_id = sub.key.split("_")[1]
    grant = signing.Grant(sub.id, token_id, int(time.time()) + expires_in)
    keys = signing.keys_for(live.wire.settings)
    return f"{media_path(uri, version, name)}?{signing.query(keys, uri, version, name, grant)}"


def test_a_wrong_or_expired_signature_is_refused(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, unique_jpeg()).json()
    sub = reader(live)
    good = signed_for(live, sub, doc["uri"], 1, "original")
    anonymous = httpx.Client(base_url=live.url, timeout=30)
    assert anonymous.get(good).status_code == 200
    tampered = good.replace("/original?", "/baseImage?")  # another rendition under the same signature
    assert anonymous.get(tampered).status_code == 403
    assert anonymous.get(good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")).status_code == 403
    expired = signed_for(live, sub, doc["uri"], 1, "original", expires_in=-1)
    resp = anonymous.get(expired)
    assert resp.status_code == 403 and resp.headers["content-type"] == "application/problem+json"
    assert anonymous.get(media_path(doc["uri"], 1, "original")).status_code == 401


def test_signed_downloads_spend_the_subscribers_request_budget(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, unique_jpeg()).json()
    sub = subscriber(live, f"media-sub-{next(_n)}", None, rate_limit=3)
    url = live.url + signed_for(live, sub, doc["uri"], 1, "original")
    answers = [httpx.get(url).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]


def test_a_subscriber_whose_products_exclude_pictures_gets_404(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, unique_jpeg()).json()
    texts_only = reader(live, {"types": ["text"]})
    assert texts_only.client.get(f"/v1/items/{doc['uri']}").status_code == 404
    assert texts_only.client.get(media_path(doc["uri"], 1, "original")).status_code == 404
    leaked = signed_for(live, texts_only, doc["uri"], 1, "original")  # a signature says who, not whether
    assert httpx.get(live.url + leaked).status_code == 404


def test_an_embargoed_picture_is_not_downloadable_before_its_time(live: LiveServer, editor: httpx.Client) -> None:
    later = (utcnow() + timedelta(hours=2)).isoformat()
    doc = upload(editor, unique_jpeg(), embargoed=later).json()
    sub = reader(live)
    assert sub.client.get(media_path(doc["uri"], 1, "original")).status_code == 404
    assert editor.get(media_path(doc["uri"], 1, "original")).status_code == 200
    early = reader(live, {"embargoEarly": True})
    assert early.client.get(media_path(doc["uri"], 1, "original")).status_code == 200


def test_a_kill_turns_every_rendition_410(live: LiveServer, editor: httpx.Client) -> None:
    sub = reader(live)  # subscribed before the picture moved: a recipient
    doc = upload(editor, unique_jpeg()).json()
    href = renditions(sub.client.get(f"/v1/items/{doc['uri']}").json())["thumbnail"]["href"]
    assert fetch_when_made(httpx.Client(base_url=live.url), href).status_code == 200
    assert editor.post(f"/v1/items/{doc['uri']}/kill", json={"reason": "wrong person named"}).status_code == 200
    assert httpx.get(live.url + local(href)).status_code == 410
    assert sub.client.get(media_path(doc["uri"], 1, "original")).status_code == 410
    stranger = reader(live)  # never had it: the item does not exist for them
    assert stranger.client.get(media_path(doc["uri"], 1, "original")).status_code == 404


def test_every_download_is_in_the_usage_audit(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, unique_jpeg()).json()
    sub = reader(live)
    assert fetch_when_made(sub.client, renditions(doc)["thumbnail"]["href"]).status_code == 200
    assert sub.client.get(media_path(doc["uri"], 1, "original")).status_code == 200
    assert editor.get(media_path(doc["uri"], 1, "original")).status_code == 200  # editors are not billed
    deadline = time.monotonic() + 5
    while True:
        with read_tx(live.wire.engine) as conn:
            rows = conn.execute(select(usage.c.subscriber_id, usage.c.version, usage.c.channel, usage.c.rendition)
                                .where(usage.c.uri == doc["uri"])).all()
        if len(rows) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert sorted(rows, key=lambda r: r[3]) == [(sub.id, 1, "media", "original"), (sub.id, 1, "media", "thumbnail")]


def test_newsml_g2_names_the_renditions_as_remote_content(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, unique_jpeg()).json()
    xml = editor.get(f"/v1/items/{doc['uri']}", params={"format": "newsml"})
    assert xml.status_code == 200
    root = assert_valid(load_schema(G2_XSD), xml.content)
    remote = root.findall(".//{http://iptc.org/std/nar/2006-10-01/}remoteContent")
    assert len(remote) == 5
    original = next(r for r in remote if r.get("href", "").endswith("/original"))
    assert (original.get("width"), original.get("height"), original.get("contenttype"), original.get("size")) == (
        "800", "600", "image/jpeg", str(renditions(doc)["original"]["sizeInBytes"]))


def count_items(live: LiveServer) -> int:
    with read_tx(live.wire.engine) as conn:
        return len(conn.execute(select(items.c.uri)).all())


def blob_files(live: LiveServer) -> set[Path]:
    root = live.wire.settings.data_dir / "media"
    return {p for p in root.rglob("*") if p.is_file() and "tmp" not in p.parts}


@pytest.mark.parametrize(("data", "content_type", "status"), [
    (b"%PDF-1.7 not a picture at all", "image/jpeg", 415),
    (encoded(Image.new("RGB", (50, 50)), "PNG"), "image/jpeg", 415),  # the bytes are a PNG
    (png_declaring(100_000, 100_000), "image/png", 413),  # a decompression bomb
    (jpeg_declaring(65_535, 65_535), "image/jpeg", 413),  # another, as small
    (jpeg((400, 300))[:900], "image/jpeg", 422),  # truncated
    (jpeg((400, 300)), "application/octet-stream", 415),
    (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "image/svg+xml", 415),
    (b"", "image/jpeg", 400),
], ids=["not-an-image", "type-mismatch", "bomb", "jpeg-bomb", "truncated", "undeclared", "svg", "empty"])
def test_bad_uploads_are_refused_and_leave_nothing(live: LiveServer, editor: httpx.Client, data: bytes,
                                                   content_type: str, status: int) -> None:
    before_items, before_blobs = count_items(live), blob_files(live)
    resp = upload(editor, data, content_type)
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert count_items(live) == before_items and blob_files(live) == before_blobs


def test_bad_fields_and_oversized_uploads_are_refused(live: LiveServer, editor: httpx.Client) -> None:
    before_items, before_blobs = count_items(live), blob_files(live)
    assert upload(editor, unique_jpeg(), colour="red").status_code == 400
    assert upload(editor, unique_jpeg(), headline="bell\x07").status_code == 400
    invalid_utf8 = editor.post("/v1/media?headline=caf%E9%FF", content=unique_jpeg(),
                               headers={"Content-Type": "image/jpeg"})
    assert invalid_utf8.status_code == 400 and invalid_utf8.json()["title"] == "Invalid encoding"
    assert upload(editor, unique_jpeg(), urgency="11").status_code == 400
    assert upload(editor, unique_jpeg(), embargoed="soon").status_code == 400
    no_file = editor.post("/v1/media", data={"headline": "no file"}, files={"other": ("x", b"x", "text/plain")})
    assert no_file.status_code == 400
    big = editor.post("/v1/media", content=b"\xff\xd8" + b"\0" * (MAX_MEDIA + 10),
                      headers={"Content-Type": "image/jpeg"})
    assert big.status_code == 413
    assert count_items(live) == before_items and blob_files(live) == before_blobs


def test_a_heic_picture_is_taken_and_its_renditions_are_jpeg(live: LiveServer, editor: httpx.Client) -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    data = encoded(Image.new("RGB", (320, 240), (next(_n) % 256, 90, 30)), "HEIF")
    doc = upload(editor, data, "image/heic").json()
    found = renditions(doc)
    assert found["original"]["contentType"] == "image/heic"
    assert editor.get(local(found["original"]["href"])).content == data
    view = fetch_when_made(editor, found["viewImage"]["href"])
    assert view.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(view.content)).size == (320, 240)


@pytest.mark.parametrize(("fmt", "content_type"), [("PNG", "image/png"), ("WEBP", "image/webp"),
                                                   ("TIFF", "image/tiff")])
def test_png_webp_and_tiff_are_taken_and_their_renditions_are_jpeg(live: LiveServer, editor: httpx.Client,
                                                                   fmt: str, content_type: str) -> None:
    options = {"compression": "tiff_lzw"} if fmt == "TIFF" else {}
    data = encoded(Image.new("RGB", (1200, 900), (next(_n) % 256, 120, 60)), fmt, **options)
    resp = upload(editor, data, content_type)
    assert resp.status_code == 201, resp.text
    found = renditions(resp.json())
    assert found["original"]["contentType"] == content_type and found["original"]["sizeInBytes"] == len(data)
    assert editor.get(local(found["original"]["href"])).content == data  # untouched
    for name, size in (("baseImage", (1200, 900)), ("viewImage", (1024, 768)), ("thumbnail", (256, 192))):
        made = fetch_when_made(editor, found[name]["href"])
        assert made.status_code == 200 and made.headers["content-type"] == "image/jpeg"
        assert Image.open(io.BytesIO(made.content)).size == size


def test_only_editors_upload(live: LiveServer) -> None:
    sub = reader(live)
    resp = sub.client.post("/v1/media", content=jpeg((100, 100)), headers={"Content-Type": "image/jpeg"})
    assert resp.status_code == 403
    assert httpx.post(live.url + "/v1/media", content=b"x", headers={"Content-Type": "image/jpeg"}).status_code == 401


def test_a_new_version_with_a_corrected_caption_keeps_the_picture(live: LiveServer, editor: httpx.Client) -> None:
    data = unique_jpeg()
    first = upload(editor, data).json()
    second = upload(editor, data, uri=first["uri"], headline="Corrected headline")
    assert second.status_code == 201 and second.json()["version"] == "2"
    href = renditions(second.json())["original"]["href"]
    assert local(href) == media_path(first["uri"], 2, "original")
    assert editor.get(local(href)).content == data

"""A story's lead picture on the public site: the wire's own watermarked preview, served by the
site while the picture is public and visible, with its caption and credit; never a remote URL."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from newswire.media import assets, metadata
from newswire.media.blobs import blobs_for
from newswire.model import Item
from newswire.site.story import story_path

from conftest import LiveServer
from sitekit import check_html, picture_item, publish, story_doc


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def made_bytes(live: LiveServer, picture: Item, name: str) -> bytes:
    asset = assets.shown_by(live.wire.engine, picture.uri, picture.version)
    assert asset is not None
    made = assets.made(live.wire.engine, asset.sha256, name)
    assert made is not None
    return blobs_for(live.wire.settings.data_dir).path(made.blob).read_bytes()


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        return im.tobytes()


def fetch_when_made(client: httpx.Client, path: str) -> httpx.Response:
    deadline = time.monotonic() + 15
    while (resp := client.get(path)).status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.1)
    return resp


def test_the_story_shows_the_wires_watermarked_preview_until_the_picture_is_killed(
        live: LiveServer, client: httpx.Client) -> None:
    picture = picture_item(live.wire, caption="Cranes unload a container ship at dawn.", credit="Test Agency/Ana")
    doc = story_doc("en", headline="Harbour reopens after the storm", picture=picture.uri)
    publish(live.wire, doc)
    page = client.get(story_path("en", doc["uri"]))
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "img-src 'self' data:;" in policy  # no remote picture can be hot-linked
    [img] = check_html(page.text).images
    assert img["src"] == f"/picture/{picture.uri}/1/preview.jpg"
    assert 'class="caption">Cranes unload a container ship at dawn.<' in page.text
    assert 'class="credit">Test Agency/Ana<' in page.text
    served = fetch_when_made(client, img["src"])
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert pixels(served.content) == pixels(made_bytes(live, picture, "preview"))  # the watermarked one ...
    assert pixels(served.content) != pixels(made_bytes(live, picture, "viewImage"))  # ... not the same size unmarked
    with Image.open(io.BytesIO(served.content)) as im:  # with the version's caption and credit written in
        meta = metadata.read(im)
    assert (meta.caption, meta.credit, meta.gps, meta.camera) == (
        "Cranes unload a container ship at dawn.", "Test Agency/Ana", None, None)
    assert client.get(img["src"], headers={"If-None-Match": served.headers["etag"]}).status_code == 304
    for other in ("original", "viewImage", "thumbnail"):  # only the preview is public
        assert client.get(f"/picture/{picture.uri}/1/{other}.jpg").status_code == 404
    live.wire.kill(picture.uri, "wrong harbour")
    assert client.get(img["src"]).status_code == 404
    after = client.get(story_path("en", doc["uri"]))
    assert after.status_code == 200 and not check_html(after.text).images and "/picture/" not in after.text


def test_a_picture_that_is_not_public_stays_off_the_site(live: LiveServer, client: httpx.Client) -> None:
    private = picture_item(live.wire, public=False)
    doc = story_doc("en", headline="Harbour reopens without its picture", picture=private.uri)
    publish(live.wire, doc)
    page = client.get(story_path("en", doc["uri"]))
    assert page.status_code == 200 and "/picture/" not in page.text and not check_html(page.text).images
    assert fetch_when_made(client, f"/picture/{private.uri}/1/preview.jpg").status_code == 404
    # nor does a picture show as a story of its own
    assert client.get(story_path("en", picture_item(live.wire).uri)).status_code == 404

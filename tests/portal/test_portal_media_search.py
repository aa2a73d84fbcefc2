"""Pictures and videos in the portal's search results and pages: a picture's or video's hit
shows its thumbnail, a story's hit the thumbnail of its first picture or video the
organisation may read (none when it may read none), every image a signed link of this origin;
a video's page shows its poster and offers its files."""

from __future__ import annotations

import html
import io
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from PIL import Image

from newswire.store.tokens import create_token

from conftest import LiveServer
from portalkit import Visitor, live, reader, readers

__all__ = ["live"]  # the portal's shared server, a fixture

av = pytest.importorskip("av")


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    readers(live, {"media-search-all": {}, "media-search-stills": {"types": ["text", "picture"]}})


@pytest.fixture
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    key = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client


def jpeg(marker: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (uuid.uuid4().int % 200, 90, 160)).save(out, "JPEG", comment=marker.encode())
    return out.getvalue()


def mp4(tmp_path: Path, marker: str) -> bytes:
    from newswire.media.video_synth import Clip, encode

    return encode(tmp_path / f"{marker}.mp4", Clip(width=96, height=64, seconds=1.0,
                                                   metadata={"comment": marker})).read_bytes()


def story(editor: httpx.Client, marker: str) -> str:
    uri = f"urn:newswire:media-search:{uuid.uuid4().hex}"
    doc = {"uri": uri, "type": "text", "language": "en",
           "headlines": [{"role": "main", "value": f"Ferries stop in the fog {marker}"}],
           "bodies": [{"role": "main", "contentType": "text/html",
                       "value": f"<p>Ferry services stopped on Monday, the operator said. {marker}</p>"}]}
    assert editor.post("/v1/items", content=json.dumps(doc),
                       headers={"Content-Type": "application/json"}).status_code == 201
    return uri


def upload(editor: httpx.Client, data: bytes, content_type: str, marker: str, associate: str) -> str:
    resp = editor.post("/v1/media", content=data, headers={"Content-Type": content_type},
                       params={"headline": f"Fog over the Bosphorus {marker}", "language": "en",
                               "description": f"Ferries wait at the pier. {marker}", "associate": associate})
    assert resp.status_code == 201, resp.text
    return str(resp.json()["uri"])


def thumbs(visitor: Visitor, marker: str) -> dict[str, str | None]:
    """Each hit's thumbnail: the rendition's path, None for a hit without one."""
    page = visitor.get("/portal/search", params={"q": marker})
    assert page.status_code == 200, page.text
    found: dict[str, str | None] = {}
    for uri, hit in re.findall(r'<li class="hit" data-uri="([^"]+)">(.*?)</li>', page.text, re.S):
        srcs = re.findall(r'<img class="thumb" src="([^"]+)"', hit)
        parts = urlsplit(html.unescape(srcs[0])) if srcs else None
        assert parts is None or not parts.netloc  # a path on this origin: CSP img-src 'self'
        found[html.unescape(uri)] = parts.path if parts else None
    return found


def test_search_results_show_picture_and_video_thumbnails(live: LiveServer, editor: httpx.Client,
                                                          tmp_path: Path) -> None:
    marker = "qz" + uuid.uuid4().hex[:10]
    with_picture, with_video = story(editor, marker), story(editor, marker)
    picture = upload(editor, jpeg(marker), "image/jpeg", marker, with_picture)
    video = upload(editor, mp4(tmp_path, marker), "video/mp4", marker, with_video)
    assert thumbs(reader(live, "media-search-all"), marker) == {
        with_picture: f"/v1/media/{picture}/1/thumbnail", with_video: f"/v1/media/{video}/1/thumbnail",
        picture: f"/v1/media/{picture}/1/thumbnail", video: f"/v1/media/{video}/1/thumbnail"}
    # an organisation without videos: no video hit, and the story with one shows no thumbnail
    assert thumbs(reader(live, "media-search-stills"), marker) == {
        with_picture: f"/v1/media/{picture}/1/thumbnail", with_video: None,
        picture: f"/v1/media/{picture}/1/thumbnail"}


def test_a_videos_page_shows_its_poster_and_offers_its_files(live: LiveServer, editor: httpx.Client,
                                                              tmp_path: Path) -> None:
    marker = "qz" + uuid.uuid4().hex[:10]
    video = upload(editor, mp4(tmp_path, marker), "video/mp4", marker, story(editor, marker))
    page = reader(live, "media-search-all").get(f"/portal/items/{video}")
    assert page.status_code == 200, page.text
    figure = page.text.split('<figure class="picture-view">', 1)[1].split("</figure>", 1)[0]
    [src] = re.findall(r'<img src="([^"]+)"', figure)
    assert urlsplit(html.unescape(src)).path == f"/v1/media/{video}/1/poster"
    assert re.findall(r'data-rendition="([^"]+)"', page.text) == ["original", "poster", "thumbnail", "preview"]

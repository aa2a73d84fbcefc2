"""A video-led story on the public site: its lead image is the wire's own watermarked still of
the video (made from the poster beside the preview clip), served by the site with the video's
caption and credit while the video is public and visible; never the original or the poster."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image
from sqlalchemy import delete

from newswire.media import assets, metadata
from newswire.media.blobs import blobs_for
from newswire.media.metadata import PictureMeta
from newswire.media.upload import Upload
from newswire.media.video_renditions import STILL
from newswire.media.video_synth import Clip, encode
from newswire.model import Item
from newswire.site.story import story_path
from newswire.store.engine import write_tx
from newswire.store.tables import media_renditions
from newswire.wire import Wire

from conftest import LiveServer
from sitekit import check_html, publish, story_doc

pytest.importorskip("av")


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def video_item(wire: Wire, tmp_path: Path, *, public: bool = True) -> Item:
    from newswire.media.video_upload import publish_video

    path = encode(tmp_path / f"lead-{time.time_ns()}.mp4", Clip(width=320, height=180, seconds=1.0,
                                                                 metadata={"comment": str(time.time_ns())}))
    editor = PictureMeta(headline="Ferries wait at the pier", caption="Ferries wait at Kadıköy pier in the fog.",
                         credit="Test Agency/Video", language="en")
    return publish_video(wire, blobs_for(wire.settings.data_dir), Upload(path, "video/mp4", editor, public=public)).item


def made(live: LiveServer, video: Item, name: str) -> assets.Made | None:
    asset = assets.shown_by(live.wire.engine, video.uri, video.version)
    assert asset is not None
    return assets.made(live.wire.engine, asset.sha256, name)


def pixels(data: bytes) -> tuple[tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as im:
        return im.size, im.tobytes()


def fetch_when_made(client: httpx.Client, path: str) -> httpx.Response:
    deadline = time.monotonic() + 20
    while (resp := client.get(path)).status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.1)
    return resp


def video_story(wire: Wire, video: Item, headline: str) -> str:
    doc = story_doc("en", headline=headline, picture=video.uri)
    doc["associations"][0]["type"] = "video"
    publish(wire, doc)
    return str(doc["uri"])


def test_a_video_led_story_shows_the_videos_watermarked_still(live: LiveServer, client: httpx.Client,
                                                              tmp_path: Path) -> None:
    video = video_item(live.wire, tmp_path)
    uri = video_story(live.wire, video, "Fog stops the Bosphorus ferries")
    page = client.get(story_path("en", uri))
    assert page.status_code == 200
    [img] = check_html(page.text).images
    assert img["src"] == f"/picture/{video.uri}/1/preview.jpg"
    assert (img["width"], img["height"]) == ("320", "180")
    assert 'class="caption">Ferries wait at Kadıköy pier in the fog.<' in page.text
    assert 'class="credit">Test Agency/Video<' in page.text
    served = fetch_when_made(client, img["src"])
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    still, poster = made(live, video, STILL), made(live, video, "poster")
    assert still is not None and poster is not None
    store = blobs_for(live.wire.settings.data_dir)
    assert pixels(served.content) == pixels(store.path(still.blob).read_bytes())  # the worker's still ...
    size, shown = pixels(served.content)
    assert size == (320, 180) and shown != pixels(store.path(poster.blob).read_bytes())[1]  # ... watermarked
    with Image.open(io.BytesIO(served.content)) as im:  # with the version's caption and credit written in
        meta = metadata.read(im)
    assert (meta.caption, meta.credit, meta.gps) == ("Ferries wait at Kadıköy pier in the fog.", "Test Agency/Video",
                                                     None)
    # a video whose renditions were made before stills were: made from its poster once, and kept
    with write_tx(live.wire.engine) as conn:
        conn.execute(delete(media_renditions).where(media_renditions.c.name == STILL,
                                                    media_renditions.c.blob == still.blob))
    again = client.get(img["src"])
    assert again.status_code == 200 and pixels(again.content) == pixels(served.content)
    assert made(live, video, STILL) == still
    live.wire.kill(video.uri, "wrong ferry")
    assert client.get(img["src"]).status_code == 404
    after = client.get(story_path("en", uri))
    assert after.status_code == 200 and not check_html(after.text).images and "/picture/" not in after.text


def test_a_video_that_is_not_public_stays_off_the_site(live: LiveServer, client: httpx.Client,
                                                       tmp_path: Path) -> None:
    video = video_item(live.wire, tmp_path, public=False)
    uri = video_story(live.wire, video, "Fog stops the ferries without a video")
    page = client.get(story_path("en", uri))
    assert page.status_code == 200 and "/picture/" not in page.text and not check_html(page.text).images
    assert fetch_when_made(client, f"/picture/{video.uri}/1/preview.jpg").status_code == 404
    assert client.get(story_path("en", video.uri)).status_code == 404  # nor is a video a story of its own

"""The sample pictures `make run` publishes: drawn by the project, captioned in the files
(IPTC IIM + XMP), read back by the wire like any agency photo, and shown with their stories."""

from __future__ import annotations

import io
import time

import httpx
from PIL import Image

from newswire.media import metadata
from newswire.media.worker import MediaWorker
from newswire.samples import load_samples
from newswire.samples.pictures import SAMPLES, SIZE, drawn
from newswire.site.story import story_path
from newswire.store import items as store
from newswire.wire import Wire

from conftest import start_server


def test_each_sample_is_a_drawn_jpeg_carrying_its_caption() -> None:
    files = [drawn(sample) for sample in SAMPLES]
    assert len(set(files)) == len(SAMPLES)
    for sample, data in zip(SAMPLES, files, strict=True):
        with Image.open(io.BytesIO(data)) as im:
            assert (im.format, im.size) == ("JPEG", SIZE)
            assert metadata.read(im) == sample.meta


def test_demo_samples_publish_pictures_that_their_stories_show(wire: Wire) -> None:
    report = load_samples(wire, pictures=True)
    assert report.failed == [] and report.pictures == len(SAMPLES)
    current = {item.uri: item for item in store.iter_current_items(wire.engine)}
    for sample in SAMPLES:
        picture = current[sample.uri]
        assert picture.type == "picture"
        assert picture.headline == sample.meta.headline  # read from the file, not told by the loader
        assert sample.meta.caption and sample.meta.caption.split(".")[0] in picture.body_html
        assert {"Newswire sample picture"} == {c.name for c in picture.info_sources if c.rel == "creditline"}
        assert picture.public == current[sample.story].public
        versions = [item for _, item in store.all_versions(wire.engine, sample.story)]
        assert versions and all(sample.uri in [a.uri for a in v.associations] for v in versions), sample.story
    assert MediaWorker(wire.settings, wire.engine, wire.hub).drain() == len(SAMPLES) + report.videos
    srv = start_server(wire)
    try:
        storm = SAMPLES[0]
        page = httpx.get(srv.url + story_path("en", storm.story), timeout=30)
        src = f"/picture/{storm.uri}/1/preview.jpg"
        assert page.status_code == 200 and src in page.text
        deadline = time.monotonic() + 10
        while (preview := httpx.get(srv.url + src, timeout=30)).status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert preview.status_code == 200
        with Image.open(io.BytesIO(preview.content)) as im:
            assert metadata.read(im).caption == storm.meta.caption
    finally:
        srv.stop()
    before = store.last_seq(wire.engine)
    again = load_samples(wire, pictures=True)
    assert again.failed == [] and store.last_seq(wire.engine) - before <= 1  # only the embargoed story moves

"""A media item's caption is never compared with stories' text: a story and a video, a
picture or a graphic whose caption says the same words are not linked ``related`` or
``duplicate`` either way, and no media item's caption enters the stories' SimHash index
(``model.MEDIA_TYPES``), on SQLite and PostgreSQL."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from sqlalchemy import select
from test_similar import photo

from newswire.media.blobs import blobs_for
from newswire.media.metadata import PictureMeta
from newswire.media.upload import MediaKind, Upload, publish_media
from newswire.model import Item
from newswire.store.engine import read_tx
from newswire.store.index import signatures_after
from newswire.store.tables import signatures
from newswire.wire import Wire

from factories import as_bytes
from pictures import encoded

CAPTION = ("The central bank kept its policy rate unchanged at 40 percent on Thursday, citing a steady fall in "
           "inflation over the past four months and a stronger currency.\nThe committee said it would keep "
           "monetary policy tight until price stability was firmly established, and that it expected inflation "
           "to end the year close to its interim target.")
BODY = "".join(f"<p>{line}</p>" for line in CAPTION.split("\n"))


def story(uri: str) -> bytes:
    return as_bytes({"uri": uri, "type": "text", "language": "en",
                     "headlines": [{"value": "Central bank holds rate at 40 percent"}], "bodies": [{"value": BODY}]})


def media(wire: Wire, data: bytes, declared: str, kind: MediaKind | None = None) -> Item:
    with tempfile.NamedTemporaryFile() as f:
        f.write(data)
        f.flush()
        upload = Upload(Path(f.name), declared, PictureMeta(headline="Rate decision", caption=CAPTION), type=kind)
        return publish_media(wire, blobs_for(wire.settings.data_dir), upload).item


def clip(tmp_path: Path) -> bytes:
    from newswire.media.video_synth import Clip, encode

    return encode(tmp_path / "rate.mp4", Clip(width=64, height=48, seconds=0.5)).read_bytes()


def linked(item: Item) -> list[tuple[str, str | None]]:
    return [(a.uri, a.rel) for a in item.associations]


def test_a_story_and_a_video_with_the_same_caption_do_not_link(wire: Wire, tmp_path: Path) -> None:
    pytest.importorskip("av")
    before = wire.ingest(story("urn:caption-dedup:before")).item
    video = media(wire, clip(tmp_path), "video/mp4")
    assert video.type == "video" and video.bodies  # the caption is its body
    assert linked(video) == []  # not related to the story it reads like
    after = wire.ingest(story("urn:caption-dedup:after")).item
    assert linked(after) == [(before.uri, "duplicate")]  # the stories still find each other, never the video
    with read_tx(wire.engine) as conn:
        rows = {uri for (uri,) in conn.execute(select(signatures.c.uri)).all()}
        stories = {uri for _, uri, _ in signatures_after(conn, 0)}
    assert video.uri not in rows and stories == {before.uri, after.uri}


def test_a_story_and_a_still_with_the_same_caption_do_not_link(wire: Wire) -> None:
    first = wire.ingest(story("urn:caption-dedup:story")).item
    picture = media(wire, encoded(photo(41), quality=90), "image/jpeg")
    graphic = media(wire, encoded(photo(42), quality=90), "image/jpeg", "graphic")
    assert (picture.type, graphic.type) == ("picture", "graphic")
    assert linked(picture) == [] and linked(graphic) == []
    assert linked(wire.ingest(story("urn:caption-dedup:story-2")).item) == [(first.uri, "duplicate")]
    with read_tx(wire.engine) as conn:
        stories = {uri for _, uri, _ in signatures_after(conn, 0)}
        stills = {uri for _, uri, _ in signatures_after(conn, 0, pictures=True)}
    assert stories == {first.uri, "urn:caption-dedup:story-2"}
    assert stills == {picture.uri, graphic.uri}  # their perceptual hashes, compared with each other only


def test_a_video_signature_stored_before_stays_out_of_the_stories_index(wire: Wire, tmp_path: Path) -> None:
    """A store written before media captions left the SimHash index holds a video's row: the
    stories' index never reads it back."""
    pytest.importorskip("av")
    video = media(wire, clip(tmp_path), "video/mp4")
    signature = wire.similar.near(wire.ingest(story("urn:caption-dedup:old")).item)[1]
    with wire.engine.begin() as conn:
        conn.execute(signatures.insert().values(uri=video.uri, sig=signature - (1 << 64) if signature >= 1 << 63
                                                else signature))
        assert video.uri not in {uri for _, uri, _ in signatures_after(conn, 0)}
    fresh = Wire(wire.settings, wire.engine, wire.pipeline)  # another node, catching up from the store
    assert linked(fresh.ingest(story("urn:caption-dedup:new")).item) == [("urn:caption-dedup:old", "duplicate")]

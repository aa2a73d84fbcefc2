"""A video item in every output format: ninjs 3.2 and 2.3 renditions carry the duration,
codec and frame rate and stay valid against IPTC's schemas, NewsML-G2's remoteContent and
NITF's media-reference carry the duration (valid against their XSDs), and each parser reads
them back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswire.formats import parse
from newswire.formats.newsmlg2 import to_newsml_item
from newswire.formats.ninjs import dumps, to_ninjs2, to_ninjs3
from newswire.formats.nitf import to_nitf
from newswire.model import Item, Rendition, Text

from schemas import G2_XSD, NITF_XSD, assert_ninjs, assert_valid, load_schema

BASE = "https://wire.example/v1/media/urn:newswire:video:1/1/"
VIDEO = Item(
    uri="urn:newswire:video:1", version=1, type="video", language="en",
    version_created=datetime(2026, 12, 3, 9, 0, tzinfo=UTC), first_created=datetime(2026, 12, 3, 9, 0, tzinfo=UTC),
    headlines=(Text("Ferry leaves Kadıköy at dawn"),),
    bodies=(Text("<p>The first ferry of the day crosses the Bosphorus.</p>", content_type="text/html"),),
    renditions=(
        Rendition(BASE + "original", "original", "video/mp4", 1920, 1080, size_in_bytes=48_000_000,
                  duration=62.48, video_codec="H.264", frame_rate=29.97),
        Rendition(BASE + "poster", "poster", "image/jpeg", 1920, 1080),
        Rendition(BASE + "thumbnail", "thumbnail", "image/jpeg", 256, 144),
        Rendition(BASE + "preview", "preview", "video/mp4", 640, 360, duration=30.0, video_codec="H.264",
                  frame_rate=29.97),
    ),
)


@pytest.mark.parametrize("version", ["3.2", "2.3"])
def test_ninjs_renditions_carry_duration_codec_and_frame_rate(version: str) -> None:
    doc = to_ninjs3(VIDEO) if version == "3.2" else to_ninjs2(VIDEO)
    assert_ninjs(doc, version)
    original = doc["renditions"][0]
    keys = ("duration", "videoCodec", "frameRate") if version == "3.2" else ("duration", "videocodec", "framerate")
    assert [original[k] for k in keys] == [62.48, "H.264", 29.97]
    assert "duration" not in doc["renditions"][1]  # a poster is a still
    back = parse(dumps(doc), "ninjs")
    assert back.renditions == VIDEO.renditions


def test_newsml_g2_remote_content_carries_the_duration() -> None:
    xml = to_newsml_item(VIDEO)
    root = assert_valid(load_schema(G2_XSD), xml)
    remote = root.findall(".//{http://iptc.org/std/nar/2006-10-01/}remoteContent")
    original = remote[0]
    assert (original.get("contenttype"), original.get("width"), original.get("height"), original.get("duration"),
            original.get("videoframerate")) == ("video/mp4", "1920", "1080", "62.48", "29.97")
    assert remote[1].get("duration") is None
    back = {r.name: r for r in parse(xml, "newsml").renditions}
    assert back["original"].duration == 62.48 and back["preview"].duration == 30.0


def test_nitf_media_reference_carries_the_duration() -> None:
    xml = to_nitf(VIDEO)
    root = assert_valid(load_schema(NITF_XSD), xml)
    refs = root.findall(".//{*}media-reference")
    original = next(r for r in refs if r.get("name") == "original")
    assert (original.get("mime-type"), original.get("time"), original.get("time-unit-of-measure"),
            original.get("coding")) == ("video/mp4", "62.48", "seconds", "H.264")
    media = root.find(".//{*}media[@class='renditions']")
    assert media is not None and media.get("media-type") == "image"  # stills and clips together
    back = {r.name: r for r in parse(xml, "nitf").renditions}
    assert back["preview"].duration == 30.0 and back["poster"].duration is None

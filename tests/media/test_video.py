"""Videos are read by their bytes: real MP4 and QuickTime files, encoded by PyAV here, probed
for their size, length, codec and tags; files that are not videos the wire takes are
refused with a reason; the renditions are made from the original and decode as promised."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

av = pytest.importorskip("av")

from PIL import Image  # noqa: E402

from newswire.media import video  # noqa: E402
from newswire.media.folder import sniffed as folder_sniffed  # noqa: E402
from newswire.media.probe import Refused  # noqa: E402
from newswire.media.video_renditions import PREVIEW_SECONDS, planned, preview_size, render_all  # noqa: E402
from newswire.media.video_synth import Clip, encode, sound_only  # noqa: E402

MAX_PIXELS = 50_000_000
TAGS = {"title": "Ferry leaves Kadıköy at dawn", "comment": "The first ferry of the day crosses the Bosphorus.",
        "artist": "Ayşe Yılmaz", "copyright": "© 2026 Test Agency", "creation_time": "2026-11-30T07:45:00Z",
        "location": "+40.9910+029.0230/", "keywords": "ferry, Istanbul"}


def made(tmp_path: Path, name: str, clip: Clip = Clip()) -> Path:
    return encode(tmp_path / name, clip)


def refusal(path: Path, declared: str = "video/mp4", max_pixels: int = MAX_PIXELS) -> Refused:
    with pytest.raises(Refused) as caught:
        video.probe(path, declared, max_pixels)
    return caught.value


def test_a_video_is_known_by_its_ftyp_box_not_its_name(tmp_path: Path) -> None:
    mp4 = made(tmp_path, "clip.jpg")  # the name says picture; the bytes say movie
    mov = made(tmp_path, "clip.mp4", Clip(container="mov"))
    assert video.sniff_file(mp4) == "video/mp4" == folder_sniffed(mp4.read_bytes()[:64])
    assert video.sniff_file(mov) == "video/quicktime"
    heic_head = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
    assert video.sniffed(heic_head) is None and folder_sniffed(heic_head) == "image/heic"
    assert video.sniffed(b"\xff\xd8\xff\xe0" + b"\x00" * 40) is None


def test_the_probe_reads_size_length_codec_and_the_containers_tags(tmp_path: Path) -> None:
    path = made(tmp_path, "tagged.mp4", Clip(width=96, height=64, seconds=2, fps=25, metadata=TAGS, tone=True))
    found = video.probe(path, "video/mp4", MAX_PIXELS)
    assert (found.content_type, found.width, found.height, found.codec) == ("video/mp4", 96, 64, "H.264")
    assert found.duration == pytest.approx(2.0, abs=0.05) and found.frame_rate == 25.0
    assert found.has_sound and found.rotation == 0
    meta = found.meta
    assert meta.headline == TAGS["title"] and meta.caption == TAGS["comment"]
    assert meta.creators == ("Ayşe Yılmaz",) and meta.copyright == "© 2026 Test Agency"
    assert meta.created == datetime(2026, 11, 30, 7, 45, tzinfo=UTC)
    assert meta.gps == (40.991, 29.023) and meta.keywords == ("ferry", "Istanbul")


def test_h265_in_quicktime_is_taken(tmp_path: Path) -> None:
    found = video.probe(made(tmp_path, "h265.mov", Clip(codec="hevc", container="mov")), "video/quicktime",
                        MAX_PIXELS)
    assert (found.content_type, found.codec) == ("video/quicktime", "H.265")


def test_a_phone_video_held_upright_is_portrait(tmp_path: Path) -> None:
    found = video.probe(made(tmp_path, "upright.mp4", Clip(width=64, height=48, rotation=90)), "video/mp4",
                        MAX_PIXELS)
    assert (found.width, found.height, found.rotation) == (48, 64, 90)


def test_files_that_are_not_videos_the_wire_takes_are_refused(tmp_path: Path) -> None:
    good = made(tmp_path, "good.mp4", Clip(faststart=True))
    assert refusal(sound_only(tmp_path / "sound.mp4")).title == "No video stream"
    data = good.read_bytes()
    (tmp_path / "cut.mp4").write_bytes(data[: len(data) * 2 // 3])  # the index first: it opens, frames missing
    cut = refusal(tmp_path / "cut.mp4")
    assert (cut.status, cut.title) == (422, "Truncated video")
    late_index = made(tmp_path, "late.mp4", Clip(faststart=False)).read_bytes()
    (tmp_path / "no-index.mp4").write_bytes(late_index[: len(late_index) // 2])  # the index was at the end
    assert refusal(tmp_path / "no-index.mp4").status == 422
    (tmp_path / "noise.mp4").write_bytes(data[:32] + bytes(range(256)) * 8)
    assert refusal(tmp_path / "noise.mp4").status == 422
    mismatch = refusal(good, "image/jpeg")
    assert (mismatch.status, mismatch.title) == (415, "Type mismatch")
    assert refusal(good, max_pixels=64 * 48 - 1).status == 413


def test_without_pyav_a_video_is_refused_as_unsupported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = made(tmp_path, "clip.mp4")
    monkeypatch.setattr(video, "available", lambda: False)
    refused = refusal(path)
    assert refused.status == 415 and "newswire[video]" in refused.detail


def test_the_item_names_every_rendition_before_it_is_made(tmp_path: Path) -> None:
    found = video.probe(made(tmp_path, "hd.mp4", Clip(width=960, height=540, seconds=0.4, fps=50)), "video/mp4",
                        MAX_PIXELS)
    names = planned(found, 12345, lambda name: f"https://wire.example/v1/media/urn:v:1/1/{name}")
    by_name = {r.name: r for r in names}
    assert list(by_name) == ["original", "poster", "thumbnail", "preview"]
    original = by_name["original"]
    assert (original.content_type, original.width, original.height, original.size_in_bytes) == (
        "video/mp4", 960, 540, 12345)
    assert original.duration == pytest.approx(0.4, abs=0.05) and original.video_codec == "H.264"
    assert (by_name["poster"].width, by_name["poster"].height) == (960, 540)
    assert (by_name["thumbnail"].width, by_name["thumbnail"].height) == (256, 144)
    preview = by_name["preview"]
    assert (preview.content_type, preview.width, preview.height, preview.frame_rate) == ("video/mp4", 640, 360, 30)
    assert preview_size(1000, 567) == (640, 362)  # even sides, as 4:2:0 H.264 needs
    assert preview_size(63, 47) == (62, 46)


def decoded(data: bytes) -> tuple[object, list[object]]:
    container = av.open(io.BytesIO(data))
    stream = container.streams.video[0]
    return stream, list(container.decode(stream))


def test_renditions_poster_thumbnail_and_an_h264_preview_clip(tmp_path: Path) -> None:
    path = made(tmp_path, "source.mov", Clip(width=96, height=64, seconds=2, fps=50, codec="hevc",
                                             container="mov", tone=True))
    found = video.probe(path, "video/quicktime", MAX_PIXELS)
    promised = {r.name: r for r in planned(found, 1, lambda name: name)}
    out = {m.name: m for m in render_all(path, agency="Test Agency")}
    assert list(out) == ["poster", "thumbnail", "preview"]
    for name in ("poster", "thumbnail"):
        im = Image.open(io.BytesIO(out[name].data))
        assert im.format == "JPEG" and im.size == (promised[name].width, promised[name].height) == (
            out[name].width, out[name].height)
    preview = out["preview"]
    assert preview.data[4:8] == b"ftyp" and preview.data.find(b"moov") < preview.data.find(b"mdat")  # faststart
    stream, frames = decoded(preview.data)
    assert stream.codec_context.name == "h264"
    assert (stream.codec_context.width, stream.codec_context.height) == (96, 64) == (
        promised["preview"].width, promised["preview"].height)
    assert float(stream.duration * stream.time_base) == pytest.approx(promised["preview"].duration, abs=0.05)
    assert len(frames) == 60  # 50 frames a second become 30
    assert av.open(io.BytesIO(preview.data)).streams.audio  # the sound is kept


def test_the_poster_is_upright_and_the_preview_turned_too(tmp_path: Path) -> None:
    # sky on top, ground below; held upright (turned 90° counter-clockwise) the sky is on the left
    path = made(tmp_path, "upright.mp4", Clip(width=96, height=64, seconds=1.5, rotation=90))
    out = {m.name: m for m in render_all(path, agency="Test Agency")}
    poster = Image.open(io.BytesIO(out["poster"].data)).convert("RGB")
    assert poster.size == (64, 96)
    left, right = poster.getpixel((2, 80)), poster.getpixel((61, 80))
    assert left[2] > left[1] and right[1] > right[2]  # blue sky left, green ground right
    stream, frames = decoded(out["preview"].data)
    assert (stream.codec_context.width, stream.codec_context.height) == (64, 96)
    first = frames[0].to_image()
    assert first.getpixel((2, 80))[2] > first.getpixel((61, 80))[2]


def test_a_long_video_gives_a_capped_preview(tmp_path: Path) -> None:
    path = made(tmp_path, "long.mp4", Clip(width=32, height=24, seconds=PREVIEW_SECONDS + 2, fps=5))
    found = video.probe(path, "video/mp4", MAX_PIXELS)
    preview = next(m for m in render_all(path, agency="A") if m.name == "preview")
    stream, frames = decoded(preview.data)
    assert found.duration == pytest.approx(PREVIEW_SECONDS + 2, abs=0.3)
    assert float(stream.duration * stream.time_base) == pytest.approx(PREVIEW_SECONDS, abs=0.3)
    assert len(frames) == PREVIEW_SECONDS * 5

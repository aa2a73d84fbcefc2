"""``newswire ingest FOLDER`` takes videos beside stories and pictures: the bytes say which is
which (a movie named .jpg is a movie), an XMP sidecar's fields win over the container's tags,
and a file that only looks like a movie fails with the reason while the rest go in."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("av")

from test_folder_ingest import SIDECAR, ingest, published

from newswire.media.video_synth import Clip, encode, sound_only

from factories import as_bytes, ninjs_story


def test_a_folder_of_stories_and_videos_is_ingested(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "story.json").write_bytes(as_bytes(ninjs_story("en", uri="urn:test:ingest-video-story")))
    encode(drop / "ferry.mp4", Clip(metadata={"title": "Ferry leaves Kadıköy", "comment": "From the camera."}))
    (drop / "ferry.mp4.xmp").write_text(SIDECAR, "utf-8")
    encode(drop / "misnamed.jpg", Clip(container="mov", codec="hevc", seconds=0.5))
    sound_only(drop / "radio.mp4")
    run = ingest(tmp_path, str(drop))
    assert run.returncode == 1, run.stderr  # the sound-only file failed; the rest went in
    assert "radio.mp4" in run.stderr and "no video stream" in run.stderr.lower()
    found = published(tmp_path)
    videos = {i.headline: i for i in found.values() if i.type == "video"}
    assert set(videos) == {"Ferry leaves Kadıköy", ""}
    ferry = videos["Ferry leaves Kadıköy"]
    assert "The caption the desk corrected." in ferry.bodies[0].value  # the sidecar wins over the comment
    assert ferry.by == "Deniz Kaya"
    assert {r.name for r in ferry.renditions} == {"original", "poster", "thumbnail", "preview"}
    assert next(r for r in videos[""].renditions if r.name == "original").content_type == "video/quicktime"
    assert "urn:test:ingest-video-story" in found

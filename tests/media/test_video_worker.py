"""The rendition worker with videos beside pictures: a video's poster, thumbnail and preview
are made once, and a video whose stored bytes no longer decode is set aside after its
attempts while the others are made."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("av")

from sqlalchemy import select, update
from test_worker import uploaded

from newswire.delivery.bus import Hub
from newswire.media import assets
from newswire.media.blobs import blobs_for
from newswire.media.upload import Upload, publish_media
from newswire.media.video_synth import Clip, encode
from newswire.media.worker import MediaWorker
from newswire.store.engine import read_tx, write_tx
from newswire.store.tables import media_assets
from newswire.wire import Wire


def uploaded_video(wire: Wire, tmp_path: Path, name: str) -> str:
    path = encode(tmp_path / f"{name}.mp4", Clip(width=80, height=48, seconds=1, metadata={"title": name}))
    result = publish_media(wire, blobs_for(wire.settings.data_dir), Upload(path, "video/mp4"))
    assert result.item.type == "video"
    shown = assets.shown_by(wire.engine, result.item.uri, result.item.version)
    assert shown is not None
    return shown.sha256


def test_a_videos_renditions_are_made_beside_a_pictures(wire: Wire, tmp_path: Path) -> None:
    clip, picture = uploaded_video(wire, tmp_path, "ferry"), uploaded(wire, tmp_path, (0, 90, 200))
    worker = MediaWorker(wire.settings, wire.engine, Hub())
    assert worker.drain() == 2 and worker.drain() == 0
    made = {name: assets.made(wire.engine, clip, name) for name in ("poster", "thumbnail", "preview", "viewImage")}
    assert {name: (m.content_type, m.width, m.height) if m else None for name, m in made.items()} == {
        "poster": ("image/jpeg", 80, 48), "thumbnail": ("image/jpeg", 80, 48), "preview": ("video/mp4", 80, 48),
        "viewImage": None}
    assert assets.made(wire.engine, picture, "viewImage") is not None
    preview = made["preview"]
    assert preview is not None and blobs_for(wire.settings.data_dir).size(preview.blob) == preview.size


def test_a_video_that_no_longer_decodes_is_set_aside_and_the_rest_are_made(wire: Wire, tmp_path: Path) -> None:
    broken, fine = uploaded_video(wire, tmp_path, "broken"), uploaded_video(wire, tmp_path, "fine")
    store = blobs_for(wire.settings.data_dir)
    stored = store.path(broken)
    size = stored.stat().st_size
    stored.write_bytes(stored.read_bytes()[:32] + b"\0" * (size - 32))  # same size, no movie left in it
    worker = MediaWorker(wire.settings, wire.engine, Hub())
    for _ in range(assets.MAX_ATTEMPTS):
        worker.drain()
        with write_tx(wire.engine) as conn:  # the retry is due now rather than in 30 s
            conn.execute(update(media_assets).values(locked_until=None))
    with read_tx(wire.engine) as conn:
        rows = {r.sha256: r for r in conn.execute(select(media_assets)).all()}
    assert rows[fine].state == "done" and assets.made(wire.engine, fine, "preview") is not None
    assert rows[broken].state == "failed" and rows[broken].attempts == assets.MAX_ATTEMPTS and rows[broken].error
    assert assets.made(wire.engine, broken, "poster") is None

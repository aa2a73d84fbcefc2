"""The rendition worker: each original's renditions once, and a broken one never stops it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from newswire.delivery.bus import Hub
from newswire.media import assets
from newswire.media.blobs import blobs_for
from newswire.media.upload import Upload, publish_picture
from newswire.media.worker import MediaWorker
from newswire.store.engine import read_tx
from newswire.store.tables import media_assets, media_renditions
from newswire.wire import Wire

from pictures import drawn, encoded


def uploaded(wire: Wire, tmp_path: Path, colour: tuple[int, int, int]) -> str:
    path = tmp_path / f"{colour}.jpg"
    im = drawn((600, 400))
    im.paste(colour, (0, 0, 40, 40))
    path.write_bytes(encoded(im))
    result = publish_picture(wire, blobs_for(wire.settings.data_dir), Upload(path, "image/jpeg"))
    shown = assets.shown_by(wire.engine, result.item.uri, result.item.version)
    assert shown is not None
    return shown.sha256


def test_the_worker_makes_each_originals_renditions_once(wire: Wire, tmp_path: Path) -> None:
    first, second = uploaded(wire, tmp_path, (0, 255, 0)), uploaded(wire, tmp_path, (255, 255, 0))
    worker = MediaWorker(wire.settings, wire.engine, Hub())
    assert worker.drain() == 2
    assert worker.drain() == 0  # nothing is made twice
    with read_tx(wire.engine) as conn:
        made = conn.execute(select(media_renditions.c.sha256, media_renditions.c.name)).all()
        states = dict(conn.execute(select(media_assets.c.sha256, media_assets.c.state)).all())
    assert sorted(made) == sorted((sha, name) for sha in (first, second)
                                  for name in ("baseImage", "viewImage", "thumbnail", "preview"))
    assert states == {first: "done", second: "done"}
    thumb = assets.made(wire.engine, first, "thumbnail")
    assert thumb is not None and (thumb.width, thumb.height) == (256, 171)
    assert blobs_for(wire.settings.data_dir).size(thumb.blob) == thumb.size


def test_a_picture_that_cannot_be_rendered_is_set_aside_and_the_rest_are_made(wire: Wire, tmp_path: Path) -> None:
    broken, fine = uploaded(wire, tmp_path, (0, 0, 0)), uploaded(wire, tmp_path, (255, 255, 255))
    blobs_for(wire.settings.data_dir).delete(broken)  # the original is gone from the disk
    worker = MediaWorker(wire.settings, wire.engine, Hub())
    assert worker.drain() == 2
    with read_tx(wire.engine) as conn:
        rows = {r.sha256: r for r in conn.execute(select(media_assets)).all()}
    assert rows[fine].state == "done"
    assert rows[broken].state == "pending" and rows[broken].locked_until is not None  # retried later
    assert "missing" in rows[broken].error
    assert assets.made(wire.engine, broken, "thumbnail") is None

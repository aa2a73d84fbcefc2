"""The sample video ``make run`` publishes: encoded by the project's own script when the demo
loads, read back by the wire like any agency clip, its renditions made by the worker."""

from __future__ import annotations

import pytest

pytest.importorskip("av")

from newswire.media import assets
from newswire.media.worker import MediaWorker
from newswire.samples import load_samples
from newswire.samples.video import CLIP, URI
from newswire.store import items as store
from newswire.wire import Wire


def test_the_demo_publishes_a_sample_video_read_from_its_own_container(wire: Wire) -> None:
    report = load_samples(wire, pictures=True)
    assert report.failed == [] and report.videos == 1
    clip = store.get_item(wire.engine, URI)
    assert clip is not None and clip.type == "video"
    assert clip.headline == CLIP.metadata["title"]  # read from the MP4, not told by the loader
    assert clip.by == "Newswire Graphics"
    original = next(r for r in clip.renditions if r.name == "original")
    assert (original.width, original.height, original.duration) == (CLIP.width, CLIP.height, CLIP.seconds)
    MediaWorker(wire.settings, wire.engine, wire.hub).drain()
    shown = assets.shown_by(wire.engine, URI, clip.version)
    assert shown is not None and shown.state == "done"
    assert {name: assets.made(wire.engine, shown.sha256, name) is not None
            for name in ("poster", "thumbnail", "preview")} == {"poster": True, "thumbnail": True, "preview": True}
    assert load_samples(wire, pictures=True).videos == 0  # the same clip again appends nothing

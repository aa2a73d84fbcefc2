"""A file that starts as a JPEG but is mostly stray bytes is refused at once: Pillow would skip
them one at a time in Python (about 3 s of CPU for 20 MB) before saying it is no picture.
A real JPEG with a few stray bytes between its segments, as some cameras write, is still taken."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newswire.media.probe import JPEG_JUNK, Refused, probe

from pictures import jpeg


def test_a_jpeg_start_followed_by_megabytes_of_junk_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "junk.jpg"
    with path.open("wb") as f:
        f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")  # SOI, a real APP0
        f.write(b"\x00" * 20_000_000)
    start = time.process_time()
    with pytest.raises(Refused) as refused:
        probe(path, "image/jpeg", 10**8)
    assert time.process_time() - start < 1.0  # Pillow alone: ~3 s of CPU
    assert (refused.value.status, refused.value.title) == (415, "Not a picture")


def test_a_few_stray_bytes_between_segments_are_tolerated(tmp_path: Path) -> None:
    data = jpeg((320, 240))
    app0_end = 4 + int.from_bytes(data[4:6], "big")  # after SOI and the JFIF segment
    for stray in (b"\x00" * 100, b"\x00" * JPEG_JUNK):
        path = tmp_path / "stray.jpg"
        path.write_bytes(data[:app0_end] + stray + data[app0_end:])
        found = probe(path, "image/jpeg", 10**8)
        assert (found.width, found.height) == (320, 240)

"""Polyglot files: a picture or video that is also a web page, a PDF or a ZIP archive is refused
at upload (415, nothing stored); a picture followed by data that is none of these (a phone's
second JPEG, a motion photo's clip) is taken. Every file is made here: Pillow draws, zipfile
archives, PyAV encodes."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import httpx
import pytest
import test_media_api
from PIL import Image, PngImagePlugin
from test_media_api import blob_files, count_items, unique_jpeg, upload

from newswire.media.polyglot import other_kind

from conftest import LiveServer
from pictures import drawn, encoded, jpeg

live, editor = test_media_api.live, test_media_api.editor  # a server of this module's own
_n = itertools.count()


def zipped(comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: Evil\n")
        archive.writestr("Evil.class", b"\xca\xfe\xba\xbe" + b"\0" * 64)
        archive.comment = comment
    return out.getvalue()


def commented_jpeg(comment: bytes) -> bytes:
    """A JPEG whose COM segment, right after its header, says ``comment``."""
    return encoded(drawn((320, 240)), "JPEG", comment=comment)


def png_with_text(text: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    return encoded(drawn((320, 240)), "PNG", pnginfo=info)


POLYGLOTS = {
    "jpeg+zip": (jpeg((320, 240)) + zipped(), "image/jpeg", "ZIP archive"),
    "jpeg+zip-with-comment": (jpeg((320, 240)) + zipped(b"x" * 300), "image/jpeg", "ZIP archive"),
    "jpeg-with-html": (commented_jpeg(b"<html><body><script>alert(document.cookie)</script>"), "image/jpeg",
                       "web page"),
    "jpeg-with-svg": (commented_jpeg(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
                      "image/jpeg", "web page"),
    "jpeg-with-php": (commented_jpeg(b"<?php system($_GET['c']); __halt_compiler();"), "image/jpeg", "web page"),
    "jpeg+html": (jpeg((320, 240)) + b"<!DOCTYPE html><p>after the picture</p>", "image/jpeg", "web page"),
    "png-with-pdf": (png_with_text("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj"), "image/png", "PDF"),
    "webp+zip": (encoded(drawn((320, 240)), "WEBP") + zipped(), "image/webp", "ZIP archive"),
}


@pytest.mark.parametrize("case", list(POLYGLOTS))
def test_what_else_a_file_is_is_named(tmp_path: Path, case: str) -> None:
    data, _declared, kind = POLYGLOTS[case]
    path = tmp_path / "upload"
    path.write_bytes(data)
    found = other_kind(path)
    assert found is not None and kind in found


def test_a_picture_and_what_cameras_append_are_one_thing(tmp_path: Path) -> None:
    second = encoded(drawn((160, 120)), "JPEG")  # a phone's depth map or HDR gain map after the picture
    for data in (jpeg((640, 480)), jpeg((640, 480)) + second, jpeg((640, 480)) + b"\0" * 4096,
                 encoded(drawn((320, 240)), "PNG"), encoded(drawn((320, 240)), "TIFF"),
                 png_with_text("A caption saying <b>bold</b> is text, not a page")):
        path = tmp_path / "upload"
        path.write_bytes(data)
        assert other_kind(path) is None


@pytest.mark.parametrize("case", list(POLYGLOTS))
def test_a_polyglot_upload_is_refused_and_leaves_nothing(live: LiveServer, editor: httpx.Client, case: str) -> None:
    data, declared, kind = POLYGLOTS[case]
    assert Image.open(io.BytesIO(data)).size == (320, 240)  # a picture Pillow opens ...
    before_items, before_blobs = count_items(live), blob_files(live)
    resp = upload(editor, data, declared)
    assert resp.status_code == 415, resp.text  # ... and something else as well
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["title"] == "Polyglot file" and kind in resp.json()["detail"]
    assert count_items(live) == before_items and blob_files(live) == before_blobs


def test_a_video_with_an_archive_appended_is_refused(live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    pytest.importorskip("av")
    from newswire.media.video_synth import Clip, encode

    video = encode(tmp_path / "clip.mp4", Clip(metadata={"comment": f"polyglot {next(_n)}"})).read_bytes()
    before_items, before_blobs = count_items(live), blob_files(live)
    resp = upload(editor, video + zipped(), "video/mp4")
    assert resp.status_code == 415 and resp.json()["title"] == "Polyglot file", resp.text
    assert count_items(live) == before_items and blob_files(live) == before_blobs
    assert upload(editor, video, "video/mp4").status_code == 201  # the same clip alone is taken


def test_a_picture_with_a_second_jpeg_appended_is_taken(live: LiveServer, editor: httpx.Client) -> None:
    data = unique_jpeg((640, 480)) + encoded(drawn((160, 120)), "JPEG")
    resp = upload(editor, data)
    assert resp.status_code == 201, resp.text
    assert resp.json()["renditions"][0]["sizeInBytes"] == len(data)  # the original, untouched

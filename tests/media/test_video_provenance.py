"""A video's Content Credentials, as a picture's: c2pa reads the manifest an MP4 or MOV
carries (signed here by c2pa with the picture tests' test certificates, on a clip PyAV
encodes), the item says whether it validates, and the original is delivered byte for byte,
its manifest still valid."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

pytest.importorskip("av")
pytest.importorskip("c2pa")

import test_provenance_api
from test_provenance_api import AGENCY, STRANGER, described, sources

from newswire.media import provenance
from newswire.media.video_synth import Clip, encode

from c2pakit import Authority, signed, when_made
from conftest import LiveServer
from schemas import assert_ninjs
from wirekit import subscriber

live, editor = test_provenance_api.live, test_provenance_api.editor  # a server of this module's own
_n = itertools.count()
TYPES = {"mp4": "video/mp4", "mov": "video/quicktime"}


def clip(tmp_path: Path, by: Authority | None = None, container: str = "mp4") -> bytes:
    """A short clip no other test posts, signed by ``by`` when given."""
    n = next(_n)
    data = encode(tmp_path / f"c2pa-{n}.{container}", Clip(width=96, height=64, seconds=1.0, container=container,
                                                            metadata={"comment": f"Ferries at dawn, take {n}."})
                  ).read_bytes()
    return signed(data, by, content_type=TYPES[container]) if by else data


def mangled(data: bytes) -> bytes:
    """A signed clip with one byte of its coded frames changed after signing."""
    at = data.index(b"mdat") + 64
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


def check(tmp_path: Path, data: bytes, content_type: str = "video/mp4") -> Any:
    path = tmp_path / f"check-{next(_n)}"
    path.write_bytes(data)
    return provenance.check(path, content_type)


def test_c2pa_reads_a_videos_manifest_and_finds_changed_frames(tmp_path: Path) -> None:
    found = check(tmp_path, clip(tmp_path, STRANGER))
    assert (found.state, found.signer, found.issuer, found.actions) == (
        "valid", "Someone Else", "Unknown Studio", ("c2pa.created",))
    assert check(tmp_path, clip(tmp_path, STRANGER, "mov"), "video/quicktime").state == "valid"
    broken = check(tmp_path, mangled(clip(tmp_path, STRANGER)))
    assert (broken.state, broken.failures) == ("invalid", ("assertion.bmffHash.mismatch",))
    assert check(tmp_path, clip(tmp_path)).state == "absent"


def upload(editor: httpx.Client, data: bytes, content_type: str = "video/mp4") -> dict[str, Any]:
    resp = editor.post("/v1/media", content=data, headers={"Content-Type": content_type})
    assert resp.status_code in (200, 201), resp.text
    doc: dict[str, Any] = resp.json()
    assert_ninjs(doc)
    assert doc["type"] == "video"
    return doc


def test_an_uploaded_video_says_whether_its_credentials_validate(live: LiveServer, editor: httpx.Client,
                                                                  tmp_path: Path) -> None:
    data = clip(tmp_path, AGENCY)
    doc = upload(editor, data)
    assert described(doc, "state") == ["trusted"]
    assert sources(doc)["signer"] == "Jane Photographer"
    sub = subscriber(live, f"c2pa-video-sub-{next(_n)}", None)
    read = sub.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(read)
    assert described(read, "state") == ["trusted"]
    [original] = [r for r in read["renditions"] if r["name"] == "original"]
    parts = urlsplit(original["href"])
    with httpx.Client(base_url=live.url, timeout=30) as anyone:  # the upload, byte for byte, manifest intact
        got = when_made(anyone, f"{parts.path}?{parts.query}")
    assert got.status_code == 200 and got.content == data
    assert check(tmp_path, got.content).state == "valid"  # (trusted needs the anchors; valid without)
    assert described(upload(editor, mangled(clip(tmp_path, AGENCY))), "failure") == ["assertion.bmffHash.mismatch"]
    assert described(upload(editor, clip(tmp_path, STRANGER, "mov"), "video/quicktime"), "state") == ["valid"]
    none = upload(editor, clip(tmp_path))
    assert described(none, "state") == ["absent"]

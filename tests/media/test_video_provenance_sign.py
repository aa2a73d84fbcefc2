"""The agency signs a video's derived renditions with its own Content Credentials, as a
picture's (when it has a certificate): the poster and thumbnail after the version's metadata
is written in, the preview MP4 as stored (c2pa's BMFF hash binding), once each, the upload as
the parent ingredient; the original stays the upload, byte for byte; Range and ETag work over
the signed preview. Without a certificate the renditions are served as the worker made them."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("av")

import av
import test_provenance_sign
from PIL import Image

from newswire.media import assets, metadata, provenance, provenance_sign
from newswire.media.blobs import blobs_for
from newswire.media.video_synth import Clip, encode

from c2pakit import authority, c2pa, editor_of, media_server, signed, when_made
from conftest import LiveServer

# a server of this module's own, signing as the picture tests' agency
live, editor = test_provenance_sign.live, test_provenance_sign.editor
PHOTOGRAPHER = authority("Jane Videographer", "Test Photo Agency")
_n = itertools.count()


def clip(tmp_path: Path, caption: str, seconds: float = 1.0, fps: int = 25) -> bytes:
    """A small MP4 no other test posts."""
    path = encode(tmp_path / f"vsign-{next(_n)}.mp4", Clip(width=96, height=64, seconds=seconds, fps=fps,
                                                           metadata={"comment": caption, "title": f"take {next(_n)}"}))
    return path.read_bytes()


def checked(data: bytes, tmp_path: Path, content_type: str, anchors: Path | None) -> provenance.ContentCredentials:
    path = tmp_path / f"check-{next(_n)}"
    path.write_bytes(data)
    return provenance.check(path, content_type, anchors)


def parent_signer(data: bytes, content_type: str) -> str | None:
    """The common name on the manifest the parent ingredient carries (None: it has none)."""
    with c2pa.Reader(content_type, io.BytesIO(data)) as reader:
        store: dict[str, Any] = json.loads(reader.json())
    [parent] = store["manifests"][store["active_manifest"]]["ingredients"]
    assert parent["relationship"] == "parentOf" and parent["format"] == "video/mp4"
    if "active_manifest" not in parent:
        return None
    name: str = store["manifests"][parent["active_manifest"]]["signature_info"]["common_name"]
    return name


def frames(data: bytes) -> int:
    with av.open(io.BytesIO(data)) as container:
        return sum(1 for _ in container.decode(video=0))


def test_a_videos_preview_poster_and_thumbnail_are_signed_by_the_agency(live: LiveServer, editor: httpx.Client,
                                                                         tmp_path: Path) -> None:
    original = signed(clip(tmp_path, "Ferries wait at the wrong pier."), PHOTOGRAPHER, content_type="video/mp4")
    uri = editor.post("/v1/media", content=original, headers={"Content-Type": "video/mp4"}).json()["uri"]
    anchors = live.wire.settings.c2pa_trust_anchors
    preview = when_made(editor, f"/v1/media/{uri}/1/preview")
    poster = when_made(editor, f"/v1/media/{uri}/1/poster")
    thumbnail = when_made(editor, f"/v1/media/{uri}/1/thumbnail")
    assert preview.status_code == poster.status_code == thumbnail.status_code == 200
    assert preview.headers["content-type"] == "video/mp4"
    video = checked(preview.content, tmp_path, "video/mp4", anchors)
    assert (video.state, video.signer, video.issuer) == ("trusted", "Newswire Photo Desk", "Newswire Agency")
    assert video.claim_generator is not None and video.claim_generator.startswith("newswire ")
    assert video.actions == ("c2pa.opened", "c2pa.transcoded", "c2pa.resized", "c2pa.edited")
    assert frames(preview.content) == 25  # still the whole clip, playable
    for still in (poster, thumbnail):
        found = checked(still.content, tmp_path, "image/jpeg", anchors)
        assert (found.state, found.signer) == ("trusted", "Newswire Photo Desk")
        assert found.actions == ("c2pa.opened", "c2pa.converted", "c2pa.resized", "c2pa.edited.metadata")
        with Image.open(io.BytesIO(still.content)) as im:  # the version's caption, inside the signed bytes
            assert metadata.read(im).caption == "Ferries wait at the wrong pier."
    # the videographer's manifest travels as the parent ingredient of each
    assert parent_signer(preview.content, "video/mp4") == parent_signer(poster.content, "image/jpeg") \
        == "Jane Videographer"
    # the original is never re-signed: the upload, byte for byte, its own manifest valid
    assert editor.get(f"/v1/media/{uri}/1/original").content == original
    assert checked(original, tmp_path, "video/mp4", None).signer == "Jane Videographer"

    # signed once: the same bytes and ETag again; a Range is a slice of the signed file
    again = editor.get(f"/v1/media/{uri}/1/preview")
    assert again.content == preview.content and again.headers["etag"] == preview.headers["etag"]
    etag = preview.headers["etag"]
    part = editor.get(f"/v1/media/{uri}/1/preview", headers={"Range": "bytes=100-1099", "If-Range": etag})
    assert part.status_code == 206 and part.content == preview.content[100:1100]
    assert part.headers["content-range"] == f"bytes 100-1099/{len(preview.content)}"
    tail = editor.get(f"/v1/media/{uri}/1/preview", headers={"Range": "bytes=-200"})
    assert tail.status_code == 206 and tail.content == preview.content[-200:]
    assert editor.get(f"/v1/media/{uri}/1/preview", headers={"If-None-Match": etag}).status_code == 304
    # the signed file is the one kept: the worker's preview stays as made, beside it
    asset = assets.shown_by(live.wire.engine, uri, 1)
    assert asset is not None
    made = assets.made(live.wire.engine, asset.sha256, "preview")
    assert made is not None and etag != f'"{made.blob}"' and made.size < len(preview.content)


def test_a_caption_correction_re_signs_the_poster_and_keeps_the_one_signed_preview(
        live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    data = clip(tmp_path, "Snow on the Bosphorus ferries.", seconds=32, fps=2)  # longer than a preview
    uri = editor.post("/v1/media", content=data, headers={"Content-Type": "video/mp4"}).json()["uri"]
    v1 = {name: when_made(editor, f"/v1/media/{uri}/1/{name}") for name in ("preview", "poster")}
    corrected = editor.post("/v1/media", content=data, headers={"Content-Type": "video/mp4"},
                            params={"uri": uri, "description": "Snow on the Kadıköy ferries."})
    assert corrected.status_code in (200, 201) and corrected.json()["version"] == "2"
    v2 = {name: when_made(editor, f"/v1/media/{uri}/2/{name}") for name in ("preview", "poster")}
    assert v2["preview"].content == v1["preview"].content  # no metadata in the MP4: one signed file
    assert v2["poster"].headers["etag"] != v1["poster"].headers["etag"]
    with Image.open(io.BytesIO(v2["poster"].content)) as im:
        assert metadata.read(im).caption == "Snow on the Kadıköy ferries."
    anchors = live.wire.settings.c2pa_trust_anchors
    assert checked(v2["poster"].content, tmp_path, "image/jpeg", anchors).state == "trusted"
    assert checked(v2["preview"].content, tmp_path, "video/mp4", anchors).actions == (
        "c2pa.opened", "c2pa.transcoded", "c2pa.resized", "c2pa.trimmed", "c2pa.edited")
    assert parent_signer(v2["preview"].content, "video/mp4") is None  # the upload had no manifest to carry


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server with no signing certificate."""
    yield from media_server(f"sqlite:///{tmp_path_factory.mktemp('plain') / 'wire.db'}")


def test_without_a_certificate_a_videos_renditions_are_served_as_made(plain: LiveServer, tmp_path: Path) -> None:
    for client in editor_of(plain):
        uri = client.post("/v1/media", content=clip(tmp_path, "Rain in Trabzon."),
                          headers={"Content-Type": "video/mp4"}).json()["uri"]
        asset = assets.shown_by(plain.wire.engine, uri, 1)
        assert asset is not None
        preview = when_made(client, f"/v1/media/{uri}/1/preview")
        made = assets.made(plain.wire.engine, asset.sha256, "preview")
        assert made is not None and preview.headers["etag"] == f'"{made.blob}"'
        stored = blobs_for(plain.wire.settings.data_dir)
        assert b"".join(stored.read_range(made.blob, 0, made.size)) == preview.content
        assert checked(preview.content, tmp_path, "video/mp4", None).state == "absent"
        poster = when_made(client, f"/v1/media/{uri}/1/poster")
        assert checked(poster.content, tmp_path, "image/jpeg", None).state == "absent"


def test_the_actions_say_what_was_made_from_the_upload() -> None:
    assert provenance_sign.actions("image/jpeg", "image/jpeg") == ("c2pa.resized", "c2pa.edited.metadata")
    assert provenance_sign.actions("image/jpeg", "video/quicktime") == (
        "c2pa.converted", "c2pa.resized", "c2pa.edited.metadata")
    assert provenance_sign.actions("video/mp4", "video/mp4", trimmed=True) == (
        "c2pa.transcoded", "c2pa.resized", "c2pa.trimmed", "c2pa.edited")
    assert provenance_sign.manifest("preview", "video/mp4", ())["title"] == "preview.mp4"

"""The agency signs the renditions it serves with its own Content Credentials (when it has a
certificate): after the version's metadata is written in, once per rendition and version,
the photographer's manifest carried as the parent ingredient."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from PIL import Image

from newswire.config import Settings
from newswire.media import metadata, provenance, provenance_sign

from c2pakit import authority, c2pa, editor_of, media_server, signed, when_made
from conftest import LiveServer, module_db_url
from pictures import jpeg

AGENCY = authority("Newswire Photo Desk", "Newswire Agency")
PHOTOGRAPHER = authority("Jane Photographer", "Test Photo Agency")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    anchors, chain, key = AGENCY.write(tmp_path_factory.mktemp("agency"))
    yield from media_server(module_db_url(request, tmp_path_factory), c2pa_trust_anchors=anchors, c2pa_cert=chain,
                            c2pa_key=key)


@pytest.fixture(scope="module")
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    yield from editor_of(live)


def store_of(data: bytes) -> dict[str, Any]:
    with c2pa.Reader("image/jpeg", io.BytesIO(data)) as reader:
        found: dict[str, Any] = json.loads(reader.json())
    return found


def checked(data: bytes, tmp_path: Path, anchors: Path | None) -> provenance.ContentCredentials:
    path = tmp_path / f"{time.time_ns()}.jpg"
    path.write_bytes(data)
    return provenance.check(path, "image/jpeg", anchors)


def picture(caption: str) -> bytes:
    return jpeg((1200, 800), iptc={"Iptc.Application2.Caption": caption,
                                   "Iptc.Application2.TransmissionReference": f"JOB-{time.time_ns()}"})


def test_renditions_are_signed_by_the_agency_after_the_versions_metadata_is_written(
        live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    original = signed(picture("Ferries wait at the wrong pier."), PHOTOGRAPHER)
    uri = editor.post("/v1/media", content=original, headers={"Content-Type": "image/jpeg"}).json()["uri"]
    corrected = editor.post("/v1/media", content=original, headers={"Content-Type": "image/jpeg"},
                            params={"uri": uri, "description": "Ferries wait at Kadıköy pier."}).json()
    assert corrected["version"] == "2"
    anchors = live.wire.settings.c2pa_trust_anchors
    v1 = when_made(editor, f"/v1/media/{uri}/1/viewImage")
    v2 = when_made(editor, f"/v1/media/{uri}/2/viewImage")
    assert v1.status_code == v2.status_code == 200
    for resp, caption in ((v1, "Ferries wait at the wrong pier."), (v2, "Ferries wait at Kadıköy pier.")):
        found = checked(resp.content, tmp_path, anchors)
        assert (found.state, found.signer, found.issuer) == ("trusted", "Newswire Photo Desk", "Newswire Agency")
        assert found.claim_generator is not None and found.claim_generator.startswith("newswire ")
        assert found.actions == ("c2pa.opened", "c2pa.resized", "c2pa.edited.metadata")
        with Image.open(io.BytesIO(resp.content)) as im:
            assert metadata.read(im).caption == caption  # the version's caption, inside the signed bytes
            assert im.size == (1024, 683)
    # the photographer's manifest travels as the parent ingredient
    store = store_of(v2.content)
    [parent] = store["manifests"][store["active_manifest"]]["ingredients"]
    assert parent["relationship"] == "parentOf"
    assert store["manifests"][parent["active_manifest"]]["signature_info"]["common_name"] == "Jane Photographer"
    # signed once: the same bytes, ETag and length again, and a Range is a slice of them
    again = when_made(editor, f"/v1/media/{uri}/2/viewImage")
    assert again.content == v2.content and again.headers["etag"] == v2.headers["etag"]
    part = editor.get(f"/v1/media/{uri}/2/viewImage", headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206 and part.content == v2.content[100:1100]
    assert part.headers["content-range"] == f"bytes 100-1099/{len(v2.content)}"
    # the original is never re-signed: the upload, byte for byte, the photographer's manifest valid
    assert editor.get(f"/v1/media/{uri}/2/original").content == original
    assert checked(original, tmp_path, None).signer == "Jane Photographer"


def test_a_picture_without_credentials_gets_the_agencys_own(live: LiveServer, editor: httpx.Client,
                                                            tmp_path: Path) -> None:
    uri = editor.post("/v1/media", content=picture("Snow in Erzurum."),
                      headers={"Content-Type": "image/jpeg"}).json()["uri"]
    thumb = when_made(editor, f"/v1/media/{uri}/1/thumbnail")
    assert thumb.status_code == 200
    found = checked(thumb.content, tmp_path, live.wire.settings.c2pa_trust_anchors)
    assert (found.state, found.signer) == ("trusted", "Newswire Photo Desk")
    store = store_of(thumb.content)
    [parent] = store["manifests"][store["active_manifest"]]["ingredients"]
    assert "active_manifest" not in parent  # the upload had none to carry


def _pem(key: Any) -> bytes:
    return bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))


def test_the_signing_algorithm_follows_the_key() -> None:
    assert provenance_sign.algorithm(ec.generate_private_key(ec.SECP256R1())) == "es256"
    assert provenance_sign.algorithm(ec.generate_private_key(ec.SECP384R1())) == "es384"
    assert provenance_sign.algorithm(ed25519.Ed25519PrivateKey.generate()) == "ed25519"
    assert provenance_sign.algorithm(rsa.generate_private_key(65537, 2048)) == "ps256"
    with pytest.raises(provenance_sign.SigningConfigError):
        provenance_sign.algorithm(ec.generate_private_key(ec.SECP256K1()))


def test_a_signing_configuration_that_cannot_sign_is_refused(tmp_path: Path) -> None:
    _, chain, key = AGENCY.write(tmp_path / "agency")
    assert provenance_sign.signer_for(Settings()) is None  # not configured: renditions unsigned
    with pytest.raises(provenance_sign.SigningConfigError, match="go together"):
        provenance_sign.signer_for(Settings(c2pa_cert=chain))
    other = tmp_path / "other.pem"
    other.write_bytes(_pem(ec.generate_private_key(ec.SECP256R1())))
    with pytest.raises(provenance_sign.SigningConfigError, match="not the key"):
        provenance_sign.signer_for(Settings(c2pa_cert=chain, c2pa_key=other))
    signer = provenance_sign.signer_for(Settings(c2pa_cert=chain, c2pa_key=key))
    assert signer is not None and signer.alg == "es256" and "BEGIN" not in repr(signer)


def test_serve_stops_at_once_when_the_credentials_cannot_be_used(tmp_path: Path) -> None:
    _, chain, _ = AGENCY.write(tmp_path / "agency")
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}", "NEWSWIRE_DATA_DIR": str(tmp_path)}

    def serve(**more: str) -> subprocess.CompletedProcess[str]:  # the real command, in a process of its own
        return subprocess.run([sys.executable, "-c", "from newswire.cli import app; app()", "serve", "--port", "0"],
                              env={**env, **more}, capture_output=True, text=True, timeout=60)

    no_key = serve(NEWSWIRE_C2PA_CERT=str(chain))
    assert no_key.returncode == 2 and "go together" in no_key.stderr + no_key.stdout
    missing = serve(NEWSWIRE_C2PA_TRUST_ANCHORS=str(tmp_path / "missing.pem"))
    assert missing.returncode == 2 and "NEWSWIRE_C2PA_TRUST_ANCHORS" in missing.stderr + missing.stdout


def test_a_certificate_without_c2pa_installed_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, chain, key = AGENCY.write(tmp_path / "agency")
    monkeypatch.setattr(provenance, "c2pa", None)  # what the module's import guard leaves
    with pytest.raises(provenance_sign.SigningConfigError, match="not installed"):
        provenance_sign.signer_for(Settings(c2pa_cert=chain, c2pa_key=key))

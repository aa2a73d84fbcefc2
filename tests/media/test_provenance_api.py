"""Content Credentials end to end: an editor uploads signed pictures with POST /v1/media; the
item (as the editor gets it back and as a subscriber reads it) says whether the manifest
validates and who signed it, in ninjs that IPTC's schema accepts; the original is delivered
byte for byte as uploaded, its manifest still valid."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from newswire.formats.ninjs import CREDENTIALS_NAME
from newswire.media import provenance
from newswire.model import ContentCredentials
from newswire.store.items import get_item

from c2pakit import AI_GENERATED, Authority, authority, editor_of, media_server, signed, tampered, when_made
from conftest import LiveServer, module_db_url
from pictures import jpeg
from schemas import assert_ninjs
from wirekit import subscriber

AGENCY = authority("Jane Photographer", "Test Photo Agency")  # the agency's own photographers: trusted
STRANGER = authority("Someone Else", "Unknown Studio")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    anchors, _, _ = AGENCY.write(tmp_path_factory.mktemp("trust"))
    yield from media_server(module_db_url(request, tmp_path_factory), c2pa_trust_anchors=anchors)


@pytest.fixture(scope="module")
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    yield from editor_of(live)


def picture(by: Authority | None = None, **options: Any) -> bytes:
    """A JPEG no other test posts, signed by ``by`` when given."""
    data = jpeg((640, 480), iptc={"Iptc.Application2.Caption": "Ferries leave Eminönü at dawn.",
                                  "Iptc.Application2.TransmissionReference": f"JOB-{time.time_ns()}"})
    return signed(data, by, **options) if by else data


def upload(editor: httpx.Client, data: bytes) -> dict[str, Any]:
    resp = editor.post("/v1/media", content=data, headers={"Content-Type": "image/jpeg"})
    assert resp.status_code in (200, 201), resp.text
    doc: dict[str, Any] = resp.json()
    assert_ninjs(doc)
    return doc


def credentials(doc: dict[str, Any]) -> dict[str, Any]:
    [found] = [a for a in doc.get("associations", []) if a["name"] == CREDENTIALS_NAME]
    return found


def described(doc: dict[str, Any], role: str) -> list[str]:
    return [d["value"] for d in credentials(doc)["descriptions"] if d["role"] == role]


def sources(doc: dict[str, Any]) -> dict[str, str]:
    return {s["role"]: s["name"] for s in credentials(doc).get("infoSources", [])}


def test_a_picture_signed_by_a_trusted_signer_says_so_and_its_original_is_untouched(
        live: LiveServer, editor: httpx.Client, tmp_path: Path) -> None:
    data = picture(AGENCY)
    doc = upload(editor, data)
    assert described(doc, "state") == ["trusted"]
    assert sources(doc) == {"signer": "Jane Photographer", "issuer": "Test Photo Agency",
                            "claimGenerator": "Test Camera 1.0"}
    assert credentials(doc)["title"] == ("Content Credentials: valid, signer trusted, signed by Jane Photographer "
                                         "(Test Photo Agency)")
    # a subscriber reads the same answer, in schema-valid ninjs 3.2 and 2.3
    sub = subscriber(live, f"c2pa-sub-{time.time_ns()}", None)
    read = sub.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(read)
    assert described(read, "state") == ["trusted"]
    old = sub.client.get(f"/v1/items/{doc['uri']}", params={"format": "ninjs2"}).json()
    assert_ninjs(old, "2.3")
    assert [a["title"] for a in old["associations"]] == [credentials(doc)["title"]]
    # the original as delivered is the upload, byte for byte, and its manifest still validates
    [original] = [r for r in read["renditions"] if r["name"] == "original"]
    parts = urlsplit(original["href"])
    with httpx.Client(base_url=live.url, timeout=30) as anyone:  # the signed href, without the key
        got = when_made(anyone, f"{parts.path}?{parts.query}")
    assert got.status_code == 200 and got.content == data
    downloaded = tmp_path / "downloaded.jpg"
    downloaded.write_bytes(got.content)
    assert provenance.check(downloaded, "image/jpeg", live.wire.settings.c2pa_trust_anchors).state == "trusted"


def test_a_signer_outside_the_trust_list_is_valid_but_not_trusted(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, picture(STRANGER))
    assert described(doc, "state") == ["valid"] and described(doc, "failure") == []
    assert sources(doc)["signer"] == "Someone Else"


def test_a_picture_changed_after_signing_is_invalid_with_the_reason(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, tampered(picture(AGENCY)))
    assert described(doc, "state") == ["invalid"]
    assert described(doc, "failure") == ["assertion.dataHash.mismatch"]
    assert "digitalSourceType" not in doc


def test_a_picture_without_credentials_says_it_has_none(live: LiveServer, editor: httpx.Client) -> None:
    doc = upload(editor, picture())
    assert described(doc, "state") == ["absent"]
    assert credentials(doc)["title"] == "Content Credentials: none"


def test_an_ai_generated_picture_carries_its_digital_source_type(live: LiveServer, editor: httpx.Client) -> None:
    data = picture(AGENCY, source_type=AI_GENERATED)
    doc = upload(editor, data)
    assert doc["digitalSourceType"] == {"uri": AI_GENERATED}
    assert described(doc, "action") == ["c2pa.created"]
    again = upload(editor, data)  # the same bytes again: the same answer, nothing appended
    assert again["version"] == doc["version"] == "1"


def test_without_c2pa_the_upload_works_and_says_nothing_was_checked(
        live: LiveServer, editor: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance, "c2pa", None)  # what the module's import guard leaves
    doc = upload(editor, picture(AGENCY))
    assert described(doc, "state") == ["unchecked"]
    assert described(doc, "note") == [provenance.NOT_INSTALLED]
    stored = get_item(live.wire.engine, doc["uri"])
    assert stored is not None
    assert stored.credentials == ContentCredentials(state="unchecked", note=provenance.NOT_INSTALLED)

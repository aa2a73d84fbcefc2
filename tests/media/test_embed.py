"""Renditions carry the wire's corrected metadata (IPTC IIM + XMP), read back by the wire's
own reader, by exiv2 (pyexiv2) and, where installed, by ExifTool; the original is untouched."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pyexiv2
import pytest
from PIL import Image

from newswire.media import embed, metadata
from newswire.media.metadata import PictureMeta
from newswire.store.tokens import create_token

from conftest import LiveServer, module_db_url, open_wire, start_server
from pictures import ANKARA_EXIF, drawn, encoded, jpeg

META = PictureMeta(
    title="ANKARA-PROTEST", headline="Crowds gather in Ankara",
    caption="Demonstrators walk along Atatürk Boulevard «in Kızılay» & <beyond>.\nPolice watch.",
    creators=("Ayşe Yılmaz", "Can Demir"), credit="Test Agency", source="Test Agency Ankara",
    copyright="© 2026 Test Agency", usage_terms="Editorial use only", keywords=("protest", "politics"),
    city="Ankara", sublocation="Kızılay", province="Ankara", country="Turkey", country_code="TUR",
    created=datetime(2026, 5, 1, 11, 20, 30, tzinfo=UTC), instructions="No sales to third parties",
    urgency=2, language="tr")


def bare_jpeg() -> bytes:
    return encoded(drawn((320, 240)), quality=80)


def read_back(data: bytes) -> PictureMeta:
    with Image.open(io.BytesIO(data)) as im:
        return metadata.read(im)


def exiftool(data: bytes, tmp_path: Path, *args: str) -> dict[str, Any]:
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool is not installed (Debian: libimage-exiftool-perl; `make test` installs it)")
    path = tmp_path / "r.jpg"
    path.write_bytes(data)
    out = subprocess.run(["exiftool", "-j", "-G1", "-a", *args, str(path)], capture_output=True, text=True,
                         check=True)
    found: dict[str, Any] = json.loads(out.stdout)[0]
    return found


def test_what_is_written_is_what_the_wires_reader_reads() -> None:
    data = embed.embedded(bare_jpeg(), META)
    assert read_back(data) == META
    with Image.open(io.BytesIO(data)) as im:
        im.load()  # still a whole, decodable JPEG
        assert im.size == (320, 240)


def test_exiv2_reads_the_iim_and_xmp() -> None:
    with pyexiv2.ImageData(embed.embedded(bare_jpeg(), META)) as img:
        iptc, xmp = img.read_iptc(), img.read_xmp()
    assert iptc["Iptc.Envelope.CharacterSet"] == "\x1b%G"
    assert iptc["Iptc.Application2.Caption"] == META.caption
    assert iptc["Iptc.Application2.Byline"] == ["Ayşe Yılmaz", "Can Demir"]
    assert iptc["Iptc.Application2.Keywords"] == ["protest", "politics"]
    assert (iptc["Iptc.Application2.City"], iptc["Iptc.Application2.SubLocation"],
            iptc["Iptc.Application2.CountryCode"]) == ("Ankara", "Kızılay", "TUR")
    assert (iptc["Iptc.Application2.DateCreated"], iptc["Iptc.Application2.TimeCreated"]) == (
        "2026-05-01", "11:20:30+00:00")
    assert xmp["Xmp.dc.description"]['lang="x-default"'] == META.caption
    assert xmp["Xmp.dc.description"]['lang="tr"'] == META.caption
    assert xmp["Xmp.dc.creator"] == ["Ayşe Yılmaz", "Can Demir"]
    assert xmp["Xmp.photoshop.Credit"] == "Test Agency"
    assert xmp["Xmp.xmpRights.UsageTerms"] == {'lang="x-default"': "Editorial use only"}
    assert xmp["Xmp.iptc.Location"] == "Kızılay"


def test_exiftool_validates_the_file_and_finds_the_digests_agree(tmp_path: Path) -> None:
    found = exiftool(embed.embedded(bare_jpeg(), META), tmp_path, "-validate", "-warning", "-CurrentIPTCDigest",
                     "-IPTCDigest", "-XMP:all", "-IPTC:all")
    assert found["ExifTool:Validate"] == "OK", found
    assert "ExifTool:Warning" not in found
    assert found["File:CurrentIPTCDigest"] == found["Photoshop:IPTCDigest"]
    assert found["XMP-photoshop:LegacyIPTCDigest"].lower() == found["File:CurrentIPTCDigest"]
    assert found["IPTC:Caption-Abstract"] == META.caption
    assert found["XMP-dc:Creator"] == ["Ayşe Yılmaz", "Can Demir"]
    assert found["XMP-photoshop:Country"] == "Turkey" and found["IPTC:Country-PrimaryLocationCode"] == "TUR"
    assert found["XMP-xmpRights:UsageTerms"] == "Editorial use only"
    assert found["IPTC:CodedCharacterSet"] == "UTF8"


def test_iim_keeps_to_the_standards_lengths_and_xmp_carries_the_whole_text() -> None:
    long = PictureMeta(caption="ş" * 3000, creators=("Ö" * 40,), keywords=tuple(f"k{i}" for i in range(5)))
    with pyexiv2.ImageData(embed.embedded(bare_jpeg(), long)) as img:
        iptc, xmp = img.read_iptc(), img.read_xmp()
    assert iptc["Iptc.Application2.Caption"] == "ş" * 1000  # 2,000 bytes, never half a character
    assert iptc["Iptc.Application2.Byline"] == ["Ö" * 16]
    assert xmp["Xmp.dc.description"]['lang="x-default"'] == "ş" * 3000


def test_a_caption_too_long_for_one_segment_is_cut_to_fit() -> None:
    data = embed.embedded(bare_jpeg(), PictureMeta(caption="ğ" * 40_000))
    caption = read_back(data).caption
    assert caption is not None and 30_000 < len(caption) < 40_000 and set(caption) == {"ğ"}


def test_metadata_already_in_a_rendition_is_replaced_not_doubled() -> None:
    old = jpeg((200, 100), iptc={"Iptc.Application2.Caption": "stale"}, xmp={"Xmp.dc.title": "stale"},
               exif=ANKARA_EXIF)
    data = embed.embedded(old, PictureMeta(caption="fresh"))
    assert data.count(b"Photoshop 3.0\x00") == 1 and data.count(embed.XMP_HEADER) == 1
    assert b"stale" not in data and read_back(data).gps is None
    assert read_back(data).caption == "fresh"
    assert embed.embedded(b"not a jpeg", META) == b"not a jpeg"


def test_the_preview_names_no_instructions_and_no_rendition_gps_or_camera() -> None:
    full = replace(META, gps=(39.9, 32.8), camera="Canon EOS", transmission_ref="JOB-1")
    view, preview = embed.for_rendition(full, "viewImage"), embed.for_rendition(full, "preview")
    assert (view.gps, view.camera, view.instructions, view.transmission_ref) == (
        None, None, META.instructions, "JOB-1")
    assert (preview.gps, preview.camera, preview.instructions, preview.transmission_ref) == (None, None, None, None)
    assert preview.caption == META.caption and preview.copyright == META.copyright


# -- over HTTP: the version's metadata, not the camera's ------------------------------------

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    wire = open_wire(module_db_url(request, tmp_path_factory), agency_name="Test Agency")
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


@pytest.fixture(scope="module")
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    key = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client


def get_made(client: httpx.Client, path: str, **kw: Any) -> httpx.Response:
    deadline = time.monotonic() + 20
    while (resp := client.get(path, **kw)).status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.1)
    return resp


def test_renditions_carry_each_versions_corrected_caption(live: LiveServer, editor: httpx.Client,
                                                          tmp_path: Path) -> None:
    original = jpeg((1600, 1200), iptc={
        "Iptc.Application2.Caption": "A caption with the wrong name.", "Iptc.Application2.Headline": "Wrong",
        "Iptc.Application2.Byline": ["Ayşe Yılmaz"], "Iptc.Application2.City": "Ankara",
        "Iptc.Application2.SpecialInstructions": "Internal: call the desk",
        "Iptc.Application2.TransmissionReference": f"JOB-{tmp_path.name}"},
        exif={**ANKARA_EXIF, "Exif.Image.Make": "Canon", "Exif.Image.Model": "EOS R5"})
    first = editor.post("/v1/media", content=original, headers={"Content-Type": "image/jpeg"},
                        params={"copyright": "© 2026 Test Agency", "usageTerms": "Editorial use only"}).json()
    uri = first["uri"]
    second = editor.post("/v1/media", content=original, headers={"Content-Type": "image/jpeg"}, params={
        "uri": uri, "description": "A caption with the right name.", "headline": "Right",
        "copyright": "© 2026 Test Agency", "usageTerms": "Editorial use only"}).json()
    assert second["version"] == "2"
    base = f"/v1/media/{uri}"
    v1 = get_made(editor, f"{base}/1/viewImage")
    v2 = get_made(editor, f"{base}/2/viewImage")
    assert v1.status_code == v2.status_code == 200
    old, new = read_back(v1.content), read_back(v2.content)
    assert (old.caption, old.headline) == ("A caption with the wrong name.", "Wrong")
    assert (new.caption, new.headline) == ("A caption with the right name.", "Right")
    assert (new.creators, new.city, new.copyright, new.usage_terms) == (
        ("Ayşe Yılmaz",), "Ankara", "© 2026 Test Agency", "Editorial use only")
    assert new.gps is None and new.camera is None
    assert v1.headers["etag"] != v2.headers["etag"]  # a corrected caption is another entity
    # the pixels are the worker's, made once: both versions share them
    with Image.open(io.BytesIO(v1.content)) as a, Image.open(io.BytesIO(v2.content)) as b:
        assert a.tobytes() == b.tobytes()
    # the original is never altered: the camera's own bytes, GPS and all
    assert editor.get(f"{base}/2/original").content == original
    # every derived rendition carries it; the public preview without the desk's instructions
    for name in ("baseImage", "thumbnail", "preview"):
        meta = read_back(get_made(editor, f"{base}/2/{name}").content)
        assert meta.caption == "A caption with the right name.", name
        assert meta.instructions == (None if name == "preview" else "Internal: call the desk"), name
    preview = get_made(editor, f"{base}/2/preview").content
    if shutil.which("exiftool"):
        found = exiftool(preview, tmp_path, "-validate", "-warning")
        assert found["ExifTool:Validate"] == "OK", found
        assert not [k for k in found if "GPS" in k or k.endswith((":Make", ":Model", ":SerialNumber"))], found


def test_ranges_cut_the_served_bytes_metadata_included(live: LiveServer, editor: httpx.Client) -> None:
    doc = editor.post("/v1/media", content=jpeg((900, 600), iptc={"Iptc.Application2.Caption": "Range test"}),
                      headers={"Content-Type": "image/jpeg"}).json()
    path = f"/v1/media/{doc['uri']}/1/viewImage"
    whole = get_made(editor, path)
    assert int(whole.headers["content-length"]) == len(whole.content)
    size = len(whole.content)
    for start, end in ((0, 1), (0, 25), (10, 3000), (1500, 6000), (size - 100, size - 1), (0, size - 1)):
        part = editor.get(path, headers={"Range": f"bytes={start}-{end}"})
        assert part.status_code == 206 and part.content == whole.content[start:end + 1], (start, end)
        assert part.headers["content-range"] == f"bytes {start}-{end}/{size}"
    again = editor.get(path, headers={"If-None-Match": whole.headers["etag"]})
    assert again.status_code == 304

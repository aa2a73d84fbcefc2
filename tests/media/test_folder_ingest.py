"""``newswire ingest FOLDER`` takes pictures beside stories: the bytes say which is which, an
XMP sidecar's fields win over the file's own, and the story rules (no links, nothing outside
the folder, a size limit) hold for pictures too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newswire.config import Settings
from newswire.media import assets, folder
from newswire.media.blobs import blobs_for
from newswire.model import Item
from newswire.store import items as store
from newswire.wire import Wire

from factories import as_bytes, ninjs_story
from pictures import ANKARA_EXIF, drawn, encoded, jpeg

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))

SIDECAR = """<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Sidecar Credit">
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">The caption the desk corrected.</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>Deniz Kaya</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


def ingest(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSWIRE, "ingest", *args], capture_output=True, text=True, timeout=120, env={
        **os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'wire.db'}",
        "NEWSWIRE_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200", **env})


def published(tmp_path: Path) -> dict[str, Item]:
    wire = Wire.open(Settings(database_url=f"sqlite:///{tmp_path / 'wire.db'}", data_dir=tmp_path / "data"))
    try:
        return {item.uri: item for item in store.iter_current_items(wire.engine)}
    finally:
        wire.close()


def pictures(tmp_path: Path) -> list[Item]:
    return [i for i in published(tmp_path).values() if i.type == "picture"]


def file_caption(size: tuple[int, int] = (400, 300)) -> bytes:
    return jpeg(size, iptc={"Iptc.Application2.Caption": "The caption the camera wrote.",
                            "Iptc.Application2.Headline": "Ferry leaves the harbour",
                            "Iptc.Application2.Byline": ["Camera Owner"], "Iptc.Application2.Credit": "File Credit"},
                exif=ANKARA_EXIF)


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    path = tmp_path / "drop"
    path.mkdir()
    (path / "story.json").write_bytes(as_bytes(ninjs_story("en", uri="urn:cli:story")))
    return path


def test_a_folder_of_stories_and_pictures_publishes_both_the_sidecar_winning(tmp_path: Path, drop: Path) -> None:
    (drop / "ferry.jpg").write_bytes(file_caption())
    (drop / "ferry.xmp").write_text(SIDECAR)  # Lightroom's name for ferry.jpg's sidecar
    (drop / "scan.dat").write_bytes(encoded(drawn((300, 200)), "PNG"))  # the bytes decide, not the name
    result = ingest(tmp_path, str(drop))
    assert result.returncode == 0, result.stderr
    found = published(tmp_path)
    assert "urn:cli:story" in found
    [ferry, scan] = sorted(pictures(tmp_path), key=lambda i: i.headline != "Ferry leaves the harbour")
    assert ferry.body_html == "<p>The caption the desk corrected.</p>"  # the sidecar's
    assert ferry.by == "Deniz Kaya"
    assert ("Sidecar Credit", "creditline") in [(c.name, c.rel) for c in ferry.info_sources]
    assert ferry.headline == "Ferry leaves the harbour"  # what the sidecar does not say, the file does
    assert [r.name for r in ferry.renditions] == ["original", "baseImage", "viewImage", "thumbnail", "preview"]
    assert next(r for r in scan.renditions if r.name == "original").content_type == "image/png"
    # the original is stored as it was: the file's own bytes
    wire = Wire.open(Settings(database_url=f"sqlite:///{tmp_path / 'wire.db'}", data_dir=tmp_path / "data"))
    try:
        asset = assets.shown_by(wire.engine, ferry.uri, ferry.version)
        assert asset is not None
        assert blobs_for(tmp_path / "data").path(asset.sha256).read_bytes() == (drop / "ferry.jpg").read_bytes()
    finally:
        wire.close()
    again = ingest(tmp_path, str(drop))
    assert again.returncode == 0 and len(published(tmp_path)) == 3  # the same files again: nothing new


def test_a_darktable_sidecar_is_found_and_an_orphan_sidecar_is_reported(tmp_path: Path, drop: Path) -> None:
    (drop / "ferry.jpg").write_bytes(file_caption())
    (drop / "ferry.jpg.xmp").write_text(SIDECAR)
    (drop / "lonely.xmp").write_text(SIDECAR)
    result = ingest(tmp_path, str(drop))
    assert result.returncode == 1
    assert "lonely.xmp: an XMP sidecar with no picture beside it" in result.stderr, result.stderr
    [ferry] = pictures(tmp_path)
    assert ferry.by == "Deniz Kaya"


def test_links_large_and_broken_pictures_are_refused_with_a_reason(tmp_path: Path, drop: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.jpg").write_bytes(file_caption())
    (drop / "linked.jpg").symlink_to(outside / "private.jpg")
    (drop / "huge.jpg").write_bytes(file_caption((1600, 1200)))
    (drop / "broken.jpg").write_bytes(file_caption()[:700])
    (drop / "fine.jpg").write_bytes(jpeg((200, 100)))
    limit = str((drop / "huge.jpg").stat().st_size - 1)
    result = ingest(tmp_path, str(drop), NEWSWIRE_MAX_MEDIA_BYTES=limit)
    assert result.returncode == 1
    assert "linked.jpg: a symbolic link, not followed" in result.stderr, result.stderr
    assert f"huge.jpg: {int(limit) + 1} bytes, over the {limit}-byte limit" in result.stderr
    assert "broken.jpg: The picture cannot be read" in result.stderr
    assert len(pictures(tmp_path)) == 1  # fine.jpg alone
    media = tmp_path / "data" / "media"
    leftovers = [p for p in media.rglob("*") if p.is_file() and "tmp" not in p.relative_to(media).parts]
    assert len(leftovers) == 1  # the refused ones left nothing in the blob store


def test_the_first_bytes_decide_what_is_a_picture() -> None:
    assert folder.sniffed(jpeg((10, 10))[:16]) == "image/jpeg"
    assert folder.sniffed(encoded(drawn((10, 10)), "PNG")[:16]) == "image/png"
    assert folder.sniffed(encoded(drawn((10, 10)), "WEBP")[:16]) == "image/webp"
    assert folder.sniffed(encoded(drawn((10, 10)), "TIFF")[:16]) == "image/tiff"
    assert folder.sniffed(b'{"uri": "urn:x"}') is None
    assert folder.sniffed(b"<?xml version='1.0'?><newsItem/>") is None

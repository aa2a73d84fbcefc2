"""A picture's embedded metadata fills its item, field by field (IPTC Photo Metadata
Standard: IIM and XMP; EXIF), XMP over IIM over EXIF, and what an editor posts over all."""

from __future__ import annotations

import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newswire.media.metadata import PictureMeta, clean, to_item, with_editor
from newswire.media.probe import probe

from pictures import ANKARA_EXIF, jpeg

IIM = {
    "Iptc.Application2.ObjectName": "ANKARA-PROTEST",
    "Iptc.Application2.Headline": "Crowds gather in Ankara",
    "Iptc.Application2.Caption": "Demonstrators walk along Atatürk Boulevard.\nPolice watch from a distance.",
    "Iptc.Application2.Byline": ["Ayşe Yılmaz", "Can Demir"],
    "Iptc.Application2.Credit": "Wire Photo",
    "Iptc.Application2.Source": "Wire Photo Ankara",
    "Iptc.Application2.Copyright": "© 2026 Wire Photo",
    "Iptc.Application2.Keywords": ["protest", "politics"],
    "Iptc.Application2.City": "Ankara",
    "Iptc.Application2.SubLocation": "Kızılay",
    "Iptc.Application2.ProvinceState": "Ankara",
    "Iptc.Application2.CountryName": "Turkey",
    "Iptc.Application2.CountryCode": "TUR",
    "Iptc.Application2.DateCreated": "2026-05-01",
    "Iptc.Application2.TimeCreated": "14:20:30+03:00",
    "Iptc.Application2.SpecialInstructions": "No sales to third parties",
    "Iptc.Application2.TransmissionReference": "JOB-4711",
    "Iptc.Application2.Urgency": "2",
}


def read(tmp_path: Path, data: bytes) -> PictureMeta:
    path = tmp_path / "p.jpg"
    path.write_bytes(data)
    return probe(path, "image/jpeg", 10**8).meta


def test_every_iim_field_is_read(tmp_path: Path) -> None:
    meta = read(tmp_path, jpeg(iptc=IIM))
    assert meta.title == "ANKARA-PROTEST"
    assert meta.headline == "Crowds gather in Ankara"
    assert meta.caption == "Demonstrators walk along Atatürk Boulevard.\nPolice watch from a distance."
    assert meta.creators == ("Ayşe Yılmaz", "Can Demir")
    assert (meta.credit, meta.source, meta.copyright) == ("Wire Photo", "Wire Photo Ankara", "© 2026 Wire Photo")
    assert meta.keywords == ("protest", "politics")
    assert (meta.city, meta.sublocation, meta.province, meta.country, meta.country_code) == (
        "Ankara", "Kızılay", "Ankara", "Turkey", "TUR")
    assert meta.created == datetime(2026, 5, 1, 11, 20, 30, tzinfo=UTC)
    assert meta.instructions == "No sales to third parties"
    assert meta.transmission_ref == "JOB-4711"
    assert meta.urgency == 2


XMP = {
    "Xmp.dc.title": {'lang="x-default"': "ISTANBUL-FERRY"},
    "Xmp.photoshop.Headline": "Ferries stop in the fog",
    "Xmp.dc.description": {'lang="x-default"': "Ferries wait at Kadıköy pier.",
                           'lang="en"': "Ferries wait at Kadıköy pier."},
    "Xmp.dc.creator": ["Mehmet Kaya"],
    "Xmp.photoshop.Credit": "XMP Credit",
    "Xmp.photoshop.Source": "XMP Source",
    "Xmp.dc.rights": {'lang="x-default"': "© XMP"},
    "Xmp.xmpRights.UsageTerms": {'lang="x-default"': "Editorial use only"},
    "Xmp.dc.subject": ["ferry", "weather"],
    "Xmp.photoshop.City": "Istanbul",
    "Xmp.iptc.Location": "Kadıköy",
    "Xmp.photoshop.State": "Istanbul",
    "Xmp.photoshop.Country": "Türkiye",
    "Xmp.iptc.CountryCode": "TR",
    "Xmp.photoshop.DateCreated": "2026-02-03T08:15:00+03:00",
    "Xmp.photoshop.Instructions": "Embargo check with desk",
    "Xmp.photoshop.TransmissionReference": "JOB-9",
}


def test_every_xmp_field_is_read_and_wins_over_iim(tmp_path: Path) -> None:
    meta = read(tmp_path, jpeg(iptc=IIM, xmp=XMP))
    assert meta.title == "ISTANBUL-FERRY"
    assert meta.headline == "Ferries stop in the fog"
    assert meta.caption == "Ferries wait at Kadıköy pier."
    assert meta.language == "en"
    assert meta.creators == ("Mehmet Kaya",)
    assert (meta.credit, meta.source, meta.copyright, meta.usage_terms) == (
        "XMP Credit", "XMP Source", "© XMP", "Editorial use only")
    assert meta.keywords == ("ferry", "weather")
    assert (meta.city, meta.sublocation, meta.province, meta.country, meta.country_code) == (
        "Istanbul", "Kadıköy", "Istanbul", "Türkiye", "TR")
    assert meta.created == datetime(2026, 2, 3, 5, 15, tzinfo=UTC)
    assert meta.instructions == "Embargo check with desk"
    assert meta.transmission_ref == "JOB-9"
    assert meta.urgency == 2  # only IIM says it: IIM fills what XMP leaves out


def test_exif_gives_orientation_gps_camera_and_fills_what_iptc_leaves_out(tmp_path: Path) -> None:
    exif = {**ANKARA_EXIF, "Exif.Image.Orientation": "6", "Exif.Image.ImageDescription": "EXIF caption",
            "Exif.Image.Artist": "EXIF Artist", "Exif.Image.Copyright": "EXIF copyright",
            "Exif.Image.Make": "Canon", "Exif.Image.Model": "EOS R5",
            "Exif.Photo.DateTimeOriginal": "2026:03:04 10:00:00", "Exif.Photo.OffsetTimeOriginal": "+02:00"}
    only_exif = read(tmp_path, jpeg(exif=exif))
    assert only_exif.orientation == 6
    assert only_exif.gps is not None
    assert only_exif.gps == pytest.approx((39 + 55 / 60 + 12 / 3600, 32 + 51 / 60))
    assert only_exif.camera == "Canon EOS R5"
    assert (only_exif.caption, only_exif.creators, only_exif.copyright) == (
        "EXIF caption", ("EXIF Artist",), "EXIF copyright")
    assert only_exif.created == datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    with_iim = read(tmp_path, jpeg(iptc=IIM, exif=exif))
    assert with_iim.caption == IIM["Iptc.Application2.Caption"]
    assert with_iim.creators == ("Ayşe Yılmaz", "Can Demir")
    assert with_iim.orientation == 6


def test_the_displayed_size_has_the_orientation_applied(tmp_path: Path) -> None:
    path = tmp_path / "p.jpg"
    path.write_bytes(jpeg((640, 480), exif={"Exif.Image.Orientation": "6"}))
    found = probe(path, "image/jpeg", 10**8)
    assert (found.width, found.height) == (480, 640)


def test_control_characters_in_metadata_are_dropped(tmp_path: Path) -> None:
    meta = read(tmp_path, jpeg(iptc={"Iptc.Application2.Headline": "Bad\x07 head\x1bline",
                                     "Iptc.Application2.Caption": "one\x00 two"}))
    assert meta.headline == "Bad headline"
    assert meta.caption == "one two"


def test_metadata_becomes_a_picture_item() -> None:
    meta = PictureMeta(title="SLUG", headline="Head", caption="Line one\nLine <two>", creators=("A", "B"),
                       credit="Credit", source="Source", copyright="© C", usage_terms="Editorial only",
                       keywords=("k1",), city="Ankara", country="Turkey", created=datetime(2026, 1, 2, tzinfo=UTC),
                       instructions="Note", urgency=3, language="en", gps=(39.9, 32.85))
    item = to_item(meta, "urn:test:p")
    assert item.type == "picture"
    assert item.headline == "Head" and item.slugline == "SLUG"
    assert item.body_html == "<p>Line one</p><p>Line &lt;two&gt;</p>"
    assert item.by == "A; B"
    assert (item.copyright_notice, item.usage_terms, item.ed_note, item.urgency, item.language) == (
        "© C", "Editorial only", "Note", 3, "en")
    assert [(c.name, c.rel) for c in item.info_sources] == [("Credit", "creditline"), ("Source", "source")]
    assert [(c.name, c.rel) for c in item.subjects] == [("k1", "keyword")]
    assert item.located == "Ankara"
    assert [(c.name, c.uri) for c in item.places] == [("Ankara", None), ("Turkey", None),
                                                     (None, "geo:39.900000,32.850000")]
    assert item.content_created == datetime(2026, 1, 2, tzinfo=UTC)


def test_what_the_editor_posts_wins_and_the_file_fills_the_rest() -> None:
    file = PictureMeta(headline="File head", caption="File caption", city="Ankara", orientation=6)
    editor = PictureMeta(headline="Editor head", keywords=("desk",), orientation=1)
    both = with_editor(file, editor)
    assert (both.headline, both.caption, both.city, both.keywords, both.orientation) == (
        "Editor head", "File caption", "Ankara", ("desk",), 6)


# -- metadata in broken or undeclared encodings: read as well as it can be, never refused ----

def with_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    """A JPEG with one more APPn segment, right after its SOI, holding ``payload``."""
    return data[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def raw_iim(*datasets: tuple[int, int, bytes]) -> bytes:
    """An APP13 payload: Photoshop's 8BIM resource 0x0404 holding the IIM datasets, byte for
    byte as given (pyexiv2 would re-encode the text)."""
    iim = b"".join(b"\x1c" + bytes([record, number]) + struct.pack(">H", len(value)) + value
                   for record, number, value in datasets)
    return (b"Photoshop 3.0\x00" + b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00"
            + struct.pack(">I", len(iim)) + iim + b"\x00" * (len(iim) % 2))


def test_iim_without_its_utf8_marker_is_read_as_windows_1252(tmp_path: Path) -> None:
    data = with_segment(jpeg(), 0xED, raw_iim((2, 105, "Café crowds – Ankara".encode("cp1252")),
                                              (2, 120, "Demonstrators at the café\x85".encode("latin-1"))))
    meta = read(tmp_path, data)
    assert meta.headline == "Café crowds – Ankara"
    assert meta.caption == "Demonstrators at the café…"


def test_iim_that_is_not_the_utf8_it_declares_keeps_what_decodes(tmp_path: Path) -> None:
    data = with_segment(jpeg(), 0xED, raw_iim((1, 90, b"\x1b%G"), (2, 105, b"Crowds \xff\xfe in Ankara"),
                                              (2, 25, b"prot\xe9st"), (2, 25, b"politics")))
    meta = read(tmp_path, data)
    assert meta.headline == "Crowds \ufffd\ufffd in Ankara"  # the undecodable bytes marked, the rest kept
    assert meta.keywords == ("prot\ufffdst", "politics")


def test_an_xmp_packet_in_a_broken_encoding_is_ignored_and_the_rest_is_read(tmp_path: Path) -> None:
    packet = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
              b'photoshop:Headline="Caf\xe9 \xff broken"/></rdf:RDF></x:xmpmeta>')
    data = with_segment(jpeg(iptc={"Iptc.Application2.Headline": "From IIM"}), 0xE1,
                        b"http://ns.adobe.com/xap/1.0/\x00" + packet)
    meta = read(tmp_path, data)
    assert meta.headline == "From IIM"


def test_exif_text_in_a_broken_encoding_keeps_what_decodes(tmp_path: Path) -> None:
    from PIL import Image

    im = Image.new("RGB", (64, 48))
    exif = Image.Exif()
    exif[0x010E] = b"Ferry at Kad\xf1k\xf6y \x07pier"  # ImageDescription: not UTF-8, a bell inside
    exif[0x013B] = "Ayşe Yılmaz".encode()  # UTF-8, as cameras now write it
    out = tmp_path / "exif.jpg"
    im.save(out, "JPEG", exif=exif)
    meta = read(tmp_path, out.read_bytes())
    assert meta.caption == "Ferry at Kadñköy pier"  # Windows-1252 where it is not UTF-8, the bell dropped
    assert meta.creators == ("Ayşe Yılmaz",)  # UTF-8 in an ASCII tag, as cameras write it: not 'AyÅ\x9fe'


def test_c1_control_characters_are_dropped_too() -> None:
    assert clean("Ay\x9fse\x85 Y\x80\x9f\x96") == "Ayse Y"

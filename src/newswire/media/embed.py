"""The wire's own metadata written into a JPEG rendition: XMP and IPTC IIM, as the version says.

Renditions are made once per original by the worker, with no metadata at all; the caption,
credit, rights and places they carry are the *version's* (what the editor corrected, not
what the camera wrote), so they are added when a rendition is served: :func:`segments`
turns a version's :class:`~newswire.media.metadata.PictureMeta` (:func:`from_item`) into an
APP1 XMP segment and an APP13 "Photoshop 3.0" segment holding the IIM record 2 datasets
(resource 0x0404) and their MD5 (resource 0x0425, which XMP's
``photoshop:LegacyIPTCDigest`` repeats, so readers following the Metadata Working Group's
rules know the two agree), and :func:`plan` says where they go in the stored JPEG: after
its JFIF header, before everything else. Nothing else is written: no EXIF, so no GPS, no
camera, no serial numbers. The original is never touched.

The IIM datasets keep to their lengths in the standard (a 2,000-byte caption, 32-byte
by-lines, cut at a character boundary, UTF-8 announced by 1:90); XMP has no such limits and
carries the full text (within one 64 KiB segment: a longer caption is cut to fit).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC

from lxml import etree

from newswire.enrich.text import body_text
from newswire.media.metadata import XML_LANG, XMP_NS, PictureMeta
from newswire.model import Concept, Item

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
MAX_SEGMENT = 65533  # bytes after the marker and the length field's own two

_WRITTEN = ("dc", "photoshop", "xmpRights", "Iptc4xmpCore")  # the schemas a rendition's packet uses


def from_item(item: Item) -> PictureMeta:
    """What a picture version says about itself, in the fields :func:`metadata.to_item` fills
    (its inverse: reading a rendition back gives the version's fields)."""
    def named(concepts: tuple[Concept, ...], rel: str) -> str | None:
        return next((c.name for c in concepts if c.rel == rel and c.name), None)

    caption = body_text(item) or None
    return PictureMeta(
        title=item.slugline, headline=item.headline or None, caption=caption,
        creators=tuple(p.strip() for p in (item.by or "").split(";") if p.strip()),
        credit=named(item.info_sources, "creditline"), source=named(item.info_sources, "source"),
        copyright=item.copyright_notice, usage_terms=item.usage_terms,
        keywords=tuple(c.name for c in item.subjects if c.rel == "keyword" and c.name),
        city=named(item.places, "city"), sublocation=named(item.places, "sublocation"),
        province=named(item.places, "province"), country=named(item.places, "country"),
        created=item.content_created, instructions=item.ed_note,
        urgency=item.urgency if item.urgency is not None and 1 <= item.urgency <= 8 else None,
        language=item.language,
    )


def for_rendition(meta: PictureMeta, name: str) -> PictureMeta:
    """The public site's ``preview`` carries the caption, credit and rights but not the
    editors' instructions; no rendition carries GPS or the camera."""
    meta = replace(meta, gps=None, camera=None, orientation=1)
    return replace(meta, instructions=None, transmission_ref=None) if name == "preview" else meta


# -- IPTC IIM ------------------------------------------------------------------------------

# dataset -> (field, the standard's maximum length in bytes)
_IIM = ((5, "title", 64), (10, "urgency", 1), (40, "instructions", 256), (80, "creators", 32),
        (90, "city", 32), (92, "sublocation", 32), (95, "province", 32), (100, "country_code", 3),
        (101, "country", 64), (103, "transmission_ref", 32), (105, "headline", 256), (110, "credit", 32),
        (115, "source", 32), (116, "copyright", 128), (120, "caption", 2000), (25, "keywords", 64))
_IIM_BUDGET = 60_000  # repeatable datasets stop here, so the segment stays under 64 KiB


def _cut(text: str, limit: int) -> bytes:
    """At most ``limit`` bytes of UTF-8, never half a character."""
    return text.encode()[:limit].decode("utf-8", errors="ignore").encode()


def _dataset(record: int, number: int, data: bytes) -> bytes:
    return bytes((0x1C, record, number)) + struct.pack(">H", len(data)) + data


def iim(meta: PictureMeta) -> bytes:
    """The IIM datasets: 1:90 (UTF-8), 2:00 (record version 4), then the fields."""
    out = bytearray(_dataset(1, 90, b"\x1b%G") + _dataset(2, 0, struct.pack(">H", 4)))
    for number, name, limit in sorted(_IIM):
        value = getattr(meta, name)
        values = value if isinstance(value, tuple) else () if value is None else (str(value),)
        for one in values:
            data = _cut(one, limit)
            if data and len(out) + len(data) + 5 <= _IIM_BUDGET:
                out += _dataset(2, number, data)
    if meta.created is not None:
        moment = meta.created.astimezone(UTC)
        out += _dataset(2, 55, moment.strftime("%Y%m%d").encode()) + _dataset(2, 60, moment.strftime(
            "%H%M%S+0000").encode())
    if meta.language and len(meta.language) in (2, 3) and meta.language.isalpha():
        out += _dataset(2, 135, meta.language.encode())
    return bytes(out)


def _resource(number: int, data: bytes) -> bytes:
    """A Photoshop image resource block: signature, id, empty name (padded), size, data (padded)."""
    return b"8BIM" + struct.pack(">H", number) + b"\x00\x00" + struct.pack(">I", len(data)) + data + (
        b"\x00" * (len(data) % 2))


def photoshop_segment(records: bytes) -> bytes:
    payload = PHOTOSHOP_HEADER + _resource(0x0404, records) + _resource(0x0425, hashlib.md5(records).digest())
    return _segment(0xED, payload)


# -- XMP -----------------------------------------------------------------------------------

def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{XMP_NS[prefix]}}}{local}"


def xmp(meta: PictureMeta, iim_digest: str | None = None) -> bytes:
    """An XMP packet with the IPTC Core properties of ``meta``."""
    root = etree.Element(_q("x:xmpmeta"), nsmap={"x": XMP_NS["x"]})
    rdf = etree.SubElement(root, _q("rdf:RDF"), nsmap={"rdf": XMP_NS["rdf"]})
    desc = etree.SubElement(rdf, _q("rdf:Description"), {_q("rdf:about"): ""},
                            nsmap={k: XMP_NS[k] for k in _WRITTEN})

    def simple(name: str, value: str | None) -> None:
        if value:
            etree.SubElement(desc, _q(name)).text = value

    def container(name: str, kind: str, values: tuple[tuple[str | None, str], ...]) -> None:
        if values:
            holder = etree.SubElement(etree.SubElement(desc, _q(name)), _q(f"rdf:{kind}"))
            for lang, value in values:
                li = etree.SubElement(holder, _q("rdf:li"), {XML_LANG: lang} if lang else {})
                li.text = value

    def alt(name: str, value: str | None, lang: str | None = None) -> None:
        if value:
            tagged = ((lang, value),) if lang else ()
            container(name, "Alt", (("x-default", value), *tagged))

    alt("dc:title", meta.title)
    alt("dc:description", meta.caption, meta.language)
    container("dc:creator", "Seq", tuple((None, c) for c in meta.creators))
    alt("dc:rights", meta.copyright)
    container("dc:subject", "Bag", tuple((None, k) for k in meta.keywords))
    simple("photoshop:Headline", meta.headline)
    simple("photoshop:Credit", meta.credit)
    simple("photoshop:Source", meta.source)
    simple("photoshop:City", meta.city)
    simple("photoshop:State", meta.province)
    simple("photoshop:Country", meta.country)
    simple("photoshop:Instructions", meta.instructions)
    simple("photoshop:TransmissionReference", meta.transmission_ref)
    simple("photoshop:Urgency", str(meta.urgency) if meta.urgency else None)
    simple("photoshop:DateCreated", meta.created.astimezone(UTC).isoformat() if meta.created else None)
    simple("photoshop:LegacyIPTCDigest", iim_digest)
    simple("Iptc4xmpCore:Location", meta.sublocation)
    simple("Iptc4xmpCore:CountryCode", meta.country_code)
    alt("xmpRights:UsageTerms", meta.usage_terms)
    body = etree.tostring(root, encoding="utf-8")
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'.encode() + body
            + b'\n<?xpacket end="r"?>')


def xmp_segment(meta: PictureMeta, iim_digest: str | None = None) -> bytes:
    """APP1 with the packet; a caption too long for one segment is cut until it fits."""
    while True:
        packet = xmp(meta, iim_digest)
        over = len(XMP_HEADER) + len(packet) - MAX_SEGMENT
        if over <= 0 or not meta.caption:
            return _segment(0xE1, XMP_HEADER + packet[:MAX_SEGMENT - len(XMP_HEADER)])
        meta = replace(meta, caption=_cut(meta.caption, max(0, len(meta.caption.encode()) - over - 16)).decode())


# -- the JPEG ------------------------------------------------------------------------------

def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def segments(meta: PictureMeta) -> bytes:
    """The APP1 (XMP) and APP13 (IIM) segments for ``meta``."""
    records = iim(meta)
    return xmp_segment(meta, hashlib.md5(records).hexdigest().upper()) + photoshop_segment(records)


@dataclass(frozen=True, slots=True)
class Plan:
    """Serve ``stored[:keep] + inserted + stored[skip:]``."""

    keep: int
    skip: int
    inserted: bytes

    def size(self, stored: int) -> int:
        return self.keep + len(self.inserted) + stored - self.skip


def plan(read: Callable[[int, int], bytes], inserted: bytes) -> Plan | None:
    """Where ``inserted`` goes in a stored JPEG (``read(start, length)`` gives its bytes): after
    SOI and any JFIF/JFXX APP0, in place of any XMP/EXIF APP1 or APP13 found next. None when
    the file does not start as a JPEG (it is then served as stored)."""
    if read(0, 2) != b"\xff\xd8":
        return None
    pos, keep = 2, 2
    while True:
        head = read(pos, 4)
        if len(head) < 4 or head[0] != 0xFF:
            return None
        marker, length = head[1], struct.unpack(">H", head[2:])[0]
        if marker == 0xE0 and pos == keep:
            keep = pos = pos + 2 + length
        elif marker in (0xE1, 0xED):
            pos += 2 + length
        else:
            return Plan(keep, pos, inserted)


def spliced(jpeg: bytes, inserted: bytes) -> bytes:
    """A whole JPEG with the ``inserted`` segments in place (the site's preview)."""
    found = plan(lambda start, length: jpeg[start:start + length], inserted)
    if found is None:
        return jpeg
    return jpeg[:found.keep] + found.inserted + jpeg[found.skip:]


def embedded(jpeg: bytes, meta: PictureMeta) -> bytes:
    """A whole JPEG with ``meta`` written in."""
    return spliced(jpeg, segments(meta))

"""A picture's embedded metadata (IPTC IIM, XMP, EXIF) -> :class:`PictureMeta` -> an Item.

Read with Pillow only: it already parses the upload to check it is a picture, so no second
parser (a C++ library such as exiv2) reads untrusted bytes. Pillow gives the IIM records
(``IptcImagePlugin.getiptcinfo``), the EXIF IFDs and the raw XMP packet, which is parsed
here with the wire's hardened XML parser (no DTD, no entities, no network).

Where the three disagree, XMP wins over IIM and IIM over EXIF (the Metadata Working Group's
order for current files); what an editor posts alongside wins over all of them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from lxml import etree

from newswire.formats.errors import FormatError
from newswire.formats.xmlsafe import safe_fromstring
from newswire.model import Concept, Item, Text

if TYPE_CHECKING:
    from PIL import Image  # imported by whoever opened the picture (media.probe.pillow)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")  # C0, DEL, C1


@dataclass(frozen=True, slots=True)
class PictureMeta:
    title: str | None = None  # IIM Object Name: the slugline
    headline: str | None = None
    caption: str | None = None
    creators: tuple[str, ...] = ()
    credit: str | None = None
    source: str | None = None
    copyright: str | None = None
    usage_terms: str | None = None
    keywords: tuple[str, ...] = ()
    city: str | None = None
    sublocation: str | None = None
    province: str | None = None
    country: str | None = None
    country_code: str | None = None
    created: datetime | None = None
    instructions: str | None = None
    transmission_ref: str | None = None
    urgency: int | None = None
    language: str | None = None
    orientation: int = 1
    gps: tuple[float, float] | None = None  # latitude, longitude
    camera: str | None = None


def merged(*layers: PictureMeta) -> PictureMeta:
    """Field by field, the first layer that has a value (an empty tuple or None has none)."""
    values: dict[str, Any] = {}
    for f in fields(PictureMeta):
        for layer in layers:
            value = getattr(layer, f.name)
            if value not in (None, (), "") and not (f.name == "orientation" and value == 1):
                values[f.name] = value
                break
    return PictureMeta(**values)


def read(im: Image.Image) -> PictureMeta:
    """Everything the file says about itself, XMP first, then IIM, then EXIF."""
    return merged(_from_xmp(_xmp_packet(im)), _from_iim(_iim(im)), _from_exif(im))


def clean(value: str | None, *, multiline: bool = False) -> str | None:
    """A metadata string as text: control characters dropped, whitespace collapsed."""
    if value is None:
        return None
    text = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
    else:
        text = " ".join(text.split())
    return text or None


# -- IPTC IIM (record 2, the application record) ---------------------------------------------

_IIM_TEXT = {5: "title", 105: "headline", 120: "caption", 110: "credit", 115: "source", 116: "copyright",
             90: "city", 92: "sublocation", 95: "province", 101: "country", 100: "country_code",
             40: "instructions", 103: "transmission_ref"}


def _iim(im: Image.Image) -> dict[tuple[int, int], bytes | list[bytes]]:
    try:
        from PIL import IptcImagePlugin

        found = IptcImagePlugin.getiptcinfo(im)  # type: ignore[arg-type]
    except (SyntaxError, ValueError, IndexError, KeyError, OSError):
        return {}  # a broken IIM block is ignored, like any unreadable metadata
    return found or {}


def _iim_strings(raw: bytes | list[bytes] | None, utf8: bool) -> list[str]:
    if raw is None:
        return []
    out = []
    for value in raw if isinstance(raw, list) else [raw]:
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            # IIM without the UTF-8 marker (1:90) is usually Latin-1 / Windows-1252
            text = value.decode("utf-8" if utf8 else "cp1252", errors="replace")
        if (cleaned := clean(text, multiline=True)) is not None:
            out.append(cleaned)
    return out


def _from_iim(info: dict[tuple[int, int], bytes | list[bytes]]) -> PictureMeta:
    if not info:
        return PictureMeta()
    utf8 = info.get((1, 90)) == b"\x1b%G"
    values: dict[str, Any] = {}
    for dataset, name in _IIM_TEXT.items():
        found = _iim_strings(info.get((2, dataset)), utf8)
        if found:
            values[name] = found[0] if name == "caption" else clean(found[0])
    values["creators"] = tuple(s for s in (clean(v) for v in _iim_strings(info.get((2, 80)), utf8)) if s)
    values["keywords"] = tuple(s for s in (clean(v) for v in _iim_strings(info.get((2, 25)), utf8)) if s)
    urgency = _iim_strings(info.get((2, 10)), utf8)
    if urgency and urgency[0].isdigit() and 1 <= int(urgency[0]) <= 8:
        values["urgency"] = int(urgency[0])
    date = _iim_strings(info.get((2, 55)), utf8)
    time = _iim_strings(info.get((2, 60)), utf8)
    if date:
        values["created"] = _iim_time(date[0], time[0] if time else None)
    return PictureMeta(**values)


def _iim_time(date: str, time: str | None) -> datetime | None:
    """IIM 2:55 ``CCYYMMDD`` and 2:60 ``HHMMSS±HHMM``."""
    try:
        day = datetime.strptime(date[:8], "%Y%m%d")
    except ValueError:
        return None
    if time and re.fullmatch(r"\d{6}([+-]\d{4})?", time):
        offset: timezone = UTC
        if len(time) == 11:
            sign = -1 if time[6] == "-" else 1
            offset = timezone(sign * timedelta(hours=int(time[7:9]), minutes=int(time[9:11])))
        moment = day.replace(hour=int(time[:2]), minute=int(time[2:4]), second=int(time[4:6]), tzinfo=offset)
        return _valid(moment)
    return day.replace(tzinfo=UTC)


def _valid(moment: datetime) -> datetime | None:
    try:
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


# -- XMP -----------------------------------------------------------------------------------

XMP_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xmp_packet(im: Image.Image) -> bytes | None:
    info = im.info
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = info.get(key)
        if isinstance(value, str):
            return value.encode("utf-8")
        if isinstance(value, bytes):
            return value
    tags = getattr(im, "tag_v2", None)
    if tags is not None and isinstance(tags.get(700), bytes):  # TIFF's XMP tag
        return bytes(tags[700])
    return None


def from_xmp(packet: bytes) -> PictureMeta:
    """What an XMP packet or sidecar file says (nothing, when it is not readable XMP)."""
    return _from_xmp(packet)


def _from_xmp(packet: bytes | None) -> PictureMeta:
    if not packet:
        return PictureMeta()
    try:
        root = safe_fromstring(packet.strip(b"\x00 \t\r\n"))
    except FormatError:
        return PictureMeta()  # unreadable XMP is ignored; the picture itself is fine
    props = _xmp_properties(root)
    caption, language = _lang_alt(props.get("dc:description"))
    values: dict[str, Any] = {
        "title": clean(_lang_alt(props.get("dc:title"))[0]),
        "headline": clean(_simple(props.get("photoshop:Headline"))),
        "caption": clean(caption, multiline=True),
        "language": language,
        "creators": tuple(s for s in (clean(v) for v in _items(props.get("dc:creator"))) if s),
        "credit": clean(_simple(props.get("photoshop:Credit"))),
        "source": clean(_simple(props.get("photoshop:Source"))),
        "copyright": clean(_lang_alt(props.get("dc:rights"))[0]),
        "usage_terms": clean(_lang_alt(props.get("xmpRights:UsageTerms"))[0]),
        "keywords": tuple(s for s in (clean(v) for v in _items(props.get("dc:subject"))) if s),
        "city": clean(_simple(props.get("photoshop:City"))),
        "sublocation": clean(_simple(props.get("Iptc4xmpCore:Location"))),
        "province": clean(_simple(props.get("photoshop:State"))),
        "country": clean(_simple(props.get("photoshop:Country"))),
        "country_code": clean(_simple(props.get("Iptc4xmpCore:CountryCode"))),
        "instructions": clean(_simple(props.get("photoshop:Instructions"))),
        "transmission_ref": clean(_simple(props.get("photoshop:TransmissionReference"))),
    }
    created = clean(_simple(props.get("photoshop:DateCreated")))
    if created:
        values["created"] = _xmp_date(created)
    urgency = clean(_simple(props.get("photoshop:Urgency")))
    if urgency and urgency.isdigit() and 1 <= int(urgency) <= 8:
        values["urgency"] = int(urgency)
    lat, lon = (_xmp_gps(_simple(props.get(k))) for k in ("exif:GPSLatitude", "exif:GPSLongitude"))
    if lat is not None and lon is not None:
        values["gps"] = (lat, lon)
    return PictureMeta(**values)


def _xmp_properties(root: etree._Element) -> dict[str, etree._Element | str]:
    """Every property of every rdf:Description, as an element or (attribute form) a string."""
    prefixes = {uri: prefix for prefix, uri in XMP_NS.items()}
    found: dict[str, etree._Element | str] = {}
    for desc in root.iter(f"{{{XMP_NS['rdf']}}}Description"):
        for name, value in desc.attrib.items():
            qname = etree.QName(name)
            if qname.namespace in prefixes:
                found.setdefault(f"{prefixes[qname.namespace]}:{qname.localname}", str(value))
        for child in desc:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            if qname.namespace in prefixes:
                found.setdefault(f"{prefixes[qname.namespace]}:{qname.localname}", child)
    return found


def _simple(prop: etree._Element | str | None) -> str | None:
    if prop is None or isinstance(prop, str):
        return prop
    items = _items(prop)
    return items[0] if items else (prop.text or None)


def _items(prop: etree._Element | str | None) -> list[str]:
    if prop is None:
        return []
    if isinstance(prop, str):
        return [prop]
    return [li.text for li in prop.iter(f"{{{XMP_NS['rdf']}}}li") if li.text]


def _lang_alt(prop: etree._Element | str | None) -> tuple[str | None, str | None]:
    """The x-default value of a language alternative (else the first), and its language
    when it names a real one."""
    if prop is None or isinstance(prop, str):
        return prop, None
    entries = [(li.get(XML_LANG), li.text) for li in prop.iter(f"{{{XMP_NS['rdf']}}}li") if li.text]
    if not entries:
        return prop.text, None
    chosen = next((e for e in entries if e[0] == "x-default"), entries[0])
    if chosen[0] == "x-default":  # a real language tag given with the same text
        chosen = next((e for e in entries if e[1] == chosen[1] and e[0] != "x-default"), chosen)
    lang = chosen[0] if chosen[0] and chosen[0] != "x-default" and re.fullmatch(
        r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", chosen[0]) else None
    return chosen[1], lang.lower() if lang else None


def _xmp_date(value: str) -> datetime | None:
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return datetime(int(text), 1, 1, tzinfo=UTC)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return datetime(int(text[:4]), int(text[5:7]), 1, tzinfo=UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return _valid(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _xmp_gps(value: str | None) -> float | None:
    """XMP's ``DDD,MM.mmk`` or ``DDD,MM,SSk`` (k one of N S E W)."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?([NSEW])\s*", value)
    if not m:
        return None
    degrees = int(m[1]) + float(m[2]) / 60 + (float(m[3]) / 3600 if m[3] else 0)
    return -degrees if m[4] in "SW" else degrees


# -- EXIF ----------------------------------------------------------------------------------

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825


def _from_exif(im: Image.Image) -> PictureMeta:
    try:
        exif = im.getexif()
        sub = exif.get_ifd(_EXIF_IFD)
        gps_ifd = exif.get_ifd(_GPS_IFD)
    except (SyntaxError, ValueError, OSError, KeyError, TypeError, IndexError):
        return PictureMeta()
    values: dict[str, Any] = {
        "caption": clean(_exif_str(exif.get(0x010E)), multiline=True),
        "creators": tuple(c for c in [clean(_exif_str(exif.get(0x013B)))] if c),
        "copyright": clean(_exif_str(exif.get(0x8298))),
        "camera": clean(" ".join(s for s in (_exif_str(exif.get(0x010F)), _exif_str(exif.get(0x0110))) if s)),
    }
    orientation = exif.get(0x0112)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        values["orientation"] = orientation
    taken = _exif_str(sub.get(0x9003))
    if taken:
        values["created"] = _exif_time(taken, _exif_str(sub.get(0x9011)))
    values["gps"] = _exif_gps(gps_ifd)
    return PictureMeta(**values)


def _exif_str(value: object) -> str | None:
    """An EXIF text tag as text. Pillow reads ASCII tags as Latin-1, but cameras and tools
    write UTF-8 there (EXIF 3.0 says so): UTF-8 where the bytes are, else Windows-1252 as for
    IIM (never C1 control characters from a misread UTF-8 name)."""
    if isinstance(value, str) and not value.isascii() and max(value) <= "\xff":  # as read from single bytes
        value = value.encode("latin-1")
    if isinstance(value, bytes):
        raw = value
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("cp1252", errors="replace")
    return value.strip("\x00 ") or None if isinstance(value, str) else None


def _exif_time(value: str, offset: str | None) -> datetime | None:
    try:
        moment = datetime.strptime(value[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = UTC
    if offset and re.fullmatch(r"[+-]\d{2}:\d{2}", offset):
        sign = -1 if offset[0] == "-" else 1
        zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
    return _valid(moment.replace(tzinfo=zone))


def _exif_gps(ifd: Any) -> tuple[float, float] | None:
    try:
        lat, lon = _dms(ifd.get(2)), _dms(ifd.get(4))
        if lat is None or lon is None:
            return None
        if _exif_str(ifd.get(1)) == "S":
            lat = -lat
        if _exif_str(ifd.get(3)) == "W":
            lon = -lon
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _dms(value: Any) -> float | None:
    if not isinstance(value, tuple | list) or len(value) != 3:
        return None
    d, m, s = (float(v) for v in value)
    return d + m / 60 + s / 3600


# -- the item ------------------------------------------------------------------------------

def geo_uri(gps: tuple[float, float]) -> str:
    """RFC 5870: where the picture was taken, as a place's URI."""
    return f"geo:{gps[0]:.6f},{gps[1]:.6f}"


def to_item(meta: PictureMeta, uri: str) -> Item:
    """A ``picture`` item: the caption is its body (the caption writer's text), the slugline
    the IIM Object Name, keywords are subjects with rel ``keyword``, where it was taken its
    places (and a ``geo:`` URI when the camera recorded GPS)."""
    places = tuple(Concept(name=name, rel=rel) for name, rel in (
        (meta.sublocation, "sublocation"), (meta.city, "city"), (meta.province, "province"),
        (meta.country, "country")) if name)
    if meta.gps is not None:
        places += (Concept(uri=geo_uri(meta.gps), rel="locationCreated"),)
    sources = tuple(Concept(name=name, rel=rel) for name, rel in (
        (meta.credit, "creditline"), (meta.source, "source")) if name)
    body: tuple[Text, ...] = ()
    if meta.caption:
        paragraphs = "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in meta.caption.split("\n"))
        body = (Text(paragraphs, content_type="text/html"),)
    return Item(
        uri=uri, type="picture", language=meta.language, urgency=meta.urgency,
        headlines=(Text(meta.headline),) if meta.headline else (), bodies=body,
        slugline=meta.title, by="; ".join(meta.creators) or None, located=meta.city,
        content_created=meta.created, ed_note=meta.instructions,
        copyright_notice=meta.copyright, usage_terms=meta.usage_terms,
        subjects=tuple(Concept(name=k, rel="keyword") for k in meta.keywords),
        places=places, info_sources=sources,
    )


def with_editor(meta: PictureMeta, editor: PictureMeta) -> PictureMeta:
    """What the editor posted wins; the file fills the rest (orientation is the file's own)."""
    return replace(merged(editor, meta), orientation=meta.orientation)

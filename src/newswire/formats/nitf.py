"""IPTC NITF 3.6: a parsed ``nitf`` element -> Item, and Item -> NITF document.

Pure functions. NITF has a narrower body vocabulary than HTML: bold and italics both
become ``em``, headings ``hl2``, blockquotes ``bq/block``, figures ``media``; anything else
is unwrapped to its text. Elements are matched by local name, so NITF with or without the
3.6 namespace parses. Parse with :func:`newswire.formats.xmlsafe.safe_fromstring` first.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, cast

from lxml import etree

from newswire.enrich.text import body_text
from newswire.formats.errors import FormatError
from newswire.formats.sanitize import clean_html
from newswire.formats.xmlsafe import (
    XML_LANG,
    append_text,
    collapsed_text,
    indent,
    itertext,
    parse_html_fragment,
    valid_language,
    xml_text,
)
from newswire.model import (
    PUB_STATUSES,
    SIGNAL_CORRECTION,
    Association,
    Concept,
    ContentCredentials,
    Item,
    PubStatus,
    Rendition,
    Text,
    parse_time,
)

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
NITF_VERSION = "-//IPTC//DTD NITF 3.6//EN"
MEDIATOPIC = "http://cv.iptc.org/newscodes/mediatopic/"

_BLOCKS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "pre", "hr",
    "figure", "img", "div", "section", "article",
})
_EMPHASIS = frozenset({"em", "i", "strong", "b"})
# NITF element -> HTML element; NITF elements not listed are unwrapped to their content.
_TO_HTML = {
    "p": "p", "hl2": "h2", "em": "em", "a": "a", "q": "q", "br": "br", "ul": "ul", "ol": "ol",
    "li": "li", "table": "table", "caption": "caption", "thead": "thead", "tbody": "tbody",
    "tfoot": "tfoot", "tr": "tr", "td": "td", "th": "th", "pre": "pre", "hr": "hr",
    "bq": "blockquote", "credit": "p", "media": "figure", "media-caption": "figcaption",
}
# NITF containers whose whitespace-only text is layout, not content.
_NITF_CONTAINERS = frozenset({
    "body.content", "block", "bq", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr",
    "media", "abstract", "fn", "note",
})
_DROPPED = frozenset({"media-object", "media-metadata"})  # encoded data, not text
_SPACES_RE = re.compile(r"[ \t\r\n]+")  # XML whitespace; keeps no-break spaces
_NSMAP: dict[Any, str] = {None: NITF_NS}
_NORM_RE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?")


def _n(tag: str) -> str:
    return f"{{{NITF_NS}}}{tag}"


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, attrs: dict[str, object] | None = None
) -> etree._Element:
    element = etree.SubElement(parent, _n(tag))
    for name, value in (attrs or {}).items():
        if value is not None and value != "":
            element.set(name, xml_text(str(value)))
    if text is not None:
        element.text = xml_text(text)
    return element


# -- writing ---------------------------------------------------------------------------------

def to_nitf(item: Item) -> bytes:
    """A NITF 3.6 document (UTF-8, with XML declaration) in the NITF namespace."""
    language = valid_language(item.language)
    root = etree.Element(_n("nitf"), nsmap=_NSMAP)
    root.set("version", NITF_VERSION)
    if language:
        root.set("baselang", language)
    _head(root, item)
    body = _sub(root, "body", attrs={XML_LANG: language})
    _body_head(body, item)
    for text in item.bodies:
        if text.content_type in (None, "text/html", "application/xhtml+xml"):
            html_to_nitf(text.value, _sub(body, "body.content"))
        else:
            _sub(_sub(body, "body.content"), "pre", text.value)
    _pictures(body, item)
    if item.copyright_notice:
        _sub(_sub(body, "body.end"), "tagline", item.copyright_notice)
    indent(root, keep=frozenset({_n("body.content")}))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _norm(value: datetime | None) -> str | None:
    """NITF's normalized date: ISO 8601 basic format, in UTC."""
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") if value else None


def _head(root: etree._Element, item: Item) -> None:
    head = _sub(root, "head")
    if item.headline:
        _sub(head, "title", item.headline)
    if item.credentials is not None:
        _credentials_meta(head, item.credentials)
    docdata = _sub(head, "docdata", attrs={"management-status": item.pub_status})
    if item.is_correction:
        _sub(docdata, "correction", attrs={"info": item.ed_note, "id-string": item.uri})
    _sub(docdata, "doc-id", attrs={"id-string": item.uri})
    if item.urgency is not None:
        _sub(docdata, "urgency", attrs={"ed-urg": item.urgency})
    if item.version_created:
        _sub(docdata, "date.issue", attrs={"norm": _norm(item.version_created)})
    if item.embargoed_until:
        _sub(docdata, "date.release", attrs={"norm": _norm(item.embargoed_until)})
    if item.ed_note:
        _sub(docdata, "ed-msg", attrs={"info": item.ed_note})
    if item.slugline or item.version:
        _sub(docdata, "du-key", attrs={"key": item.slugline, "version": item.version or None})
    if item.copyright_holder:
        year = (item.first_created or item.version_created)
        _sub(docdata, "doc.copyright", attrs={
            "holder": item.copyright_holder, "year": year.year if year else None,
        })
    if item.usage_terms:
        _sub(docdata, "doc.rights", attrs={"limitations": item.usage_terms})
    _identified_content(docdata, item)
    published = _norm(item.first_created)
    for service in item.services or (Concept(),):
        if published or service.name or service.uri:
            _sub(head, "pubdata", attrs={
                "type": "web", "date.publication": published, "name": service.name,
                "ex-ref": service.uri,
            })


# A picture's or video's Content Credentials (C2PA, read from the original as uploaded) as
# the ninjs association object says them (``formats.ninjs``), in NITF's one slot for metadata
# of the wire's own, ``head/meta`` (name, content): CREDENTIALS_META with the one-line title,
# then ``CREDENTIALS_META.<role>`` per state, failure code, action, signing time, note,
# signer, issuer, claim generator and digital source type. Never read back.
CREDENTIALS_META = "newswire:contentCredentials"


def _credentials_meta(head: etree._Element, c: ContentCredentials) -> None:
    from newswire.formats.ninjs import credentials_title

    said = [("", credentials_title(c)), ("state", c.state), *(("failure", f) for f in c.failures),
            *(("action", a) for a in c.actions), ("signed", c.signed_at), ("note", c.note), ("signer", c.signer),
            ("issuer", c.issuer), ("claimGenerator", c.claim_generator), ("digitalSourceType", c.digital_source_type)]
    for role, value in said:
        if value:
            _sub(head, "meta", attrs={"name": f"{CREDENTIALS_META}.{role}" if role else CREDENTIALS_META,
                                      "content": value})


def _identified_content(docdata: etree._Element, item: Item) -> None:
    if not (item.subjects or item.genres or item.people or item.organisations or item.places):
        return
    content = _sub(docdata, "identified-content")
    for kind, concepts in (("subject", item.subjects), ("genre", item.genres)):
        for concept in concepts:
            idsrc, value = _split_uri(concept.uri)
            _sub(content, "classifier", concept.name, {"type": kind, "idsrc": idsrc, "value": value})
    for concept in item.people:
        _sub(content, "person", concept.name, {"value": concept.uri})
    for concept in item.organisations:
        _sub(content, "org", concept.name, {"value": concept.uri})
    for concept in item.places:
        _sub(content, "location", concept.name, {"location-code": concept.uri})


def _split_uri(uri: str | None) -> tuple[str | None, str | None]:
    """An IPTC topic URI as (scheme URI, code); any other identifier whole, as the value."""
    if uri and uri.startswith(MEDIATOPIC) and len(uri) > len(MEDIATOPIC):
        return MEDIATOPIC, uri[len(MEDIATOPIC):]
    return None, uri


def _body_head(body: etree._Element, item: Item) -> None:
    head = _sub(body, "body.head")
    if item.headline:
        hedline = _sub(head, "hedline")
        _sub(hedline, "hl1", item.headline)
        if item.standfirst:
            _sub(hedline, "hl2", item.standfirst)
    if item.by:
        _sub(head, "byline", item.by)
    if item.located or item.dateline_date:
        dateline = _sub(head, "dateline")
        if item.located:
            _sub(dateline, "location", item.located)
        if item.located and item.dateline_date:
            dateline[-1].tail = ", "
        if item.dateline_date:
            _sub(dateline, "story.date", item.dateline_date)
    if item.summary:
        _sub(_sub(head, "abstract"), "p", item.summary)


def html_to_nitf(fragment: str, target: etree._Element) -> None:
    """Fill a ``body.content`` (or any block container) with NITF made from an HTML fragment."""
    _fill(parse_html_fragment(fragment), target, "block")


def _fill(source: etree._Element, target: etree._Element, mode: str) -> None:
    """Copy the content of an HTML element into a NITF element.

    ``mode`` is what the target may hold: ``block`` (only blocks: loose inline content is
    gathered into a ``p``), ``inline`` (only text-level elements: blocks are unwrapped) or
    ``mixed`` (both, like ``li`` and ``td``).
    """
    loose: etree._Element | None = None

    def inline_target() -> etree._Element:
        nonlocal loose
        if mode != "block":
            return target
        if loose is None:
            loose = _sub(target, "p")
        return loose

    def put_text(text: str | None) -> None:
        if text and (mode != "block" or text.strip()):
            append_text(inline_target(), text)

    put_text(source.text)
    for child in source:
        if isinstance(child.tag, str):
            tag = child.tag.lower()
            if tag in _BLOCKS and mode != "inline":
                loose = None
                _block(child, tag, target)
            else:
                _inline(child, tag, inline_target())
        put_text(child.tail)


def _lang(element: etree._Element) -> dict[str, object]:
    return {XML_LANG: valid_language(element.get("lang"))}


def _inline(source: etree._Element, tag: str, target: etree._Element) -> None:
    if tag in _EMPHASIS:
        _fill(source, _sub(target, "em", attrs=_lang(source)), "inline")
    elif tag == "a":
        link = _sub(target, "a", attrs={"href": source.get("href"), "title": source.get("title")})
        _fill(source, link, "inline")
    elif tag == "q":
        _fill(source, _sub(target, "q", attrs=_lang(source)), "inline")
    elif tag == "br":
        _sub(target, "br")
    elif tag != "img":  # NITF has no inline image: drop it; unwrap everything else
        _fill(source, target, "inline")


def _block(source: etree._Element, tag: str, target: etree._Element) -> None:
    if tag == "p":
        _fill(source, _sub(target, "p", attrs=_lang(source)), "inline")
    elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        _fill(source, _sub(target, "hl2", attrs=_lang(source)), "inline")
    elif tag in ("ul", "ol"):
        _list(source, tag, target)
    elif tag == "blockquote":
        _fill(source, _sub(_sub(target, "bq"), "block"), "block")
    elif tag == "pre":
        _sub(target, "pre", itertext(source))
    elif tag == "hr":
        _sub(target, "hr")
    elif tag == "table":
        _table(source, target)
    elif tag in ("figure", "img"):
        _media(source, target)
    else:
        _fill(source, target, "block")


def _children(element: etree._Element, *tags: str) -> Iterator[etree._Element]:
    return (c for c in element if isinstance(c.tag, str) and c.tag.lower() in tags)


def _list(source: etree._Element, tag: str, target: etree._Element) -> None:
    items = list(_children(source, "li"))
    if items:  # a NITF list needs at least one li
        nitf_list = _sub(target, tag)
        for item in items:
            _fill(item, _sub(nitf_list, "li", attrs=_lang(item)), "mixed")


def _table(source: etree._Element, target: etree._Element) -> None:
    table = _sub(target, "table")
    for caption in _children(source, "caption"):
        _fill(caption, _sub(table, "caption"), "mixed")
        break
    head_rows = [row for part in _children(source, "thead") for row in _children(part, "tr")]
    body_rows = [
        row for part in [source, *_children(source, "tbody", "tfoot")]
        for row in _children(part, "tr")
    ]
    for tag, rows in (("thead", head_rows), ("tbody", body_rows)):
        if rows:  # thead and tbody need at least one tr
            part = _sub(table, tag)
            for row in rows:
                _row(row, part)


def _row(source: etree._Element, target: etree._Element) -> None:
    row = _sub(target, "tr")
    for cell in _children(source, "td", "th"):
        spans = {"colspan": cell.get("colspan"), "rowspan": cell.get("rowspan")}
        attrs: dict[str, object] = {k: v for k, v in spans.items() if v and v.isdecimal()}
        _fill(cell, _sub(row, cell.tag.lower(), attrs=attrs), "mixed")
    if len(row) == 0:  # a tr needs at least one cell
        _sub(row, "td")


def _media(source: etree._Element, target: etree._Element) -> None:
    images = [source] if source.tag.lower() == "img" else list(source.iter("img"))
    images = [img for img in images if img.get("src")]
    if not images:  # nothing to reference: keep the figure's text
        _fill(source, target, "block")
        return
    media = _sub(target, "media", attrs={"media-type": "image"})
    for img in images:
        _sub(media, "media-reference", attrs={
            "source": img.get("src"),
            "alternate-text": img.get("alt"),
            "width": img.get("width") if (img.get("width") or "").isdecimal() else None,
            "height": img.get("height") if (img.get("height") or "").isdecimal() else None,
        })
    for caption in _children(source, "figcaption"):
        _fill(caption, _sub(media, "media-caption"), "mixed")


# The item's own renditions (a picture item) and its associated pictures, each a ``media``
# of this class in the last ``body.content``: what parsing reads back as renditions and
# associations rather than as figures of the body.
OWN_MEDIA, ASSOCIATED_MEDIA = "renditions", "association"


def _pictures(body: etree._Element, item: Item) -> None:
    """A picture item's renditions and a story's associated pictures (those delivered with
    renditions) as ``media``: a reference per rendition (its href, type and size), the caption
    and the credit."""
    found: list[tuple[str, dict[str, str | None], tuple[Rendition, ...], str | None, str | None, str | None]] = []
    if item.renditions:
        found.append((OWN_MEDIA, {}, item.renditions, item.headline or None, body_text(item) or None, None))
    for a in item.associations:
        if a.renditions:
            meta = {"uri": a.uri, "name": a.name, "type": a.type, "rel": a.rel}
            found.append((ASSOCIATED_MEDIA, meta, a.renditions, a.headline, a.caption, a.credit))
    if not found:
        return
    content = _sub(body, "body.content")
    for kind, meta, renditions, alt, caption, credit in found:
        media = _sub(content, "media", attrs={"media-type": _media_type(renditions), "class": kind})
        for name, value in meta.items():
            if value:
                _sub(media, "media-metadata", attrs={"name": name, "value": value})
        for r in renditions:
            _sub(media, "media-reference", attrs={
                "name": r.name, "source": r.href, "mime-type": r.content_type, "alternate-text": alt,
                "width": r.width, "height": r.height, "units": "pixels" if r.width or r.height else None,
                "coding": r.video_codec, "time": decimal_text(r.duration),
                "time-unit-of-measure": "seconds" if r.duration is not None else None})
        if caption:
            _sub(media, "media-caption", caption)
        if credit:
            _sub(media, "media-producer", credit)


def decimal_text(value: float | None) -> str | None:
    """A video's duration in seconds or its frame rate as a plain decimal (NITF, NewsML-G2)."""
    return None if value is None or value < 0 else f"{value:.3f}".rstrip("0").rstrip(".")


def decimal_value(text: str | None) -> float | None:
    """What :func:`decimal_text` wrote; None for anything else."""
    value = (text or "").strip()
    return float(value) if re.fullmatch(r"\d{1,9}(\.\d{1,9})?", value) else None


def _seconds_read(ref: etree._Element) -> float | None:
    """A media-reference's ``time`` when it is in seconds."""
    return decimal_value(ref.get("time")) if ref.get("time-unit-of-measure", "seconds") == "seconds" else None


def _media_type(renditions: tuple[Rendition, ...]) -> str:
    kinds = {(r.content_type or "image/").split("/")[0] for r in renditions}
    return kinds.pop() if len(kinds) == 1 and kinds <= {"image", "video", "audio"} else "image"


def _read_media(body: etree._Element | None) -> tuple[tuple[Rendition, ...], tuple[Association, ...]]:
    """What :func:`_pictures` wrote: the item's renditions and its associated pictures."""
    own: tuple[Rendition, ...] = ()
    associated = []
    for content in _kids(body, "body.content"):
        for media in _kids(content, "media"):
            kind = media.get("class")
            if kind not in (OWN_MEDIA, ASSOCIATED_MEDIA):
                continue
            refs = _kids(media, "media-reference")
            renditions = tuple(Rendition(
                href=ref.get("source", ""), name=ref.get("name"), content_type=ref.get("mime-type"),
                width=_number(ref.get("width"), "width", 0, None), height=_number(ref.get("height"), "height", 0, None),
                duration=_seconds_read(ref), video_codec=ref.get("coding"),
            ) for ref in refs if ref.get("source"))
            if kind == OWN_MEDIA:
                own = renditions
                continue
            meta = {m.get("name"): m.get("value") for m in _kids(media, "media-metadata")}
            if meta.get("uri"):
                associated.append(Association(
                    uri=meta["uri"] or "", name=meta.get("name"), type=meta.get("type"), rel=meta.get("rel"),
                    headline=next((r.get("alternate-text") for r in refs if r.get("alternate-text")), None),
                    renditions=renditions, caption=collapsed_text(_kid(media, "media-caption")),
                    credit=collapsed_text(_kid(media, "media-producer"))))
    return own, tuple(associated)


# -- parsing ---------------------------------------------------------------------------------

def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _kids(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [child for child in element if _local(child) == name]


def _kid(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _kids(element, name)
    return found[0] if found else None


def _attr(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    return (element.get(name) or "").strip() or None


def parse_nitf(root: etree._Element) -> Item:
    """A parsed NITF element (3.x, with or without namespace) -> Item."""
    if _local(root) != "nitf":
        raise FormatError("Expected a NITF document.")
    head = _kid(root, "head")
    docdata = _kid(head, "docdata")
    body = _kid(root, "body")
    body_head = _kid(body, "body.head")
    hedline = _kid(body_head, "hedline")
    dateline = _kid(body_head, "dateline")
    headline = collapsed_text(_kid(hedline, "hl1")) or collapsed_text(_kid(head, "title"))
    bodies = tuple(
        Text(value, None, "text/html")
        for content in _kids(body, "body.content")
        if (value := _content_html(content))
    )
    language = (
        _attr(root, "baselang") or _attr(body, XML_LANG) or _attr(root, XML_LANG)
    )
    status = _attr(docdata, "management-status")
    descriptions = []
    if standfirst := collapsed_text(_kid(hedline, "hl2")):
        descriptions.append(Text(standfirst, "standfirst"))
    if summary := collapsed_text(_kid(body_head, "abstract")):
        descriptions.append(Text(summary, "summary"))
    located, date = _dateline(dateline)
    du_key = _kid(docdata, "du-key")
    identified = _kid(docdata, "identified-content")
    pubdata = _kids(head, "pubdata")
    renditions, associations = _read_media(body)
    return Item(
        uri=_attr(_kid(docdata, "doc-id"), "id-string") or _attr(root, "uno")
        or _derived_uri(headline, bodies),
        version=_number(_attr(du_key, "version"), "du-key version", 1, None) or 0,
        version_created=_parse_norm(_attr(_kid(docdata, "date.issue"), "norm")),
        first_created=next(
            (t for p in pubdata if (t := _parse_norm(_attr(p, "date.publication")))), None
        ),
        embargoed_until=_parse_norm(_attr(_kid(docdata, "date.release"), "norm")),
        pub_status=cast(PubStatus, status if status in PUB_STATUSES else "usable"),
        urgency=_number(_attr(_kid(docdata, "urgency"), "ed-urg"), "urgency", 1, 9),
        language=language,
        headlines=(Text(headline),) if headline else (),
        descriptions=tuple(descriptions),
        bodies=bodies,
        located=located,
        dateline_date=date,
        by=collapsed_text(_kid(body_head, "byline")),
        slugline=_attr(du_key, "key"),
        ed_note=_attr(_kid(docdata, "ed-msg"), "info"),
        copyright_holder=_attr(_kid(docdata, "doc.copyright"), "holder"),
        copyright_notice=collapsed_text(_kid(_kid(body, "body.end"), "tagline")),
        usage_terms=_attr(_kid(docdata, "doc.rights"), "limitations"),
        subjects=_classifiers(identified, "subject"),
        genres=_classifiers(identified, "genre"),
        people=_named(identified, "person", "value"),
        organisations=_named(identified, "org", "value"),
        places=_named(identified, "location", "location-code"),
        services=tuple(
            Concept(name=_attr(p, "name"), uri=_attr(p, "ex-ref"))
            for p in pubdata if _attr(p, "name") or _attr(p, "ex-ref")
        ),
        signals=(SIGNAL_CORRECTION,) if _kid(docdata, "correction") is not None else (),
        renditions=renditions,
        associations=associations,
    )


def _derived_uri(headline: str | None, bodies: tuple[Text, ...]) -> str:
    seed = "\n".join([headline or "", *(b.value for b in bodies)])
    return "urn:newswire:nitf:" + hashlib.sha256(seed.encode()).hexdigest()[:20]


def _number(value: str | None, what: str, low: int, high: int | None) -> int | None:
    if value is None:
        return None
    if not value.isdecimal() or int(value) < low or (high is not None and int(value) > high):
        bounds = f"from {low} to {high}" if high else f"of at least {low}"
        raise FormatError(f"NITF {what} must be an integer {bounds}.")
    return int(value)


def _parse_norm(value: str | None) -> datetime | None:
    """NITF's ``norm`` dates: ISO 8601 basic (``20250101T120000Z``) or extended."""
    if not value:
        return None
    match = _NORM_RE.fullmatch(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        value = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}{zone or ''}"
    try:
        return parse_time(value)
    except ValueError as exc:
        raise FormatError(f"NITF date {value!r} is not an ISO 8601 date-time.") from exc


def _dateline(dateline: etree._Element | None) -> tuple[str | None, str | None]:
    if dateline is None:
        return None, None
    location = _kid(dateline, "location")
    date = collapsed_text(_kid(dateline, "story.date"))
    if location is not None or date:
        return collapsed_text(location), date
    place, _, rest = (collapsed_text(dateline) or "").partition(",")
    return place.strip() or None, rest.strip() or None


def _classifiers(identified: etree._Element | None, kind: str) -> tuple[Concept, ...]:
    found = []
    for element in _kids(identified, "classifier"):
        if (element.get("type") or "subject") != kind:
            continue
        idsrc, value = _attr(element, "idsrc"), _attr(element, "value")
        uri = idsrc + value if idsrc and value and idsrc.endswith("/") else value
        found.append(Concept(name=collapsed_text(element), uri=uri))
    return tuple(found)


def _named(identified: etree._Element | None, tag: str, attr: str) -> tuple[Concept, ...]:
    return tuple(
        Concept(name=collapsed_text(element), uri=_attr(element, attr))
        for element in _kids(identified, tag)
    )


def nitf_body_html(root: etree._Element) -> str:
    """The ``body.content`` of a NITF element (as found inside NewsML-G2) as sanitized HTML."""
    return "".join(_content_html(c) for c in _kids(_kid(root, "body"), "body.content"))


def _content_html(content: etree._Element) -> str:
    holder = etree.Element("div")
    _to_html(content, holder)
    parts = [html.escape(holder.text or "", quote=False)]
    parts += [etree.tostring(child, method="html", encoding="unicode") for child in holder]
    return clean_html("".join(parts))


def _to_html(source: etree._Element, target: etree._Element) -> None:
    """Copy NITF content into a plain (HTML) element, mapping or unwrapping each element.

    Whitespace runs collapse to one space outside ``pre``: NITF is often pretty-printed.
    """
    layout = _local(source) in _NITF_CONTAINERS
    verbatim = _local(source) == "pre"

    def put_text(text: str | None) -> None:
        if text and not (layout and not text.strip()):
            append_text(target, text if verbatim else _SPACES_RE.sub(" ", text))

    put_text(source.text)
    for child in source:
        name = _local(child)
        if name == "media" and child.get("class") in (OWN_MEDIA, ASSOCIATED_MEDIA):
            pass  # the item's renditions and associated pictures, not a figure of the body
        elif name in _TO_HTML:
            element = etree.SubElement(target, _TO_HTML[name])
            for attr in ("href", "title", "colspan", "rowspan"):
                if child.get(attr):
                    element.set(attr, child.get(attr, ""))
            if child.get(XML_LANG):
                element.set("lang", child.get(XML_LANG, ""))
            _to_html(child, element)
        elif name == "media-reference" and child.get("source"):
            image = etree.SubElement(target, "img", src=child.get("source", ""))
            if child.get("alternate-text"):
                image.set("alt", child.get("alternate-text", ""))
        elif name and name not in _DROPPED:
            _to_html(child, target)
        put_text(child.tail)

"""IPTC NewsML-G2 2.35: a parsed ``newsItem`` -> Item, and Item -> ``newsItem`` / ``newsMessage``.

Pure functions. The writer emits only what the 2.35 XSD allows; the body travels as XHTML
in ``inlineXML``. Values that are neither a QCode nor an IRI (a ninjs role such as
``standfirst``, an association name such as ``featureimage``) have no IPTC scheme, so they
are written as ``urn:newswire:<attribute>:<value>`` in the matching ``...uri`` attribute and
read back from there. Machine-made concepts carry ``creatoruri``, ``why="why:inferred"`` and
``confidence``. The byline travels as G2's natural-language ``by`` (``creator`` is a party,
not a byline); documents without ``by`` get it from their ``creator`` names. Parse with
:func:`newswire.formats.xmlsafe.safe_fromstring` first.
"""

from __future__ import annotations

import html
import re
from copy import deepcopy
from datetime import datetime
from typing import Any, cast
from urllib.parse import quote, unquote

from lxml import etree

from newswire.formats.errors import FormatError
from newswire.formats.nitf import decimal_text, decimal_value, nitf_body_html
from newswire.formats.sanitize import clean_html
from newswire.formats.xmlsafe import (
    G2_NS,
    XML_LANG,
    append_text,
    collapsed_text,
    indent,
    parse_html_fragment,
    valid_language,
    xml_text,
)
from newswire.model import (
    ITEM_TYPES,
    MACHINE_CREATOR,
    PUB_STATUSES,
    Association,
    Concept,
    ContentCredentials,
    Item,
    ItemType,
    PlannedEvent,
    PubStatus,
    Quote,
    Rendition,
    Text,
    format_time,
    parse_time,
)

XHTML_NS = "http://www.w3.org/1999/xhtml"
XHTML_TYPE = "application/xhtml+xml"
STANDARD_VERSION = "2.35"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
DEFAULT_PROVIDER = "newswire"
PRIVATE = "urn:newswire:"

# qcode alias -> IPTC scheme URI (from the IPTC catalog) for the schemes used here.
SCHEMES: dict[str, str] = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "sig": "http://cv.iptc.org/newscodes/signal/",
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "irel": "http://cv.iptc.org/newscodes/itemrelation/",
    "rnd": "http://cv.iptc.org/newscodes/rendition/",
    "why": "http://cv.iptc.org/newscodes/whypresent/",
}
_DESCRIPTION_ROLES = frozenset({"summary", "caption"})
_RENDITIONS = frozenset({"thumbnail", "preview", "highRes", "web", "print"})
_KINDS = {  # subject type -> Item field
    "cpnat:person": "people",
    "cpnat:organisation": "organisations",
    "cpnat:geoArea": "places",
    "cpnat:poi": "places",
}
_QCODE_RE = re.compile(r"[^\s:]+:\S+")
_NOT_SPACE_WS_RE = re.compile(r"[^\S ]")  # g2normalizedString allows no whitespace but spaces
_XML_NAME_RE = re.compile(r"[A-Za-z_][\w.-]*")
_NSMAP: dict[Any, str] = {None: G2_NS}
_XHTML_NSMAP: dict[Any, str] = {None: XHTML_NS}


def _g(tag: str) -> str:
    return f"{{{G2_NS}}}{tag}"


def _x(tag: str) -> str:
    return f"{{{XHTML_NS}}}{tag}"


# -- writing ---------------------------------------------------------------------------------

def to_newsml_item(item: Item, *, provider: str = DEFAULT_PROVIDER) -> bytes:
    """A standalone NewsML-G2 2.35 ``newsItem`` document (UTF-8, with XML declaration).

    ``provider`` names the wire in ``itemMeta/provider`` (G2 requires one; Item has none).
    """
    return _serialize(_news_item(item, provider))


def to_news_message(
    items: list[Item], *, sent: datetime, message_id: str, provider: str = DEFAULT_PROVIDER
) -> bytes:
    """A ``newsMessage`` carrying ``items`` in its itemSet (one feed page).

    The XSD wants at least one item in an itemSet; an empty page is still written, empty.
    """
    message = etree.Element(_g("newsMessage"), nsmap=_NSMAP)
    header = _sub(message, "header")
    _sub(header, "sent", format_time(sent))
    _sub(header, "sender", provider)
    _sub(header, "transmitId", message_id)
    item_set = _sub(message, "itemSet")
    for item in items:
        item_set.append(_news_item(item, provider))
    etree.cleanup_namespaces(message)
    return _serialize(message)


def _serialize(root: etree._Element) -> bytes:
    indent(root, keep=frozenset({_g("inlineXML"), _g("inlineData")}))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _sub(
    parent: etree._Element, local: str, text: str | None = None, /, **attrs: object
) -> etree._Element:
    element = etree.SubElement(parent, _g(local))
    for name, value in attrs.items():
        if value is not None:
            element.set(name, xml_text(str(value)))
    if text is not None:
        element.text = xml_text(text)
    return element


def _line(value: str) -> str:
    return _NOT_SPACE_WS_RE.sub(" ", value)


def _news_item(item: Item, provider: str) -> etree._Element:
    language = valid_language(item.language)
    root = etree.Element(_g("newsItem"), nsmap=_NSMAP)
    root.set("guid", xml_text(item.uri))
    if item.version >= 1:
        root.set("version", str(item.version))
    root.set("standard", "NewsML-G2")
    root.set("standardversion", STANDARD_VERSION)
    root.set("conformance", "power")
    if language:
        root.set(XML_LANG, language)
    _sub(root, "catalogRef", href=IPTC_CATALOG)
    _rights_info(root, item)
    _item_meta(root, item, provider)
    _content_meta(root, item, language)
    _quotes_and_events(root, item)
    _content_set(root, item, language)
    return root


def _rights_info(root: etree._Element, item: Item) -> None:
    if not (item.copyright_holder or item.copyright_notice or item.usage_terms):
        return
    rights = _sub(root, "rightsInfo")
    if item.copyright_holder:
        _sub(_sub(rights, "copyrightHolder"), "name", _line(item.copyright_holder))
    if item.copyright_notice:
        _sub(rights, "copyrightNotice", item.copyright_notice)
    if item.usage_terms:
        _sub(rights, "usageTerms", item.usage_terms)


def _item_meta(root: etree._Element, item: Item, provider: str) -> None:
    meta = _sub(root, "itemMeta")
    _sub(meta, "itemClass", qcode=f"ninat:{item.type}")
    _sub(meta, "provider", literal=_line(provider))
    _sub(meta, "versionCreated", format_time(_version_created(item)))
    _put_time(meta, "firstCreated", item.first_created)
    _put_time(meta, "embargoed", item.embargoed_until)
    _sub(meta, "pubStatus", qcode=f"stat:{item.pub_status}")
    for service in item.services:
        _concept(meta, "service", service, flex=False, quantify=False)
    if item.ed_note:
        _sub(meta, "edNote", item.ed_note)
    for signal in item.signals:
        _sub(meta, "signal", **_signal_attrs(signal))
    for association in item.associations:
        _link(meta, association)
    if item.credentials is not None:
        _credentials_link(meta, item, item.credentials)


def _version_created(item: Item) -> datetime:
    found = item.version_created or item.first_created or item.content_created
    if found is None:
        raise FormatError("A NewsML-G2 item needs versionCreated; this item has no timestamp.")
    return found


def _put_time(parent: etree._Element, tag: str, value: datetime | None) -> None:
    if value is not None:
        _sub(parent, tag, format_time(value))


def _content_meta(root: etree._Element, item: Item, language: str | None) -> None:
    meta = _sub(root, "contentMeta")
    if item.urgency is not None and 1 <= item.urgency <= 9:
        _sub(meta, "urgency", str(item.urgency))
    _put_time(meta, "contentCreated", item.content_created)
    c = item.credentials
    if c is not None and c.state in ("trusted", "valid") and c.digital_source_type:  # as ninjs says it
        _sub(meta, "digitalSourceType", **_source_type(c.digital_source_type))
    if item.located:
        _sub(_sub(meta, "located"), "name", _line(item.located))
    for source in item.info_sources:
        _concept(meta, "infoSource", source, role=True, quantify=False)
    if language:
        _sub(meta, "language", tag=language)
    for genre in item.genres:
        _concept(meta, "genre", genre)
    for kind, concepts in (
        ("cpnat:abstract", item.subjects),
        ("cpnat:person", item.people),
        ("cpnat:organisation", item.organisations),
        ("cpnat:geoArea", item.places),
    ):
        for concept in concepts:
            _concept(meta, "subject", concept, kind=kind)
    if item.slugline:
        _sub(meta, "slugline", _line(item.slugline))
    for headline in item.headlines:
        _sub(meta, "headline", headline.value, **_code_attrs("role", headline.role))
    dateline = ", ".join(part for part in (item.located, item.dateline_date) if part)
    if dateline:
        _sub(meta, "dateline", dateline)
    if item.by:
        _sub(meta, "by", item.by)
    for description in item.descriptions:
        role = _code_attrs("role", description.role, "drol", _DESCRIPTION_ROLES)
        _sub(meta, "description", description.value, **role)
    if len(meta) == 0:
        root.remove(meta)


# Quotes and diary events (NewsML-G2 has no quote or diary property for a newsItem):
# * a quote is a part of the content, so one <partMeta> each: <role uri="urn:newswire:
#   role:quote"/>, <language tag>, the speaker as its one <subject type="cpnat:person|
#   organisation"> (a subject has no free role attribute), the text as <description
#   roleuri="urn:newswire:role:quote">; provenance as creator/creatoruri and
#   why="why:inferred" on the partMeta (no partid: IDs would clash between the items of
#   one newsMessage);
# * an event is a concept the story mentions, detailed by an <assert> (the G2 wrapper for
#   facts about a concept): <assert literal="urn:newswire:event:N" creator.. why..> with
#   <name>, <eventDetails><dates><start> (a truncated date), and the text that gave the
#   date as <description roleuri="urn:newswire:role:literal"> (a start G2 cannot hold as a
#   date: <description roleuri="urn:newswire:role:start">).
_QUOTE_ROLE = f"{PRIVATE}role:quote"
_START_ROLE = f"{PRIVATE}role:start"
_LITERAL_ROLE = f"{PRIVATE}role:literal"
_EVENT_ID = f"{PRIVATE}event:"
_G2_DATE_RE = re.compile(r"-?[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?")


def _provenance(element: etree._Element, creator: str | None, confidence: int | None) -> None:
    for name, value in _code_attrs("creator", creator).items():
        element.set(name, value)
    if creator == MACHINE_CREATOR:
        element.set("why", "why:inferred")
    del confidence  # partMeta and assert have no confidence attribute


def _quotes_and_events(root: etree._Element, item: Item) -> None:
    orgs = {c.name.casefold() for c in item.organisations if c.name}
    for q in item.quotes:
        part = _sub(root, "partMeta")
        _provenance(part, q.creator, q.confidence)
        _sub(part, "role", uri=_QUOTE_ROLE)
        language = valid_language(q.language or item.language)
        if language:
            _sub(part, "language", tag=language)
        if q.speaker:
            kind = "cpnat:organisation" if q.speaker.casefold() in orgs else "cpnat:person"
            _concept(part, "subject", Concept(name=q.speaker, uri=q.speaker_uri), kind=kind)
        _sub(part, "description", q.text, roleuri=_QUOTE_ROLE)
    for number, event in enumerate(item.planning, 1):
        asserted = _sub(root, "assert", literal=f"{_EVENT_ID}{number}")
        _provenance(asserted, event.creator, event.confidence)
        _sub(asserted, "name", _line(event.name))
        if _G2_DATE_RE.fullmatch(event.start):
            _sub(_sub(_sub(asserted, "eventDetails"), "dates"), "start", event.start)
        else:
            _sub(asserted, "description", event.start, roleuri=_START_ROLE)
        if event.literal:
            _sub(asserted, "description", event.literal, roleuri=_LITERAL_ROLE)


def _concept(
    parent: etree._Element,
    tag: str,
    concept: Concept,
    *,
    kind: str | None = None,
    flex: bool = True,
    quantify: bool = True,
    role: bool = False,
) -> None:
    """A concept property; ``flex``/``quantify``/``role`` say which attributes its type has."""
    literal = concept.literal if flex else None
    if not (concept.uri or concept.name or literal):
        return
    element = _sub(parent, tag, type=kind, literal=_line(literal) if literal else None)
    if concept.uri:
        for name, value in _id_attrs(concept.uri).items():
            element.set(name, xml_text(value))
    for name, value in (
        *(_code_attrs("role", concept.rel).items() if role else ()),
        *_code_attrs("creator", concept.creator).items(),
    ):
        element.set(name, value)
    if concept.machine_made:
        element.set("why", "why:inferred")
    if quantify:
        for name, number in (("confidence", concept.confidence), ("relevance", concept.relevance)):
            if number is not None and 0 <= number <= 100:
                element.set(name, str(number))
    if concept.name:
        _sub(element, "name", _line(concept.name))


def _id_attrs(value: str) -> dict[str, str]:
    """A concept identifier: a QCode for IPTC scheme URIs and for QCodes, else ``uri``."""
    for alias, base in SCHEMES.items():
        if value.startswith(base) and len(value) > len(base):
            return {"qcode": f"{alias}:{value[len(base):]}"}
    if not _is_iri(value) and _QCODE_RE.fullmatch(value):
        return {"qcode": value}
    return {"uri": value}


def _code_attrs(
    attr: str, value: str | None, scheme: str | None = None, known: frozenset[str] = frozenset()
) -> dict[str, str]:
    """``attr`` (a QCode) or ``attr + "uri"`` (an IRI) for a role, rel, rendition or creator."""
    if not value:
        return {}
    if scheme and value in known:
        return {attr: f"{scheme}:{value}"}
    if _is_iri(value):
        return {attr + "uri": xml_text(value)}
    if _QCODE_RE.fullmatch(value):
        return {attr: value}
    return {attr + "uri": f"{PRIVATE}{attr}:{quote(value, safe='')}"}


def _is_iri(value: str) -> bool:
    return "://" in value or value.startswith("urn:")


def _signal_attrs(signal: str) -> dict[str, str]:
    if not _is_iri(signal) and _QCODE_RE.fullmatch(signal):
        return {"qcode": signal}
    return {"uri": signal}


# A picture's or video's Content Credentials (C2PA, read from the original as uploaded) as
# the ninjs association object says them (``formats.ninjs``): one more ``link`` (G2 has no
# property for them; a link's children are an open slot, and what is put there is G2's own,
# validated as such): reluri CREDENTIALS_REL, residref ``<uri>#content-credentials``, the
# one-line title, ``description`` per state, failure code, action, signing time and note
# (roleuri ``urn:newswire:c2pa:<role>``), ``infoSource`` per signer, issuer and claim
# generator, and the manifest's ``digitalSourceType``; the item's own ``contentMeta/
# digitalSourceType`` (G2 2.33) when the manifest validated. Never read back.
CREDENTIALS_REL = f"{PRIVATE}rel:contentCredentials"
_C2PA_ROLE = f"{PRIVATE}c2pa:"


def _credentials_link(meta: etree._Element, item: Item, c: ContentCredentials) -> None:
    from newswire.formats.ninjs import credentials_title

    link = _sub(meta, "link", reluri=CREDENTIALS_REL, residref=f"{item.uri}#content-credentials",
                title=credentials_title(c))
    said = (("state", (c.state,)), ("failure", c.failures), ("action", c.actions),
            ("signed", (c.signed_at,) if c.signed_at else ()), ("note", (c.note,) if c.note else ()))
    for role, values in said:
        for value in values:
            _sub(link, "description", value, roleuri=_C2PA_ROLE + role)
    for role, name in (("signer", c.signer), ("issuer", c.issuer), ("claimGenerator", c.claim_generator)):
        if name:
            _sub(_sub(link, "infoSource", roleuri=_C2PA_ROLE + role), "name", _line(name))
    if c.digital_source_type:
        _sub(link, "digitalSourceType", **_source_type(c.digital_source_type))


def _source_type(value: str) -> dict[str, str]:
    """IPTC's digital source type: its URI as ``uri``, anything else as a literal."""
    return {"uri": xml_text(value)} if _is_iri(value) else {"literal": _line(value)}


def _link(meta: etree._Element, association: Association) -> None:
    link = _sub(
        meta, "link", residref=association.uri, title=association.headline,
        **_code_attrs("rel", association.rel),
    )
    # Link children are an open (lax) slot: G2 properties describing the target go there.
    if association.type:
        _sub(link, "itemClass", qcode=f"ninat:{association.type}")
    if association.name:
        _sub(link, "name", _line(association.name))
    for rendition in association.renditions:
        _sub(link, "icon", **_rendition_attrs(rendition))


def _rendition_attrs(rendition: Rendition, *, remote: bool = False) -> dict[str, object]:
    def size(number: int | None) -> int | None:
        return number if number is not None and number >= 0 else None

    # a video's length (in seconds, G2's default unit) and frame rate: on remoteContent only
    timing = {"duration": decimal_text(rendition.duration), "videoframerate": decimal_text(rendition.frame_rate)}
    return {
        "href": rendition.href,
        **_code_attrs("rendition", rendition.name, "rnd", _RENDITIONS),
        "contenttype": rendition.content_type,
        "width": size(rendition.width),
        "height": size(rendition.height),
        "size": size(rendition.size_in_bytes),
        "title": rendition.title,
        **(timing if remote else {}),
    }


def _content_set(root: etree._Element, item: Item, language: str | None) -> None:
    if not (item.bodies or item.renditions):
        return
    content = _sub(root, "contentSet")
    for body in item.bodies:
        role = _code_attrs("rendition", body.role, "rnd", _RENDITIONS)
        if body.content_type in (None, "text/html", XHTML_TYPE):
            inline = _sub(content, "inlineXML", contenttype=XHTML_TYPE, **role)
            inline.append(_xhtml(body.value, item.headline, language))
        else:
            _sub(content, "inlineData", body.value, contenttype=body.content_type, **role)
    for rendition in item.renditions:
        _sub(content, "remoteContent", **_rendition_attrs(rendition, remote=True))


def _xhtml(fragment: str, title: str, language: str | None) -> etree._Element:
    page = etree.Element(_x("html"), nsmap=_XHTML_NSMAP)
    if language:
        page.set(XML_LANG, language)
    etree.SubElement(etree.SubElement(page, _x("head")), _x("title")).text = xml_text(title)
    body = etree.SubElement(page, _x("body"))
    _copy_as_xhtml(parse_html_fragment(fragment), body)
    return page


def _copy_as_xhtml(source: etree._Element, target: etree._Element) -> None:
    """The content of an lxml.html element, as XHTML elements under ``target``."""
    append_text(target, source.text)
    for child in source:
        if isinstance(child.tag, str) and _XML_NAME_RE.fullmatch(child.tag):
            element = etree.SubElement(target, _x(child.tag.lower()))
            for name, value in child.attrib.items():
                if _XML_NAME_RE.fullmatch(str(name)):
                    element.set(str(name), xml_text(str(value)))
            _copy_as_xhtml(child, element)
        elif isinstance(child.tag, str):  # a tag XML cannot name: keep its content
            _copy_as_xhtml(child, target)
        append_text(target, child.tail)


# -- parsing ---------------------------------------------------------------------------------

def parse_newsml(root: etree._Element) -> Item:
    """A parsed NewsML-G2 ``newsItem`` element -> Item."""
    if root.tag != _g("newsItem"):
        raise FormatError("Expected a NewsML-G2 newsItem.")
    guid = (root.get("guid") or "").strip()
    if not guid:
        raise FormatError("A NewsML-G2 newsItem needs a guid.")
    meta = root.find(_g("itemMeta"))
    if meta is None:
        raise FormatError("A NewsML-G2 newsItem needs itemMeta.")
    content = root.find(_g("contentMeta"))
    if content is None:
        content = etree.Element(_g("contentMeta"))
    rights = root.find(_g("rightsInfo"))
    if rights is None:
        rights = etree.Element(_g("rightsInfo"))
    content_set = root.find(_g("contentSet"))
    located = _name(content.find(_g("located")))
    language_el = content.find(_g("language"))
    concepts = _subjects(content)
    return Item(
        uri=guid,
        version=_version(root.get("version")),
        version_created=_time(meta, "versionCreated"),
        first_created=_time(meta, "firstCreated"),
        content_created=_time(content, "contentCreated"),
        pub_status=_pub_status(meta.find(_g("pubStatus"))),
        embargoed_until=_time(meta, "embargoed"),
        type=_item_type(meta.find(_g("itemClass"))),
        urgency=_urgency(collapsed_text(content.find(_g("urgency")))),
        language=(language_el.get("tag") if language_el is not None else None) or root.get(XML_LANG),
        headlines=_texts(content, "headline"),
        descriptions=_texts(content, "description", "drol", _DESCRIPTION_ROLES),
        bodies=_bodies(content_set),
        located=located,
        dateline_date=_dateline_date(collapsed_text(content.find(_g("dateline"))), located),
        by=collapsed_text(content.find(_g("by"))) or _creators(content),
        slugline=collapsed_text(content.find(_g("slugline"))),
        ed_note=_joined(meta.findall(_g("edNote"))),
        copyright_holder=_name(rights.find(_g("copyrightHolder"))),
        copyright_notice=_joined(rights.findall(_g("copyrightNotice"))),
        usage_terms=_joined(rights.findall(_g("usageTerms"))),
        subjects=concepts["subjects"],
        people=concepts["people"],
        organisations=concepts["organisations"],
        places=concepts["places"],
        genres=tuple(_read_concept(el) for el in content.findall(_g("genre"))),
        services=tuple(_read_concept(el) for el in meta.findall(_g("service"))),
        info_sources=tuple(_read_concept(el) for el in content.findall(_g("infoSource"))),
        associations=tuple(a for el in meta.findall(_g("link")) if (a := _read_link(el))),
        renditions=_renditions(content_set),
        signals=tuple(s for el in meta.findall(_g("signal")) if (s := _read_signal(el))),
        quotes=tuple(q for el in root.findall(_g("partMeta")) if (q := _read_quote(el))),
        planning=tuple(e for el in root.findall(_g("assert")) if (e := _read_event(el))),
    )


def _read_creator(element: etree._Element) -> str | None:
    return _code(element, "creator")


def _read_quote(part: etree._Element) -> Quote | None:
    role = part.find(_g("role"))
    if role is None or role.get("uri") != _QUOTE_ROLE:
        return None
    text = next((collapsed_text(d) for d in part.findall(_g("description"))
                 if d.get("roleuri") == _QUOTE_ROLE), None)
    if not text:
        return None
    speaker = part.find(_g("subject"))
    concept = _read_concept(speaker) if speaker is not None else None
    language = part.find(_g("language"))
    return Quote(text, concept.name if concept else None, concept.uri if concept else None,
                 language.get("tag") if language is not None else None, _read_creator(part))


def _read_event(asserted: etree._Element) -> PlannedEvent | None:
    if not (asserted.get("literal") or "").startswith(_EVENT_ID):
        return None
    roles = {d.get("roleuri"): collapsed_text(d) for d in asserted.findall(_g("description"))}
    start = collapsed_text(asserted.find(f"{_g('eventDetails')}/{_g('dates')}/{_g('start')}"))
    start = start or roles.get(_START_ROLE)
    name = _name(asserted)
    if not (name and start):
        return None
    return PlannedEvent(name, start, roles.get(_LITERAL_ROLE), _read_creator(asserted))


def _joined(elements: list[etree._Element]) -> str | None:
    return " ".join(t for el in elements if (t := collapsed_text(el))) or None


def _name(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return collapsed_text(element.find(_g("name"))) or element.get("literal")


def _code(
    element: etree._Element, attr: str, scheme: str | None = None, known: frozenset[str] = frozenset()
) -> str | None:
    """The reverse of :func:`_code_attrs`."""
    qcode = element.get(attr)
    if qcode:
        alias, _, code = qcode.partition(":")
        return code if alias == scheme and code in known else qcode
    iri = element.get(attr + "uri")
    private = f"{PRIVATE}{attr}:"
    if iri and iri.startswith(private):
        return unquote(iri[len(private):])
    return iri


def _expand(qcode: str) -> str:
    alias, _, code = qcode.partition(":")
    base = SCHEMES.get(alias)
    return base + code if base and code else qcode


def _time(parent: etree._Element, tag: str) -> datetime | None:
    value = collapsed_text(parent.find(_g(tag)))
    if value is None:
        return None
    if re.fullmatch(r"\d{4}(-\d{2})?", value):  # a truncated contentCreated: year or month
        value = (value + "-01-01")[:10]
    try:
        return parse_time(value)
    except ValueError as exc:
        raise FormatError(f"{tag} is not an ISO 8601 date-time: {value!r}") from exc


def _version(value: str | None) -> int:
    if value is None:
        return 0  # not given: the store assigns the next number
    if not value.strip().isdecimal() or int(value) < 1:
        raise FormatError("newsItem version must be a positive integer.")
    return int(value)


def _urgency(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdecimal() or not 1 <= int(value) <= 9:
        raise FormatError("urgency must be an integer from 1 to 9.")
    return int(value)


def _qcode_of(element: etree._Element | None, alias: str) -> str | None:
    """The code of a property in scheme ``alias``, from its qcode or its uri."""
    if element is None:
        return None
    qcode = element.get("qcode")
    if qcode and qcode.startswith(alias + ":"):
        return qcode[len(alias) + 1:]
    uri = element.get("uri")
    if uri and uri.startswith(SCHEMES[alias]):
        return uri[len(SCHEMES[alias]):]
    return qcode or uri


def _pub_status(element: etree._Element | None) -> PubStatus:
    status = _qcode_of(element, "stat") or "usable"
    if status not in PUB_STATUSES:
        raise FormatError(f"pubStatus must be one of stat:{', stat:'.join(PUB_STATUSES)}.")
    return cast(PubStatus, status)


def _item_type(element: etree._Element | None) -> ItemType:
    kind = _qcode_of(element, "ninat") or "text"
    if kind not in ITEM_TYPES:
        raise FormatError(
            f"Unsupported itemClass {kind!r}; supported: ninat:{', ninat:'.join(ITEM_TYPES)}."
        )
    return cast(ItemType, kind)


def _texts(
    content: etree._Element, tag: str, scheme: str | None = None, known: frozenset[str] = frozenset()
) -> tuple[Text, ...]:
    return tuple(
        Text(value, _code(el, "role", scheme, known))
        for el in content.findall(_g(tag))
        if (value := collapsed_text(el))
    )


def _dateline_date(dateline: str | None, located: str | None) -> str | None:
    """The date part of a dateline written as ``"<located>, <date>"``."""
    if not dateline or dateline == located:
        return None
    if located and dateline.startswith(located + ", "):
        return dateline[len(located) + 2:] or None
    return dateline


def _creators(content: etree._Element) -> str | None:
    names = [name for el in content.findall(_g("creator")) if (name := _name(el))]
    return ", ".join(names) or None


def _read_concept(element: etree._Element) -> Concept:
    def number(attr: str) -> int | None:
        value = element.get(attr, "")
        return int(value) if value.isdecimal() else None

    qcode = element.get("qcode")
    return Concept(
        name=_name(element),
        uri=element.get("uri") or (_expand(qcode) if qcode else None),
        rel=_code(element, "role"),
        literal=element.get("literal"),
        creator=_code(element, "creator"),
        confidence=number("confidence"),
        relevance=number("relevance"),
    )


def _subjects(content: etree._Element) -> dict[str, tuple[Concept, ...]]:
    found: dict[str, list[Concept]] = {
        "subjects": [], "people": [], "organisations": [], "places": []
    }
    for element in content.findall(_g("subject")):
        kind = element.get("type") or _uri_to_qcode(element.get("typeuri"))
        found[_KINDS.get(kind or "", "subjects")].append(_read_concept(element))
    return {key: tuple(values) for key, values in found.items()}


def _uri_to_qcode(uri: str | None) -> str | None:
    if uri:
        for alias, base in SCHEMES.items():
            if uri.startswith(base):
                return f"{alias}:{uri[len(base):]}"
    return uri


def _read_signal(element: etree._Element) -> str | None:
    return element.get("qcode") or _uri_to_qcode(element.get("uri"))


def _read_link(element: etree._Element) -> Association | None:
    uri = element.get("residref") or element.get("href")
    if not uri or element.get("reluri") == CREDENTIALS_REL:  # only the wire's own reading says them
        return None
    return Association(
        uri=uri,
        name=collapsed_text(element.find(_g("name"))),
        type=_qcode_of(element.find(_g("itemClass")), "ninat"),
        rel=_code(element, "rel"),
        headline=element.get("title") or collapsed_text(element.find(_g("title"))),
        renditions=tuple(_read_rendition(el) for el in element.findall(_g("icon")) if el.get("href")),
    )


def _read_rendition(element: etree._Element) -> Rendition:
    def size(attr: str) -> int | None:
        value = element.get(attr, "")
        return int(value) if value.isdecimal() else None

    return Rendition(
        href=element.get("href", ""),
        name=_code(element, "rendition", "rnd", _RENDITIONS),
        content_type=element.get("contenttype"),
        width=size("width"),
        height=size("height"),
        title=element.get("title"),
        size_in_bytes=size("size"),
        duration=decimal_value(element.get("duration")),
        frame_rate=decimal_value(element.get("videoframerate")),
    )



def _renditions(content_set: etree._Element | None) -> tuple[Rendition, ...]:
    if content_set is None:
        return ()
    return tuple(
        _read_rendition(el) for el in content_set.findall(_g("remoteContent")) if el.get("href")
    )


def _bodies(content_set: etree._Element | None) -> tuple[Text, ...]:
    if content_set is None:
        return ()
    bodies = []
    for element in content_set:
        role = _code(element, "rendition", "rnd", _RENDITIONS)
        if element.tag == _g("inlineXML"):
            value = _inline_xml_html(element)
            if value.strip():
                bodies.append(Text(value, role, "text/html"))
        elif element.tag == _g("inlineData") and (element.text or "").strip():
            content_type = element.get("contenttype") or "text/plain"
            if content_type in ("text/html", XHTML_TYPE):
                bodies.append(Text(clean_html(element.text or ""), role, "text/html"))
            else:
                bodies.append(Text(element.text or "", role, content_type))
    return tuple(bodies)


def _inline_xml_html(inline: etree._Element) -> str:
    """Sanitized HTML from an inlineXML holding XHTML, an XHTML fragment or NITF."""
    content = next((child for child in inline if isinstance(child.tag, str)), None)
    if content is None:
        return ""
    local = etree.QName(content).localname
    if local == "nitf":
        return nitf_body_html(content)
    if local == "html":
        body = next((c for c in content if etree.QName(c).localname == "body"), None)
        return _xhtml_to_html(body) if body is not None else ""
    return _xhtml_to_html(inline)


def _xhtml_to_html(container: etree._Element) -> str:
    """The content of an XHTML element as a sanitized HTML fragment."""
    tree = deepcopy(container)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        element.tag = etree.QName(element).localname
        for name in [str(n) for n in element.attrib if str(n).startswith("{")]:
            value = str(element.attrib.pop(name))
            if name == XML_LANG:
                element.set("lang", value)
    etree.cleanup_namespaces(tree)
    parts = [html.escape(tree.text or "", quote=False)]
    parts += [etree.tostring(child, method="html", encoding="unicode") for child in tree]
    return clean_html("".join(parts))

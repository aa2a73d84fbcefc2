"""IPTC ninjs: parse 1.x/2.x/3.x JSON into an Item; serialize an Item as ninjs 3.2 or 2.3.

Pure functions. ninjs 2.x spells every property in lower case and 3.x in camelCase, so
the parser lower-cases keys first and reads one vocabulary.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from newswire.formats import MAX_VERSION
from newswire.formats.errors import NUL_TEXT, UNSTORABLE_CHARS, FormatError
from newswire.formats.sanitize import clean_html, paragraphs_to_html
from newswire.model import (
    ITEM_TYPES,
    PUB_STATUSES,
    SIGNAL_CORRECTION,
    Association,
    Concept,
    ContentCredentials,
    Item,
    PlannedEvent,
    Quote,
    Rendition,
    Text,
    format_time,
    parse_time,
)

NINJS3_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.2.json"
NINJS2_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.3.json"
MAX_DEPTH = 64  # arrays and objects inside each other; real stories use fewer than 10
_LONE_SURROGATE_TEXT = "The body is not valid JSON: a \\u escape names half a surrogate pair."

# Quotes and diary events have no ninjs property, and ninjs 3.2/2.3 allow no extension
# properties (``unevaluatedProperties: false`` at every level). Each is delivered as an
# associated ninjs object (associations may use every ninjs property), named and related
# with the wire's own namespaced names so they cannot collide with IPTC's or a partner's:
#   quote: {"name": "newswire:quote", "rel": "newswire:quote", "uri": "<uri>#quote-N",
#           "type": "text", "language", "bodies": [{"role": "quote", "contentType":
#           "text/plain", "value": text}], "people" (or "organisations"): [{"name", "uri",
#           "rel": "speaker"}], "infoSources": [{"name": creator, "role": "creator"}]}
#   event: {"name": "newswire:event", "rel": "newswire:event", "uri": "<uri>#event-N",
#           "type": "event", "headlines": [{"value": name}], "eventDetails": {"dates":
#           {"expectedStartDate": start}} (3.x; 2.x and starts 3.x cannot hold: a
#           description with role "start"; 2.x has no type "event", so no type there),
#           "descriptions": [{"role": "literal", "value"}],
#           "infoSources": [{"name": creator, "role": "creator"}]}
# The parser reads them back into ``Item.quotes`` / ``Item.planning`` (not associations).
# Confidence has no ninjs property on these objects and is not carried.
# A picture's Content Credentials (C2PA, read from the original as uploaded) likewise:
#   {"name": "newswire:contentCredentials", "rel": "newswire:contentCredentials",
#    "uri": "<uri>#content-credentials", "title": "Content Credentials: valid, signed by X",
#    "descriptions": [{"role": "state", "value": trusted|valid|invalid|absent|unchecked},
#                     {"role": "failure", "value": code}..., {"role": "action", "value": c2pa action}...,
#                     {"role": "signed", "value": time-stamp}, {"role": "note", "value": why unchecked}],
#    "infoSources": [{"name", "role": "signer" | "issuer" | "claimGenerator"}],
#    "digitalSourceType": {"uri"}}
# and the item's own ``digitalSourceType`` when the manifest validated. The parser never reads
# them back: only the wire's own reading of the file says what its credentials are.
QUOTE_NAME = "newswire:quote"
EVENT_NAME = "newswire:event"
CREDENTIALS_NAME = "newswire:contentCredentials"
_TRUNCATED_DATE_RE = re.compile(
    r"-?(?:[1-9][0-9]*)?[0-9]{4}(-(1[0-2]|0[1-9])(-(3[01]|0[1-9]|[12][0-9])"
    r"(T(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-](2[0-3]|[01][0-9]):[0-5][0-9])?)?)?)?"
)

# -- parsing ---------------------------------------------------------------

def parse_ninjs(data: bytes | str | Mapping[str, Any]) -> Item:
    if isinstance(data, Mapping):
        raw: Any = data
    else:
        try:
            raw = json.loads(data)
        except UnicodeDecodeError as exc:
            raise FormatError("The body is not valid UTF-8.", status=400) from exc
        except json.JSONDecodeError as exc:
            raise FormatError(f"The body is not valid JSON: {exc}", status=400) from exc
        except RecursionError as exc:
            raise FormatError(f"The JSON is nested more than {MAX_DEPTH} levels deep.", status=400) from exc
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            raise FormatError(f"The body is not valid JSON: {exc}", status=400) from exc
        _check_structure(raw)
    if not isinstance(raw, dict):
        raise FormatError("A ninjs document is a JSON object.")
    return item_from_dict(_lower_keys(raw))


def _check_structure(value: Any) -> None:
    """No story nests arrays and objects more than MAX_DEPTH deep, and no string (key or value)
    holds a lone surrogate or a NUL (walked without recursion)."""
    stack = [(value, 1)] if isinstance(value, (dict, list)) else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FormatError(f"The JSON is nested more than {MAX_DEPTH} levels deep.", status=400)
        children = list(node.values()) + list(node) if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, str) and (bad := UNSTORABLE_CHARS.search(child)):
                raise FormatError(NUL_TEXT if bad[0] == "\x00" else _LONE_SURROGATE_TEXT, status=400)
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def item_from_dict(d: dict[str, Any], *, sanitize: bool = True) -> Item:
    """Build an Item from a ninjs object whose keys are already lower-cased.

    ``sanitize=False`` is for the store's own payloads, which were sanitized on the way in.
    """
    uri = d.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        raise FormatError("ninjs 'uri' is required and must be a non-empty string.")
    pub_status = d.get("pubstatus", "usable")
    if pub_status not in PUB_STATUSES:
        raise FormatError(f"pubStatus must be one of {', '.join(PUB_STATUSES)}.")
    item_type = d.get("type", "text")
    if item_type not in ITEM_TYPES:
        raise FormatError(f"type must be one of {', '.join(ITEM_TYPES)}.")
    urgency = d.get("urgency")
    if urgency is not None and (not isinstance(urgency, int) or not 1 <= urgency <= 9):
        raise FormatError("urgency must be an integer from 1 to 9.")

    headlines = _texts(d.get("headlines"), "headlines")
    if not headlines and isinstance(d.get("headline"), str):  # ninjs 1.x
        headlines = (Text(d["headline"]),)
    descriptions = _texts(d.get("descriptions"), "descriptions")
    if not descriptions and isinstance(d.get("description_text"), str):
        descriptions = (Text(d["description_text"]),)
    bodies = tuple(
        Text(clean_html(t.value) if sanitize and _is_html(t) else t.value, t.role, t.content_type)
        for t in _texts(d.get("bodies"), "bodies")
    )
    if not bodies and isinstance(d.get("body_html"), str):
        bodies = (Text(clean_html(d["body_html"]), None, "text/html"),)
    elif not bodies and isinstance(d.get("body_text"), str):
        paras = [p for p in d["body_text"].split("\n") if p.strip()]
        bodies = (Text(paragraphs_to_html(paras), None, "text/html"),)

    ed_note = _opt_str(d, "ednote")
    signals = tuple(_signals(d.get("signals")))
    if ed_note and ed_note.strip().lower().startswith("correction") and SIGNAL_CORRECTION not in signals:
        signals += (SIGNAL_CORRECTION,)

    return Item(
        uri=uri.strip(),
        version=_version(d.get("version")),
        version_created=_time(d, "versioncreated"),
        first_created=_time(d, "firstcreated"),
        content_created=_time(d, "contentcreated"),
        pub_status=pub_status,
        embargoed_until=_time(d, "embargoeduntil") or _time(d, "embargoed"),
        type=item_type,
        urgency=urgency,
        language=_opt_str(d, "language"),
        headlines=headlines,
        descriptions=descriptions,
        bodies=bodies,
        located=_opt_str(d, "located"),
        by=_opt_str(d, "by"),
        slugline=_opt_str(d, "slugline"),
        ed_note=ed_note,
        copyright_holder=_opt_str(d, "copyrightholder"),
        copyright_notice=_opt_str(d, "copyrightnotice"),
        usage_terms=_opt_str(d, "usageterms"),
        subjects=_concepts(d.get("subjects", d.get("subject")), "subjects"),
        people=_concepts(d.get("people", d.get("person")), "people"),
        organisations=_concepts(d.get("organisations", d.get("organisation")), "organisations"),
        places=_concepts(d.get("places", d.get("place")), "places"),
        genres=_concepts(d.get("genres", d.get("genre")), "genres"),
        services=_concepts(d.get("services", d.get("service")), "services"),
        info_sources=_concepts(d.get("infosources"), "infoSources"),
        renditions=_renditions(d.get("renditions")),
        associations=_associations(d.get("associations")),
        signals=signals,
        quotes=_quotes(d.get("associations")),
        planning=_events(d.get("associations")),
    )


def _is_html(t: Text) -> bool:
    return t.content_type in (None, "text/html", "application/xhtml+xml")


def _version(value: Any) -> int:
    if value is None:
        return 0  # "not given": the store assigns the next number
    text = value.strip() if isinstance(value, str) else str(value) if type(value) is int else ""
    # ASCII digits only ('١٢' and '1_0' are not versions), and no more than the store holds.
    if not (text.isascii() and text.isdigit()) or len(text) > 10 or not 1 <= int(text) <= MAX_VERSION:
        raise FormatError(f"version must be an integer from 1 to {MAX_VERSION} (as a string or a number).")
    return int(text)


def _time(d: dict[str, Any], key: str) -> datetime | None:
    value = d.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise FormatError(f"{key} must be an ISO 8601 date-time string.")
    try:
        return parse_time(value)
    except ValueError as exc:
        raise FormatError(f"{key} is not an ISO 8601 date-time: {value!r}") from exc


def _opt_str(d: dict[str, Any], key: str) -> str | None:
    value = d.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FormatError(f"{key} must be a string.")
    return value


def _list(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(f"{name} must be an array.")
    return value


def _texts(value: Any, name: str) -> tuple[Text, ...]:
    out = []
    for entry in _list(value, name):
        if isinstance(entry, str):
            out.append(Text(entry))
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
            raise FormatError(f"each of {name} needs a string 'value'.")
        out.append(Text(entry["value"], _s(entry.get("role")), _s(entry.get("contenttype"))))
    return tuple(out)


def _s(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _i(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    """A non-negative JSON number (a rendition's duration or frame rate)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e9:
        return None
    return float(value)


def _concepts(value: Any, name: str) -> tuple[Concept, ...]:
    out = []
    for entry in _list(value, name):
        if isinstance(entry, str):
            out.append(Concept(name=entry))
            continue
        if not isinstance(entry, dict):
            raise FormatError(f"each of {name} must be an object.")
        uri = _s(entry.get("uri"))
        if uri is None and isinstance(entry.get("code"), str):  # ninjs 1.x / vendor style
            uri = _code_to_uri(entry["code"])
        out.append(
            Concept(
                name=_s(entry.get("name")),
                uri=uri,
                rel=_s(entry.get("rel")) or _s(entry.get("role")),
                literal=_s(entry.get("literal")),
                creator=_s(entry.get("creator")),
                confidence=_i(entry.get("confidence")),
                relevance=_i(entry.get("relevance")),
            )
        )
    return tuple(out)


def _code_to_uri(code: str) -> str:
    if code.startswith("medtop:"):
        return "http://cv.iptc.org/newscodes/mediatopic/" + code[len("medtop:"):]
    return code


def _signals(value: Any) -> list[str]:
    out = []
    for entry in _list(value, "signals"):
        text: str | None = None
        if isinstance(entry, str):
            text = entry
        elif isinstance(entry, dict):
            text = _s(entry.get("uri")) or _s(entry.get("qcode"))
        if not text:
            continue
        if text.startswith("http://cv.iptc.org/newscodes/signal/"):
            text = "sig:" + text.rsplit("/", 1)[-1]
        out.append(text)
    return out


def _renditions(value: Any) -> tuple[Rendition, ...]:
    if isinstance(value, dict):  # ninjs 1.x: an object keyed by rendition name
        value = [dict(v, name=k) for k, v in value.items() if isinstance(v, dict)]
    out = []
    for entry in _list(value, "renditions"):
        if not isinstance(entry, dict) or not isinstance(entry.get("href"), str):
            raise FormatError("each rendition needs a string 'href'.")
        out.append(
            Rendition(
                href=entry["href"],
                name=_s(entry.get("name")),
                content_type=_s(entry.get("contenttype")) or _s(entry.get("mimetype")),
                width=_i(entry.get("width")),
                height=_i(entry.get("height")),
                title=_s(entry.get("title")),
                size_in_bytes=_i(entry.get("sizeinbytes")),
                duration=_number(entry.get("duration")),
                video_codec=_s(entry.get("videocodec")),
                frame_rate=_number(entry.get("framerate")),
            )
        )
    return tuple(out)


def _associations(value: Any) -> tuple[Association, ...]:
    if isinstance(value, dict):  # ninjs 1.x: keyed by name
        value = [dict(v, name=k) for k, v in value.items() if isinstance(v, dict)]
    out = []
    for entry in _list(value, "associations"):
        if _own(entry) is not None:
            continue  # a quote or diary event: Item.quotes / Item.planning
        if not isinstance(entry, dict) or not isinstance(entry.get("uri"), str):
            raise FormatError("each association needs a string 'uri'.")
        heads = _texts(entry.get("headlines"), "headlines")
        out.append(
            Association(
                uri=entry["uri"],
                name=_s(entry.get("name")),
                type=_s(entry.get("type")),
                rel=_s(entry.get("rel")) or _s(entry.get("role")),
                headline=heads[0].value if heads else _s(entry.get("headline")),
                renditions=_renditions(entry.get("renditions")),
            )
        )
    return tuple(out)


def _own(entry: Any) -> str | None:
    """QUOTE_NAME, EVENT_NAME or CREDENTIALS_NAME for the wire's own associated objects, else None."""
    if not isinstance(entry, dict):
        return None
    for key in ("rel", "name"):
        if entry.get(key) in (QUOTE_NAME, EVENT_NAME, CREDENTIALS_NAME):
            return str(entry[key])
    return None


def _own_entries(value: Any, kind: str) -> list[dict[str, Any]]:
    if isinstance(value, dict):  # ninjs 1.x: keyed by name
        value = list(value.values())
    return [e for e in value if _own(e) == kind] if isinstance(value, list) else []


def _creator(entry: dict[str, Any]) -> str | None:
    for source in _list(entry.get("infosources"), "infoSources"):
        if isinstance(source, dict) and source.get("role") == "creator":
            return _s(source.get("name"))
    return None


def _by_role(texts: tuple[Text, ...], role: str) -> str | None:
    return next((t.value for t in texts if t.role == role), None)


def _quotes(value: Any) -> tuple[Quote, ...]:
    out = []
    for entry in _own_entries(value, QUOTE_NAME):
        bodies = _texts(entry.get("bodies"), "bodies")
        text = _by_role(bodies, "quote") or (bodies[0].value if bodies else None)
        if not text or not text.strip():
            raise FormatError(f"a {QUOTE_NAME} association needs a body with the quoted text.")
        speakers = [
            c for key in ("people", "organisations") for c in _concepts(entry.get(key), key)
            if c.rel == "speaker"
        ]
        speaker = speakers[0] if speakers else None
        out.append(Quote(
            text.strip(), speaker.name if speaker else None, speaker.uri if speaker else None,
            _opt_str(entry, "language"), _creator(entry),
        ))
    return tuple(out)


def _events(value: Any) -> tuple[PlannedEvent, ...]:
    out = []
    for entry in _own_entries(value, EVENT_NAME):
        heads = _texts(entry.get("headlines"), "headlines")
        descriptions = _texts(entry.get("descriptions"), "descriptions")
        details = entry.get("eventdetails")
        dates = details.get("dates") if isinstance(details, dict) else None
        start = _by_role(descriptions, "start")
        if isinstance(dates, dict):
            start = _s(dates.get("expectedstartdate")) or _s(dates.get("startdate")) or start
        name = heads[0].value if heads else _s(entry.get("title"))
        if not name or not start:
            raise FormatError(f"a {EVENT_NAME} association needs a headline and a start date.")
        out.append(PlannedEvent(name, start, _by_role(descriptions, "literal"), _creator(entry)))
    return tuple(out)


# -- serializing -----------------------------------------------------------

def to_ninjs3(item: Item, *, partial: bool = False, own: bool = True) -> dict[str, Any]:
    """ninjs 3.2 object. ``partial`` drops the bodies (the public site's representation),
    and with them the quotes and diary events taken from them; ``own=False`` leaves quotes
    and events out (the store keeps them in its own key)."""
    d: dict[str, Any] = {"uri": item.uri, "type": item.type}
    d["representationType"] = "partial" if partial else "full"
    d["version"] = str(item.version)
    _put_time(d, "firstCreated", item.first_created)
    _put_time(d, "versionCreated", item.version_created)
    _put_time(d, "contentCreated", item.content_created)
    _put_time(d, "embargoedUntil", item.embargoed_until)
    d["pubStatus"] = item.pub_status
    _put(d, "urgency", item.urgency)
    _put(d, "language", item.language)
    _put(d, "copyrightHolder", item.copyright_holder)
    _put(d, "copyrightNotice", item.copyright_notice)
    _put(d, "usageTerms", item.usage_terms)
    _put(d, "edNote", item.ed_note)
    _put(d, "by", item.by)
    _put(d, "slugline", item.slugline)
    _put(d, "located", item.located)
    if item.headlines:
        d["headlines"] = [_text(t) for t in item.headlines]
    if item.descriptions:
        d["descriptions"] = [_text(t) for t in item.descriptions]
    if item.bodies and not partial:
        d["bodies"] = [_body(t) for t in item.bodies]
    for key, concepts in (
        ("subjects", item.subjects), ("people", item.people),
        ("organisations", item.organisations), ("places", item.places),
    ):
        if concepts:
            d[key] = [_concept(c, with_machine=key == "subjects") for c in concepts]
    if item.genres:
        d["genres"] = [_strip({"name": g.name, "uri": g.uri, "literal": g.literal}) for g in item.genres]
    if item.info_sources:
        d["infoSources"] = [
            _strip({"name": c.name, "uri": c.uri, "literal": c.literal, "role": c.rel})
            for c in item.info_sources
        ]
    if item.renditions:
        d["renditions"] = [_rendition(r) for r in item.renditions]
    associations = [_association(a) for a in item.associations]
    if own and not partial:
        associations += [_quote_object(item, n, q) for n, q in enumerate(item.quotes, 1)]
        associations += [_event_object(item, n, p) for n, p in enumerate(item.planning, 1)]
    if own and item.credentials is not None:
        associations.append(_credentials_object(item, item.credentials))
        if item.credentials.state in ("trusted", "valid") and item.credentials.digital_source_type:
            d["digitalSourceType"] = _source_type(item.credentials.digital_source_type)
    if associations:
        d["associations"] = associations
    return d


def to_ninjs2(item: Item, *, partial: bool = False) -> dict[str, Any]:
    """ninjs 2.3: the 3.2 vocabulary in lower case, ``embargoed`` for ``embargoedUntil``."""
    d3 = to_ninjs3(item, partial=partial)
    d3.pop("representationType")
    d2: dict[str, Any] = _lower_keys(d3)
    d2["representationtype"] = "partial" if partial else "full"
    if "embargoeduntil" in d2:
        d2["embargoed"] = d2.pop("embargoeduntil")
    for assoc in d2.get("associations", []):
        assoc.pop("rel", None)
        if assoc.get("name") == EVENT_NAME:
            assoc.pop("type", None)  # 2.x has no "event" type
        details = assoc.pop("eventdetails", None)  # 3.x only: the start becomes a description
        if details is not None:
            start = details["dates"]["expectedstartdate"]
            assoc.setdefault("descriptions", []).insert(0, {"role": "start", "value": start})
    return d2


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def _put(d: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        d[key] = value


def _put_time(d: dict[str, Any], key: str, value: datetime | None) -> None:
    if value is not None:
        d[key] = format_time(value)


def _strip(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _text(t: Text) -> dict[str, Any]:
    return _strip({"role": t.role, "contentType": t.content_type, "value": t.value})


def _body(t: Text) -> dict[str, Any]:
    return _strip({"role": t.role, "contentType": t.content_type or "text/html", "value": t.value})


def _concept(c: Concept, *, with_machine: bool) -> dict[str, Any]:
    d: dict[str, Any] = {"name": c.name, "rel": c.rel, "uri": c.uri, "literal": c.literal}
    if with_machine:
        d.update(creator=c.creator, confidence=c.confidence, relevance=c.relevance)
    return _strip(d)


def _rendition(r: Rendition) -> dict[str, Any]:
    return _strip({
        "name": r.name, "href": r.href, "contentType": r.content_type, "title": r.title,
        "width": r.width, "height": r.height, "sizeInBytes": r.size_in_bytes, "duration": r.duration,
        "videoCodec": r.video_codec, "frameRate": r.frame_rate,
    })


def _association(a: Association) -> dict[str, Any]:
    d: dict[str, Any] = _strip({"name": a.name or a.rel or "related", "rel": a.rel, "uri": a.uri,
                                "type": a.type})
    if a.headline:
        d["headlines"] = [{"value": a.headline}]
    if a.renditions:
        d["renditions"] = [_rendition(r) for r in a.renditions]
    return d


def _provenance(d: dict[str, Any], creator: str | None) -> None:
    if creator:
        d["infoSources"] = [{"name": creator, "role": "creator"}]


def _quote_object(item: Item, number: int, q: Quote) -> dict[str, Any]:
    d: dict[str, Any] = {"name": QUOTE_NAME, "rel": QUOTE_NAME, "uri": f"{item.uri}#quote-{number}",
                         "type": "text"}
    _put(d, "language", q.language or item.language)
    d["bodies"] = [{"role": "quote", "contentType": "text/plain", "value": q.text}]
    if q.speaker:
        orgs = {c.name.casefold() for c in item.organisations if c.name}
        key = "organisations" if q.speaker.casefold() in orgs else "people"
        d[key] = [_strip({"name": q.speaker, "rel": "speaker", "uri": q.speaker_uri})]
    _provenance(d, q.creator)
    return d


def credentials_title(c: ContentCredentials) -> str:
    """One line a person reads: "Content Credentials: valid, signed by X (Org)"."""
    words = {"trusted": "valid, signer trusted", "valid": "valid, signer not on the trust list",
             "invalid": "invalid", "absent": "none", "unchecked": "not checked"}
    line = f"Content Credentials: {words.get(c.state, c.state)}"
    if c.signer or c.issuer:
        who = c.signer or c.issuer
        line += f", signed by {who}" + (f" ({c.issuer})" if c.signer and c.issuer and c.issuer != c.signer else "")
    if c.failures:
        line += f": {', '.join(c.failures)}"
    if c.note:
        line += f" ({c.note})"
    return line


def _credentials_object(item: Item, c: ContentCredentials) -> dict[str, Any]:
    d: dict[str, Any] = {"name": CREDENTIALS_NAME, "rel": CREDENTIALS_NAME, "uri": f"{item.uri}#content-credentials",
                         "title": credentials_title(c)}
    descriptions = [{"role": "state", "value": c.state}]
    descriptions += [{"role": "failure", "value": code} for code in c.failures]
    descriptions += [{"role": "action", "value": action} for action in c.actions]
    descriptions += [{"role": role, "value": value} for role, value in (("signed", c.signed_at), ("note", c.note))
                     if value]
    d["descriptions"] = descriptions
    sources = [{"name": name, "role": role} for role, name in
               (("signer", c.signer), ("issuer", c.issuer), ("claimGenerator", c.claim_generator)) if name]
    if sources:
        d["infoSources"] = sources
    if c.digital_source_type:
        d["digitalSourceType"] = _source_type(c.digital_source_type)
    return d


def _source_type(value: str) -> dict[str, str]:
    """IPTC's digital source type: a URI (the CV's) as ``uri``, anything else as ``literal``."""
    return {"uri": value} if re.fullmatch(r"https?://[^\s]+", value) else {"literal": value}


def _event_object(item: Item, number: int, p: PlannedEvent) -> dict[str, Any]:
    d: dict[str, Any] = {"name": EVENT_NAME, "rel": EVENT_NAME, "uri": f"{item.uri}#event-{number}",
                         "type": "event", "headlines": [{"value": p.name}]}
    descriptions = [{"role": "literal", "value": p.literal}] if p.literal else []
    if _TRUNCATED_DATE_RE.fullmatch(p.start):
        d["eventDetails"] = {"dates": {"expectedStartDate": p.start}}
    else:
        descriptions.insert(0, {"role": "start", "value": p.start})
    if descriptions:
        d["descriptions"] = descriptions
    _provenance(d, p.creator)
    return d

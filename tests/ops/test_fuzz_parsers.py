"""Fuzz: whatever bytes arrive, ``formats.parse(data, fmt)`` for ninjs, newsml, nitf, text and
auto returns an Item or raises FormatError (the API's 400/422), never anything else; and an
item a parser accepted can always be written out in every output format.

Seeds are the sample stories, and their NewsML-G2 / NITF / ninjs renderings; hypothesis mutates
them (cut, splice, duplicate, flip, insert) and also builds documents from the formats' own
vocabulary, so the fuzzer reaches deep into the parsers rather than failing at byte 1.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswire import formats
from newswire.formats.errors import FormatError
from newswire.model import Item, utcnow

FORMATS = ("ninjs", "newsml", "nitf", "text", "auto")
OUTPUTS = ("ninjs", "ninjs2", "newsml", "nitf")
SAMPLES = Path(formats.__file__).resolve().parents[1] / "samples" / "stories"
LONG = os.environ.get("NEWSWIRE_LONG_SUITES", "").strip() in ("1", "true", "yes")
FUZZ = settings(max_examples=3000 if LONG else 150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def seeds() -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {"ninjs": [], "newsml": [], "nitf": [], "text": []}
    for path in sorted(SAMPLES.iterdir()):
        data = path.read_bytes()
        item = as_stored(formats.parse(data, "ninjs" if path.suffix == ".json" else "text"))
        found["ninjs" if path.suffix == ".json" else "text"].append(data)
        found["newsml"].append(formats.serialize(item, "newsml"))
        found["nitf"].append(formats.serialize(item, "nitf"))
        found["ninjs"].append(formats.serialize(item, "ninjs"))
    return found


def parse_or_format_error(data: bytes, fmt: str) -> Item | None:
    try:
        return formats.parse(data, fmt)
    except FormatError:
        return None


def as_stored(item: Item) -> Item:
    """What the store keeps of an accepted item: a version number and its timestamps."""
    now = utcnow().replace(microsecond=0)
    return item.evolve(version=item.version or 1, version_created=item.version_created or now,
                       first_created=item.first_created or now)


def writes_everywhere(item: Item) -> None:
    stored = as_stored(item)
    for out in OUTPUTS:
        assert isinstance(formats.serialize(stored, out), bytes)


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> bytes:
    pool = seeds()["ninjs" if fmt == "auto" else fmt]
    data = bytearray(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["cut", "insert", "flip", "dup", "splice"]))
        if op == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from([b"<", b">", b"&", b"\"", b"{", b"}", b"[", b"]", b"\x00", b"\xff",
                                                b"&amp;", b"<!DOCTYPE x>", b"]]>", b"\xc3", b"\\u0000", b"\n\n",
                                                b"-1", b"1e309", b"null", b"\xe2\x80\xae", b"\xef\xbb\xbf"]))
        elif op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "dup":
            end = min(len(data), at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end]
        else:
            other = draw(st.sampled_from(pool))
            start = draw(st.integers(0, max(0, len(other) - 1)))
            data[at:at + draw(st.integers(0, 100))] = other[start:start + draw(st.integers(1, 300))]
    return bytes(data)


NINJS_KEYS = ["uri", "type", "language", "headlines", "headline", "bodies", "body_html", "body_text", "descriptions",
              "subjects", "subject", "versioncreated", "firstcreated", "contentcreated", "version", "pubStatus",
              "pubstatus", "urgency", "embargoedUntil", "embargoed", "places", "place", "people", "organisations",
              "genres", "located", "byline", "bylines", "copyrightnotice", "usageterms", "ednote", "slugline",
              "associations", "altids", "renditions", "keywords", "datetime", "value", "role", "contentType",
              "name", "code", "rel", "href", "$schema"]
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=False),
                      st.text(max_size=40), st.sampled_from(["2024-02-30T25:61:00Z", "text", "usable", "canceled",
                                                            "", "en", "medtop:04000000", "-5", "1e999"]))
json_values = st.recursive(json_leaf, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.sampled_from(NINJS_KEYS), children, max_size=6)),
    max_leaves=30)

XML_TAGS = ["newsItem", "newsMessage", "itemSet", "itemMeta", "contentMeta", "contentSet", "inlineXML", "html",
            "body", "p", "headline", "subject", "name", "language", "pubStatus", "versionCreated", "firstCreated",
            "embargoed", "urgency", "located", "by", "description", "nitf", "head", "title", "docdata",
            "doc-id", "date.issue", "body.head", "hedline", "hl1", "body.content", "tobject.subject", "urgency",
            "location", "city", "byline", "ed-msg", "a", "b", "script", "table"]
XML_ATTRS = ["guid", "version", "xml:lang", "qcode", "uri", "literal", "contenttype", "id-string", "ed-urg",
             "norm", "tobject.subject.refnum", "href", "role", "standard", "standardversion", "conformance"]


@st.composite
def xml_documents(draw: st.DrawFn) -> bytes:
    def element(depth: int) -> str:
        tag = draw(st.sampled_from(XML_TAGS))
        values = st.sampled_from(["", "1", "²", "-3", "en", "x:y", "2024-13-01", "99999999999"])
        attrs = "".join(f' {a}="{draw(values)}"'
                        for a in draw(st.lists(st.sampled_from(XML_ATTRS), max_size=3, unique=True)))
        text = draw(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"],
                                                   blacklist_characters="<>&"), max_size=20))
        kids = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))))
        return f"<{tag}{attrs}>{text}{kids}</{tag}>"

    root = draw(st.sampled_from(["newsItem", "newsMessage", "nitf"]))
    ns = {"newsItem": ' xmlns="http://iptc.org/std/nar/2006-10-01/"',
          "newsMessage": ' xmlns="http://iptc.org/std/nar/2006-10-01/"', "nitf": ""}[root]
    inner = "".join(element(1) for _ in range(draw(st.integers(0, 4))))
    return f'<?xml version="1.0" encoding="UTF-8"?><{root}{ns} guid="urn:x:1" version="1">{inner}</{root}>'.encode()


wire_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=600).map(
    lambda t: t.encode("utf-8"))
header_text = st.builds(
    lambda headers, body: ("\n".join(headers) + "\n\n" + body).encode(),
    st.lists(st.sampled_from(["URI: urn:x:1", "URI:", "Language: tr", "Language: xx-ZZ-12", "Version: 0",
                              "Version: -1", "Version: ²", "Urgency: 10", "Embargo: tomorrow", "Type: audio",
                              "Subject: medtop:99999999", "Public: maybe", ": :", "X"]), max_size=8),
    st.text(max_size=300))


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_are_an_item_or_a_format_error(fmt: str, data: bytes) -> None:
    parse_or_format_error(data, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.data())
def test_mutated_samples_are_an_item_or_a_format_error_and_accepted_ones_write_out(fmt: str, data: Any) -> None:
    item = parse_or_format_error(data.draw(mutated(fmt)), fmt)
    if item is not None:
        writes_everywhere(item)


@FUZZ
@given(doc=json_values)
def test_json_shaped_like_ninjs_is_an_item_or_a_format_error(doc: Any) -> None:
    if isinstance(doc, dict):
        doc.setdefault("uri", "urn:newswire:fuzz:1")
    item = parse_or_format_error(json.dumps(doc).encode(), "ninjs")
    if item is not None:
        writes_everywhere(item)


@pytest.mark.parametrize("fmt", ["newsml", "nitf", "auto"])
@FUZZ
@given(doc=xml_documents())
def test_xml_built_from_the_standards_vocabulary_is_an_item_or_a_format_error(fmt: str, doc: bytes) -> None:
    item = parse_or_format_error(doc, fmt)
    if item is not None:
        writes_everywhere(item)


@FUZZ
@given(doc=st.one_of(wire_text, header_text))
def test_wire_text_is_an_item_or_a_format_error(doc: bytes) -> None:
    item = parse_or_format_error(doc, "text")
    if item is not None:
        writes_everywhere(item)


# -- the review's families: JSON nested past reason, versions the store cannot hold, cursors
#    of digits that are not ASCII ----------------------------------------------------------

MAX_VERSION = 2**31 - 1  # versions are 32-bit integers in the store
openers = st.sampled_from(["[", '{"a":', '{"bodies":', '{"uri":"urn:x:1","associations":'])


@FUZZ
@given(depth=st.integers(1, 150_000), opener=openers, closed=st.booleans())
def test_nested_json_of_any_depth_is_an_item_or_a_format_error(depth: int, opener: str, closed: bool) -> None:
    doc = opener * depth
    if closed:
        doc += "1" + "".join("]" if o == "[" else "}" for o in reversed([opener] * depth))
    parse_or_format_error(doc.encode(), "ninjs")


unicode_digits = st.text(alphabet=st.characters(whitelist_categories=["Nd", "No"]), min_size=1, max_size=12)
any_version = st.one_of(st.integers(-2**80, 2**80), st.floats(), st.booleans(), unicode_digits,
                        st.integers(0, 2**80).map(str), st.text(max_size=12))


@FUZZ
@given(version=any_version)
def test_a_version_is_one_the_store_holds_or_a_format_error(version: Any) -> None:
    doc = {"uri": "urn:newswire:fuzz:v", "version": version}
    try:
        data = json.dumps(doc).encode()
    except ValueError:
        return
    item = parse_or_format_error(data, "ninjs")
    if item is not None:
        assert 1 <= item.version <= MAX_VERSION
        assert item.version == int(str(version).strip())


cursors = st.one_of(unicode_digits, st.text(max_size=30), st.integers(-2**80, 2**80).map(str),
                    st.text(alphabet="0123456789²³¹١٢۱１ _+-", max_size=25))


@FUZZ
@given(value=cursors)
def test_a_cursor_is_an_ascii_number_in_range_or_a_400(value: str) -> None:
    from newswire.api.problems import Problem
    from newswire.api.subscriber import MAX_SEQ, _cursor, _offset

    try:
        seq = _cursor(value)
    except Problem as problem:
        assert problem.status == 400
    else:
        assert 0 <= seq <= MAX_SEQ and (value == "" or (value.isascii() and int(value) == seq))
    import base64

    try:
        offset = _offset(base64.urlsafe_b64encode(value.encode()).decode())
    except Problem as problem:
        assert problem.status == 400
    else:
        assert value == "" or (value.isascii() and value.isdigit() and int(value) == offset)

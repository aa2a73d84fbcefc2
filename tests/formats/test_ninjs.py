"""ninjs in and out: 1.x/2.x/3.x parse to one Item; 3.2 and 2.3 output validates."""

from __future__ import annotations

import json

import pytest

from newswire.formats import FormatError, parse, serialize
from newswire.formats.ninjs import parse_ninjs, to_ninjs2, to_ninjs3
from newswire.model import SIGNAL_CORRECTION

from schemas import assert_ninjs
from test_newsmlg2 import VARIED


@pytest.mark.parametrize("name", sorted(VARIED))
def test_every_item_validates_as_ninjs_3_2_and_2_3(name: str) -> None:
    item = VARIED[name]
    assert_ninjs(to_ninjs3(item), "3.2")
    assert_ninjs(to_ninjs2(item), "2.3")
    assert_ninjs(to_ninjs3(item, partial=True), "3.2")


@pytest.mark.parametrize("name", sorted(VARIED))
def test_ninjs_3_round_trips(name: str) -> None:
    item = VARIED[name]
    back = parse_ninjs(serialize(item, "ninjs"))
    assert to_ninjs3(back) == to_ninjs3(item)


def test_ninjs_2_lower_case_keys_parse_like_3() -> None:
    v3 = {"uri": "urn:x:1", "versionCreated": "2026-03-01T10:00:00+03:00", "pubStatus": "withheld",
          "embargoedUntil": "2026-03-02T00:00:00Z", "headlines": [{"value": "H"}], "edNote": "note"}
    v2 = {"uri": "urn:x:1", "versioncreated": "2026-03-01T10:00:00+03:00", "pubstatus": "withheld",
          "embargoed": "2026-03-02T00:00:00Z", "headlines": [{"value": "H"}], "ednote": "note"}
    a, b = parse_ninjs(json.dumps(v3)), parse_ninjs(json.dumps(v2))
    assert a == b
    assert a.version_created is not None and a.version_created.utcoffset().total_seconds() == 0
    assert a.version_created.hour == 7  # +03:00 converted to UTC


def test_ninjs_1_fields_are_understood() -> None:
    item = parse_ninjs(json.dumps({"uri": "urn:x:old", "headline": "Old style", "body_html": "<p>Body</p>",
                                   "description_text": "Summary", "subject": [{"code": "medtop:04000000"}]}))
    assert item.headline == "Old style" and item.standfirst == "Summary"
    assert item.body_html == "<p>Body</p>" and item.topic_codes() == ["medtop:04000000"]


def test_a_correction_is_signalled_by_ednote_or_signals() -> None:
    by_note = parse_ninjs(b'{"uri": "u", "edNote": "Correction: the figure is 40"}')
    by_signal = parse_ninjs(b'{"uri": "u", "signals": ["http://cv.iptc.org/newscodes/signal/correction"]}')
    assert by_note.signals == (SIGNAL_CORRECTION,) and by_signal.signals == (SIGNAL_CORRECTION,)


def test_output_times_are_utc_with_an_offset() -> None:
    item = parse_ninjs(b'{"uri": "u", "versionCreated": "2026-01-05T23:30:00-05:00"}')
    assert to_ninjs3(item)["versionCreated"] == "2026-01-06T04:30:00+00:00"


def test_partial_representation_has_no_body() -> None:
    item = parse_ninjs(b'{"uri": "u", "bodies": [{"value": "<p>secret</p>"}]}')
    partial = to_ninjs3(item, partial=True)
    assert "bodies" not in partial and partial["representationType"] == "partial"


@pytest.mark.parametrize(("doc", "status"), [
    (b"", 400), (b"nul\x00", 400), (b'"just a string"', 422), (b'{"uri": ""}', 422),
    (b'{"uri": "u", "version": "zero"}', 422), (b'{"uri": "u", "version": 0}', 422),
    (b'{"uri": "u", "pubStatus": "deleted"}', 422), (b'{"uri": "u", "type": "hologram"}', 422),
    (b'{"uri": "u", "headlines": "flat"}', 422), (b'{"uri": "u", "headlines": [{"role": "x"}]}', 422),
    (b'{"uri": "u", "renditions": [{"name": "no href"}]}', 422),
])
def test_bad_ninjs_is_a_format_error(doc: bytes, status: int) -> None:
    with pytest.raises(FormatError) as raised:
        parse(doc, "ninjs")
    assert raised.value.status == status

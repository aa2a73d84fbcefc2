"""Quotes and diary events in ninjs 3.2 and 2.3.

ninjs allows no extension property (``unevaluatedProperties: false`` at the top level and
``additionalProperties: false`` in every nested object), so each quote and event is an
associated ninjs object named ``newswire:quote`` / ``newswire:event``: the output stays
schema-valid, and the parser reads them back into ``Item.quotes`` / ``Item.planning``.
"""

from __future__ import annotations

from typing import Any

import pytest

from newswire.formats import parse, serialize
from newswire.formats.ninjs import EVENT_NAME, QUOTE_NAME, parse_ninjs, to_ninjs2, to_ninjs3
from newswire.model import MACHINE_CREATOR, Association, Concept, Item, PlannedEvent, Quote, Text

from schemas import assert_ninjs

PUTIN = "http://www.wikidata.org/entity/Q7747"
ITEM = Item(
    uri="urn:newswire:test:csto", language="en", headlines=(Text("Summit"),),
    bodies=(Text("<p>Body</p>", None, "text/html"),),
    people=(Concept(name="Vladimir Putin", uri=PUTIN),),
    organisations=(Concept(name="Kremlin"),),
    associations=(Association(uri="urn:newswire:test:earlier", rel="related", headline="Earlier"),),
    quotes=(
        Quote("We propose launching a large-scale programme", "Vladimir Putin", PUTIN, "en",
              MACHINE_CREATOR),
        Quote("The talks were useful for everyone", "Kremlin", None, "en", MACHINE_CREATOR),
        Quote("Chosen by the desk for the day", None),
    ),
    planning=(
        PlannedEvent("leaders' summit in Moscow", "2026-11-11", "Nov. 11, 2026", MACHINE_CREATOR),
        PlannedEvent("chairmanship begins", "2026-01", "January"),
        PlannedEvent("budget week", "2026-W14"),  # not a date ninjs 3.2 can hold in eventDetails
    ),
)


def _own(doc: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [a for a in doc.get("associations", []) if a["name"] == name]


def test_quotes_and_events_keep_ninjs_3_2_and_2_3_valid() -> None:
    assert_ninjs(to_ninjs3(ITEM), "3.2")
    assert_ninjs(to_ninjs2(ITEM), "2.3")


def test_ninjs_3_quote_has_text_speaker_language_and_provenance() -> None:
    quotes = _own(to_ninjs3(ITEM), QUOTE_NAME)
    assert quotes[0] == {
        "name": QUOTE_NAME, "rel": QUOTE_NAME, "uri": "urn:newswire:test:csto#quote-1", "type": "text",
        "language": "en",
        "bodies": [{"role": "quote", "contentType": "text/plain",
                    "value": "We propose launching a large-scale programme"}],
        "people": [{"name": "Vladimir Putin", "rel": "speaker", "uri": PUTIN}],
        "infoSources": [{"name": MACHINE_CREATOR, "role": "creator"}],
    }
    assert quotes[1]["organisations"] == [{"name": "Kremlin", "rel": "speaker"}]
    assert "infoSources" not in quotes[2] and "people" not in quotes[2]  # an editor's, no speaker


def test_ninjs_3_event_has_name_start_literal_and_provenance() -> None:
    events = _own(to_ninjs3(ITEM), EVENT_NAME)
    assert events[0] == {
        "name": EVENT_NAME, "rel": EVENT_NAME, "uri": "urn:newswire:test:csto#event-1", "type": "event",
        "headlines": [{"value": "leaders' summit in Moscow"}],
        "eventDetails": {"dates": {"expectedStartDate": "2026-11-11"}},
        "descriptions": [{"role": "literal", "value": "Nov. 11, 2026"}],
        "infoSources": [{"name": MACHINE_CREATOR, "role": "creator"}],
    }
    assert events[1]["eventDetails"] == {"dates": {"expectedStartDate": "2026-01"}}
    assert events[2]["descriptions"] == [{"role": "start", "value": "2026-W14"}]


def test_ninjs_2_carries_the_start_as_a_description() -> None:
    events = _own(to_ninjs2(ITEM), EVENT_NAME)
    assert "eventdetails" not in events[0]
    assert events[0]["descriptions"][0] == {"role": "start", "value": "2026-11-11"}
    assert _own(to_ninjs2(ITEM), QUOTE_NAME)[0]["infosources"] == [
        {"name": MACHINE_CREATOR, "role": "creator"}]


@pytest.mark.parametrize("fmt", ["ninjs", "ninjs2"])
def test_a_partner_reads_quotes_and_events_back(fmt: str) -> None:
    back = parse(serialize(ITEM, fmt))
    # An editor's quote without a language is delivered in the story's language.
    assert back.quotes == (*ITEM.quotes[:2], Quote("Chosen by the desk for the day", None, language="en"))
    assert back.planning == ITEM.planning
    # The wire's own objects are not associations.
    assert [a.uri for a in back.associations] == ["urn:newswire:test:earlier"]


def test_the_partial_representation_has_no_quotes_or_events() -> None:
    partial = to_ninjs3(ITEM, partial=True)
    assert not _own(partial, QUOTE_NAME) and not _own(partial, EVENT_NAME)
    assert_ninjs(partial, "3.2")


def test_an_item_without_quotes_or_events_is_unchanged() -> None:
    plain = ITEM.evolve(quotes=(), planning=())
    assert [a["name"] for a in to_ninjs3(plain)["associations"]] == ["related"]


def test_a_quote_object_without_text_is_refused() -> None:
    from newswire.formats import FormatError

    with pytest.raises(FormatError):
        parse_ninjs({"uri": "u", "associations": [{"name": QUOTE_NAME, "uri": "u#q"}]})

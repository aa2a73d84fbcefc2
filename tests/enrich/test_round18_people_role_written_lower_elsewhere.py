"""Round eighteen, people and speakers: a capitalised word opening a run of three words or more
that the story also writes in lower case ("Arbitrator ..." and "the arbitrator") is a common
noun - a role or a rank - and no given name, so the name starts after it. A two-word name
whose given name is also a common word ("Will Hartley", "the will") keeps it."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_a_role_opening_the_sentence_is_not_the_given_name() -> None:
    text = (
        "Port talks resume\n"
        "AMSTERDAM (AP) — Union and employers agreed to meet again on Tuesday.\n"
        "Arbitrator Joost van Haaften, a former judge, told reporters both sides had moved.\n"
        '"Nobody has left the room," van Haaften said. The arbitrator will report next week.'
    )
    people = _people(text, "en")
    assert "Joost van Haaften" in people
    assert "Arbitrator Joost van Haaften" not in people
    assert speakers(text, "en") == ["Joost van Haaften"]


def test_a_two_word_name_keeps_a_common_given_name() -> None:
    text = (
        "The estate went to court.\n"
        '"We will contest the will," Will Hartley said on Friday.'
    )
    assert "Will Hartley" in _people(text, "en")

"""Issue 15, twelfth round: a German name declined after an article or a fused preposition
is listed in the nominative: every adjective before the head, the head's genitive ending
also before a "für" complement, and the head found before that complement; invented
sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "de").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das teilte eine Sprecherin des Niedersächsischen Landesamts für Denkmalpflege mit.",
         "Niedersächsisches Landesamt für Denkmalpflege"),
        ("Die Daten stammen vom Niedersächsischen Landesamt für Denkmalpflege in Hannover.",
         "Niedersächsisches Landesamt für Denkmalpflege"),
        ("Er sprach auf der Tagung der Europäischen Geowissenschaftlichen Union in Wien.",
         "Europäische Geowissenschaftliche Union"),
        ("Das meldete ein Sprecher des Bundesamts für Seeschifffahrt und Hydrographie am Montag.",
         "Bundesamt für Seeschifffahrt und Hydrographie"),
    ],
)
def test_the_name_is_listed_in_the_nominative(text: str, expected: str) -> None:
    assert orgs(text) == [expected]

"""Issue 15, twelfth round: a sport's name written as one name with a football league's
("Basketbol Süper Ligi", "Handball-Bundesliga") names another league, not the football one;
invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Anadolu Efes, Basketbol Süper Ligi'nde Bahçeşehir Koleji ile karşılaşacak.", "tr",
         "Basketbol Süper Ligi"),
        ("Kiel hat das Nordderby in der Handball-Bundesliga gegen Flensburg gewonnen.", "de",
         "Handball-Bundesliga"),
    ],
)
def test_the_sport_and_the_league_are_one_name(text: str, lang: str, expected: str) -> None:
    found = [o.name for o in find_entities(text, lang).organisations]
    assert expected in found
    assert "Süper Lig" not in found and "Bundesliga" not in found


def test_the_football_league_alone_is_still_itself() -> None:
    assert [o.name for o in find_entities("Bayern führt die Bundesliga an.", "de").organisations] == ["Bundesliga"]

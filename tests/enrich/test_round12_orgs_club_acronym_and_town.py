"""Issue 15, twelfth round: in a match report a club written as an acronym and its town ("SG
Flensburg-Handewitt", "HBC Nantes", "ASM Clermont Auvergne", "THW Kiel") is one name; a
venue ("AAMI Park"), a numeral ("XLV") or a known acronym before a word that is no place is
not; invented stories."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Der THW Kiel hat gegen die SG Flensburg-Handewitt 30:28 gewonnen.", "de",
         ["THW Kiel", "SG Flensburg-Handewitt"]),
        ("Le Stade toulousain a battu l'ASM Clermont Auvergne 31-17, le HBC Nantes a perdu.", "fr",
         ["Stade toulousain", "ASM Clermont Auvergne", "HBC Nantes"]),
    ],
)
def test_an_acronym_and_its_town_name_a_club(text: str, lang: str, expected: list[str]) -> None:
    assert [o.name for o in find_entities(text, lang).organisations] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Victory won 2-1 at AAMI Park on Saturday.",
        "Spain won the FIFA World Cup final 1-0.",
    ],
)
def test_a_venue_or_an_event_after_an_acronym_is_no_club(text: str) -> None:
    found = [o.name or "" for o in find_entities(text, "en").organisations]
    assert not any(" " in name for name in found)

"""Scorers named with their minute and names followed by a relative clause are people.

Sample texts are written for these tests.
"""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def _people(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).people]


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("fr", "Le score a été ouvert par Mason Greenwood-Hall à la 23e minute.", ["Mason Greenwood-Hall"]),
    ("fr", "Un but de Théo Marchetti (34e) a suffi.", ["Théo Marchetti"]),
    ("en", "The winner came from Owen Macrae (12) after a corner.", ["Owen Macrae"]),
    ("es", "El gol de Andrés Felipe Mosquera (12 y 40) cambió el partido.", ["Andrés Felipe Mosquera"]),
    ("tr", "Gollerini 34. dakikada Kerem Aktürkoğlu attı.", ["Kerem Aktürkoğlu"]),
    ("de", "Hollerbach folgt auf Bernd Reichle, der zurückgetreten war.", ["Bernd Reichle"]),
    ("de", "Der Sieg ging an den Österreicher Julian Steiner, der zum dritten Mal gewann.", ["Julian Steiner"]),
    ("en", "The award went to Tom Ellis, who led the rescue.", ["Tom Ellis"]),
])
def test_scorers_and_relative_clauses_name_people(lang: str, text: str, names: list[str]) -> None:
    assert _people(text, lang) == names


def test_a_score_or_a_clause_after_a_place_or_a_thing_names_nobody() -> None:
    assert _people("The match in New York (12) was delayed.", "en") == []
    assert _people("Lockheed Martin, which built the satellite, said it was ready.", "en") == []
    assert _people("Der Deutsche Bundestag, der am Freitag tagte, stimmte zu.", "de") == []

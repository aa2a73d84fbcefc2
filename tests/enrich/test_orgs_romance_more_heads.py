"""French and Spanish names that open with a court's, a prosecutor's, a regional chamber's,
a foundation's or an association's head are organisations when a complement or a capital
follows the head; the head alone is a common noun.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_spanish_courts_and_a_regional_parliament() -> None:
    assert _orgs("La Audiencia de Valencia ha condenado a tres años al acusado.", "es") == [
        "Audiencia de Valencia"
    ]
    assert _orgs("El Pleno del Parlamento de Aragón aprobó la ley.", "es") == ["Parlamento de Aragón"]


def test_a_spanish_court_keeps_its_number() -> None:
    text = "La causa, instruida por el Juzgado de Instrucción número 3 de Vigo, sigue abierta."
    assert _orgs(text, "es")[0].startswith("Juzgado de Instrucción número 3")


def test_a_french_foundation_named_after_et_la() -> None:
    text = "Le projet est soutenu par la Ville de Sion et la Fondation Marmet."
    assert _orgs(text, "fr") == ["Ville de Sion", "Fondation Marmet"]


def test_a_head_alone_is_a_common_noun() -> None:
    assert _orgs("La Fiscalía pidió prisión preventiva para el alcalde.", "es") == []


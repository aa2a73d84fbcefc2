"""Round eighteen, people and speakers: a town's one-word name between two name words of a run
is a surname ("Judge Paula Coimbra Teixeira", "Irene Toledo Vargas"), and the name runs on
past it. A country there is nobody's surname ("Oxfam Kenya Coast" stays no person), and in
German, whose nouns are all capitalised, the run still stops at the town."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_a_town_in_the_middle_of_an_english_name() -> None:
    text = "LISBON (Reuters) - Judge Paula Coimbra Teixeira sentenced the three men on Tuesday."
    people = _people(text, "en")
    assert "Paula Coimbra Teixeira" in people
    assert "Paula Coimbra" not in people


def test_a_town_in_the_middle_of_a_spanish_name() -> None:
    text = (
        "La fiscalía presentó cargos contra los cinco detenidos.\n"
        '"Los trabajadores están a salvo", declaró la fiscal Irene Toledo Vargas en rueda de prensa.'
    )
    assert speakers(text, "es") == ["Irene Toledo Vargas"]


def test_a_country_is_no_surname() -> None:
    text = '"The pledge is welcome," said the statement.\n(Oxfam Kenya Coast, in a statement)'
    assert not any("Kenya" in p for p in _people(text, "en"))

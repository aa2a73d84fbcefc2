"""Round sixteen, names: the capitalised word right after a Russian title that is an
adjective in an oblique case before a lower-case noun opens the employer's name
("депутат Законодательного собрания", "директор Северной верфи"), no surname; the person
is the name after the employer."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, "ru").people]


def test_deputy_of_a_regional_assembly() -> None:
    text = (
        "Депутат Законодательного собрания Томской области от ЛДПР Роман Лыткин назвал решение "
        "«ошибкой»."
    )
    assert _people(text) == ["Роман Лыткин"]


def test_director_of_a_shipyard() -> None:
    text = "Директор Балтийской верфи Олег Рябинин назвал сроки реалистичными."
    assert _people(text) == ["Олег Рябинин"]


def test_a_surname_after_the_title_is_still_a_surname() -> None:
    text = "Губернатор Роман Лыткин подписал указ. Позже губернатор Лыткин назвал решение «ошибкой»."
    assert _people(text) == ["Роман Лыткин"]

"""Issue 15, thirteenth round: a name set off by commas after a title and its portfolio may
have four words, as Spanish copy writes two given names and two surnames ("la secretaria
de Empleo de CCOO, Ana Belén Corrochano Ruiz,"); invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str = "es") -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_four_words_after_the_portfolio_are_one_name() -> None:
    text = "El presidente de la sección oleícola de la organización, Juan Antonio Moral Cazorla, ha explicado el dato."
    assert people(text) == ["Juan Antonio Moral Cazorla"]


def test_four_words_after_a_portfolio_with_an_acronym() -> None:
    text = "La secretaria de Empleo de Comisiones Obreras (CCOO), Ana Belén Corrochano Ruiz, advirtió de que no."
    assert people(text) == ["Ana Belén Corrochano Ruiz"]


def test_three_words_still_make_the_name() -> None:
    text = "El presidente de la sección oleícola de la organización, Juan Moral Cazorla, ha explicado el dato."
    assert people(text) == ["Juan Moral Cazorla"]


def test_a_name_the_sentence_runs_on_from_is_no_appositive() -> None:
    text = (
        "El presidente de la sección oleícola de la organización, Juan Antonio Moral Cazorla Jaén Sur y otros, habló."
    )
    assert people(text) == []

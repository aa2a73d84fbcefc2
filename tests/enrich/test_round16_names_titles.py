"""Round sixteen, names: titles a person's name follows, from the closed class of each
language's titles - an English corporate officer or a prison's warden, a French councillor
(of State) or admiral, a Russian political scientist or resident, a Bosnian/Croatian
representative. The title is no part of the name, and the name after it is found."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).people]


def test_english_corporate_officer_title_is_left_off() -> None:
    text = (
        "Shares of the grocer fell 4%. Chief Financial Officer Dana Whitlock told investors the "
        'company saw "a slower first quarter" ahead.'
    )
    assert _people(text, "en") == ["Dana Whitlock"]


def test_english_warden_speaks_without_the_title() -> None:
    text = '"Every cell was searched twice," Warden Harold Quimby said on Tuesday.'
    assert _people(text, "en") == ["Harold Quimby"]
    assert speakers(text, "en") == ["Harold Quimby"]


def test_french_councillor_of_state_is_named_after_the_title() -> None:
    text = (
        "« Le chantier commencera au printemps », a affirmé le conseiller d'État Luc Marmier-Jaquet, "
        "chargé des routes."
    )
    assert _people(text, "fr") == ["Luc Marmier-Jaquet"]


def test_french_admiral_is_named_after_the_rank() -> None:
    text = "« La mer était très forte », a indiqué le vice-amiral Gaël Penhoat."
    assert _people(text, "fr") == ["Gaël Penhoat"]


def test_russian_political_scientist_before_employer_and_name() -> None:
    text = (
        "Политолог Института региональных исследований Артём Сергеевич Волынцев отметил, что "
        "явка будет низкой."
    )
    assert _people(text, "ru") == ["Артём Сергеевич Волынцев"]


def test_russian_resident_of_a_town_is_no_person() -> None:
    text = "Жительница Тихвина рассказала агентству, что воды нет третий день."
    assert _people(text, "ru") == []


def test_croatian_representative_before_body_and_name() -> None:
    text = (
        "Predstavnica Gradskog vijeća mladih Iva Kolarić upozorila je da mladi odlaze iz grada."
    )
    assert _people(text, "hr") == ["Iva Kolarić"]

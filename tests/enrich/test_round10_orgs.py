"""Issue 15, tenth round: organisations - a Bosnian/Croatian body's complement with a
genitive of its own, a feminine object in -iju, a territory with its acronym; invented
sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str, lang: str = "hr") -> list[str]:
    return [o.name or "" for o in find_entities(text, lang).organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pravilnik je izradilo Ministarstvo zaštite prirode i zelene gradnje.",
         ["Ministarstvo zaštite prirode i zelene gradnje"]),
        ("Mjerenja je obavila Agencija za zaštitu okoliša iz Zadra.", ["Agencija za zaštitu okoliša"]),
    ],
)
def test_the_complements_own_genitive_noun_is_in_the_name(text: str, expected: list[str]) -> None:
    assert orgs(text) == expected


def test_an_object_in_iju_after_za_is_in_the_name() -> None:
    assert orgs("Podatke je objavio Zavod za meteorologiju i seizmologiju.") == [
        "Zavod za meteorologiju i seizmologiju"
    ]


def test_the_object_ends_before_a_preposition() -> None:
    text = "Rad su potpisali Zavod za more i ribarstvo iz Zadra i Nacionalnim institutom."
    assert orgs(text)[0] == "Zavod za more i ribarstvo"


def test_a_territory_with_its_acronym_ends_the_name() -> None:
    assert orgs("Propuste je utvrdio Ured za reviziju institucija u Federaciji BiH.", "bs") == [
        "Ured za reviziju institucija u Federaciji BiH"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ministarstvo zdravstva prošle godine je objavilo podatke.", ["Ministarstvo zdravstva"]),
        ("Služba za poslove sa strancima biti će nadležna.", ["Služba za poslove sa strancima"]),
    ],
)
def test_no_verb_or_adjective_is_taken_for_the_genitive(text: str, expected: list[str]) -> None:
    assert orgs(text, "bs") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le texte sera débattu à l'Assemblée nationale le 14 avril.", "fr", ["Assemblée nationale"]),
        ("La Banque de France le 3 juin a relevé sa prévision.", "fr", ["Banque de France"]),
        ("El Banco de España el 21 de marzo publicó su informe.", "es", ["Banco de España"]),
    ],
)
def test_a_date_after_a_connector_is_not_in_the_name(text: str, lang: str, expected: list[str]) -> None:
    assert orgs(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Находку изучили сотрудники Института геологии Уральского отделения РАН.",
         ["Институт геологии Уральского отделения РАН"]),
        ("Пробы отобрали специалисты Института биологии моря ДВО РАН.", ["Институт биологии моря ДВО РАН"]),
    ],
)
def test_an_academys_acronyms_close_a_russian_genitive_chain(text: str, expected: list[str]) -> None:
    assert orgs(text, "ru") == expected


def test_a_known_acronym_after_a_head_stays_apart() -> None:
    assert orgs("Минфин РФ сообщил об этом.", "ru") == ["Минфин РФ"]

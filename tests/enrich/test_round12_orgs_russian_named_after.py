"""Issue 15, twelfth round: a Russian body named after a person ("имени П. П. Ширшова")
runs on over the namesake's initials and surname and the academy's acronyms after them, and
is listed in the nominative; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ru").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Эксперименты провел Институт катализа имени Г. К. Борескова СО РАН в Новосибирске.",
         "Институт катализа имени Г. К. Борескова СО РАН"),
        ("Пробы изучили ученые Института океанологии имени П.П.Ширшова РАН.",
         "Институт океанологии имени П.П.Ширшова РАН"),
    ],
)
def test_the_namesake_and_the_academy_belong_to_the_name(text: str, expected: str) -> None:
    assert expected in orgs(text)


def test_a_name_without_a_namesake_is_unchanged() -> None:
    assert orgs("Решение принял Санкт-Петербургский городской суд.") == ["Санкт-Петербургский городской суд"]

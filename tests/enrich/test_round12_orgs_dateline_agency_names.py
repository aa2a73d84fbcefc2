"""Issue 15, twelfth round: the agency of the dateline is no organisation of the story under
any of its names - with a desk or region after it in the dateline (``dpa/lby``,
``ИНТЕРФАКС-УРАЛ``), or named in full or in another script in the body; invented stories."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import extract_entities
from newswire.enrich.entities.agencies import agency_names
from newswire.formats import parse


def organisations(text: str, lang: str) -> list[str]:
    item = parse(text.encode(), "text").evolve(language=lang)
    return [c.name or "" for c in extract_entities(item).organisations]


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("dpa/lby", "deutsche presse-agentur"),
        ("ИНТЕРФАКС-УРАЛ", "интерфакс"),
        ("وام", "وكالة أنباء الإمارات"),
        ("AA", "anadolu agency"),
        ("Keystone-ATS", "agence télégraphique suisse"),
        ("EUROPA PRESS", "europa press"),
    ],
)
def test_a_dateline_agency_goes_by_its_full_names(source: str, written: str) -> None:
    assert written in agency_names(source)


def test_an_agency_unknown_to_the_table_keeps_its_own_spelling() -> None:
    assert agency_names("Newswire") == frozenset({"newswire"})


def test_another_agency_named_in_the_body_stays_an_organisation() -> None:
    assert "tass" not in agency_names("ИНТЕРФАКС")


def test_the_regional_service_s_house_is_not_listed() -> None:
    text = (
        "Суд вынес приговор\n"
        "Екатеринбург. 4 декабря. ИНТЕРФАКС-УРАЛ - Ленинский районный суд Екатеринбурга вынес "
        "приговор, сообщили агентству \"Интерфакс\" в пресс-службе суда.\n"
    )
    found = organisations(text, "ru")
    assert "Интерфакс" not in found
    assert "Ленинский районный суд Екатеринбурга" in found


def test_the_desk_s_agency_in_full_is_not_listed() -> None:
    text = (
        "Schneechaos in Bayern\n"
        "München (dpa/lby) - Der Deutsche Wetterdienst warnte vor Glätte, wie ein Sprecher der "
        "Deutschen Presse-Agentur sagte.\n"
    )
    found = organisations(text, "de")
    assert "Deutsche Presse-Agentur" not in found
    assert "Deutscher Wetterdienst" in found

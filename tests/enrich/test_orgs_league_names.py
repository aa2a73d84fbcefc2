"""A league is listed by the fullest name the story writes: the sport before it in German,
its sponsor's name, and a second division is a league of its own.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_the_german_top_division_keeps_the_sport_written_before_it() -> None:
    text = "Mainz hat in der Fußball-Bundesliga verloren. In der Bundesliga ist Mainz nun Zwölfter."
    assert "Fußball-Bundesliga" in _orgs(text, "de")
    assert "Bundesliga" not in _orgs(text, "de")


def test_the_second_german_division_is_not_the_first() -> None:
    orgs = _orgs("Der Aufsteiger führt die Tabelle der 2. Fußball-Bundesliga an.", "de")
    assert orgs == ["2. Fußball-Bundesliga"]


def test_the_spanish_league_keeps_its_sponsor() -> None:
    text = "El Betis ganó en la décima jornada de LaLiga EA Sports. Es quinto en LaLiga."
    assert "LaLiga EA Sports" in _orgs(text, "es")


def test_the_russian_league_named_by_its_acronym_too_is_listed_by_its_sponsored_name() -> None:
    text = "«Сочи» проиграл в гостях в матче РПЛ.\n«Сочи» уступил в 12-м туре Мир Российской Премьер-Лиги."
    assert "Мир Российская Премьер-Лига" in _orgs(text, "ru")

"""A German organisation whose name opens with an adjective is found in every case the
sentence puts it in, and listed in the nominative.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_entities(text, "de").organisations]


def test_the_weather_service_after_a_preposition_and_an_article() -> None:
    assert _orgs("Das sagte eine Meteorologin vom Deutschen Wetterdienst am Montag.") == ["Deutscher Wetterdienst"]
    assert _orgs("Der Deutsche Wetterdienst warnt vor Glätte.") == ["Deutscher Wetterdienst"]


def test_a_relief_agency_in_the_genitive() -> None:
    assert _orgs("Helfer des Technischen Hilfswerks pumpten Keller aus.") == ["Technisches Hilfswerk"]


def test_an_association_of_cities_in_the_dative() -> None:
    assert _orgs("Kritik kam vom Deutschen Städtetag.") == ["Deutscher Städtetag"]

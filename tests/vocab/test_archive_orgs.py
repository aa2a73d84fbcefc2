"""The organisations the project's annotated archive confirms: built from the spent evaluation
sets only, filtered, shipped current, and matched by the entity finder in their language."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newswire.enrich.entities import find_entities
from newswire.vocab import people_orgs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_archive_orgs as build  # noqa: E402


def _story(lang: str, text: str, organisations: list[str]) -> dict[str, Any]:
    return {"lang": lang, "text": text, "expected": {"language": lang, "organisations": organisations}}


def _rows(*stories: dict[str, Any]) -> list[dict[str, str]]:
    return build.archive_rows(stories, people_orgs.Vocabulary(tuple(people_orgs.seed_entries())))


def test_the_shipped_file_is_what_the_build_script_makes() -> None:
    assert build.main(["--check"]) == 0


def test_no_held_back_half_feeds_the_archive() -> None:
    halves = [int(m.group(1)) for name in json.loads(build.OUT.read_text("utf-8"))["sets"]
              if (m := re.fullmatch(r"enrich_test(\d+)", name))]
    assert halves and max(halves) == build.LAST_SPENT_HALF
    later = [p.name for p in build.BENCH.iterdir()
             if (m := re.fullmatch(r"enrich_test(\d+)", p.name)) and int(m.group(1)) > build.LAST_SPENT_HALF]
    assert not set(later) & {p.name for p in build.spent_sets()}


def test_an_organisation_is_learned_in_the_language_most_stories_name_it_in() -> None:
    rows = _rows(
        _story("de", "Die Quandrix AG baut Stellen ab.", ["Quandrix AG"]),
        _story("de", "Quandrix AG meldet Verluste.", ["Quandrix AG"]),
        _story("en", "Quandrix AG cut jobs.", ["Quandrix AG"]),
    )
    assert rows == [{"kind": "organisation", "name": "Quandrix AG", "lang": "de"}]


def test_an_english_name_is_learned_without_a_leading_the_unless_it_is_all_of_it_but_one_word() -> None:
    rows = _rows(
        _story("en", "The Tamworth Evening Courier said.", ["The Tamworth Evening Courier"]),
        _story("en", "The Quillbrook said.", ["The Quillbrook"]),
    )
    assert [row["name"] for row in rows] == ["Tamworth Evening Courier", "The Quillbrook"]


def test_a_seed_name_a_city_or_a_common_word_is_not_learned() -> None:
    rows = _rows(
        _story("en", "Officials at NATO met.", ["NATO"]),  # the seed has it
        _story("es", "El Valencia ganó en Valencia.", ["Valencia"]),  # a club named like its city
        _story("fr", "Chambéry s'est imposé.", ["Chambéry"]),  # a GeoNames city beyond the curated list
        _story("bs", "Sunce je izašlo, a Sunce je objavilo rezultate. Vrijeme je sunce.", ["Sunce"]),
    )
    assert rows == []


def test_a_generic_name_the_archive_also_completes_with_whose_it_is_is_not_learned() -> None:
    rows = _rows(
        _story("tr", "Dışişleri Bakanlığı açıklama yaptı.", ["Dışişleri Bakanlığı"]),
        _story("tr", "Umman Dışişleri Bakanlığı açıklama yaptı.", ["Umman Dışişleri Bakanlığı"]),
    )
    assert [(row["name"], row["lang"]) for row in rows] == [("Umman Dışişleri Bakanlığı", "tr")]


def test_in_arabic_only_names_of_two_words_or_more_are_learned() -> None:
    rows = _rows(_story("ar", "قال الاتحاد إن شركة قمرة للطيران ستبدأ.", ["الاتحاد", "شركة قمرة للطيران"]))
    assert [row["name"] for row in rows] == ["شركة قمرة للطيران"]


def _archive(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "archive_orgs.json"
    path.write_text(json.dumps({"organisations": rows}, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Path]:
    people_orgs.use_archive(_archive(tmp_path, [
        ["Quandrix", "de"], ["Dışişleri Bakanlığı", "tr"], ["Devlet Su İşleri Genel Müdürlüğü", "tr"],
        ["Московская фондовая палата", "ru"],
    ]))
    yield tmp_path
    people_orgs.use_archive(people_orgs.ARCHIVE_PATH)


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_the_finder_knows_an_archive_organisation_in_its_own_language_only(archive: Path) -> None:
    assert _orgs("Die Firma Quandrix hat 40 Stellen gestrichen, teilte die Geschäftsführung mit.", "de") == ["Quandrix"]
    assert "Quandrix" not in _orgs("Quandrix said on Monday it had cut 40 jobs.", "en")


def test_without_the_archive_the_same_name_is_no_organisation() -> None:
    people_orgs.use_archive(None)
    try:
        assert _orgs("Die Firma Quandrix hat 40 Stellen gestrichen, teilte die Geschäftsführung mit.", "de") == []
    finally:
        people_orgs.use_archive(people_orgs.ARCHIVE_PATH)


def test_a_longer_name_the_rules_complete_is_not_cut_to_the_archive_name(archive: Path) -> None:
    assert _orgs("Umman Dışişleri Bakanlığı salı günü bir açıklama yaptı.", "tr") == ["Umman Dışişleri Bakanlığı"]


def test_the_archive_name_replaces_a_part_of_it_the_rules_found(archive: Path) -> None:
    text = "Devlet Su İşleri Genel Müdürlüğü barajların doluluk oranını açıkladı."
    assert _orgs(text, "tr") == ["Devlet Su İşleri Genel Müdürlüğü"]  # the rules alone: "İşleri Genel Müdürlüğü"


def test_a_mention_glued_into_a_compound_is_no_mention(archive: Path) -> None:
    assert "Quandrix" not in _orgs("Die Quandrix-Gruppe hat 40 Stellen gestrichen.", "de")


def test_an_inflected_mention_is_given_under_the_archive_name(archive: Path) -> None:
    assert _orgs("Торги на Московской фондовой палате прошли спокойно.", "ru") == ["Московская фондовая палата"]


def test_an_archive_learned_from_earlier_halves_only_is_written_where_asked(tmp_path: Path) -> None:
    out = tmp_path / "early.json"
    assert build.main(["--last-spent", "9", "--out", str(out)]) == 0
    sets = json.loads(out.read_text("utf-8"))["sets"]
    assert "enrich_test9" in sets and "enrich_test10" not in sets and "enrich_test8" in sets

"""The benchmark's own ROUGE and its matching rules (bench/rouge.py, bench/enrich_quality.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from enrich_quality import (
    align,
    defined_acronym,
    norm_name,
    org_matches,
    person_matches,
    place_matches,
    quote_matches,
)

from rouge import lcs_length, rouge, rouge_l, rouge_n, tokenize


def test_tokenize_any_script_lower_case_without_arabic_diacritics() -> None:
    assert tokenize("NOAA's launch, Feb. 9!") == ["noaa", "s", "launch", "feb", "9"]
    assert tokenize("МОСКВА, 28 ноября") == ["москва", "28", "ноября"]
    assert tokenize("قَالَ الوزيـــر") == ["قال", "الوزير"]
    assert tokenize("İSTANBUL'da") == ["istanbul", "da"]
    assert tokenize("IRMAK", "tr") == ["ırmak"]


def test_rouge_n_clips_counts_and_scores_f1() -> None:
    score = rouge_n(["the", "the", "cat"], ["the", "cat", "sat", "down"], 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert rouge_n(["a", "b", "c"], ["a", "b", "d"], 2).f1 == pytest.approx(0.5)
    assert rouge_n([], ["a"], 1).f1 == 0.0


def test_rouge_l_uses_the_longest_common_subsequence() -> None:
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4
    score = rouge_l(["police", "killed", "the", "gunman"], ["police", "kill", "the", "gunman"])
    assert score.f1 == pytest.approx(0.75)


def test_rouge_identical_texts_score_one() -> None:
    scores = rouge("Сборная выиграла матч.", "сборная ВЫИГРАЛА матч", "ru")
    assert {name: s.f1 for name, s in scores.items()} == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}


def test_names_compare_without_case_punctuation_or_diacritics() -> None:
    assert norm_name("«Аэрофлот»") == "аэрофлот"
    assert norm_name("Copa-Cogeca") == "copa cogeca"
    assert norm_name("OPEC+") == "opec+"
    assert person_matches("Laura Whitfield", "laura  whitfield")
    assert not person_matches("Laura Whitfield", "Whitfield")
    assert not person_matches("Adylbek Kasymaliev", "Ministers Adylbek Kasymaliev")


@pytest.mark.parametrize(("expected", "found"), [
    ("Washington", "WASHINGTON"),
    ("Ankara", "Ankara'da"),
    ("Пекин", "Пекине"),
    ("Москва", "Москве"),
    ("Ярославль", "Ярославле"),
    ("أنقرة", "وأنقرة"),
    ("Santa Cruz", "Santa Cruz"),
])
def test_places_tolerate_case_and_inflection(expected: str, found: str) -> None:
    assert place_matches(expected, found)


@pytest.mark.parametrize(("expected", "found"), [
    ("Paris", "Parma"),
    ("Bern", "Bernalillo"),  # only a short suffix is an inflection
    ("Santa Cruz", "Santa"),
    ("Mexico", "Mexique"),
])
def test_places_do_not_match_other_names(expected: str, found: str) -> None:
    assert not place_matches(expected, found)


def test_organisations_match_by_name_or_the_acronym_the_story_defines() -> None:
    text = "The National Oceanic and Atmospheric Administration (NOAA) said..."
    name = "National Oceanic and Atmospheric Administration"
    assert defined_acronym(name, text) == "NOAA"
    assert org_matches(name, "NOAA", None, text)
    assert org_matches(name, name, "NOAA", text)
    assert org_matches("NASA", "National Aeronautics and Space Administration", "NASA", text)
    assert not org_matches("NASA", "NOAA", None, text)
    assert not org_matches("OPEC+", "OPEC", None, "OPEC+ and OPEC")


def test_quotes_match_on_text_with_edge_punctuation_or_large_overlap() -> None:
    assert quote_matches("We will win.", " we will  win, ")
    assert quote_matches("one two three four five six seven eight nine ten",
                         "one two three four five six seven eight nine")
    assert not quote_matches("one two three four five", "one two three")


def test_align_is_one_to_one() -> None:
    assert align(["a", "a", "b"], ["a", "b"], str.__eq__) == [(0, 0), (2, 1)]

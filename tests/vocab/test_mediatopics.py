"""The shipped IPTC Media Topic vocabulary: codes, hierarchy, labels, regeneration."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from newswire.vocab import mediatopics as mt

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SHIPPED = ROOT / "src" / "newswire" / "vocab" / "data" / "mediatopics.json"

SPORT = "medtop:15000000"
COMPETITION_DISCIPLINE = "medtop:20000822"
FOOTBALL = "medtop:20001065"
POLITICS = "medtop:11000000"
ELECTION = "medtop:20000574"


def test_there_are_seventeen_top_level_topics() -> None:
    tops = mt.top_levels()
    assert len(tops) == 17
    assert tops[0] == "medtop:01000000" and tops[-1] == "medtop:17000000"


def test_hierarchy_walks_up_and_down() -> None:
    assert mt.parent(FOOTBALL) == COMPETITION_DISCIPLINE
    assert mt.ancestors(FOOTBALL) == [COMPETITION_DISCIPLINE, SPORT]
    assert mt.top_level(FOOTBALL) == SPORT
    assert mt.top_level(SPORT) == SPORT
    assert mt.parent(SPORT) is None
    assert FOOTBALL in mt.descendants(SPORT)
    assert SPORT not in mt.descendants(SPORT)
    assert mt.descendants(FOOTBALL) <= mt.descendants(SPORT)


def test_is_within_admits_the_code_itself_and_its_descendants_only() -> None:
    assert mt.is_within(FOOTBALL, SPORT)
    assert mt.is_within(SPORT, SPORT)
    assert not mt.is_within(SPORT, FOOTBALL)
    assert not mt.is_within(ELECTION, SPORT)
    assert mt.is_within(ELECTION, POLITICS)


def test_codes_are_accepted_as_qcode_number_or_uri() -> None:
    uri = "http://cv.iptc.org/newscodes/mediatopic/20001065"
    assert mt.normalize(uri) == FOOTBALL
    assert mt.normalize("20001065") == FOOTBALL
    assert mt.top_level(uri) == SPORT
    assert mt.uri(FOOTBALL) == uri
    assert FOOTBALL in mt.load()


def test_labels_in_iptc_languages_and_our_turkish_and_russian() -> None:
    assert mt.label(SPORT, "en") == "sport"
    assert mt.label(SPORT, "tr") == "spor"
    assert mt.label(SPORT, "ru") == "спорт"
    assert mt.label(SPORT, "de")
    assert mt.label(SPORT, "ar")
    assert mt.label(ELECTION, "fr")


def test_every_first_and_second_level_topic_has_turkish_and_russian_labels() -> None:
    vocab = mt.load()
    for code, topic in vocab.topics.items():
        if topic.level <= 2:
            assert "tr" in topic.labels and "ru" in topic.labels, code


def test_label_falls_back_to_english_and_unknown_codes_are_none() -> None:
    assert mt.label(SPORT, "bs") == "sport"
    assert mt.label(SPORT, "en-GB") == "sport"
    assert mt.label(SPORT, None) == "sport"
    assert mt.label("medtop:99999999", "en") is None
    assert mt.top_level("medtop:99999999") is None
    assert mt.descendants("medtop:99999999") == frozenset()


def test_retired_topics_are_left_out() -> None:
    # medtop:20000493 "non-human diseases" was retired by IPTC in 2022.
    assert "medtop:20000493" not in mt.load()


def test_load_is_cached() -> None:
    assert mt.load() is mt.load()


def test_shipped_file_carries_the_iptc_credit_and_licence() -> None:
    data = json.loads(SHIPPED.read_text("utf-8"))
    assert "IPTC" in data["credit"] and "iptc.org" in data["credit"]
    assert "creativecommons.org/licenses/by/4.0" in data["licence"]


@pytest.mark.skipif(
    not (SHARED / "standards" / "mediatopics").is_dir(),
    reason=f"IPTC source files not found at {SHARED}/standards/mediatopics",
)
def test_build_script_reproduces_the_shipped_json(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_vocab", ROOT / "scripts" / "build_vocab.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "mediatopics.json"
    assert script.main(["--shared", str(SHARED), "--out", str(out)]) == 0
    assert out.read_text("utf-8") == SHIPPED.read_text("utf-8")

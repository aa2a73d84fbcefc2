"""The quality benchmark scores several held-back halves as one pool and says, with a
bootstrap interval, how far its figures can move with the stories alone."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import enrich_quality
from enrich_quality import StoryCounts, interval90

STORY = {
    "lang": "en",
    "date": "2026-12-02T09:00:00-05:00",
    "text": (
        "Harbour board approves dredging plan\n"
        "The port of Rotterdam will deepen its main channel next year.\n"
        "ROTTERDAM, Dec 2 (Reuters) - The Port of Rotterdam Authority approved a plan on "
        "Wednesday to deepen the main shipping channel, its chief executive Maarten Vos said.\n"
        "\"Bigger ships are already here,\" Vos told reporters."
    ),
    "expected": {
        "summary": "The port of Rotterdam will deepen its main channel next year.",
        "topics": ["medtop:04000000"],
        "people": ["Maarten Vos"],
        "organisations": ["Port of Rotterdam Authority", "Reuters"],
        "places": ["Rotterdam"],
        "quotes": [{"text": "Bigger ships are already here,", "speaker": "Maarten Vos"}],
        "dateline": {"place": "ROTTERDAM", "date": None, "source": "Reuters"},
        "diary": [],
        "language": "en",
    },
}


def story(people: tuple[int, int, int], speaker_right: int = 0, quotes: int = 0) -> StoryCounts:
    return StoryCounts(kinds={"people": people, "quotes": (quotes, quotes, quotes)}, speaker_right=speaker_right)


def test_stories_that_all_score_alike_give_an_interval_of_one_point() -> None:
    spread = interval90([story((2, 2, 2), speaker_right=1, quotes=1)] * 30)
    assert spread["people"] == [1.0, 1.0]
    assert spread["right_speaker"] == [1.0, 1.0]
    assert spread["organisations"] == [0.0, 0.0]  # no organisation expected or found anywhere


def test_mixed_stories_give_an_interval_around_the_pooled_figure() -> None:
    stories = [story((2, 2, 2))] * 20 + [story((0, 1, 2))] * 20
    low, high = interval90(stories)["people"]
    pooled = 2 * (40 / 60) * (40 / 80) / (40 / 60 + 40 / 80)
    assert low < pooled < high
    assert high - low < 0.3


def test_the_interval_is_the_same_on_every_run() -> None:
    stories = [story((1, 2, 3))] * 10 + [story((3, 3, 4))] * 10
    assert interval90(stories) == interval90(stories)


def test_no_stories_no_interval() -> None:
    assert interval90([]) == {}


def test_two_folders_are_scored_as_one_pool_and_each_on_its_own(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("half_a", "half_b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "01-en-rotterdam-dredging.json").write_text(json.dumps(STORY), "utf-8")
    monkeypatch.setattr(sys, "argv", ["enrich_quality.py", "--data", str(tmp_path / "half_a"),
                                      "--data", str(tmp_path / "half_b"), "--misses"])
    enrich_quality.main()
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["stories"] == 2
    assert result["sets"] == ["half_a", "half_b"]
    assert set(result["interval90"]) == {"people", "organisations", "places", "right_speaker"}
    assert "Each set on its own" in err
    assert "| half_a | 1 |" in err and "| half_b | 1 |" in err
    misses = [line for line in err.splitlines() if " missed " in line or " speaker: " in line]
    assert all(line.startswith(("half_a/", "half_b/")) for line in misses)

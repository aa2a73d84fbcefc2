"""The growth benchmark fits how enrichment time grows with a story's length: its exponent is
1 for linear work and 2 for quadratic, each timed text is new to the pipeline's caches, and it
prints one JSON line with the parse-only baseline of the same run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import enrich_growth
from enrich_growth import exponent, story

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_the_exponent_is_one_for_linear_and_two_for_quadratic_growth() -> None:
    assert exponent(10.0, 40.0, 4) == pytest.approx(1.0)
    assert exponent(10.0, 160.0, 4) == pytest.approx(2.0)


def test_each_repeat_is_a_new_text_of_the_asked_size() -> None:
    unit = "заявил представитель министерства Иван Петров "
    first, second = story(unit, 10_000, 0), story(unit, 10_000, 1)
    assert first != second
    assert 9_000 < len(first.decode()) < 11_000


def test_it_prints_one_json_line_with_the_baseline(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "enrich_growth.py"), "--repeats", "1",
                           "--sizes", "10000,40000"], capture_output=True, text=True, timeout=300, check=True)
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result["shapes"]) == set(enrich_growth.SHAPES)
    for row in result["shapes"].values():
        assert set(row["ms"]) == {"10000", "40000"} and row["exponent"] > 0
        assert "baseline_parse_exponent" in row
    assert result["worst_exponent"] == max(r["exponent"] for r in result["shapes"].values())

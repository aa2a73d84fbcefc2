"""The ingest benchmark's account of where a publication's CPU goes: milliseconds per story by
process, and the rate the machine's cores cap that much work at."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from ingest import cores, cpu_split, process_cpu


def test_cpu_seconds_become_milliseconds_a_story_and_a_ceiling_for_the_cores() -> None:
    split = cpu_split(200, main=0.8, workers=2.6, client=0.6)
    assert split == {"main_cpu_ms": 4.0, "workers_cpu_ms": 13.0, "client_cpu_ms": 3.0,
                     "ceiling_stories_per_s": round(cores() * 200 / 4.0, 1)}


def test_without_a_load_generator_its_share_is_left_out() -> None:
    assert "client_cpu_ms" not in cpu_split(10, main=0.1, workers=0.1)
    assert cpu_split(10, main=0.0, workers=0.0)["ceiling_stories_per_s"] == 0.0


def test_a_live_process_has_spent_cpu_and_a_gone_one_counts_nothing() -> None:
    assert process_cpu(os.getpid()) > 0
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert process_cpu(gone.pid) == 0.0

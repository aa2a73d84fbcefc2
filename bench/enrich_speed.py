"""Enrichment throughput: stories/s through parse + the default pipeline, against a
pass-through pipeline (parse only) measured in the same run, and the cost of each step.

    .venv/bin/python bench/enrich_speed.py [--runs 5] [--copies 4]

Stories: the evaluation set (``bench/data/enrich_eval``) and the demo samples
(``src/newswire/samples/stories``), written as plain wire text (headline, standfirst,
dateline, paragraphs) and enlarged to 3-6 KB (UTF-8) by repeating their body paragraphs
in order. Samples lose their headers (language, subjects), so every step has work to do.

Each timed story is distinct: its last paragraph carries a run/copy number, so caches
keyed by the text (the plain-text and entity caches) never answer for a story seen in an
earlier run, while per-word caches (stems, token kinds) warm up as on a live wire. One
warm-up pass first (imports, models, vocabularies), then ``--runs`` timed passes over
``--copies`` x the corpus, alternating pipeline and baseline within each run; medians are
reported. One process, one thread: the figure is per core. Wall-clock rates are the
headline; rates per CPU second of the process are printed too, since on a shared machine
they move less with other load.

Prints ONE JSON line (``{"pipeline_stories_per_s": ..., ...}``) and a per-step table on
stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

from newswire.enrich.pipeline import Pipeline
from newswire.enrich.text import body_paragraphs
from newswire.formats import parse
from newswire.model import parse_time

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "bench" / "data" / "enrich_eval"
SAMPLES = ROOT / "src" / "newswire" / "samples" / "stories"
MIN_BYTES = 3 * 1024
MAX_BYTES = 6 * 1024
DEFAULT_DATE = "2026-11-20T12:00:00+00:00"


def enlarge(lines: list[str], head: int, min_bytes: int = MIN_BYTES, max_bytes: int = MAX_BYTES) -> list[str]:
    """Repeat the paragraphs after the first ``head`` lines until the text has min_bytes."""
    body = lines[head + 1:] or lines[head:]  # the dateline paragraph is not repeated
    out = list(lines)
    i = 0
    while len("\n".join(out).encode()) < min_bytes:
        nxt = body[i % len(body)]
        if len("\n".join([*out, nxt]).encode()) > max_bytes:
            break
        out.append(nxt)
        i += 1
    return out


def corpus() -> list[tuple[list[str], str]]:
    """(wire text lines, story date) for every story, enlarged to 3-6 KB."""
    stories: list[tuple[list[str], str]] = []
    for path in sorted(EVAL.glob("*.json")):
        story = json.loads(path.read_text("utf-8"))
        lines = story["text"].split("\n")
        stories.append((enlarge(lines, 2), story["date"]))
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".txt", ".json"):
            continue
        item = parse(path.read_bytes(), "ninjs" if path.suffix == ".json" else "text")
        paragraphs = body_paragraphs(item)
        lines = [item.headline, item.standfirst or ""]
        if item.located and not (paragraphs and paragraphs[0].startswith(item.located)):
            lines.append(item.located.upper())
        lines = [line for line in lines if line] + paragraphs
        stamp = item.version_created or item.first_created
        stories.append((enlarge(lines, 2), stamp.isoformat() if stamp else DEFAULT_DATE))
    return stories


def batch(stories: list[tuple[list[str], str]], run: int, copies: int) -> list[tuple[bytes, str]]:
    """The corpus ``copies`` times, each story made distinct by a reference in its last line."""
    out = []
    for copy in range(copies):
        for n, (lines, date) in enumerate(stories):
            marked = [*lines[:-1], f"{lines[-1]} (ref {run}-{copy}-{n})"]
            out.append(("\n".join(marked).encode(), date))
    return out


def run_once(docs: list[tuple[bytes, str]], pipeline: Pipeline | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for the documents."""
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    for data, date in docs:
        item = parse(data, "text").evolve(version_created=parse_time(date), language=None)
        if pipeline is not None:
            pipeline(item)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    stories = corpus()
    sizes = [len("\n".join(lines).encode()) for lines, _ in stories]
    pipeline = Pipeline.default()
    run_once(batch(stories, -1, 1), pipeline)  # warm up
    pipeline.timings.clear()
    full: list[float] = []
    base: list[float] = []
    full_cpu: list[float] = []
    base_cpu: list[float] = []
    steps: dict[str, list[float]] = {}
    for run in range(args.runs):
        docs = batch(stories, run, args.copies)
        before = dict(pipeline.timings)
        wall, cpu = run_once(docs, pipeline)
        full.append(len(docs) / wall)
        full_cpu.append(len(docs) / cpu)
        for name, total in pipeline.timings.items():
            steps.setdefault(name, []).append((total - before.get(name, 0.0)) / len(docs))
        wall, cpu = run_once(docs, None)
        base.append(len(docs) / wall)
        base_cpu.append(len(docs) / cpu)
    rate, base_rate = statistics.median(full), statistics.median(base)
    step_ms = {name: round(statistics.median(v) * 1000, 3) for name, v in steps.items()}
    print(json.dumps({
        "pipeline_stories_per_s": round(rate, 1),
        "baseline_parse_only_stories_per_s": round(base_rate, 1),
        "ratio": round(rate / base_rate, 4),
        "pipeline_stories_per_cpu_s": round(statistics.median(full_cpu), 1),
        "baseline_stories_per_cpu_s": round(statistics.median(base_cpu), 1),
        "pipeline_ms_per_story": round(1000 / rate, 3),
        "parse_ms_per_story": round(1000 / base_rate, 3),
        "step_ms_per_story": step_ms,
        "stories": len(stories) * args.copies,
        "distinct_texts": len(stories),
        "median_bytes": int(statistics.median(sizes)),
        "min_bytes": min(sizes),
        "max_bytes": max(sizes),
        "runs": args.runs,
        "target_300_met": rate >= 300,
    }), flush=True)
    total = sum(step_ms.values()) or 1.0
    rows = ["| Step | ms / story | share of steps |", "|---|---|---|"]
    rows.append(f"| (parse) | {1000 / base_rate:.3f} | |")
    for name, ms in step_ms.items():
        rows.append(f"| {name} | {ms:.3f} | {ms / total:.0%} |")
    rows.append(f"| **all** (parse + steps) | {1000 / rate:.3f} | {rate:.0f} stories/s |")
    print("\n".join(rows), file=sys.stderr)


if __name__ == "__main__":
    main()

"""Idle server memory: RSS of a real ``newswire serve`` once it answers, against a bare
uvicorn + Starlette app measured in the same run.

    .venv/bin/python bench/memory.py [--runs 5] [--workers 1] [--before-src DIR] [--publish N]

A SQLite store with the sample stories is made once per source tree, by that tree's code (an
older tree cannot open a store a newer one has migrated); every start gets a fresh copy of
it (and its own data directory). ``newswire serve`` runs as a subprocess; once ``/healthz``
answers (uvicorn binds its socket only after the application's start-up, so the enrichment
models are loaded by then) the bench waits ``--settle`` seconds and reads the resident
memory of the server and its worker processes: RSS from ``/proc/<pid>/status`` and PSS from
``/proc/<pid>/smaps_rollup`` (the proportional share, which counts pages shared between the
worker processes once). The starts alternate with the baseline (and with ``--before-src``,
a second source tree such as ``git archive`` of an older commit, run from the same
virtualenv through ``PYTHONPATH``), so machine noise falls on all of them alike. With
``--publish N`` each newswire server then gets N generated stories (``bench/ingest.py``'s,
nine languages) through ``POST /v1/items`` and is measured again (``*_after_publish``): what
start-up leaves to first use (the language model's mapped pages, the near-duplicate index,
caches) shows there, and the enrichment pool's worker processes count from then on. With
``NEWSWIRE_LAZY_MODELS=1`` in the environment the servers load the enrichment models at the
first publication instead of at start-up. Prints one JSON line of medians, in MB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from ingest import generate

PORT = 18731
BASELINE_APP = '''
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def healthz(request):
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[Route("/healthz", healthz)])
'''
# Run by each tree's own code (PYTHONPATH): the store at argv[1] with the sample stories and an
# editor's token, printed as the last line.
SEED = '''
import json, sys
from pathlib import Path
from newswire.config import Settings
from newswire.samples import load_samples
from newswire.store.tokens import create_token
from newswire.wire import Wire

where = Path(sys.argv[1])
wire = Wire.open(Settings(database_url=f"sqlite:///{where / 'seed.db'}", data_dir=where / "seed-data"))
stories = load_samples(wire).published
print(json.dumps({"stories": stories, "token": create_token(wire.engine, "editor")}))
wire.close()
'''


def _status_kb(pid: int, field: str, name: str = "status") -> int:
    try:
        text = Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _tree(pid: int) -> list[int]:
    """The process and its descendants (``serve --workers N`` forks a supervisor's workers;
    the enrichment pool's workers are forked by a thread, so every thread's children count)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for children in Path(f"/proc/{p}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo.extend(int(c) for c in children.read_text().split())
    return out


def memory_mb(pid: int) -> dict[str, float]:
    procs = _tree(pid)
    return {"rss": sum(_status_kb(p, "VmRSS") for p in procs) / 1024,
            "pss": sum(_status_kb(p, "Pss", "smaps_rollup") for p in procs) / 1024}


def _wait_ready(proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before it answered")
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not answer /healthz in time")


def _seed(where: Path, env: dict[str, str]) -> tuple[Path, int, str]:
    """A store made by the code ``env`` runs: its path, its sample stories, an editor token."""
    where.mkdir()
    done = subprocess.run([sys.executable, "-c", SEED, str(where)], env=env, check=True,
                          stdout=subprocess.PIPE, text=True)
    made = json.loads(done.stdout.strip().splitlines()[-1])
    return where / "seed.db", int(made["stories"]), str(made["token"])


def _publish(docs: list[bytes], token: str) -> None:
    with httpx.Client(base_url=f"http://127.0.0.1:{PORT}", timeout=60,
                      headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"}) as client:
        for doc in docs:
            client.post("/v1/items", content=doc).raise_for_status()


def measure(cmd: list[str], env: dict[str, str], settle: float, docs: list[bytes], token: str) -> dict[str, float]:
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            _wait_ready(proc)
            time.sleep(settle)
            found = memory_mb(proc.pid)
            if docs:
                _publish(docs, token)
                time.sleep(settle)
                found.update({f"{k}_after_publish": v for k, v in memory_mb(proc.pid).items()})
            return found
        except RuntimeError:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-3000:])
            raise
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="starts of each server")
    parser.add_argument("--workers", type=int, default=1, help="newswire serve --workers")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds idle after ready")
    parser.add_argument("--publish", type=int, default=0, help="stories to publish, then measure again")
    parser.add_argument("--before-src", type=Path, default=None,
                        help="a second source tree's src/ directory, measured in the same run")
    args = parser.parse_args()
    newswire_cli = [sys.executable, "-c", "from newswire.cli import main; main()",
                    "serve", "--port", str(PORT), "--workers", str(args.workers)]
    with tempfile.TemporaryDirectory() as tmp:
        docs = generate(args.publish, seed=17) if args.publish else []
        (Path(tmp) / "baseline_app.py").write_text(BASELINE_APP)
        servers: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "newswire": (newswire_cli, {}),
            "baseline": ([sys.executable, "-m", "uvicorn", "--log-level", "warning", "--no-access-log",
                          "--app-dir", tmp, "--port", str(PORT), "baseline_app:app"], None),
        }
        if args.before_src is not None:
            servers["before"] = (newswire_cli, {"PYTHONPATH": str(args.before_src.resolve())})
        seeds = {name: _seed(Path(tmp) / f"seed-{name}", {**os.environ, **extra})
                 for name, (_cmd, extra) in servers.items() if extra is not None}
        stories = seeds["newswire"][1]
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
        for i in range(args.runs):
            for name, (cmd, extra) in servers.items():
                env = dict(os.environ)
                token = ""
                if extra is not None:
                    seed, _stories, token = seeds[name]
                    data = Path(tmp) / f"{name}-{i}"
                    data.mkdir()
                    shutil.copy(seed, data / "newswire.db")
                    env.update({"NEWSWIRE_DATABASE_URL": f"sqlite:///{data / 'newswire.db'}",
                                "NEWSWIRE_DATA_DIR": str(data), **extra})
                runs[name].append(measure(cmd, env, args.settle, docs if extra is not None else [], token))
    result: dict[str, object] = {"bench": "memory", "store": "sqlite", "sample_stories": stories,
                                 "workers": args.workers, "runs": args.runs, "published": args.publish,
                                 "lazy_models": os.environ.get("NEWSWIRE_LAZY_MODELS", "")}
    for name, values in runs.items():
        for key in ("rss", "pss", "rss_after_publish", "pss_after_publish"):
            if key in values[0]:
                result[f"{name}_{key}_mb"] = round(statistics.median(v[key] for v in values), 1)
        result[f"{name}_rss_mb_all"] = [round(v["rss"], 1) for v in values]
    result["ratio_rss"] = round(float(result["newswire_rss_mb"]) / float(result["baseline_rss_mb"]), 2)  # type: ignore[arg-type]
    if "before" in runs:
        result["after_before_rss"] = round(
            float(result["newswire_rss_mb"]) / float(result["before_rss_mb"]), 3)  # type: ignore[arg-type]
    print(json.dumps(result))


if __name__ == "__main__":
    main()

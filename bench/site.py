"""Public site throughput: home and story pages, cached and uncached, against the same pages
saved as static files and served by the same server, measured in the same run.

    .venv/bin/python bench/site.py [--seconds 3] [--runs 5] [--stories 200] [--connections 16]

Two uvicorn subprocesses (one worker each, loopback) run the real app on one SQLite store:
one with the rendered-page cache (the default), one with it switched off
(``NEWSWIRE_SITE_CACHE_ENTRIES=0``). Each also mounts a directory holding the story and home
pages as rendered, served by Starlette's StaticFiles: the baseline. The load comes from
``bench/httpload.py`` (keep-alive connections, raw sockets). Prints one JSON line with the
medians over the runs and the ratios to the static baseline; the target is a cached story
page at 1,500 req/s or more.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newswire.config import Settings
from newswire.samples import load_samples
from newswire.wire import Wire

from httpload import load
from ingest import generate

SERVER_APP = '''
import os
from starlette.staticfiles import StaticFiles
from newswire.api.app import create_app
from newswire.wire import Wire

app = create_app(Wire.open())
app.mount("/bench-static", StaticFiles(directory=os.environ["BENCH_STATIC"]), name="bench-static")
'''
STORY = "/en/story/urn:newswire:sample:caspian-transport-corridor"
TARGET_CACHED_STORY_RPS = 1500


def wait_up(port: int) -> None:
    for _ in range(600):
        try:
            httpx.get(f"http://127.0.0.1:{port}/robots.txt", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError(f"server on port {port} did not start")


def prepare(tmp: Path, stories: int) -> str:
    url = f"sqlite:///{tmp / 'site.db'}"
    wire = Wire.open(Settings(database_url=url))
    load_samples(wire)
    for doc in generate(stories):
        wire.ingest(doc, public=True)
    wire.close()
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        url = prepare(tmp, args.stories)
        static = tmp / "static"
        static.mkdir()
        (tmp / "bench_site_app.py").write_text(SERVER_APP)
        base_env = {**os.environ, "NEWSWIRE_DATABASE_URL": url, "BENCH_STATIC": str(static),
                    "NEWSWIRE_NO_EMBEDDED_WORKER": "1"}
        uvicorn = [sys.executable, "-m", "uvicorn", "--log-level", "warning", "--no-access-log",
                   "--loop", "uvloop", "--http", "httptools", "--app-dir", name, "bench_site_app:app"]
        ports = {"cached": 18711, "uncached": 18712}
        envs = {"cached": base_env, "uncached": {**base_env, "NEWSWIRE_SITE_CACHE_ENTRIES": "0"}}
        servers = {
            mode: subprocess.Popen([*uvicorn, "--port", str(port)], env=envs[mode],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for mode, port in ports.items()
        }
        try:
            for port in ports.values():
                wait_up(port)
            pages = {"home": "/", "story": STORY}
            for page, path in pages.items():  # the baseline: the very same bytes, as files
                resp = httpx.get(f"http://127.0.0.1:{ports['cached']}{path}", timeout=30)
                assert resp.status_code == 200, (path, resp.status_code)
                (static / f"{page}.html").write_bytes(resp.content)
            targets = [(mode, page, path) for mode in ports for page, path in pages.items()]
            targets += [(mode, f"static_{page}", f"/bench-static/{page}.html") for mode in ports for page in pages]
            rps: dict[tuple[str, str], list[float]] = {(m, p): [] for m, p, _ in targets}
            p50: dict[tuple[str, str], list[float]] = {(m, p): [] for m, p, _ in targets}
            errors = 0
            for mode, _page, path in targets:  # warm up: the cache, the connection pools
                load(path, ports[mode], connections=args.connections, seconds=0.5)
            for _ in range(args.runs):
                for mode, page, path in targets:
                    result = load(path, ports[mode], connections=args.connections, seconds=args.seconds)
                    rps[(mode, page)].append(result.rps)
                    p50[(mode, page)].append(result.p50_ms)
                    errors += result.errors
        finally:
            for proc in servers.values():
                proc.terminate()
                proc.wait(10)
    med = {key: round(statistics.median(values), 1) for key, values in rps.items()}
    figures: dict[str, object] = {
        "benchmark": "public_site", "runs": args.runs, "seconds": args.seconds,
        "connections": args.connections, "stories": args.stories + 18,
    }
    for mode in ports:
        for page in pages:
            figures[f"{page}_{mode}_rps"] = med[(mode, page)]
            figures[f"{page}_{mode}_p50_ms"] = statistics.median(p50[(mode, page)])
            figures[f"static_{page}_{mode}_server_rps"] = med[(mode, f"static_{page}")]
            figures[f"{page}_{mode}_vs_static"] = round(med[(mode, page)] / med[(mode, f"static_{page}")], 3)
    figures["cached_story_target_rps"] = TARGET_CACHED_STORY_RPS
    figures["cached_story_meets_target"] = med[("cached", "story")] >= TARGET_CACHED_STORY_RPS
    figures["errors"] = errors
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

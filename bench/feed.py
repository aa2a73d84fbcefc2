"""Feed page throughput: ``GET /v1/feed`` (50 items) against a bare Starlette + sqlite3 app
serving the same page from the same database, measured in the same run.

    .venv/bin/python bench/feed.py [--seconds 5] [--runs 3]

Both servers run as uvicorn subprocesses (one worker each) on loopback; the load comes from
``bench/httpload.py`` (16 keep-alive connections). Prints one JSON line with medians.
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
from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire

from httpload import load
from ingest import generate

BASELINE_APP = '''
import json, os, sqlite3
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

DB = os.environ["BENCH_DB"]
db = sqlite3.connect(DB, check_same_thread=False)
SQL = ("SELECT e.seq, e.type, v.payload FROM events e JOIN versions v ON v.uri = e.uri AND v.version = e.version "
       "WHERE e.seq > ? ORDER BY e.seq LIMIT ?")

def feed(request):
    after = int(request.query_params.get("after", "0"))
    limit = int(request.query_params.get("limit", "50"))
    parts = []
    last = after
    for seq, type_, payload in db.execute(SQL, (after, limit)):
        item = json.loads(payload)
        item.pop("_newswire", None)
        parts.append({"seq": seq, "type": type_, "item": item})
        last = seq
    return Response(json.dumps({"events": parts, "next": str(last)}, ensure_ascii=False).encode(),
                    media_type="application/json")

app = Starlette(routes=[Route("/v1/feed", feed)])
'''


def wait_up(port: int) -> None:
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stories", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "feed.db"
        url = f"sqlite:///{db}"
        wire = Wire.open(Settings(database_url=url))
        for doc in generate(args.stories):
            wire.ingest(doc)
        accounts.create_product(wire.engine, "all", {})
        sub = accounts.create_subscriber(wire.engine, "bench", ["all"], rate_limit=10**9)
        key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
        wire.close()
        app_file = Path(tmp) / "baseline_app.py"
        app_file.write_text(BASELINE_APP)
        env = {**os.environ, "NEWSWIRE_DATABASE_URL": url, "BENCH_DB": str(db), "NEWSWIRE_NO_EMBEDDED_WORKER": "1"}
        uvicorn = [sys.executable, "-m", "uvicorn", "--log-level", "warning", "--no-access-log"]
        servers = {
            "newswire": subprocess.Popen([str(Path(sys.executable).with_name("newswire")), "serve", "--port", "18701"],
                                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
            "baseline": subprocess.Popen([*uvicorn, "--app-dir", tmp, "--port", "18702", "baseline_app:app"],
                                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        }
        try:
            wait_up(18701)
            wait_up(18702)
            path = "/v1/feed?after=0&limit=50"
            auth = {"Authorization": f"Bearer {key}"}
            runs: dict[str, list[float]] = {"newswire": [], "baseline": []}
            lat: dict[str, list[float]] = {"newswire": [], "baseline": []}
            errors = 0
            for _ in range(args.runs):
                for name, port in (("newswire", 18701), ("baseline", 18702)):
                    result = load(path, port, seconds=args.seconds, headers=auth)
                    runs[name].append(result.rps)
                    lat[name].append(result.p50_ms)
                    errors += result.errors
            nw, base = statistics.median(runs["newswire"]), statistics.median(runs["baseline"])
            print(json.dumps({
                "benchmark": "feed_page_50", "runs": args.runs, "seconds": args.seconds, "connections": 16,
                "newswire_rps": round(nw, 1), "baseline_rps": round(base, 1), "ratio": round(nw / base, 3),
                "newswire_p50_ms": statistics.median(lat["newswire"]),
                "baseline_p50_ms": statistics.median(lat["baseline"]), "errors": errors,
            }))
        finally:
            for proc in servers.values():
                proc.terminate()
                proc.wait(10)


if __name__ == "__main__":
    main()

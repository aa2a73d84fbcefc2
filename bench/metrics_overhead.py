"""Cost per request of the metrics middleware (``newswire.ops.metrics.MetricsMiddleware``).

    .venv/bin/python bench/metrics_overhead.py [--requests 50000] [--runs 5] [--multiprocess]

Drives a trivial ASGI app directly (no sockets, no HTTP parsing), once bare and once wrapped
by the middleware, on a mix of routes (a GET, a publishing POST, a 404), and prints one JSON
line: microseconds per request for each, and their difference (the middleware's cost; median
over the runs). With ``--multiprocess`` the metrics are written to a fresh
``PROMETHEUS_MULTIPROC_DIR`` (what ``newswire serve --workers N`` uses), when the library
supports it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Any


@dataclass
class Route:
    path: str


ROUTES = [("GET", Route("/v1/feed"), 200), ("POST", Route("/v1/items"), 201), ("GET", None, 404)]


async def bare(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": scope["_status"], "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


async def receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b""}


async def send(message: Any) -> None:
    return None


async def drive(app: Any, n: int) -> float:
    scopes = []
    for method, route, status in ROUTES:
        scope: dict[str, Any] = {"type": "http", "method": method, "path": "/x", "_status": status}
        if route is not None:
            scope["route"] = route
        scopes.append(scope)
    start = time.perf_counter()
    for i in range(n):
        await app(scopes[i % len(scopes)], receive, send)
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--multiprocess", action="store_true")
    args = parser.parse_args()
    if args.multiprocess:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="bench-metrics-")
    from newswire.ops.metrics import MetricsMiddleware

    wrapped = MetricsMiddleware(bare)
    plain, timed = [], []
    for _ in range(args.runs):
        plain.append(asyncio.run(drive(bare, args.requests)))
        timed.append(asyncio.run(drive(wrapped, args.requests)))
    p, t = statistics.median(plain), statistics.median(timed)
    print(json.dumps({"python": sys.version.split()[0], "requests": args.requests, "runs": args.runs,
                      "multiprocess": args.multiprocess, "bare_us": round(p, 2), "with_metrics_us": round(t, 2),
                      "middleware_us": round(t - p, 2)}))


if __name__ == "__main__":
    main()

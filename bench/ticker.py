"""/healthz latency right after publishes while many public live-ticker clients are open.

    .venv/bin/python bench/ticker.py [--clients 1000] [--stories 20]

One ``newswire serve`` subprocess (SQLite). First the baseline, in the same run: ``--stories``
public stories are POSTed one at a time with no ticker client open, and after each one
``GET /healthz`` is timed ``--probes`` times in a row. Then ``--clients`` anonymous
``/live/headlines`` connections (one asyncio process, raw sockets) are opened and the same is
done again. Every ticker connection should get every headline from one shared read of the
event log, so /healthz should stay near the baseline. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newswire.config import Settings
from newswire.store.tokens import create_token
from newswire.wire import Wire

from httpload import wait_until_up
from ingest import generate

PORT = 18713
EVENT_ID = re.compile(rb"(?:^|\n)event: headline\n")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


def ms(value: float) -> float:
    return round(value * 1000, 1)


async def ticker_client(received: list[int], index: int, ready: list[int], stop: asyncio.Event) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    writer.write(b"GET /live/headlines HTTP/1.1\r\nHost: x\r\n\r\n")
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    if b" 200 " not in head.split(b"\r\n", 1)[0]:
        print("ticker client refused:", head.split(b"\r\n", 1)[0].decode(), file=sys.stderr)
        writer.close()
        return
    ready.append(1)
    try:
        while not stop.is_set():
            chunk = await reader.read(65536)
            if not chunk:
                return
            received[index] += len(EVENT_ID.findall(chunk))
    finally:
        writer.close()


async def publish_and_probe(client: httpx.AsyncClient, token: str, docs: list[bytes], probes: int
                            ) -> list[float]:
    """POST each story, then time /healthz ``probes`` times right after it."""
    latencies: list[float] = []
    for doc in docs:
        resp = await client.post("/v1/items?public=true", content=doc, headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        resp.raise_for_status()
        for _ in range(probes):
            t = time.perf_counter()
            (await client.get("/healthz")).raise_for_status()
            latencies.append(time.perf_counter() - t)
        await asyncio.sleep(0.2)
    return latencies


async def drive(args: argparse.Namespace, token: str) -> dict[str, object]:
    docs = generate(2 * args.stories + 2, seed=17)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}", timeout=60) as client:
        await publish_and_probe(client, token, docs[:2], 1)  # warm-up
        baseline = await publish_and_probe(client, token, docs[2:2 + args.stories], args.probes)
        received = [0] * args.clients
        ready: list[int] = []
        stop = asyncio.Event()
        tasks = []
        for i in range(args.clients):
            tasks.append(asyncio.create_task(ticker_client(received, i, ready, stop)))
            if i % 100 == 99:
                await asyncio.sleep(0.1)
        deadline = time.monotonic() + 60
        while len(ready) < args.clients and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        await asyncio.sleep(1)
        loaded = await publish_and_probe(client, token, docs[2 + args.stories:], args.probes)
        await asyncio.sleep(2)
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    per_client = received[:len(ready)]
    return {
        "benchmark": "ticker", "clients": args.clients, "clients_connected": len(ready),
        "stories": args.stories, "probes_per_story": args.probes,
        "healthz_p50_ms": ms(statistics.median(loaded)), "healthz_p99_ms": ms(percentile(loaded, 0.99)),
        "baseline_healthz_p50_ms": ms(statistics.median(baseline)),
        "baseline_healthz_p99_ms": ms(percentile(baseline, 0.99)),
        "ticker_headlines_per_client_min": min(per_client, default=0),
        "ticker_headlines_per_client_max": max(per_client, default=0),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--probes", type=int, default=10, help="/healthz requests after each publish")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.clients + 512)), hard))
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/ticker.db"
        wire = Wire.open(Settings(database_url=url))
        token = create_token(wire.engine, "editor")
        wire.close()
        env = {**os.environ, "NEWSWIRE_DATABASE_URL": url,
               "NEWSWIRE_MAX_TICKER_CONNECTIONS": str(args.clients + 10)}
        server = subprocess.Popen([str(Path(sys.executable).with_name("newswire")), "serve", "--port", str(PORT)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(server, PORT)
            result = asyncio.run(drive(args, token))
        finally:
            server.terminate()
            server.wait(10)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

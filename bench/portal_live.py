"""Publish -> seen latency for many signed-in portal users each holding the live flow, against
the API stream's figure with the same number of clients, in the same run.

    .venv/bin/python bench/portal_live.py [--users 200] [--rate 20] [--seconds 20]

One ``newswire serve`` subprocess (SQLite, one worker). One organisation holding the whole
wire has ``--users`` portal users, each with a session of its own (made by the store, as the
sign-in form makes them; the argon2 check of 200 sign-ins is not what is measured). Each user
loads the flow page ``/portal/`` with its cookie, takes the live address and cursor the page
gives its script (``data-updates``, ``data-after``) and then does what ``portal.js`` does: asks
``/portal/updates?after=N`` (a long poll that answers as soon as something new is readable to
the organisation, with the rows rendered), and asks again at once with the cursor it got.
Stories are POSTed at ``--rate`` per second for ``--seconds``; the latency of a story for a
user runs from the moment its POST is sent (parsing, enrichment and the commit included) to
the moment the user's answer carrying its row has arrived. Then, on the same server, the same
number of ``/v1/stream`` SSE clients (one subscriber key, as ``bench/stream.py`` does) get the
same number of stories at the same rate: the API stream's figure. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newswire.config import Settings
from newswire.store import accounts, users
from newswire.store.tokens import create_token
from newswire.wire import Wire

from httpload import wait_until_up
from ingest import generate
from stream import Target, percentile, publisher, rss_mb, sse_client

PORT = 18731
LIVE = re.compile(r'data-updates="([^"]+)" data-after="(\d+)"')


async def portal_user(port: int, cookie: str, received: dict[int, list[float]], ready: list[int],
                      failures: list[str], stop: asyncio.Event) -> None:
    """One reader's tab: the flow page once, then the long poll its script keeps open."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60,
                                 cookies={"nw_session": cookie}) as client:
        page = await client.get("/portal/")
        found = LIVE.search(page.text)
        if page.status_code != 200 or found is None:
            raise RuntimeError(f"the flow page answered {page.status_code} without its live address")
        updates, after = found[1].replace("&amp;", "&"), found[2]
        sep = "&" if "?" in updates else "?"
        ready.append(1)
        while not stop.is_set():
            try:
                answer = await client.get(f"{updates}{sep}after={after}", headers={"accept": "application/json"})
            except httpx.HTTPError as exc:  # portal.js asks again 5 s after a failed request
                failures.append(repr(exc))
                await asyncio.sleep(5)
                continue
            now = time.perf_counter()
            if answer.status_code != 200:
                failures.append(f"updates {answer.status_code}")
                await asyncio.sleep(5)
                continue
            body = answer.json()
            for row in body["rows"]:
                received.setdefault(int(row["seq"]), []).append(now)
            after = str(body["next"])


def latency(received: dict[int, list[float]], sent: dict[int, float], clients: int) -> dict[str, object]:
    values = [t - sent[seq] for seq, times in received.items() if seq in sent for t in times]
    return {"stories": len(sent), "expected": len(sent) * clients, "received": len(values),
            "p50_ms": round(statistics.median(values) * 1000, 1) if values else None,
            "p99_ms": round(percentile(values, 0.99) * 1000, 1) if values else None}


async def phase(args: argparse.Namespace, target: Target, pid: int, seed: int, cookies: list[str] | None
                ) -> dict[str, object]:
    """Connect the clients (portal users with ``cookies``, else SSE clients), publish, measure."""
    received: dict[int, list[float]] = {}
    ready: list[int] = []
    failures: list[str] = []
    stop = asyncio.Event()
    tasks = []
    for i in range(args.users):
        if cookies is not None:
            tasks.append(asyncio.create_task(portal_user(target.port, cookies[i], received, ready, failures, stop)))
        else:
            tasks.append(asyncio.create_task(sse_client(target, received, ready, stop)))
        if i % 50 == 49:
            await asyncio.sleep(0.2)
    deadline = time.perf_counter() + 120
    while len(ready) < args.users and time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
    for task in tasks:
        if task.done() and task.exception() is not None:
            raise RuntimeError("a client could not connect") from task.exception()
    await asyncio.sleep(2)
    rss_idle = rss_mb(pid)
    sent: dict[int, float] = {}
    docs = [doc.replace(b'"urn:bench:', f'"urn:bench{seed}:'.encode())
            for doc in generate(int(args.rate * args.seconds) + 10, seed=seed)]
    started = time.perf_counter()
    await publisher(target, docs, args.rate, sent, args.seconds)
    publish_seconds = time.perf_counter() - started
    await asyncio.sleep(3)
    out = {**latency(received, sent, args.users), "connected": len(ready), "failed_requests": len(failures),
           "stories_per_s_achieved": round(len(sent) / publish_seconds, 1),
           "server_rss_mb_idle_clients": round(rss_idle, 1), "server_rss_mb_after": round(rss_mb(pid), 1)}
    if failures:
        out["first_failure"] = failures[0]
    stop.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200, help="portal users, and SSE clients after them")
    parser.add_argument("--rate", type=float, default=20, help="stories per second")
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/portal_live.db"
        wire = Wire.open(Settings(database_url=url, data_dir=Path(tmp)))
        accounts.create_product(wire.engine, "all", {})
        sub = accounts.create_subscriber(wire.engine, "newsroom", ["all"], rate_limit=10**9)
        key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
        token = create_token(wire.engine, "editor")
        cookies = []
        for i in range(args.users):
            user = users.create_user(wire.engine, f"reader{i}@newsroom.example", subscriber="newsroom",
                                     role="member", password=None)
            cookies.append(users.create_session(wire.engine, user.id)[0])
        wire.close()
        env = {**os.environ, "NEWSWIRE_DATABASE_URL": url, "NEWSWIRE_DATA_DIR": tmp,
               # every SSE client shares one key: lift the per-key stream cap for the run
               "NEWSWIRE_MAX_STREAMS_PER_KEY": str(args.users + 10),
               "NEWSWIRE_MAX_STREAMS_PER_SUBSCRIBER": str(args.users + 10)}
        log = Path(tmp) / "server.log"
        with log.open("wb") as sink:
            server = subprocess.Popen([str(Path(sys.executable).with_name("newswire")), "serve", "--port", str(PORT)],
                                      env=env, stdout=sink, stderr=sink)
        try:
            wait_until_up(server, PORT)
            target = Target(PORT, key=key, token=token)
            portal = asyncio.run(phase(args, target, server.pid, 21, cookies))
            api = asyncio.run(phase(args, target, server.pid, 23, None))
        except Exception:
            print(log.read_text(errors="replace")[-4000:], file=sys.stderr)  # the server's side of it
            raise
        finally:
            server.terminate()
            server.wait(10)
    result: dict[str, object] = {"benchmark": "portal_live", "users": args.users, "stories_per_s": args.rate,
                                 "seconds": args.seconds}
    result.update({f"portal_{k}": v for k, v in portal.items()})
    result.update({f"api_stream_{k}": v for k, v in api.items()})
    ours, theirs = portal.get("p99_ms"), api.get("p99_ms")
    if isinstance(ours, float) and isinstance(theirs, float) and theirs:
        result["p99_ratio_to_api_stream"] = round(ours / theirs, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Reads at archive scale (issue 16): p50/p99 per endpoint, against bare Starlette reads.

    .venv/bin/python bench/archive.py --meta /tmp/archive-10k.json --meta /tmp/archive-100k.json
    .venv/bin/python bench/archive.py --meta /tmp/a.json --src /work/wt-before/src   # another tree

Each ``--meta`` is the file ``bench/archive_gen.py --meta`` wrote for a generated store. For
each store, one ``newswire serve`` (site page cache off, so every site page renders) and one
bare Starlette app reading the same store with plain ``sqlite3``/``psycopg`` queries (the
baseline) run side by side; every endpoint is loaded on one, then the other, for
``--seconds`` after a warm-up, by ``--connections`` keep-alive clients cycling over their
paths (item reads over stories spread through the whole archive, story pages over recent
public ones). Prints one JSON line: per store and endpoint the p50 and p99 (ms) of newswire
and of the baseline, their ratio, and each endpoint's growth against the first store's
figure (the target: ≤ 2×).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

BARE_APP = r'''
import functools, json, os, sqlite3, threading, zlib
from datetime import datetime, timezone
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.concurrency import run_in_threadpool

URL = os.environ["BENCH_URL"]
PG = not URL.startswith("sqlite")
_local = threading.local()

def conn():
    c = getattr(_local, "c", None)
    if c is None:
        if PG:
            import psycopg
            c = psycopg.connect(URL.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
        else:
            c = sqlite3.connect(URL.split("///", 1)[1], check_same_thread=False)
        _local.c = c
    return c

def rows(sql, *args):
    if PG:
        sql = sql.replace("?", "%s")
    return conn().execute(sql, args).fetchall()

def text_of(payload):
    """A stored payload's JSON: deflated bytes since migration 0014, text before."""
    if isinstance(payload, str):
        return payload
    payload = bytes(payload)
    return payload.decode() if payload[:1] == b"{" else zlib.decompress(payload).decode()

def now():
    moment = datetime.now(timezone.utc)
    return moment if PG else moment.strftime("%Y-%m-%d %H:%M:%S")

CURRENT = "FROM items i JOIN versions v ON v.uri = i.uri AND v.version = i.version "
VISIBLE = "WHERE i.public AND i.pub_status = 'usable' AND (i.embargoed_until IS NULL OR i.embargoed_until <= ?) "

def page(payloads):
    heads = "".join("<li>%s</li>" % json.loads(text_of(p))["headlines"][0]["value"] for (p,) in payloads)
    return HTMLResponse("<!doctype html><ul>%s</ul>" % heads)

async def feed(request):
    after = int(request.query_params.get("after", "0"))
    found = await run_in_threadpool(rows, "SELECT e.seq, e.type, v.payload FROM events e JOIN versions v "
                                    "ON v.uri = e.uri AND v.version = e.version WHERE e.seq > ? "
                                    "ORDER BY e.seq LIMIT 50", after)
    body = ",".join('{"seq":%d,"type":"%s","item":%s}' % (seq, type_, text_of(p)) for seq, type_, p in found)
    return Response('{"events":[%s]}' % body, media_type="application/json")

def fts_sql():
    if PG:
        return ("SELECT v.payload FROM search_docs d JOIN items i ON i.uri = d.uri JOIN versions v ON v.uri = i.uri "
                "AND v.version = i.version, plainto_tsquery('simple', ?) q WHERE d.doc @@ q "
                "AND i.pub_status <> 'canceled' ORDER BY ts_rank(d.doc, q) DESC LIMIT 20")
    columns = [r[1] for r in conn().execute("PRAGMA table_info(search_fts)")]
    key = "f.uri" if "uri" in columns else "(SELECT uri FROM search_keys k WHERE k.id = f.rowid)"
    return ("SELECT v.payload FROM search_fts f JOIN items i ON i.uri = %s JOIN versions v ON v.uri = i.uri "
            "AND v.version = i.version WHERE search_fts MATCH ? AND i.pub_status <> 'canceled' "
            "ORDER BY f.rank LIMIT 20" % key)

async def search(request):
    q = request.query_params["q"].lower()
    found = await run_in_threadpool(rows, fts_sql(), q if PG else '"%s"' % q)
    return Response('{"results":[%s]}' % ",".join(text_of(p) for (p,) in found), media_type="application/json")

async def item(request):
    found = await run_in_threadpool(rows, "SELECT v.payload " + CURRENT + "WHERE i.uri = ?", request.path_params["uri"])
    return Response(text_of(found[0][0]) if found else "{}", media_type="application/json")

async def home(request):
    return page(await run_in_threadpool(rows, "SELECT v.payload " + CURRENT + VISIBLE +
                                        "ORDER BY i.version_created DESC LIMIT 21", now()))

@functools.cache
def tagged_sql():
    """Stories with a section tag: by the tag's id since migration 0015, by kind and key before."""
    by_id = rows("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'tags'" if PG else
                 "SELECT COUNT(*) FROM sqlite_master WHERE name = 'tags'")[0][0]
    if by_id:
        return ("EXISTS (SELECT 1 FROM item_tags t WHERE t.uri = i.uri AND t.tag_id IN "
                "(SELECT g.id FROM tags g WHERE g.kind = 'section' AND g.key = ?))")
    return "EXISTS (SELECT 1 FROM item_tags t WHERE t.uri = i.uri AND t.kind = 'section' AND t.key = ?)"

async def section(request):
    return page(await run_in_threadpool(rows, "SELECT v.payload " + CURRENT + VISIBLE +
        "AND i.language = ? AND " + tagged_sql() + " ORDER BY i.version_created DESC LIMIT 21", now(),
        request.path_params["lang"], request.path_params["code"]))

async def story(request):
    found = await run_in_threadpool(rows, "SELECT v.payload " + CURRENT + VISIBLE + "AND i.uri = ?", now(),
                                    request.path_params["uri"])
    return page(found)

async def flow(request):
    return page(await run_in_threadpool(rows, "SELECT v.payload " + CURRENT + "ORDER BY i.last_seq DESC LIMIT 50"))

app = Starlette(routes=[
    Route("/feed", feed), Route("/search", search), Route("/items/{uri:path}", item), Route("/", home),
    Route("/section/{lang}/{code}", section), Route("/story/{uri:path}", story), Route("/flow", flow),
])
'''

ENDPOINTS = ("feed_after_0", "feed_after_recent", "search_common", "search_rare", "item", "site_home",
             "site_section", "site_story", "portal_flow")


async def _client(host: str, port: int, requests: list[bytes], until: float, latencies: list[float],
                  errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    n = random.randrange(len(requests))
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(requests[n % len(requests)])
            n += 1
            status = await reader.readline()
            length, chunked = 0, False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"transfer-encoding" and b"chunked" in value.lower():
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readline()).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                await reader.readexactly(length)
            if not status.startswith((b"HTTP/1.1 2", b"HTTP/1.1 3")):
                errors.append(1)
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


def load(port: int, paths: list[str], headers: dict[str, str], seconds: float, connections: int
         ) -> dict[str, float]:
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    requests = [f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}\r\n".encode() for p in paths]
    latencies: list[float] = []
    errors: list[int] = []

    async def run() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(_client("127.0.0.1", port, requests, until, latencies, errors)
                               for _ in range(connections)))

    asyncio.run(run())
    ordered = sorted(latencies) or [0.0]
    return {"p50": round(statistics.median(ordered) * 1000, 2),
            "p99": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2),
            "n": len(latencies), "errors": len(errors)}


def _store_rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.split("///", 1)[1]) as conn:
            return conn.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return conn.execute(sql.replace("?", "%s")).fetchall()


def paths_for(meta: dict[str, Any], seed: int = 16) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(newswire paths, baseline paths) per endpoint."""
    from newswire.site.i18n import section_slug
    from newswire.site.story import story_key

    rng = random.Random(seed)
    url, stories = meta["url"], meta["stories"]
    spread = [f"urn:newswire:archive:{rng.randrange(stories):07d}" for _ in range(200)]
    public = [r[0] for r in _store_rows(url, "SELECT uri FROM items WHERE public AND pub_status = 'usable' "
                                             "AND language = 'en' AND embargoed_until IS NULL "
                                             "ORDER BY last_seq DESC LIMIT 20")]
    economy = "medtop:04000000"
    common, rare = meta["common_word"], meta["rare_word"]
    newswire = {
        "feed_after_0": ["/v1/feed?after=0&limit=50"],
        "feed_after_recent": [f"/v1/feed?after={meta['recent_seq']}&limit=50"],
        "search_common": [f"/v1/search?q={common}"],
        "search_rare": [f"/v1/search?q={rare}"],
        "item": ["/v1/items/" + quote(u, safe=":@") for u in spread],
        "site_home": ["/"],
        "site_section": [f"/en/section/{section_slug(economy)}"],
        "site_story": [f"/en/story/{story_key(u)}" for u in public],
        "portal_flow": ["/portal/"],
    }
    bare = {
        "feed_after_0": ["/feed?after=0"],
        "feed_after_recent": [f"/feed?after={meta['recent_seq']}"],
        "search_common": [f"/search?q={common}"],
        "search_rare": [f"/search?q={rare}"],
        "item": ["/items/" + quote(u, safe=":@") for u in spread],
        "site_home": ["/"],
        "site_section": [f"/section/en/{economy}"],
        "site_story": ["/story/" + quote(u, safe=":@") for u in public],
        "portal_flow": ["/flow"],
    }
    return newswire, bare


def wait_up(proc: subprocess.Popen[bytes], port: int, path: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=30).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not come up")


def run_store(meta: dict[str, Any], args: argparse.Namespace, tmp: str) -> dict[str, Any]:
    url = meta["url"]
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": url, "NEWSWIRE_SITE_CACHE_ENTRIES": "0",
           "NEWSWIRE_NO_EMBEDDED_WORKER": "1", "BENCH_URL": url, "NEWSWIRE_DATA_DIR": tmp}
    if args.src:
        env["PYTHONPATH"] = args.src
    python = sys.executable
    newswire = subprocess.Popen([python, "-m", "newswire.cli", "serve", "--port", str(args.port)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    bare_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    bare = subprocess.Popen([python, "-m", "uvicorn", "--log-level", "warning", "--no-access-log", "--app-dir", tmp,
                             "--port", str(args.port + 1), "archive_bare:app"], env=bare_env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(newswire, args.port, "/healthz")
        wait_up(bare, args.port + 1, "/items/x")
        ours, theirs = paths_for(meta)
        auth = {"Authorization": f"Bearer {meta['keys']['bench-all']}"}
        headers = {name: auth for name in ENDPOINTS if not name.startswith(("site", "portal"))}
        headers["portal_flow"] = {"Cookie": f"nw_session={meta['session']}"}
        out: dict[str, Any] = {}
        for name in args.endpoints:
            figures = {}
            for side, port, paths in (("newswire", args.port, ours[name]), ("baseline", args.port + 1, theirs[name])):
                hdrs = headers.get(name, {}) if side == "newswire" else {}
                load(port, paths, hdrs, args.warmup, args.connections)
                figures[side] = load(port, paths, hdrs, args.seconds, args.connections)
            figures["ratio_p99"] = round(figures["newswire"]["p99"] / max(figures["baseline"]["p99"], 0.01), 2)
            out[name] = figures
        return out
    finally:
        for proc in (newswire, bare):
            proc.terminate()
            proc.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meta", action="append", required=True, type=Path)
    parser.add_argument("--src", help="run newswire from this tree's src (PYTHONPATH)")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--port", type=int, default=18760)
    parser.add_argument("--endpoints", nargs="*", default=list(ENDPOINTS), choices=ENDPOINTS)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    metas = [json.loads(p.read_text()) for p in args.meta]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "archive_bare.py").write_text(BARE_APP)
        for meta in metas:
            results.append({"stories": meta["stories"], "store": "sqlite" if meta["url"].startswith("sqlite")
                            else "postgresql", "bytes_per_story": meta.get("bytes_per_story"),
                            "endpoints": run_store(meta, args, tmp)})
    growth = {}
    if len(results) > 1:
        first = results[0]["endpoints"]
        for res in results[1:]:
            growth[str(res["stories"])] = {
                name: {"newswire": round(fig["newswire"]["p99"] / max(first[name]["newswire"]["p99"], 0.01), 2),
                       "baseline": round(fig["baseline"]["p99"] / max(first[name]["baseline"]["p99"], 0.01), 2)}
                for name, fig in res["endpoints"].items()}
    print(json.dumps({"bench": "archive", "label": args.label, "src": args.src or "", "seconds": args.seconds,
                      "connections": args.connections, "runs": results, "p99_growth_vs_first": growth}))


if __name__ == "__main__":
    main()

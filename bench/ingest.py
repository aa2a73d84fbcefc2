"""Ingest throughput: stories/s and publish latency, in-process, in bulk and over HTTP, against
a bare sqlite3 insert of the same rows measured in the same run.

    .venv/bin/python bench/ingest.py [--stories 1000] [--http-stories 600] [--runs 3] [--jobs 2]
        [--paths store,store_batch,baseline]

Prints one JSON line. Paths:
- ``store``: ``store.publish`` of parsed, enriched items, one after another (the write path
  alone: version, item, event, tags, FTS row, signature, routing);
- ``store_batch``: the same items through ``store.publish_batch``, 64 to a transaction (what
  group commit and the bulk import do);
- ``inprocess``: ``Wire.ingest`` of raw ninjs bytes (parse + enrichment + publish), one thread;
- ``bulk``: ``newswire ingest --jobs N``'s import (``newswire.bulk``) of the same stories as
  files: parse, enrichment in N processes, batches;
- ``http``: ``POST /v1/items`` to ``newswire serve`` in a subprocess (its enrichment pool on),
  8 concurrent clients;
- ``baseline``: bare ``sqlite3`` inserting the same version, item, event and full-text rows
  (FTS5, the same stemmed terms, computed beforehand), one transaction per story, same
  pragmas (WAL, synchronous=NORMAL).
``--paths`` runs only the named ones (``store`` and ``store_batch`` need ``inprocess`` to
enrich their items, which then runs untimed unless named; ``baseline`` always runs, the
ratios need it). Medians over ``--runs`` runs; the machine is shared and noisy. Run against an older tree with
``PYTHONPATH=<tree>/src``: paths that tree does not have are left out.

``bulk`` and ``http`` also say where the CPU went, in ms per story: the importing or serving
process (``main_cpu_ms``), its enrichment workers (``workers_cpu_ms``) and, for ``http``, the
8-client load generator (``client_cpu_ms``), which shares the machine. ``ceiling_stories_per_s``
is the machine's cores divided by their sum: the rate no scheduling could beat on this machine
with that much work per story.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from newswire.config import Settings
from newswire.formats import parse
from newswire.formats.sanitize import html_to_text
from newswire.model import utcnow
from newswire.samples import STORIES
from newswire.store import codec, search
from newswire.store import items as store
from newswire.wire import Wire

from httpload import editor_server

ROOT = Path(__file__).resolve().parents[1]


def generate(n: int, seed: int = 7) -> list[bytes]:
    """n ninjs stories of 3–6 KB, mixed languages, built from the sample stories' sentences."""
    rng = random.Random(seed)
    samples = [parse(p.read_bytes()) for p in sorted(STORIES.iterdir()) if p.suffix in (".txt", ".json")]
    docs = []
    for i in range(n):
        base = samples[i % len(samples)]
        paragraphs = html_to_text(base.body_html).split("\n")
        target = rng.randint(3000, 6000)
        body: list[str] = []
        while sum(len(p) for p in body) < target:
            body.append(rng.choice(paragraphs))
        docs.append(json.dumps({
            "uri": f"urn:bench:{i}", "type": "text", "language": base.language,
            "headlines": [{"value": f"{base.headline} ({i})"}],
            "descriptions": [{"role": "standfirst", "value": base.standfirst or ""}],
            "bodies": [{"contentType": "text/html", "value": "".join(f"<p>{p}</p>" for p in body)}],
            "subjects": [{"uri": s.uri} for s in base.subjects if s.uri],
        }, ensure_ascii=False).encode())
    return docs


_cpu_used = 0.0  # CPU seconds of this process in the last timed() call


def timed(fn: Callable[[Any], object], inputs: list[Any]) -> tuple[float, list[float]]:
    global _cpu_used
    latencies = []
    cpu = time.process_time()
    started = time.perf_counter()
    for x in inputs:
        t = time.perf_counter()
        fn(x)
        latencies.append(time.perf_counter() - t)
    _cpu_used = time.process_time() - cpu
    return time.perf_counter() - started, latencies


def figures(n: int, elapsed: float, latencies: list[float]) -> dict[str, float]:
    """Throughput and latency, and this process's CPU per story: on a shared machine the
    CPU figure moves far less than the wall-clock ones."""
    ordered = sorted(latencies)
    return {
        "stories_per_s": round(n / elapsed, 1),
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 3),
        "cpu_ms": round(_cpu_used / n * 1000, 3),
    }


Row = tuple[str, str, str, str, str, str]  # uri, input hash, payload, headline, language, FTS terms


def baseline(rows: list[Row], path: Path) -> dict[str, float]:
    """Bare sqlite3: the same version, item, event and full-text rows per story, one
    transaction each."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript("""
        CREATE TABLE seq (id INTEGER PRIMARY KEY, last INTEGER);
        INSERT INTO seq VALUES (1, 0);
        CREATE TABLE versions (uri TEXT, version INTEGER, input_hash TEXT, payload TEXT, stored_at TEXT,
                               PRIMARY KEY (uri, version));
        CREATE TABLE items (uri TEXT PRIMARY KEY, version INTEGER, headline TEXT, last_seq INTEGER);
        CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT, uri TEXT, version INTEGER, created_at TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(uri UNINDEXED, lang UNINDEXED, terms);
    """)
    now = utcnow().isoformat()

    def insert(row: Row) -> None:
        uri, digest, payload, headline, lang, terms = row
        db.execute("BEGIN IMMEDIATE")
        seq = db.execute("UPDATE seq SET last = last + 1 WHERE id = 1 RETURNING last").fetchone()[0]
        db.execute("INSERT INTO versions VALUES (?, 1, ?, ?, ?)", (uri, digest, payload, now))
        db.execute("INSERT INTO items VALUES (?, 1, ?, ?)", (uri, headline, seq))
        db.execute("INSERT INTO events VALUES (?, 'published', ?, 1, ?)", (seq, uri, now))
        db.execute("INSERT INTO fts (rowid, uri, lang, terms) VALUES (?, ?, ?, ?)", (seq, uri, lang, terms))
        db.execute("COMMIT")

    elapsed, lat = timed(insert, rows)
    db.close()
    return figures(len(rows), elapsed, lat)


def fts_terms(item: Any) -> tuple[str, str]:
    lang = (item.language or "").split("-")[0].lower()
    return lang, " ".join(search.stem_words(search.document_text(item), lang))


def open_wire(url: str) -> Wire:
    return Wire.open(Settings(database_url=url))


def run_inprocess(url: str, docs: list[bytes], paths: set[str] | None = None,
                  ) -> tuple[dict[str, dict[str, float]], list[Row]]:
    wire = open_wire(url)
    elapsed, lat = timed(wire.ingest, docs)
    found: dict[str, dict[str, float]] = {}
    if paths is None or "inprocess" in paths:
        found["inprocess"] = figures(len(docs), elapsed, lat)
    items = [store.get_item(wire.engine, f"urn:bench:{i}") for i in range(len(docs))]
    wire.close()
    # the write path alone: publish the enriched items again under new URIs
    wire = open_wire(url)
    fresh = [it.evolve(uri=it.uri + ":w", version=0) for it in items if it is not None]
    hashes = [codec.input_hash(it) for it in fresh]
    pairs = list(zip(fresh, hashes, strict=True))
    elapsed, lat = timed(lambda p: store.publish(wire.engine, p[0], input_hash=p[1],
                                                 recipients_fn=wire.recipients_fn), pairs)
    if paths is None or "store" in paths:
        found["store"] = figures(len(pairs), elapsed, lat)
    # and in batches, as group commit and the bulk import store them
    if hasattr(store, "publish_batch") and (paths is None or "store_batch" in paths):
        batches = [[store.Publication(it.evolve(uri=it.uri + "b"), h) for it, h in pairs[i:i + 64]]
                   for i in range(0, len(pairs), 64)]
        elapsed, lat = timed(lambda b: store.publish_batch(wire.engine, b, recipients_fn=wire.recipients_fn),
                             batches)
        found["store_batch"] = figures(len(pairs), elapsed, [x / 64 for x in lat])
    wire.close()
    rows = [(it.uri, h, codec.encode(it), it.headline, *fts_terms(it)) for it, h in pairs]
    return found, rows


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a live process has used; 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def own_and_children_cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def cpu_split(n: int, main: float, workers: float, client: float = 0.0) -> dict[str, float]:
    """CPU seconds spent on ``n`` stories, as ms per story, and the rate they cap."""
    split = {"main_cpu_ms": round(main / n * 1000, 2), "workers_cpu_ms": round(workers / n * 1000, 2)}
    if client:
        split["client_cpu_ms"] = round(client / n * 1000, 2)
    total = main + workers + client
    split["ceiling_stories_per_s"] = round(cores() * n / total, 1) if total else 0.0
    return split


def run_bulk(url: str, docs: list[bytes], jobs: int) -> dict[str, float] | None:
    """``newswire ingest --jobs N``'s import of the stories as files (without the command's start-up)."""
    try:
        from newswire import bulk
    except ImportError:  # an older tree
        return None
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, doc in enumerate(docs):
            path = Path(folder) / f"{i:06d}.json"
            path.write_bytes(doc)
            paths.append(path)
        wire = open_wire(url)
        wire.pipeline.warm_up()
        own, kids = own_and_children_cpu()
        started = time.perf_counter()
        tally = bulk.import_stories(wire, [(str(p), p.read_bytes) for p in paths], jobs=jobs)
        elapsed = time.perf_counter() - started
        own_after, kids_after = own_and_children_cpu()  # the pool's workers have exited: counted
        wire.close()
    if tally.published != len(docs):
        raise RuntimeError(f"bulk import stored {tally.published} of {len(docs)}: {tally.failed[:3]}")
    return {"stories_per_s": round(len(docs) / elapsed, 1), "jobs": jobs,
            **cpu_split(len(docs), own_after - own, kids_after - kids)}


async def post_all(base: str, token: str, docs: list[bytes], concurrency: int = 8) -> list[float]:
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for d in docs:
        queue.put_nowait(d)
    latencies: list[float] = []
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as c:
            while not queue.empty():
                doc = queue.get_nowait()
                t = time.perf_counter()
                resp = await c.post("/v1/items", content=doc)
                latencies.append(time.perf_counter() - t)
                if resp.status_code != 201:
                    raise RuntimeError(resp.text)

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies


def run_http(url: str, docs: list[bytes], port: int) -> dict[str, float]:
    # a warm wire, as the stream bench runs it: the models load at start-up, not in the first POST
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": url, "NEWSWIRE_NO_EMBEDDED_WORKER": "1", "NEWSWIRE_LAZY_MODELS": "0"}
    with editor_server(env, port) as (base, token):
        server = int(subprocess.run(["pgrep", "-f", f"serve --port {port}"], capture_output=True,
                                    text=True, check=True).stdout.split()[0])
        server_cpu, client_cpu = process_cpu(server), time.process_time()
        started = time.perf_counter()
        lat = asyncio.run(post_all(base, token, docs))
        found = figures(len(docs), time.perf_counter() - started, lat)
        del found["cpu_ms"]  # the server's CPU is not this process's
        # the enrichment pool starts at the first publication: its workers' whole CPU is this run's
        workers = sum(process_cpu(child) for child in children(server))
        found.update(cpu_split(len(docs), process_cpu(server) - server_cpu, workers,
                               time.process_time() - client_cpu))
        return found


def pg_url() -> str | None:
    admin = os.environ.get("NEWSWIRE_TEST_PG", "postgresql://127.0.0.1:5432/test")
    try:
        import psycopg

        name = f"newswire_bench_{os.getpid()}_{random.randint(0, 10**6)}"
        with psycopg.connect(admin, autocommit=True, connect_timeout=2) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return admin.rsplit("/", 1)[0] + "/" + name
    except Exception:
        return None


def drop_pg(url: str) -> None:
    import psycopg

    admin = os.environ.get("NEWSWIRE_TEST_PG", "postgresql://127.0.0.1:5432/test")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--http-stories", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="enrichment processes of the bulk import")
    parser.add_argument("--no-postgresql", action="store_true")
    parser.add_argument("--paths", default=None,
                        help="comma-separated paths to run (default all): store,store_batch,inprocess,bulk,http")
    args = parser.parse_args()
    paths = set(args.paths.split(",")) if args.paths else None
    docs = generate(args.stories)
    http_docs = docs[: args.http_stories]
    result: dict[str, Any] = {"benchmark": "ingest", "stories": args.stories,
                              "story_kb_median": round(statistics.median(len(d) for d in docs) / 1024, 1)}
    runs: dict[str, list[dict[str, float]]] = {}
    ratios: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.runs):
            found, rows = run_inprocess(f"sqlite:///{tmp}/run{r}.db", docs, paths)
            base = baseline(rows, Path(tmp) / f"bare{r}.db")
            runs.setdefault("sqlite_baseline", []).append(base)
            for name, fig in found.items():
                runs.setdefault(f"sqlite_{name}", []).append(fig)
                ratios.setdefault(f"ratio_{name}_to_baseline", []).append(
                    fig["stories_per_s"] / base["stories_per_s"])
                if name.startswith("store"):  # single-threaded: CPU per story, baseline's over the path's
                    ratios.setdefault(f"cpu_ratio_{name}_to_baseline", []).append(base["cpu_ms"] / fig["cpu_ms"])
            bulk_fig = (run_bulk(f"sqlite:///{tmp}/bulk{r}.db", docs, args.jobs)
                        if paths is None or "bulk" in paths else None)
            if bulk_fig is not None:
                runs.setdefault("sqlite_bulk", []).append(bulk_fig)
            if http_docs and (paths is None or "http" in paths):
                runs.setdefault("sqlite_http", []).append(
                    run_http(f"sqlite:///{tmp}/http{r}.db", http_docs, 18600 + r))
        url = None if args.no_postgresql else pg_url()
        if url:
            try:
                found, _ = run_inprocess(url, docs[: args.stories // 2], paths)
                for name, fig in found.items():
                    runs[f"postgresql_{name}"] = [fig]
            finally:
                drop_pg(url)
            url = pg_url() if http_docs and (paths is None or "http" in paths) else None
            if url:
                try:
                    runs["postgresql_http"] = [run_http(url, http_docs, 18650)]
                finally:
                    drop_pg(url)
    for name, measured in runs.items():
        result[name] = median_of(measured)
    for name, values in ratios.items():  # each run's path against that run's baseline
        result[name] = round(statistics.median(values), 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

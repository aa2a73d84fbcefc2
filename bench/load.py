"""Load: two API nodes and a worker on PostgreSQL + NATS; SSE clients, feed pollers and webhook
endpoints take every story while an editor publishes at a steady rate.

Prints one JSON line: delivery completeness per channel, latency p50/p99 (from the moment the
POST is sent to node A or B until a client on either node has the event), errors, and the
nodes' memory over time, with the baseline each is judged against. Scaled for a 2-core box;
raise --sse/--pollers/--webhooks/--rate on bigger machines.

    .venv/bin/python bench/load.py --duration 20
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
NEWSWIRE = REPO / ".venv" / "bin" / "newswire"
BASELINE = {"completeness": 1.0, "p99_ms": 250, "errors": 0, "memory_growth_pct_max": 20}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))], 1)


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class Proc:
    args: list[str]
    env: dict[str, str]
    log: Path
    port: int | None = None
    proc: subprocess.Popen[bytes] | None = None
    rss: list[tuple[float, int]] = field(default_factory=list)

    def start(self) -> None:
        out = self.log.open("ab")
        self.proc = subprocess.Popen([str(NEWSWIRE), *self.args], env=self.env, stdout=out, stderr=out,
                                     start_new_session=True)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{self.port}/readyz", timeout=2).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"{self.args} not ready; see {self.log}")

    def sample(self, at: float) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    self.rss.append((at, int(line.split()[1])))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


@dataclass
class Seen:
    """Arrivals per client: seq -> monotonic time of first sight."""

    arrivals: dict[int, float] = field(default_factory=dict)
    errors: int = 0
    repeats: int = 0

    def add(self, seq: int) -> None:
        if seq in self.arrivals:
            self.repeats += 1
        else:
            self.arrivals[seq] = time.monotonic()


def sse_client(url: str, key: str, seen: Seen, stop: threading.Event) -> None:
    cursor = 0
    while not stop.is_set():
        try:
            with httpx.Client(timeout=httpx.Timeout(10, read=5)) as client, client.stream(
                    "GET", f"{url}/v1/stream", headers={"Authorization": f"Bearer {key}",
                                                        "Last-Event-ID": str(cursor)}) as resp:
                resp.raise_for_status()
                for line in resp.iter_lines():
                    if stop.is_set():
                        return
                    if line.startswith("id: "):
                        cursor = int(line[4:])
                        seen.add(cursor)
        except (httpx.HTTPError, ValueError):
            if not stop.is_set():
                seen.errors += 1
                time.sleep(0.2)


def feed_poller(url: str, key: str, seen: Seen, stop: threading.Event) -> None:
    cursor = "0"
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=15) as client:
        while not stop.is_set():
            try:
                resp = client.get("/v1/feed", params={"after": cursor, "wait": "2", "limit": "200"})
                resp.raise_for_status()
                page = resp.json()
                for event in page["events"]:
                    seen.add(event["seq"])
                cursor = page["next"]
            except (httpx.HTTPError, ValueError):
                seen.errors += 1
                time.sleep(0.2)


def webhook_receiver(seen: Seen) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            seen.add(int(self.headers["webhook-id"].removeprefix("evt_")))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def setup_accounts(database_url: str, clients: int) -> tuple[str, list[str]]:
    sys.path.insert(0, str(REPO / "src"))
    from newswire.store import accounts
    from newswire.store.engine import make_engine
    from newswire.store.migrate import upgrade
    from newswire.store.tokens import create_token

    engine = make_engine(database_url)
    upgrade(engine)
    accounts.create_product(engine, "everything", {})
    keys = []
    for i in range(clients):
        accounts.create_subscriber(engine, f"load-{i}", ["everything"], rate_limit=1_000_000)
        sub = accounts.get_subscriber(engine, f"load-{i}")
        keys.append(create_token(engine, "subscriber", subscriber_id=sub.id))
    editor = create_token(engine, "editor")
    engine.dispose()
    return editor, keys


def create_database(admin_url: str) -> tuple[str, Callable[[], None]]:
    import psycopg

    name = f"newswire_load_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return admin_url.rsplit("/", 1)[0] + "/" + name, drop


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of publishing")
    ap.add_argument("--rate", type=float, default=8.0, help="stories per second")
    ap.add_argument("--sse", type=int, default=16, help="SSE clients (split over the two nodes)")
    ap.add_argument("--pollers", type=int, default=8, help="long-polling feed clients")
    ap.add_argument("--webhooks", type=int, default=4, help="webhook endpoints")
    ap.add_argument("--pg", default=os.environ.get("NEWSWIRE_TEST_PG", "postgresql://127.0.0.1:5432/test"),
                    help="a PostgreSQL database where a throw-away database may be created")
    ap.add_argument("--nats", default=os.environ.get("NEWSWIRE_BUS_URL", "nats://127.0.0.1:4222"),
                    help="NATS URL ('' for the store poller only)")
    args = ap.parse_args()

    database_url, drop = create_database(args.pg)
    tmp = Path(tempfile.mkdtemp(prefix="newswire-load-"))
    tag = uuid.uuid4().hex[:8]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update(NEWSWIRE_DATABASE_URL=database_url, NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE="1",
               NEWSWIRE_NO_EMBEDDED_WORKER="1", NEWSWIRE_SSE_HEARTBEAT_SECONDS="5", NEWSWIRE_LOG_LEVEL="WARNING",
               NEWSWIRE_MAX_STREAMS_PER_SUBSCRIBER=str(args.sse + 10),
               NEWSWIRE_LAZY_MODELS="0")  # a warm wire: the latencies are of the steady state
    nats_host, _, nats_port = args.nats.removeprefix("nats://").partition(":")
    use_nats = bool(args.nats) and reachable(nats_host, int(nats_port or 4222))
    if use_nats:
        env.update(NEWSWIRE_BUS_URL=args.nats, NEWSWIRE_BUS_STREAM=f"NEWSWIRE_LOAD_{tag}",
                   NEWSWIRE_BUS_SUBJECT=f"newswire.load.{tag}.seq")
    editor, keys = setup_accounts(database_url, args.sse + args.pollers + 1)
    nodes = [Proc(["serve", "--port", str(p), "--log-json"], env, tmp / f"node-{i}.log", port=p)
             for i, p in enumerate((free_port(), free_port()))]
    worker = Proc(["worker", "--log-json"], env, tmp / "worker.log")
    procs = [*nodes, worker]
    stop = threading.Event()
    threads: list[threading.Thread] = []
    receivers: list[ThreadingHTTPServer] = []
    sse_seen = [Seen() for _ in range(args.sse)]
    feed_seen = [Seen() for _ in range(args.pollers)]
    hook_seen = [Seen() for _ in range(args.webhooks)]
    sent: dict[int, float] = {}
    publish_errors = 0
    try:
        for p in procs:
            p.start()
        for n in nodes:
            n.wait_ready()
        urls = [f"http://127.0.0.1:{n.port}" for n in nodes]
        hook_key = keys[-1]
        for seen in hook_seen:
            server = webhook_receiver(seen)
            receivers.append(server)
            resp = httpx.post(f"{urls[0]}/v1/webhooks", headers={"Authorization": f"Bearer {hook_key}"},
                              json={"url": f"http://127.0.0.1:{server.server_address[1]}/hook"})
            resp.raise_for_status()
        for i, seen in enumerate(sse_seen):
            threads.append(threading.Thread(target=sse_client, args=(urls[i % 2], keys[i], seen, stop), daemon=True))
        for i, seen in enumerate(feed_seen):
            threads.append(threading.Thread(target=feed_poller, args=(urls[(i + 1) % 2], keys[args.sse + i],
                                                                       seen, stop), daemon=True))
        for t in threads:
            t.start()
        time.sleep(2.0)  # everyone connected

        def sample_memory() -> None:
            start = time.monotonic()
            while not stop.is_set():
                for p in procs:
                    p.sample(time.monotonic() - start)
                time.sleep(1.0)

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        started = time.monotonic()
        interval = 1.0 / args.rate
        i = 0
        with httpx.Client(headers={"Authorization": f"Bearer {editor}", "content-type": "application/json"},
                          timeout=10) as client:
            while time.monotonic() - started < args.duration:
                due = started + i * interval
                time.sleep(max(0.0, due - time.monotonic()))
                doc = {"uri": f"urn:newswire:load:{tag}:{i}", "type": "text", "language": "en",
                       "headlines": [{"value": f"Load story {i}"}],
                       "bodies": [{"contentType": "text/html", "value": f"<p>Story {i} of the load run.</p>"}]}
                t0 = time.monotonic()
                try:
                    resp = client.post(f"{urls[i % 2]}/v1/items", content=json.dumps(doc).encode())
                    if resp.status_code == 201:
                        sent[int(resp.headers["X-Event-Seq"])] = t0
                    else:
                        publish_errors += 1
                except httpx.HTTPError:
                    publish_errors += 1
                i += 1
        # Drain: wait until every client has everything, or give up after 15 s.
        everyone = sse_seen + feed_seen + hook_seen
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(len(set(sent) & s.arrivals.keys()) < len(sent) for s in everyone):
            time.sleep(0.2)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        for t in threads:
            t.join(3)
        for server in receivers:
            server.shutdown()
        for p in procs:
            p.stop()
        drop()
        if use_nats:
            with contextlib.suppress(Exception):
                import asyncio

                import nats

                async def drop_stream() -> None:
                    nc = await nats.connect(args.nats, allow_reconnect=False)
                    await nc.jetstream().delete_stream(f"NEWSWIRE_LOAD_{tag}")
                    await nc.close()

                asyncio.run(drop_stream())

    def channel(seens: list[Seen]) -> dict[str, Any]:
        wanted = len(sent) * len(seens)
        got = sum(len(set(sent) & s.arrivals.keys()) for s in seens)
        lat = [(s.arrivals[q] - sent[q]) * 1000 for s in seens for q in sent if q in s.arrivals]
        return {"clients": len(seens), "completeness": round(got / wanted, 5) if wanted else None,
                "p50_ms": percentile(lat, 50), "p99_ms": percentile(lat, 99),
                "repeats": sum(s.repeats for s in seens), "reconnects_or_errors": sum(s.errors for s in seens)}

    def memory(p: Proc) -> dict[str, Any]:
        if len(p.rss) < 4:
            return {"samples": len(p.rss)}
        third = max(1, len(p.rss) // 3)
        early = sum(v for _, v in p.rss[:third]) / third
        late = sum(v for _, v in p.rss[-third:]) / third
        return {"start_kib": p.rss[0][1], "end_kib": p.rss[-1][1], "max_kib": max(v for _, v in p.rss),
                "growth_pct": round((late - early) / early * 100, 1)}

    result: dict[str, Any] = {
        "bench": "load", "nodes": 2, "workers": 1, "bus": "nats" if use_nats else "store-poll",
        "duration_s": round(elapsed, 1), "rate_per_s": args.rate, "stories": len(sent),
        "sse": channel(sse_seen), "feed": channel(feed_seen), "webhooks": channel(hook_seen),
        "errors": {"publish": publish_errors},
        "memory": {"node_a": memory(nodes[0]), "node_b": memory(nodes[1]), "worker": memory(worker)},
        "baseline": BASELINE,
    }
    channels = [result[c] for c in ("sse", "feed", "webhooks")]
    result["pass"] = {
        "completeness": all(c["completeness"] == 1.0 for c in channels),
        "p99_sse_feed": all((c["p99_ms"] or 1e9) <= BASELINE["p99_ms"] for c in (result["sse"], result["feed"])),
        "errors": publish_errors == 0 and all(c["repeats"] == 0 for c in (result["sse"], result["feed"])),
        "memory_flat": all(m.get("growth_pct", 0) <= BASELINE["memory_growth_pct_max"]
                           for m in result["memory"].values()),
    }
    print(json.dumps(result, sort_keys=False))
    return 0 if all(result["pass"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())

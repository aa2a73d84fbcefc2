"""Publish -> SSE receive latency with many concurrent clients on one node, server memory, and
publish -> first webhook attempt latency with sustained deliveries/s.

    .venv/bin/python bench/stream.py [--clients 1000] [--rate 20] [--seconds 20] [--workers N]
    .venv/bin/python bench/stream.py --nodes 2 [--pg postgresql://127.0.0.1:5432/test] [--nats nats://127.0.0.1:4222]

One ``newswire serve`` subprocess (SQLite, embedded webhook worker). ``--clients`` SSE
connections (one asyncio process, raw sockets) and one webhook endpoint (a loopback receiver
in this process) subscribe; stories are POSTed at ``--rate`` per second. With ``--nodes N``
the wire is N ``serve`` processes on one PostgreSQL database (a fresh one, dropped at the end)
waking each other through NATS JetStream (a stream of the run's own, deleted at the end), as
several machines would run it: the clients are spread evenly over the nodes and the stories
are POSTed to the first, so the others learn of each one through the bus. CPU and memory are
summed over the nodes. Latency is measured
from the moment the POST is sent (so it includes parsing, enrichment and the commit) to the
moment a client reads the event's ``id:`` line. Baselines measured in the same run: the plain
round trip of ``GET /healthz`` on the same server under the same load (from a process of its
own, not the clients' event loop), and (``bare_*``) the
same clients and stories against ``bench/bare_broadcaster.py``, the least an SSE broadcaster on
the same stack does. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx

from newswire.config import Settings
from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire

from httpload import wait_until_up
from ingest import generate

PORT = 18711
EVENT_ID = re.compile(rb"(?:^|\n)id: (\d+)\n")


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the server and its worker processes so far."""
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    ticks = 0
    for p in [pid, *children]:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of the server and its worker processes, in MB."""
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return sum(_rss_kb(p) for p in [pid, *children]) / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


@dataclass(frozen=True)
class Target:
    """Where the load goes: newswire's routes, or the bare broadcaster's."""

    port: int
    stream: str = "/v1/stream"
    publish: str = "/v1/items"
    key: str = ""
    token: str = ""


class Hook(BaseHTTPRequestHandler):
    arrivals: ClassVar[dict[int, float]] = {}

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        seq = json.loads(body)["data"]["seq"]
        Hook.arrivals.setdefault(seq, time.perf_counter())
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


async def sse_client(target: Target, received: dict[int, list[float]], ready: list[int], stop: asyncio.Event) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", target.port)
    writer.write(f"GET {target.stream} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {target.key}\r\n\r\n".encode())
    await writer.drain()
    ready.append(1)
    buffer = b""
    try:

        while not stop.is_set():
            chunk = await reader.read(262144)
            if not chunk:
                return
            now = time.perf_counter()
            buffer += chunk
            *events, buffer = buffer.split(b"\n\n")
            for event in events:
                found = EVENT_ID.search(event)
                if found:
                    received.setdefault(int(found[1]), []).append(now)
    except Exception as exc:
        print("sse client failed:", repr(exc), file=sys.stderr)
        raise
    finally:
        writer.close()


async def publisher(target: Target, docs: list[bytes], rate: float, sent: dict[int, float], seconds: float,
                    answered: list[float]) -> None:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{target.port}", timeout=30,
                                 headers={"Authorization": f"Bearer {target.token or '-'}",
                                          "Content-Type": "application/json"}) as client:
        started = time.perf_counter()
        n = 0
        while time.perf_counter() - started < seconds and n < len(docs):
            due = started + n / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            t = time.perf_counter()
            resp = await client.post(target.publish, content=docs[n])
            sent[int(resp.headers["x-event-seq"])] = t
            answered.append(time.perf_counter() - t)
            n += 1


def probe(port: int, seconds: float) -> None:
    """``GET /healthz`` every 50 ms for ``seconds``, one keep-alive connection; prints the
    latencies (s) as JSON. Run in a process of its own (``--probe``): in the load generator's
    event loop, busy reading a thousand streams, it measured that loop as much as the server."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies = []
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        t = time.perf_counter()
        conn.request("GET", "/healthz")
        conn.getresponse().read()
        latencies.append(time.perf_counter() - t)
        time.sleep(0.05)
    print(json.dumps(latencies))


def start_probe(port: int, seconds: float) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, "--probe", str(port), "--seconds", str(seconds)],
                            stdout=subprocess.PIPE, text=True)


async def drive(args: argparse.Namespace, target: Target, pid: int | list[int],
                nodes: tuple[Target, ...] = ()) -> dict[str, object]:
    """The run against ``target`` (which takes the POSTs and the ``/healthz`` probe); the
    clients are spread over ``nodes`` when given, else all on ``target``."""
    pids = pid if isinstance(pid, list) else [pid]
    spread = nodes or (target,)
    per_node: list[dict[int, list[float]]] = [{} for _ in spread]
    ready: list[int] = []
    stop = asyncio.Event()
    clients = []
    for i in range(args.clients):
        node = i % len(spread)
        clients.append(asyncio.create_task(sse_client(spread[node], per_node[node], ready, stop)))
        if i % 100 == 99:
            await asyncio.sleep(0.2)
    while len(ready) < args.clients:
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)
    rss_idle = sum(rss_mb(p) for p in pids)
    sent: dict[int, float] = {}
    prober = start_probe(target.port, args.seconds + 3)
    docs = generate(int(args.rate * args.seconds) + 10, seed=11)
    cpu_before = sum(cpu_seconds(p) for p in pids)
    answered: list[float] = []
    await publisher(target, docs, args.rate, sent, args.seconds, answered)
    await asyncio.sleep(3)
    cpu = sum(cpu_seconds(p) for p in pids) - cpu_before
    rss_loaded = sum(rss_mb(p) for p in pids)
    stop.set()
    probes: list[float] = json.loads(prober.communicate(timeout=60)[0] or "[]")
    for c in clients:
        c.cancel()
    by_node = [[t - sent[seq] for seq, times in received.items() if seq in sent for t in times]
               for received in per_node]
    latencies = [latency for node in by_node for latency in node]
    expected = len(sent) * args.clients
    hook_lat = [Hook.arrivals[s] - sent[s] for s in sent if s in Hook.arrivals]
    return {
        "benchmark": "stream", "clients": args.clients, "stories_per_s": args.rate, "stories": len(sent),
        # the POST's round trip: the part of the SSE latency before the event exists
        "publish_p50_ms": round(statistics.median(answered) * 1000, 1) if answered else None,
        "publish_p99_ms": round(percentile(answered, 0.99) * 1000, 1) if answered else None,
        "sse_events_expected": expected, "sse_events_received": len(latencies),
        "sse_p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "sse_p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
        # server CPU while the stories went out, per SSE event written (robust to a noisy machine)
        "server_cpu_us_per_sse_event": round(cpu / len(latencies) * 1e6, 1) if latencies else None,
        "baseline_healthz_p50_ms": round(statistics.median(probes) * 1000, 1) if probes else None,
        "baseline_healthz_p99_ms": round(percentile(probes, 0.99) * 1000, 1) if probes else None,
        "server_rss_mb_idle_clients": round(rss_idle, 1), "server_rss_mb_after": round(rss_loaded, 1),
        "webhook_delivered": len(hook_lat),
        "webhook_first_attempt_p50_ms": round(statistics.median(hook_lat) * 1000, 1) if hook_lat else None,
        "webhook_first_attempt_p99_ms": round(percentile(hook_lat, 0.99) * 1000, 1) if hook_lat else None,
        **({"sse_p99_ms_per_node": [round(percentile(node, 0.99) * 1000, 1) for node in by_node]} if nodes else {}),
    }


def webhook_backlog(url: str, count: int) -> dict[str, float]:
    """Deliveries/s one endpoint sustains when a backlog is waiting: ``count`` stories are
    written straight into the store; the server's worker drains them in order."""
    before = len(Hook.arrivals)
    wire = Wire.open(Settings(database_url=url, enrich_disabled=("language", "dateline", "entities", "quotes",
                                                                   "topics", "summary", "planning")))
    started = time.perf_counter()
    for doc in generate(count, seed=13):
        wire.ingest(doc.replace(b'"urn:bench:', b'"urn:backlog:'))
    wire.close()
    deadline = time.perf_counter() + 120
    while len(Hook.arrivals) - before < count and time.perf_counter() < deadline:
        time.sleep(0.05)
    elapsed = max(Hook.arrivals.values()) - started
    return {"webhook_backlog": count, "webhook_backlog_delivered": len(Hook.arrivals) - before,
            "webhook_deliveries_per_s": round((len(Hook.arrivals) - before) / elapsed, 1)}


def bare_baseline(args: argparse.Namespace) -> dict[str, object]:
    """The same clients and stories against ``bare_broadcaster.py``, in this run."""
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("bare_broadcaster.py")), str(PORT + 1)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(server, PORT + 1)
        bare = asyncio.run(drive(args, Target(PORT + 1, stream="/stream", publish="/publish"), server.pid))
    finally:
        server.terminate()
        server.wait(10)
    out: dict[str, object] = {f"bare_{k}": bare[k] for k in ("stories", "publish_p50_ms", "sse_events_received",
                                                              "sse_p50_ms", "sse_p99_ms", "baseline_healthz_p50_ms",
                                                              "server_cpu_us_per_sse_event",
                                                              "baseline_healthz_p99_ms", "server_rss_mb_idle_clients")}
    return out


def prepare(url: str, hook: ThreadingHTTPServer) -> tuple[str, str]:
    """A product, a subscriber with a webhook endpoint on ``hook``; its key and an editor's token."""
    wire = Wire.open(Settings(database_url=url))
    accounts.create_product(wire.engine, "all", {})
    sub = accounts.create_subscriber(wire.engine, "bench", ["all"], rate_limit=10**9)
    key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
    token = create_token(wire.engine, "editor")
    from newswire.store import webhooks as outbox

    outbox.create_endpoint(wire.engine, sub.id, f"http://127.0.0.1:{hook.server_address[1]}/hook")
    wire.close()
    return key, token


def server_env(args: argparse.Namespace, url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "NEWSWIRE_DATABASE_URL": url, "NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE": "1",
            # every simulated client shares one key: lift the per-key stream cap for the run
            "NEWSWIRE_MAX_STREAMS_PER_KEY": str(args.clients + 10),
            # a warm wire: the first story would otherwise wait for the models (loaded lazily by default)
            "NEWSWIRE_LAZY_MODELS": os.environ.get("NEWSWIRE_LAZY_MODELS", "0"),
            "NEWSWIRE_MAX_STREAMS_PER_SUBSCRIBER": str(args.clients + 10), **extra}


def serve(port: int, env: dict[str, str], workers: int = 1) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(Path(sys.executable).with_name("newswire")), "serve", "--port", str(port),
                             "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_all(servers: list[subprocess.Popen[bytes]]) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait(10)


def single_node(args: argparse.Namespace, hook: ThreadingHTTPServer) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/stream.db"
        key, token = prepare(url, hook)
        server = serve(PORT, server_env(args, url), args.workers)
        try:
            wait_until_up(server, PORT)
            result = asyncio.run(drive(args, Target(PORT, key=key, token=token), server.pid))
            result["workers"] = args.workers
            result.update(webhook_backlog(url, 300))
        finally:
            stop_all([server])
    return result


async def delete_bus_stream(nats_url: str, stream: str) -> None:
    import nats

    nc = await nats.connect(nats_url)
    try:
        await nc.jetstream().delete_stream(stream)
    except Exception as exc:  # never created (a node failed to start): nothing to delete
        print("bus stream not deleted:", repr(exc), file=sys.stderr)
    finally:
        await nc.close()


def cluster(args: argparse.Namespace, hook: ThreadingHTTPServer) -> dict[str, object]:
    """``--nodes`` serve processes on one fresh PostgreSQL database and a NATS stream of the
    run's own; clients spread over them, stories POSTed to the first."""
    from archive_gen import drop_pg, pg_database

    url = pg_database(args.pg)
    tag = f"{os.getpid()}_{int(time.time())}"
    stream = f"NEWSWIRE_BENCH_{tag}"
    env = server_env(args, url, NEWSWIRE_BUS_URL=args.nats, NEWSWIRE_BUS_STREAM=stream,
                     NEWSWIRE_BUS_SUBJECT=f"newswire.bench.{tag}.seq")
    ports = [PORT + 2 * n for n in range(args.nodes)]  # PORT + 1 is the bare broadcaster's
    servers: list[subprocess.Popen[bytes]] = []
    try:
        key, token = prepare(url, hook)
        servers.extend(serve(port, env, args.workers) for port in ports)
        for server, port in zip(servers, ports, strict=True):
            wait_until_up(server, port)
        nodes = tuple(Target(port, key=key, token=token) for port in ports)
        result = asyncio.run(drive(args, nodes[0], [s.pid for s in servers], nodes))
        result.update(nodes=args.nodes, workers=args.workers, store="postgresql", bus="nats")
    finally:
        stop_all(servers)
        asyncio.run(delete_bus_stream(args.nats, stream))
        drop_pg(url, args.pg)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=1, help="newswire serve --workers")
    parser.add_argument("--nodes", type=int, default=1,
                        help="serve processes on PostgreSQL + NATS (1: one node on SQLite)")
    parser.add_argument("--pg", default="postgresql://127.0.0.1:5432/test",
                        help="an admin URL where --nodes creates and drops its database")
    parser.add_argument("--nats", default="nats://127.0.0.1:4222", help="the NATS server --nodes uses")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="skip the bare broadcaster run")
    parser.add_argument("--probe", type=int, help=argparse.SUPPRESS)  # the /healthz prober's process
    args = parser.parse_args()
    if args.probe:
        probe(args.probe, args.seconds)
        return
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    result = cluster(args, hook) if args.nodes > 1 else single_node(args, hook)
    hook.shutdown()
    if args.baseline:
        result.update(bare_baseline(args))
    ours, bare = result.get("sse_p99_ms"), result.get("bare_sse_p99_ms")
    if isinstance(ours, float) and isinstance(bare, float) and bare:
        result["p99_ratio_to_bare"] = round(ours / bare, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

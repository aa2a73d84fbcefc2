"""Real processes for the resilience suites: API nodes, workers, a private NATS server, and
readers that follow the wire the way subscribers do (resuming by cursor / Last-Event-ID)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
NEWSWIRE = REPO / ".venv" / "bin" / "newswire"
NATS_SERVER = shutil.which("nats-server") or "/usr/sbin/nats-server"
LONG = os.environ.get("NEWSWIRE_LONG_SUITES", "").strip() in ("1", "true", "yes")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def figures(name: str, **values: Any) -> None:
    """The suite's figures, one JSON line (run pytest with -s to see them)."""
    print(f"\n[{name}] " + json.dumps(values, sort_keys=True))


# -- NATS --------------------------------------------------------------------------


@dataclass
class NatsServer:
    """A private nats-server with JetStream, on its own port and store dir (never the shared one)."""

    port: int
    store_dir: str
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen([NATS_SERVER, "-a", "127.0.0.1", "-p", str(self.port), "-js",
                                      "-sd", self.store_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nats-server did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


def start_nats() -> NatsServer:
    if not os.path.exists(NATS_SERVER):
        pytest.skip("nats-server is not installed")
    server = NatsServer(free_port(), tempfile.mkdtemp(prefix="newswire-nats-"))
    server.start()
    return server


def shared_nats_url() -> str:
    url = os.environ.get("NEWSWIRE_TEST_NATS", "nats://127.0.0.1:4222")
    host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port)), timeout=1):
            return url
    except OSError:
        pytest.skip(f"NATS at {url} is not reachable")


def unique_bus(prefix: str = "T") -> dict[str, str]:
    """A stream and subject of its own, so concurrent runs on one NATS never wake each other."""
    tag = uuid.uuid4().hex[:10]
    return {"bus_stream": f"NEWSWIRE_{prefix}_{tag}", "bus_subject": f"newswire.test.{tag}.seq"}


# -- processes -----------------------------------------------------------------------


@dataclass
class Process:
    """A ``newswire serve`` node or a ``newswire worker``, that can be SIGKILLed and restarted."""

    args: list[str]
    env: dict[str, str]
    log_path: Path
    port: int | None = None
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: bool = True) -> None:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([str(NEWSWIRE), *self.args], env=self.env, stdout=log, stderr=log,
                                     start_new_session=True)
        self.starts += 1
        if wait and self.port is not None:
            self.wait_ready()

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.args} exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.args} did not become healthy")

    def sigkill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.sigkill()

    def rss_kib(self) -> int:
        if self.proc is None or self.proc.poll() is not None:
            return 0
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0


def node_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update({"NEWSWIRE_DATABASE_URL": database_url, "NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE": "1",
                "NEWSWIRE_SSE_HEARTBEAT_SECONDS": "1", "NEWSWIRE_EMBARGO_POLL_SECONDS": "0.5",
                "NEWSWIRE_ENRICH_DISABLE": "", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def serve(tmp: Path, name: str, env: dict[str, str]) -> Process:
    port = free_port()
    return Process(["serve", "--port", str(port), "--log-json"], env, tmp / f"{name}.log", port=port)


def worker(tmp: Path, name: str, env: dict[str, str]) -> Process:
    return Process(["worker", "--log-json"], env, tmp / f"{name}.log")


# -- readers --------------------------------------------------------------------------


@dataclass
class Arrival:
    seq: int
    type: str
    uri: str
    at: float


@dataclass
class Follower:
    """A subscriber reading on one channel; survives node restarts by resuming from its cursor."""

    key: str
    base_url: Callable[[], str]
    channel: str  # "feed" or "sse"
    arrivals: list[Arrival] = field(default_factory=list)
    reconnects: int = 0
    stop_flag: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    @property
    def cursor(self) -> int:
        return self.arrivals[-1].seq if self.arrivals else 0

    def start(self) -> Follower:
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stop_flag.set()
        if self.thread is not None:
            self.thread.join(15)

    def wait_for(self, seq: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self.cursor < seq and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.cursor >= seq

    def _run(self) -> None:
        headers = {"Authorization": f"Bearer {self.key}"}
        while not self.stop_flag.is_set():
            try:
                with httpx.Client(base_url=self.base_url(), headers=headers, timeout=10) as client:
                    if self.channel == "feed":
                        self._poll(client)
                    else:
                        self._stream(client)
            except (httpx.HTTPError, OSError, ValueError):
                self.reconnects += 1
                time.sleep(0.1)

    def _poll(self, client: httpx.Client) -> None:
        while not self.stop_flag.is_set():
            resp = client.get("/v1/feed", params={"after": str(self.cursor), "wait": "2", "limit": "100"})
            resp.raise_for_status()
            now = time.monotonic()
            for e in resp.json()["events"]:
                self.arrivals.append(Arrival(e["seq"], e["type"], e["item"]["uri"], now))

    def _stream(self, client: httpx.Client) -> None:
        headers = {"Last-Event-ID": str(self.cursor)}
        with client.stream("GET", "/v1/stream", headers=headers, timeout=httpx.Timeout(10, read=5)) as resp:
            resp.raise_for_status()
            current: dict[str, Any] = {}
            for line in resp.iter_lines():
                if self.stop_flag.is_set():
                    return
                if line.startswith("id: "):
                    current["id"] = int(line[4:])
                elif line.startswith("event: "):
                    current["event"] = line[7:]
                elif line.startswith("data: "):
                    current["uri"] = json.loads(line[6:])["uri"]
                elif line == "" and "id" in current:
                    self.arrivals.append(Arrival(current["id"], current["event"], current["uri"], time.monotonic()))
                    current = {}


def assert_exactly_once_in_order(follower: Follower, last_seq: int) -> None:
    seqs = [a.seq for a in follower.arrivals]
    assert len(seqs) == len(set(seqs)), f"{follower.channel} saw repeats"
    assert seqs == list(range(1, last_seq + 1)), f"{follower.channel} lost or reordered events"


# -- accounts ---------------------------------------------------------------------------


def subscriber_key(database_url: str, name: str) -> str:
    """A subscriber whose product takes everything, and a key for it."""
    from sqlalchemy import Engine

    from newswire.store import accounts
    from newswire.store.engine import make_engine
    from newswire.store.tokens import create_token

    engine: Engine = make_engine(database_url)
    try:
        accounts.create_product(engine, f"{name}-all", {})
        accounts.create_subscriber(engine, name, [f"{name}-all"], rate_limit=1_000_000)
        sub = accounts.get_subscriber(engine, name)
        return create_token(engine, "subscriber", subscriber_id=sub.id)
    finally:
        engine.dispose()


def editor_token(database_url: str) -> str:
    from newswire.store.engine import make_engine
    from newswire.store.tokens import create_token

    engine = make_engine(database_url)
    try:
        return create_token(engine, "editor")
    finally:
        engine.dispose()


def migrate(database_url: str) -> None:
    from newswire.store.engine import make_engine
    from newswire.store.migrate import upgrade

    engine = make_engine(database_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def drop_stream(url: str, stream: str) -> None:
    """Remove a test's JetStream stream from a shared server (best effort)."""
    import asyncio

    async def drop() -> None:
        import nats

        nc = await nats.connect(url, connect_timeout=2, allow_reconnect=False)
        try:
            await nc.jetstream().delete_stream(stream)
        finally:
            await nc.close()

    with contextlib.suppress(Exception):
        asyncio.run(drop())


def publish(client: httpx.Client, uri: str, headline: str) -> httpx.Response:
    doc = {"uri": uri, "type": "text", "language": "en", "headlines": [{"value": headline}],
           "bodies": [{"contentType": "text/html", "value": f"<p>{headline}.</p>"}]}
    return client.post("/v1/items", content=json.dumps(doc).encode(), headers={"content-type": "application/json"})


def wait_ready(url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"{url} did not become ready")

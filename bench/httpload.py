"""A small HTTP/1.1 keep-alive load generator (asyncio, raw sockets) for the benchmarks.

It is deliberately minimal so that the client costs little next to the server under test:
GET only, Content-Length bodies only, ``connections`` sockets each sending requests back to
back for ``seconds``.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


async def _connection(host: str, port: int, request: bytes, until: float, latencies: list[float],
                      errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            if not status_line.startswith(b"HTTP/1.1 2") and not status_line.startswith(b"HTTP/1.1 3"):
                errors.append(1)
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def _run(url_path: str, host: str, port: int, connections: int, seconds: float,
               headers: dict[str, str]) -> LoadResult:
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = f"GET {url_path} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra}\r\n".encode()
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(*(_connection(host, port, request, until, latencies, errors) for _ in range(connections)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]
    return LoadResult(len(latencies), len(errors), elapsed, round(statistics.median(ordered) * 1000, 2),
                      round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2))


def load(path: str, port: int, *, host: str = "127.0.0.1", connections: int = 16, seconds: float = 5.0,
         headers: dict[str, str] | None = None) -> LoadResult:
    return asyncio.run(_run(path, host, port, connections, seconds, headers or {}))


def wait_until_up(server: subprocess.Popen[bytes], port: int, timeout: float = 180) -> None:
    """Until the server on ``port`` answers ``/healthz`` with 200 (a busy machine warms the
    pipeline up slowly); RuntimeError if it exits or the time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the server on port {port} did not answer /healthz (exit code {server.returncode})")
        time.sleep(0.05)


@contextmanager
def editor_server(env: dict[str, str], port: int) -> Iterator[tuple[str, str]]:
    """``newswire serve`` on a migrated store with a fresh editor token, once it answers
    ``/healthz``: yields (base URL, token); stops the server afterwards."""
    newswire = str(Path(sys.executable).with_name("newswire"))
    subprocess.run([newswire, "db", "upgrade"], env=env, check=True, capture_output=True)
    token = subprocess.run([newswire, "token", "create", "--role", "editor"], env=env, check=True,
                           capture_output=True, text=True).stdout.strip()
    server = subprocess.Popen([newswire, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(server, port)
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.terminate()
        server.wait(10)

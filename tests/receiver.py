"""A real webhook receiver on loopback for tests: records what arrives, answers as told."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    server: ThreadingHTTPServer
    received: list[Received] = field(default_factory=list)
    # status to answer for the n-th request (0-based); 200 by default
    respond: Callable[[int], int] = lambda n: 200
    delay: Callable[[int], float] = lambda n: 0.0
    headers: Callable[[int], dict[str, str]] = lambda n: {}  # extra response headers (e.g. location)
    calls: int = 0

    @property
    def url(self) -> str:
        port = self.server.server_address[1]
        return f"http://127.0.0.1:{port}/hook"

    def wait_for(self, count: int, timeout: float = 15.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.received)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_receiver() -> Receiver:
    holder: dict[str, Receiver] = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver = holder["r"]
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            with lock:
                n = receiver.calls
                receiver.calls += 1
            time.sleep(receiver.delay(n))
            status = receiver.respond(n)
            if 200 <= status < 300:
                with lock:
                    receiver.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(status)
            for name, value in receiver.headers(n).items():
                self.send_header(name, value)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver = Receiver(server)
    holder["r"] = receiver
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return receiver

"""A real HTTP server on loopback serving feed files that the tests change between polls,
with ETag/Last-Modified and 304s, plus misbehaving paths (hangs, endless redirects, 503)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class FeedServer:
    url: str
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    conditional_hits: int = 0
    not_modified: int = 0
    stop_hanging: threading.Event = field(default_factory=threading.Event)

    def put(self, path: str, body: bytes, content_type: str = "application/xml") -> str:
        self.files[path] = (body, content_type)
        return self.url + path


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer("")
    stamp = formatdate(time.time() - 60, usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path
            state.hits[path] = state.hits.get(path, 0) + 1
            if path == "/hang":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                state.stop_hanging.wait(30)
                return
            if path.startswith("/loop"):
                self.send_response(302)
                self.send_header("Location", f"/loop{state.hits[path]}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path == "/busy":
                self.send_response(503)
                self.send_header("Retry-After", "120")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path not in state.files:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, ctype = state.files[path]
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                state.conditional_hits += 1
            if self.headers.get("If-None-Match") == etag:
                state.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", stamp)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop_hanging.set()
        server.shutdown()
        server.server_close()

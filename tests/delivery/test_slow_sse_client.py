"""A client that stops reading is dropped (it resumes from its Last-Event-ID) and never
slows the others."""

from __future__ import annotations

import socket
import time

import httpx

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import open_wire, start_server
from factories import as_bytes, ninjs_story

STORIES = 150


def _words_per_story() -> int:
    """Enough text that the stream is several times what the kernel may buffer for one socket.

    Loopback send buffers grow up to tcp_wmem's maximum (4 MB by default, more on some hosts); if all
    150 stories fitted in it, the stalled client would never stall the server and nothing would be
    proven."""
    try:
        with open("/proc/sys/net/ipv4/tcp_wmem") as limits:
            send_buffer_max = int(limits.read().split()[2])
    except (OSError, IndexError, ValueError):
        send_buffer_max = 4 << 20
    return max(4000, 4 * send_buffer_max // STORIES // len("word "))


def test_a_stalled_client_is_dropped_while_a_reading_client_gets_everything(tmp_path) -> None:  # type: ignore[no-untyped-def]
    wire = open_wire(f"sqlite:///{tmp_path / 'w.db'}", sse_send_timeout_seconds=1.0, sse_heartbeat_seconds=0.5,
                     enrich_disabled=("language", "dateline", "entities", "quotes", "topics", "summary", "planning",
                                      "dedup"))
    server = start_server(wire)
    try:
        accounts.create_product(wire.engine, "all", {})
        sub = accounts.create_subscriber(wire.engine, "two-clients", ["all"], rate_limit=10**6)
        key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
        port = int(server.url.rsplit(":", 1)[1])
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.connect(("127.0.0.1", port))
        stalled.sendall(f"GET /v1/stream?after=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\n\r\n".encode())
        big = "<p>" + "word " * _words_per_story() + "</p>"
        for n in range(STORIES):
            wire.ingest(as_bytes(ninjs_story("en", uri=f"urn:slow:{n}", bodies=[{"value": big}])))
        seen: list[int] = []
        started = time.monotonic()
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client, \
                client.stream("GET", "/v1/stream", params={"after": "0"}) as resp:
            for line in resp.iter_lines():
                if line.startswith("id: "):
                    seen.append(int(line[4:]))
                    if len(seen) == STORIES:
                        break
        assert seen == list(range(1, STORIES + 1))
        assert time.monotonic() - started < 20
        time.sleep(2)  # past the send timeout: the stalled connection has been closed by the server
        stalled.settimeout(10)
        received = b""
        while chunk := stalled.recv(1 << 20):
            received += chunk
        assert b"id: 1\n" in received  # it got the start, then the server let it go
        assert f"id: {STORIES}\n".encode() not in received
    finally:
        stalled.close()
        server.stop()
        wire.close()

"""A large upload to ``POST /v1/media`` streams to disk, never into memory, and stops at the
configured limit (issue 12: "a 5 GB upload: streamed to disk under a configured limit, never
held in memory; 413 past the limit"), against a real HTTP server on loopback: its upload
spool grows on disk while the body is still arriving, the peak resident memory of the process
(VmHWM, reset before each upload through /proc/self/clear_refs) stays flat, and nothing is
left behind, a body without Content-Length (chunked) and a multipart one alike. Bodies are
produced while they are sent: the test never holds them."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from newswire.store.tokens import create_token

from conftest import open_wire, start_server

MiB = 1024 * 1024
LIMIT = 160 * MiB  # max_media_bytes (NEWSWIRE_MAX_MEDIA_BYTES) of the server under test
FLAT = 40 * MiB  # what the peak RSS may grow by while a body several times larger streams in


@dataclass
class Served:
    url: str
    data: Path
    editor: str


def peak_rss_reset() -> int:
    """The process's resident memory now, its high-water mark reset to it."""
    Path("/proc/self/clear_refs").write_text("5")
    return peak_rss()


def peak_rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("media-served")
    wire = open_wire(f"sqlite:///{folder / 'wire.db'}", data_dir=folder, max_media_bytes=LIMIT)
    srv = start_server(wire)
    yield Served(srv.url, folder, create_token(wire.engine, "editor"))
    srv.stop()
    wire.close()


def stored(served: Served) -> list[Path]:
    """Every file under the media store: blobs and upload spools alike."""
    root = served.data / "media"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def spooled_bytes(served: Served) -> int:
    return sum(p.stat().st_size for p in (served.data / "media" / "tmp").glob("upload-*"))


def body(total: int, seen_on_disk: list[int] | None = None, served: Served | None = None) -> Iterator[bytes]:
    """``total`` bytes of no picture (text, then zeros), made as they are sent; after 100 MiB,
    how much of it the server has already written to its spool file."""
    head = b"not a picture, only bytes:"
    yield head
    sent, chunk = len(head), b"\0" * MiB
    while sent < total:
        piece = chunk[:total - sent]
        yield piece
        sent += len(piece)
        if seen_on_disk is not None and served is not None and not seen_on_disk and sent >= 100 * MiB:
            deadline = time.monotonic() + 10  # what is in flight reaches the disk
            while spooled_bytes(served) < 90 * MiB and time.monotonic() < deadline:
                time.sleep(0.05)
            seen_on_disk.append(spooled_bytes(served))


def post(served: Served, content: Iterator[bytes], content_type: str = "image/jpeg") -> httpx.Response:
    return httpx.post(f"{served.url}/v1/media", content=content, timeout=300,
                      headers={"Authorization": f"Bearer {served.editor}", "Content-Type": content_type})


def test_a_chunked_upload_under_the_limit_streams_to_disk_as_it_arrives(served: Served) -> None:
    before = peak_rss_reset()
    on_disk: list[int] = []
    resp = post(served, body(LIMIT - MiB, on_disk, served))  # no Content-Length: chunked
    grown = peak_rss() - before
    assert on_disk and on_disk[0] >= 90 * MiB, f"{on_disk} bytes spooled after 100 MiB sent"
    assert resp.status_code == 415, resp.text[:300]  # read whole, then found to be no picture
    assert resp.json()["title"] == "Not a picture"
    assert grown < FLAT, f"peak RSS grew by {grown / MiB:.0f} MiB"
    assert stored(served) == []  # the spool removed, no blob


@pytest.mark.parametrize("total", [LIMIT + MiB, 3 * LIMIT], ids=["just-over", "three-times"])
def test_a_chunked_upload_past_the_limit_is_413_and_leaves_nothing(served: Served, total: int) -> None:
    before = peak_rss_reset()
    resp = post(served, body(total))
    grown = peak_rss() - before
    assert resp.status_code == 413, resp.text[:300]
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert str(LIMIT) in resp.json()["detail"]
    assert grown < FLAT, f"peak RSS grew by {grown / MiB:.0f} MiB"
    assert stored(served) == []


def test_a_multipart_upload_past_the_limit_is_413_and_leaves_nothing(served: Served) -> None:
    boundary = "newswire-test-boundary"

    def multipart() -> Iterator[bytes]:
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nBig\r\n"
               f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
               "Content-Type: image/jpeg\r\n\r\n").encode()
        yield from body(LIMIT + 20 * MiB)
        yield f"\r\n--{boundary}--\r\n".encode()

    before = peak_rss_reset()
    resp = post(served, multipart(), f"multipart/form-data; boundary={boundary}")
    grown = peak_rss() - before
    assert resp.status_code == 413, resp.text[:300]
    assert grown < FLAT, f"peak RSS grew by {grown / MiB:.0f} MiB"
    assert stored(served) == []


def test_a_declared_length_past_the_limit_is_413_before_the_body_is_sent(served: Served) -> None:
    with socket.create_connection(("127.0.0.1", int(served.url.rsplit(":", 1)[1])), timeout=10) as sock:
        sock.sendall(f"POST /v1/media HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {served.editor}\r\n"
                     f"Content-Type: image/jpeg\r\nContent-Length: {5 * 1024 * MiB}\r\n\r\n".encode())
        answer = sock.recv(65536)  # a 5 GB upload announced, not a byte of it sent
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert stored(served) == []

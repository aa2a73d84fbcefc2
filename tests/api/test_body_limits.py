"""Bounded input: every request body has a limit that holds before it is buffered, with or
without Content-Length, and a body sent to /v1/ is not read before its bearer token is checked.

The attack the review found: a 400 MB unauthenticated POST to /v1/webhooks made the server
allocate 1.6 GB before answering 401. Here it runs against a real ``newswire serve`` process,
whose peak resident memory (VmHWM in /proc/<pid>/status) must stay flat.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from newswire.config import Settings
from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server
from factories import as_bytes, ninjs_story

ATTACK_BYTES = 400 * 1024 * 1024
CHUNK = 1024 * 1024
FLAT_RSS_BYTES = 40 * 1024 * 1024  # what the server's peak RSS may grow by under one attack
JSON_BODY_BYTES = 64 * 1024  # the default limit of every JSON route (NEWSWIRE_MAX_JSON_BODY_BYTES)


def peak_rss(pid: int) -> int:
    """The process's peak resident set size (VmHWM), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM in /proc status")


def attack_body(total: int = ATTACK_BYTES) -> Iterator[bytes]:
    """A JSON-looking body, produced as it is sent (the client never holds it)."""
    yield b'{"url": "http://example.com/'
    chunk = b"a" * CHUNK
    for _ in range((total - 64) // CHUNK):
        yield chunk
    yield b'"}'


def attack_size() -> int:
    return sum(len(c) for c in attack_body())


@dataclass
class ServeProcess:
    url: str
    pid: int
    db_url: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    """``newswire serve`` in its own process, on a SQLite file the test also opens."""
    folder = tmp_path_factory.mktemp("served")
    db_url = f"sqlite:///{folder / 'wire.db'}"
    port = _free_port()
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": db_url, "NEWSWIRE_DATA_DIR": str(folder),
           "NEWSWIRE_LOG_LEVEL": "WARNING"}
    command = [str(Path(sys.executable).with_name("newswire")), "serve", "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"newswire serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.2)
    yield ServeProcess(url, proc.pid, db_url)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def tokens(served: ServeProcess) -> dict[str, str]:
    wire = open_wire(served.db_url)
    try:
        accounts.create_product(wire.engine, "all", {})
        accounts.create_subscriber(wire.engine, "reader-co", ["all"], rate_limit=100_000)
        sub = accounts.get_subscriber(wire.engine, "reader-co")
        return {"editor": create_token(wire.engine, "editor"),
                "subscriber": create_token(wire.engine, "subscriber", subscriber_id=sub.id)}
    finally:
        wire.close()


def send_attack(url: str, *, declared: bool, token: str | None = None) -> httpx.Response:
    headers = {"content-type": "application/json"}
    if declared:
        headers["content-length"] = str(attack_size())
    if token:
        headers["authorization"] = f"Bearer {token}"
    return httpx.post(url, content=attack_body(), headers=headers, timeout=120)


def assert_problem(resp: httpx.Response, status: int) -> None:
    assert resp.status_code == status, resp.text[:300]
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["status"] == status


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
@pytest.mark.parametrize("path", ["/v1/webhooks", "/v1/items"])
def test_an_unauthenticated_400_mb_body_is_refused_without_being_buffered(
    served: ServeProcess, path: str, declared: bool
) -> None:
    httpx.get(f"{served.url}/healthz")
    before = peak_rss(served.pid)
    resp = send_attack(served.url + path, declared=declared)
    grown = peak_rss(served.pid) - before
    assert_problem(resp, 401)
    assert resp.headers["www-authenticate"].startswith("Bearer")
    assert grown < FLAT_RSS_BYTES, f"peak RSS grew by {grown / 2**20:.0f} MiB"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_an_editors_400_mb_story_is_refused_past_the_limit_without_being_buffered(
    served: ServeProcess, tokens: dict[str, str], declared: bool
) -> None:
    before = peak_rss(served.pid)
    resp = send_attack(served.url + "/v1/items", declared=declared, token=tokens["editor"])
    grown = peak_rss(served.pid) - before
    assert_problem(resp, 413)
    assert str(Settings().max_body_bytes) in resp.json()["detail"]
    assert grown < FLAT_RSS_BYTES, f"peak RSS grew by {grown / 2**20:.0f} MiB"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_subscribers_400_mb_webhook_body_is_refused_past_the_json_limit(
    served: ServeProcess, tokens: dict[str, str], declared: bool
) -> None:
    before = peak_rss(served.pid)
    resp = send_attack(served.url + "/v1/webhooks", declared=declared, token=tokens["subscriber"])
    grown = peak_rss(served.pid) - before
    assert_problem(resp, 413)
    assert grown < FLAT_RSS_BYTES, f"peak RSS grew by {grown / 2**20:.0f} MiB"


def test_the_server_still_serves_after_the_attacks(served: ServeProcess, tokens: dict[str, str]) -> None:
    resp = httpx.post(f"{served.url}/v1/items", content=as_bytes(ninjs_story("en")), timeout=60,  # loads the models
                      headers={"content-type": "application/json", "authorization": f"Bearer {tokens['editor']}"})
    assert resp.status_code == 201


# -- the same rules on an in-process server: quick, and on both databases -------------------

@pytest.fixture
def node(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, webhooks_allow_private=True, max_body_bytes=200_000)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


@dataclass
class Keys:
    admin: dict[str, str]
    editor: dict[str, str]
    subscriber: dict[str, str]


@pytest.fixture
def keys(node: LiveServer) -> Keys:
    engine = node.wire.engine
    accounts.create_product(engine, "all", {})
    accounts.create_subscriber(engine, "reader-co", ["all"], rate_limit=100_000)
    sub = accounts.get_subscriber(engine, "reader-co")

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    return Keys(bearer(create_token(engine, "admin")), bearer(create_token(engine, "editor")),
                bearer(create_token(engine, "subscriber", subscriber_id=sub.id)))


def raw_request(url: str, head: str, body: bytes = b"", *, timeout: float = 5.0) -> tuple[int, bytes]:
    """Send a request's head (and maybe part of its body) over a socket and read the answer
    without sending the rest: the server must answer without waiting for the body."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(head.encode("latin-1") + b"\r\n" + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            part = sock.recv(65536)
            if not part:
                break
            answer += part
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return status, answer


def test_a_body_to_v1_is_not_read_before_the_token_is_checked(node: LiveServer) -> None:
    for path in ("/v1/webhooks", "/v1/items", "/v1/admin/products", "/v1/items/urn:x:1/kill"):
        status, answer = raw_request(
            node.url, f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      f"Content-Length: 1000\r\n", b'{"url": ')
        assert status == 401, answer
        assert b"application/problem+json" in answer and b"www-authenticate: bearer" in answer.lower()


def test_a_declared_length_over_the_limit_is_refused_before_the_body_arrives(node: LiveServer, keys: Keys) -> None:
    cases = [("/v1/webhooks", keys.subscriber, JSON_BODY_BYTES + 1),
             ("/v1/admin/products", keys.admin, JSON_BODY_BYTES + 1),
             ("/v1/items", keys.editor, 200_001)]
    for path, auth, length in cases:
        status, answer = raw_request(
            node.url, f"POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {auth['Authorization']}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {length}\r\n")
        assert status == 413, answer
        assert b"application/problem+json" in answer


def oversized_json(size: int) -> bytes:
    return b'{"url": "http://example.com/' + b"a" * size + b'"}'


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_an_authenticated_oversized_json_body_is_413_on_every_json_route(
    node: LiveServer, keys: Keys, declared: bool
) -> None:
    body = oversized_json(JSON_BODY_BYTES)
    uri = "urn:newswire:test:kill-me"
    node.wire.ingest(as_bytes(ninjs_story("en", uri=uri)))
    routes = [("POST", "/v1/webhooks", keys.subscriber), ("POST", "/v1/admin/products", keys.admin),
              ("PUT", "/v1/admin/products/all", keys.admin), ("POST", "/v1/admin/subscribers", keys.admin),
              ("PUT", "/v1/admin/subscribers/reader-co/products", keys.admin),
              ("POST", f"/v1/items/{uri}/kill", keys.editor)]
    for method, path, auth in routes:
        content: bytes | Iterator[bytes] = body if declared else iter([body[:1000], body[1000:]])
        resp = httpx.request(method, node.url + path, content=content,
                             headers={**auth, "content-type": "application/json"})
        assert_problem(resp, 413)
        assert resp.json()["detail"] == f"The body exceeds {JSON_BODY_BYTES} bytes."
    assert httpx.get(f"{node.url}/v1/items/{uri}", headers=keys.editor).json()["pubStatus"] == "usable"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_story_over_the_configured_limit_is_413_and_one_under_it_is_published(
    node: LiveServer, keys: Keys, declared: bool
) -> None:
    doc = ninjs_story("en")
    fits = as_bytes({**doc, "ednote": "x" * 150_000})
    too_big = as_bytes({**doc, "ednote": "x" * 200_001})
    for body, status in ((too_big, 413), (fits, 201)):
        content: bytes | Iterator[bytes] = body if declared else iter([body[:1000], body[1000:]])
        resp = httpx.post(f"{node.url}/v1/items", content=content,
                          headers={**keys.editor, "content-type": "application/json"})
        assert resp.status_code == status, resp.text[:200]


def test_json_routes_within_the_limit_work_and_the_token_is_looked_up_once(
    node: LiveServer, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newswire.api.auth as auth_module

    calls: list[str] = []
    original = auth_module.authenticate

    def counting(engine: Any, token: str) -> Any:
        calls.append(token)
        return original(engine, token)

    monkeypatch.setattr(auth_module, "authenticate", counting)
    resp = httpx.post(f"{node.url}/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=keys.subscriber)
    assert resp.status_code == 201, resp.text
    assert len(calls) == 1
    assert "ratelimit-limit" in resp.headers  # the rate limit still counts the request

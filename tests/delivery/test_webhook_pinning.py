"""Webhooks connect only to an address checked at connect time (no DNS rebinding).

A name that resolved to a public address at registration and resolves to 127.0.0.1 when
the worker (or ``/test``) connects reaches nothing: not one byte arrives at the real
receiver listening there, and the errors the subscriber sees do not say what is there.
The resolver is played by the test (the app and the worker take one as a parameter);
one case uses the system's own (``localhost``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from newswire.delivery.webhook_client import REFUSED, webhook_client
from newswire.store import webhooks as outbox
from newswire.store.secrets import box_for
from newswire.wire import Wire

from conftest import LiveServer, open_wire, start_server
from receiver import Receiver, start_receiver
from wirekit import Sub, publish, subscriber

PUBLIC = "93.184.216.34"


class PlayedDNS:
    """A resolver the test controls: ``answers[name]`` is what the name resolves to now."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.answers:
            raise OSError(f"{host}: name not known")
        return list(self.answers[host])


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = start_receiver()
    yield receiver
    receiver.close()


def serve(db_url: str, dns: PlayedDNS | None = None, **settings: Any) -> tuple[Wire, LiveServer]:
    wire = open_wire(db_url, embargo_poll_seconds=0.2, **settings)
    return wire, start_server(wire, resolver=dns)


def first_attempt(sub: Sub, seq: int = 1, timeout: float = 20) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for d in sub.client.get("/v1/deliveries").json()["deliveries"]:
            if d["seq"] == seq and d["attempts"]:
                return dict(d)
        time.sleep(0.1)
    raise AssertionError(f"no attempt for event {seq} within {timeout} s")


def test_a_name_rebound_to_loopback_after_registration_reaches_nothing(db_url: str, hook: Receiver) -> None:
    port = hook.server.server_address[1]
    dns = PlayedDNS({"hooks.example.com": [PUBLIC]})
    wire, server = serve(db_url, dns)
    try:
        sub = subscriber(server, "rebinder")
        created = sub.client.post("/v1/webhooks", json={"url": f"http://hooks.example.com:{port}/hook"})
        assert created.status_code == 201, created.text  # public when registered
        dns.answers["hooks.example.com"] = ["127.0.0.1"]  # ... and loopback when delivered
        publish(wire)
        delivery = first_attempt(sub)
        attempt = delivery["attempts"][0]
        assert attempt["statusCode"] is None and REFUSED in attempt["error"]
        assert REFUSED in delivery["lastError"]
        test = sub.client.post(f"/v1/webhooks/{created.json()['id']}/test").json()
        assert test["delivered"] is False and REFUSED in test["error"]
        dns.answers["hooks.example.com"] = [PUBLIC, "127.0.0.1"]  # one bad answer among good ones
        test = sub.client.post(f"/v1/webhooks/{created.json()['id']}/test").json()
        assert test["delivered"] is False and REFUSED in test["error"]
        assert hook.calls == 0  # not one request reached the receiver on loopback
        for text in (str(delivery), str(test)):
            assert "127.0.0.1" not in text and "Connection refused" not in text
        assert dns.asked.count("hooks.example.com") >= 4  # registration, delivery, two tests
    finally:
        server.stop()
        wire.close()


def test_an_endpoint_whose_name_now_resolves_to_loopback_reaches_nothing(db_url: str, hook: Receiver) -> None:
    """Registered while its name was public (stored directly); now ``localhost``, resolved by the system."""
    port = hook.server.server_address[1]
    wire, server = serve(db_url)
    try:
        sub = subscriber(server, "stale")
        endpoint, _ = outbox.create_endpoint(wire.engine, sub.id, f"http://localhost:{port}/hook",
                                             box=box_for(wire.settings))
        publish(wire)
        delivery = first_attempt(sub)
        assert REFUSED in delivery["attempts"][0]["error"]
        test = sub.client.post(f"/v1/webhooks/{endpoint.id}/test").json()
        assert test["delivered"] is False and REFUSED in test["error"]
        assert hook.calls == 0
    finally:
        server.stop()
        wire.close()


def test_the_connection_goes_to_the_resolved_address_and_names_the_host(db_url: str, hook: Receiver) -> None:
    """With private endpoints allowed, a name only the played DNS knows is delivered to:
    the connection went to the address the check saw, never to a second lookup."""
    port = hook.server.server_address[1]
    dns = PlayedDNS({"receiver.invalid": ["127.0.0.1"]})
    wire, server = serve(db_url, dns, webhooks_allow_private=True)
    try:
        sub = subscriber(server, "pinned")
        assert sub.client.post("/v1/webhooks", json={"url": f"http://receiver.invalid:{port}/hook"}).status_code == 201
        publish(wire)
        got = hook.wait_for(1)
        assert len(got) == 1 and got[0].headers["host"] == f"receiver.invalid:{port}"
        assert "receiver.invalid" in dns.asked
    finally:
        server.stop()
        wire.close()


def test_redirects_are_not_followed(db_url: str, hook: Receiver) -> None:
    elsewhere = start_receiver()
    try:
        hook.respond = lambda n: 307
        hook.headers = lambda n: {"location": elsewhere.url}
        wire, server = serve(db_url, webhooks_allow_private=True)
        try:
            sub = subscriber(server, "redirected")
            assert sub.client.post("/v1/webhooks", json={"url": hook.url}).status_code == 201
            publish(wire)
            attempt = first_attempt(sub)["attempts"][0]
            assert attempt["statusCode"] == 307 and attempt["error"] == "HTTP 307"
            assert elsewhere.calls == 0
        finally:
            server.stop()
            wire.close()
    finally:
        elsewhere.close()


# -- TLS: the connection goes to the pinned IP, the certificate is checked for the name --

def _self_signed(tmp: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_tls_checks_the_certificate_against_the_name_while_connecting_to_the_checked_ip(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path, "hooks.test")
    server_names: list[str | None] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: server_names.append(name)  # type: ignore[assignment,misc,return-value]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    trust = ssl.create_default_context(cafile=str(cert))
    dns = PlayedDNS({"hooks.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]})

    async def post(url: str) -> httpx.Response:
        async with webhook_client(allow_private=True, resolver=dns, verify=trust, timeout=5) as client:
            return await client.post(url, content=b"{}")

    try:
        assert asyncio.run(post(f"https://hooks.test:{port}/hook")).status_code == 204
        assert server_names == ["hooks.test"]  # SNI carries the name, not the IP connected to
        with pytest.raises(httpx.ConnectError, match=r"(?i)certificate|hostname"):
            asyncio.run(post(f"https://other.test:{port}/hook"))  # same IP, wrong name: refused by TLS
    finally:
        httpd.shutdown()
        httpd.server_close()

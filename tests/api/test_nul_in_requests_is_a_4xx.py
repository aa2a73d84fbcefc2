"""A NUL character (``%00`` in a URL, ``\\u0000`` in JSON) or a lone surrogate (``\\ud800``) fits
in nothing the wire stores: PostgreSQL's text refuses NUL (it was a 500 there), neither driver
encodes a lone surrogate. Anywhere in a request to the API — the path, a query parameter, a
JSON body, a picture's metadata fields — it is a 4xx problem+json naming where, on both stores,
and nothing is written. (Stories: tests/api/test_items_nul_is_400.py.)"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer
from wirekit import acme_server

URI = "urn:newswire:test:nul-1"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from acme_server(request, tmp_path_factory, URI)


@pytest.fixture(scope="module")
def clients(live: LiveServer) -> Iterator[dict[str, httpx.Client]]:
    sub = accounts.get_subscriber(live.wire.engine, "acme")
    tokens = {"admin": create_token(live.wire.engine, "admin"), "editor": create_token(live.wire.engine, "editor"),
              "subscriber": create_token(live.wire.engine, "subscriber", subscriber_id=sub.id)}
    made = {role: httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {t}"}, timeout=30)
            for role, t in tokens.items()}
    yield made
    for c in made.values():
        c.close()


def problem(resp: httpx.Response, status: int) -> str:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    return str(resp.json()["detail"])


@pytest.mark.parametrize(("role", "method", "path"), [
    ("subscriber", "GET", f"/v1/items/{URI}%00"),
    ("subscriber", "GET", f"/v1/items/{URI}/versions/1%00"),
    ("subscriber", "GET", "/v1/media/urn:x%00/1/original"),
    ("subscriber", "DELETE", "/v1/webhooks/ep_%00"),
    ("admin", "GET", "/v1/admin/subscribers/acme%00"),
    ("admin", "DELETE", "/v1/admin/keys/k%00"),
    ("admin", "GET", "/v1/admin/sources/s%00"),
    ("editor", "POST", f"/v1/items/{URI}%00/kill"),
])
def test_a_path_holding_a_nul_names_nothing(clients: dict[str, httpx.Client], role: str, method: str,
                                            path: str) -> None:
    body = {"reason": "legal"} if path.endswith("/kill") else None
    assert "NUL" in problem(clients[role].request(method, path, json=body), 404)


@pytest.mark.parametrize("query", ["q=storm&subject=medtop%00", "q=a%00b", "q=storm&lang=e%00n"])
def test_a_query_parameter_holding_a_nul_is_a_422_naming_it(clients: dict[str, httpx.Client], query: str) -> None:
    detail = problem(clients["subscriber"].get("/v1/search?" + query), 422)
    assert "NUL" in detail and f"parameter {query.rsplit('&', 1)[-1].split('=')[0]} " in detail


def test_a_parameter_the_route_does_not_read_is_ignored_as_before(clients: dict[str, httpx.Client]) -> None:
    assert clients["subscriber"].get("/v1/search?q=storm&ty%00pe=x").status_code == 200


def raw_json(text: str) -> dict[str, Any]:
    """A JSON body as written: escapes such as \\u0000 and \\ud800 reach the server unencoded."""
    return {"content": text.encode(), "headers": {"Content-Type": "application/json"}}


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800"])
@pytest.mark.parametrize(("role", "method", "path", "body", "where"), [
    ("admin", "POST", "/v1/admin/subscribers", '{"name": "n1", "products": ["all%s"]}', "products[0]"),
    ("admin", "PUT", "/v1/admin/subscribers/acme/products", '{"products": ["all%s"]}', "products[0]"),
    ("admin", "POST", "/v1/admin/products", '{"name": "p1", "filter": {"languages": ["e%sn"]}}',
     "filter.languages[0]"),
    ("admin", "POST", "/v1/admin/products", '{"name": "p2", "filter": {"plac%ses": []}}', "a key of filter"),
    ("admin", "POST", "/v1/admin/sources",
     '{"name": "s1", "kind": "imap", "url": "imaps://mail.example.org/", '
     '"credentials": {"username": "u", "password": "p%s"}}', "credentials.password"),
    ("editor", "POST", f"/v1/items/{URI}/kill", '{"reason": "legal%s"}', "reason"),
    ("subscriber", "POST", "/v1/webhooks", '{"url": "http://127.0.0.1:9/h%s"}', "url"),
])
def test_a_json_body_holding_a_nul_or_lone_surrogate_is_a_422_and_writes_nothing(
        clients: dict[str, httpx.Client], escape: str, role: str, method: str, path: str, body: str,
        where: str) -> None:
    detail = problem(clients[role].request(method, path, **raw_json(body % escape)), 422)
    assert where in detail and ("NUL" in detail if escape == "\\u0000" else "surrogate" in detail), detail
    admin = clients["admin"]
    assert admin.get("/v1/admin/subscribers/acme").json()["products"] == ["all"]
    assert [s["name"] for s in admin.get("/v1/admin/subscribers").json()["subscribers"]] == ["acme"]
    assert [p["name"] for p in admin.get("/v1/admin/products").json()["products"]] == ["all"]
    assert admin.get("/v1/admin/sources").json()["sources"] == []
    assert clients["subscriber"].get("/v1/webhooks").json()["webhooks"] == []
    assert clients["editor"].get(f"/v1/items/{URI}").json()["pubStatus"] == "usable"


def picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 90, 160)).save(out, "JPEG", comment=f"nul-{time.time_ns()}".encode())
    return out.getvalue()


@pytest.mark.parametrize(("query", "says"), [
    ("headline=Ferries%00stop", "control characters"), ("uri=urn:x:pic%00", "control characters"),
    ("keywords=fog,%00", "control characters"), ("dateCreated=2026-01-01T00:00:00Z%00", "control characters"),
    ("head%00line=x", "Unknown"),
    ("headline=Ferries%ED%A0%80stop", "not valid UTF-8"),  # a surrogate's UTF-8 form decodes to U+FFFD
])
def test_a_media_upload_field_holding_a_nul_or_surrogate_is_a_400_and_stores_nothing(
        clients: dict[str, httpx.Client], query: str, says: str) -> None:
    editor = clients["editor"]
    resp = editor.post("/v1/media?" + query, content=picture(), headers={"Content-Type": "image/jpeg"})
    assert says in problem(resp, 400)
    feed = clients["subscriber"].get("/v1/feed").json()["events"]
    assert [e["item"]["type"] for e in feed] == ["text"]  # no picture was published


def test_a_multipart_field_holding_a_nul_is_a_400(clients: dict[str, httpx.Client]) -> None:
    resp = clients["editor"].post("/v1/media", files={"file": ("p.jpg", picture(), "image/jpeg")},
                                  data={"headline": "Ferries\x00stop"})
    assert "control characters" in problem(resp, 400)


@pytest.mark.parametrize("raw", [b"Ferries \xed\xa0\x80 stop", b"Ferries \x85 stop", b"Ferries \xc2\x9b stop"])
def test_a_multipart_field_holding_a_surrogate_or_c1_control_is_a_400(clients: dict[str, httpx.Client],
                                                                       raw: bytes) -> None:
    """Not UTF-8 (a surrogate's UTF-8 form, a stray byte) or a C1 control: never stored as mojibake."""
    resp = clients["editor"].post("/v1/media", files={"file": ("p.jpg", picture(), "image/jpeg")},
                                  data={"headline": raw})  # type: ignore[dict-item]
    assert "control characters" in problem(resp, 400)

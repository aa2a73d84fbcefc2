"""Every JSON request body of the API is taken as written or refused: a key it does not know
(a misspelt ``rateLimt``) is a 422 naming that key, never silently nothing, and nothing is
written. Over real HTTP, on both stores (products: tests/api/test_admin_product_filters_are_strict.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer
from wirekit import acme_server

URI = "urn:newswire:test:strict-1"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from acme_server(request, tmp_path_factory, URI)


def client(live: LiveServer, role: str, **kw: Any) -> httpx.Client:
    token = create_token(live.wire.engine, role, **kw)
    return httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}, timeout=30)


@pytest.fixture(scope="module")
def admin(live: LiveServer) -> Iterator[httpx.Client]:
    with client(live, "admin") as c:
        yield c


def refused_naming(resp: httpx.Response, key: str) -> None:
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert f"Unknown key '{key}'" in resp.json()["detail"], resp.json()["detail"]


def test_a_misspelt_rate_limit_is_refused_by_name_and_no_subscriber_made(admin: httpx.Client) -> None:
    resp = admin.post("/v1/admin/subscribers", json={"name": "beta", "products": ["all"], "rateLimt": 5})
    refused_naming(resp, "rateLimt")
    assert admin.get("/v1/admin/subscribers/beta").status_code == 404
    made = admin.post("/v1/admin/subscribers", json={"name": "beta", "products": ["all"], "rateLimit": 5})
    assert made.status_code == 201 and made.json()["rateLimit"] == 5


@pytest.mark.parametrize(("method", "path", "body", "key"), [
    ("PUT", "/v1/admin/subscribers/acme/products", {"products": [], "product": ["all"]}, "product"),
    ("POST", "/v1/admin/products", {"name": "x", "filter": {}, "disabled": True}, "disabled"),
    ("POST", "/v1/admin/sources", {"name": "wire-a", "kind": "rss", "url": "https://example.org/rss",
                                   "intervalSeconds": 60}, "intervalSeconds"),
    ("POST", "/v1/admin/sources", {"name": "wire-b", "kind": "rss", "url": "https://example.org/rss",
                                   "credentials": {"username": "u", "password": "p", "realm": "r"}}, "realm"),
])
def test_other_admin_bodies_name_the_unknown_key(admin: httpx.Client, method: str, path: str,
                                                 body: dict[str, Any], key: str) -> None:
    refused_naming(admin.request(method, path, json=body), key)
    assert admin.get("/v1/admin/subscribers/acme").json()["products"] == ["all"]
    assert admin.get("/v1/admin/sources").json()["sources"] == []
    assert "x" not in [p["name"] for p in admin.get("/v1/admin/products").json()["products"]]


def test_a_webhook_body_with_an_unknown_key_registers_nothing(live: LiveServer) -> None:
    sub = accounts.get_subscriber(live.wire.engine, "acme")
    with client(live, "subscriber", subscriber_id=sub.id) as acme:
        refused_naming(acme.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook", "secret": "mine"}),
                       "secret")
        assert acme.get("/v1/webhooks").json()["webhooks"] == []


def test_a_kill_with_an_unknown_key_kills_nothing(live: LiveServer) -> None:
    with client(live, "editor") as editor:
        refused_naming(editor.post(f"/v1/items/{URI}/kill", json={"reason": "legal", "notify": False}), "notify")
        assert editor.get(f"/v1/items/{URI}").json()["pubStatus"] == "usable"


@pytest.mark.parametrize(("role", "path", "body", "said"), [
    ("admin", "/v1/admin/subscribers/acme/keys", '{"expires": "2027-01-01"}', "Unknown key 'expires'"),
    ("admin", "/v1/admin/subscribers/acme/disable", '{"reason": "unpaid", "notify": true}', "Unknown keys"),
    ("admin", "/v1/admin/products/all/disable", "[1]", "A body"),
    ("subscriber", "/v1/webhooks/ep_0/replay", '{"after": 100}', "Unknown key 'after'"),
])
def test_a_post_that_takes_no_body_refuses_one_instead_of_ignoring_it(live: LiveServer, admin: httpx.Client,
                                                                     role: str, path: str, body: str,
                                                                     said: str) -> None:
    sub = accounts.get_subscriber(live.wire.engine, "acme")
    with client(live, role, **({"subscriber_id": sub.id} if role == "subscriber" else {})) as caller:
        resp = caller.post(path, content=body.encode(), headers={"Content-Type": "application/json"})
    assert resp.status_code == 422, resp.text
    assert said in resp.json()["detail"] and "takes no body" in resp.json()["detail"]
    acme = admin.get("/v1/admin/subscribers/acme").json()
    assert acme["disabled"] is False
    assert all(not p["disabled"] for p in admin.get("/v1/admin/products").json()["products"])


def test_an_empty_body_or_object_is_no_body(admin: httpx.Client) -> None:
    # however a client's serializer spaces it: Jackson's pretty printer writes {} as "{ }"
    for body in (b"", b"{}", b"{ }", b"{\n}\n", b"null", b"\xef\xbb\xbf{}"):
        made = admin.post("/v1/admin/subscribers/acme/keys", content=body, headers={"Content-Type": "application/json"})
        assert made.status_code == 201, made.text


@pytest.mark.parametrize("path", ["/v1/admin/subscribers/acme/disable", "/v1/admin/subscribers/acme/keys",
                                  "/v1/admin/sources/none/pause"])
def test_a_caller_who_may_not_use_a_route_hears_so_before_its_body_is_judged(live: LiveServer,
                                                                             path: str) -> None:
    sub = accounts.get_subscriber(live.wire.engine, "acme")
    with client(live, "subscriber", subscriber_id=sub.id) as subscriber:
        assert subscriber.post(path, json={"after": 100}).status_code == 403
    assert httpx.post(live.url + path, json={"after": 100}).status_code == 401

"""An admin's product filter is taken as written or refused: a misspelt or misplaced key would
leave a product that admits the whole wire, and "false" read as true would hand out embargoed
copy early. Over real HTTP, with the CLI's path (accounts) too."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer


@pytest.fixture
def admin(live: LiveServer) -> httpx.Client:
    token = create_token(live.wire.engine, "admin")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


@pytest.mark.parametrize("body", [
    {"name": "pics", "types": ["picture"]},  # the filter beside "filter", not in it
    {"name": "pics", "filter": {"type": ["picture"]}},  # singular
    {"name": "pics", "filter": {"embargoEarly": "false"}},
    {"name": "pics", "filter": {"publicOnly": 1}},
])
def test_a_filter_the_wire_would_misread_is_a_422_and_no_product(admin: httpx.Client, body: dict[str, Any]) -> None:
    resp = admin.post("/v1/admin/products", json=body)
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert [p["name"] for p in admin.get("/v1/admin/products").json()["products"]] == []


def test_an_update_with_an_unknown_key_leaves_the_product_as_it_was(admin: httpx.Client) -> None:
    made = admin.post("/v1/admin/products", json={"name": "en", "filter": {"languages": ["en"]}})
    assert made.status_code == 201, made.text
    resp = admin.put("/v1/admin/products/en", json={"name": "en", "filter": {"language": ["fr"]}})
    assert resp.status_code == 422 and "language" in resp.json()["detail"]
    assert admin.get("/v1/admin/products").json()["products"][0]["filter"]["languages"] == ["en"]


def test_every_key_the_wire_writes_is_accepted_back(live: LiveServer, admin: httpx.Client) -> None:
    written = {"languages": ["tr"], "topics": ["medtop:15000000"], "types": ["text", "picture"], "urgency": [1, 5],
               "services": ["sport"], "places": ["istanbul"], "embargoEarly": True, "publicOnly": False,
               "renditions": ["thumbnail"]}
    resp = admin.post("/v1/admin/products", json={"name": "tr-sport", "filter": written})
    assert resp.status_code == 201, resp.text
    assert resp.json()["filter"] == accounts.update_product(live.wire.engine, "tr-sport", written).to_dict()

"""A webhook URL never carries credentials: ``https://user:pass@host/hook`` is refused (422) at
registration — a receiver checks the signature made with the endpoint's secret — and an endpoint
stored with credentials before they were refused is shown masked, never echoed. On both stores."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from newswire.delivery.webhook_client import has_credentials, without_credentials
from newswire.store import accounts
from newswire.store import webhooks as outbox
from newswire.store.secrets import box_for
from newswire.store.tokens import create_token

from conftest import LiveServer
from wirekit import acme_server


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from acme_server(request, tmp_path_factory, "urn:newswire:test:hook-1")


@pytest.fixture
def acme(live: LiveServer) -> Iterator[httpx.Client]:
    sub = accounts.get_subscriber(live.wire.engine, "acme")
    key = create_token(live.wire.engine, "subscriber", subscriber_id=sub.id)
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client
        for ep in client.get("/v1/webhooks").json()["webhooks"]:
            client.delete(f"/v1/webhooks/{ep['id']}")


@pytest.mark.parametrize("url", ["http://user:s3cret@127.0.0.1:9/hook", "http://user@127.0.0.1:9/hook",
                                 "http://:s3cret@127.0.0.1:9/hook", "http://@127.0.0.1:9/hook"])
def test_a_url_with_credentials_is_a_422_and_registers_nothing(acme: httpx.Client, url: str) -> None:
    resp = acme.post("/v1/webhooks", json={"url": url})
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "Credentials never go in the URL" in resp.json()["detail"]
    assert "s3cret" not in resp.text
    assert acme.get("/v1/webhooks").json()["webhooks"] == []


def test_the_same_url_without_them_is_registered(acme: httpx.Client) -> None:
    resp = acme.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook?token=in-the-query@ok"})
    assert resp.status_code == 201, resp.text
    assert resp.json()["url"] == "http://127.0.0.1:9/hook?token=in-the-query@ok"


def test_an_endpoint_stored_with_credentials_is_shown_masked(live: LiveServer, acme: httpx.Client) -> None:
    sub = accounts.get_subscriber(live.wire.engine, "acme")
    outbox.create_endpoint(live.wire.engine, sub.id, "https://user:s3cret@hooks.example/in",
                           box=box_for(live.wire.settings))
    listed = acme.get("/v1/webhooks")
    assert [e["url"] for e in listed.json()["webhooks"]] == ["https://***@hooks.example/in"]
    assert "s3cret" not in listed.text and "user" not in listed.text


@pytest.mark.parametrize(("url", "shown"), [
    ("https://u:p@h.example:8443/x?q=1", "https://***@h.example:8443/x?q=1"),
    ("https://a@b@h.example/x", "https://***@h.example/x"),
    ("https://h.example/x@y", "https://h.example/x@y"),
    ("https://h.example/x?y=@z", "https://h.example/x?y=@z"),
])
def test_what_counts_as_credentials_and_how_they_are_masked(url: str, shown: str) -> None:
    assert has_credentials(url) == (url != shown)
    assert without_credentials(url) == shown

"""HEAD is answered like GET on every GET route (RFC 9110 9.3.2): the same status and headers,
no body. An event stream answers its headers and ends; a HEAD is not a read (the usage audit
records nothing) and never waits on a long-poll. Over real HTTP, on both stores."""

from __future__ import annotations

import io
import itertools
import time
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from newswire.store.tokens import create_token

from conftest import LiveServer, module_db_url, open_wire, start_server
from wirekit import Sub, publish, subscriber

URI = "urn:newswire:test:head-1"
# headers that differ between two answers whatever the method (time, request id, budget left)
MOVING = {"date", "x-request-id", "ratelimit-remaining", "ratelimit-reset", "ratelimit", "server"}
_n = itertools.count()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    wire = open_wire(module_db_url(request, tmp_path_factory))
    srv = start_server(wire)
    publish(wire, uri=URI, headline="Storm warning for the coast")
    yield srv
    srv.stop()
    wire.close()


def client(live: LiveServer, role: str) -> httpx.Client:
    token = create_token(live.wire.engine, role)
    return httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}, timeout=10)


@pytest.fixture
def reader(live: LiveServer) -> Iterator[Sub]:
    sub = subscriber(live, f"head-{next(_n)}")
    yield sub
    sub.client.close()


def same_answer(c: httpx.Client, path: str, **kw: object) -> httpx.Response:
    got, head = c.get(path, **kw), c.head(path, **kw)  # type: ignore[arg-type]
    assert head.status_code == got.status_code, (path, head.status_code, got.status_code)
    assert head.content == b""
    shown = {k: v for k, v in got.headers.items() if k not in MOVING}
    assert {k: v for k, v in head.headers.items() if k not in MOVING} == shown, path
    return head


SUBSCRIBER_PATHS = [f"/v1/items/{URI}", f"/v1/items/{URI}?format=newsml", f"/v1/items/{URI}/versions",
                    f"/v1/items/{URI}/versions/1", "/v1/feed", "/v1/feed?format=newsml", "/v1/search?q=storm",
                    "/v1/planning", "/v1/webhooks", "/v1/deliveries", "/v1/items/urn:newswire:test:none"]


@pytest.mark.parametrize("path", SUBSCRIBER_PATHS)
def test_head_is_the_get_without_its_body(reader: Sub, path: str) -> None:
    same_answer(reader.client, path)


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.json", "/v1/admin/products",
                                  "/v1/admin/subscribers", "/", "/robots.txt", "/rss.xml"])
def test_head_of_operations_admin_and_site_routes(live: LiveServer, path: str) -> None:
    with client(live, "admin") as admin:
        same_answer(admin, path)


def test_a_compressed_answer_keeps_its_headers(reader: Sub) -> None:
    head = same_answer(reader.client, "/v1/feed", headers={"Accept-Encoding": "gzip"})
    assert head.headers["content-encoding"] == "gzip" and int(head.headers["content-length"]) > 0


def test_the_etag_of_an_item_read_is_the_gets(live: LiveServer) -> None:
    with client(live, "editor") as editor:
        head = same_answer(editor, f"/v1/items/{URI}")
    assert head.headers["etag"].removeprefix("W/").startswith('"1.')  # weak when gzipped, as the GET's


def test_head_of_the_live_stream_answers_its_headers_and_ends(reader: Sub) -> None:
    started = time.monotonic()
    for _ in range(12):  # more than the open streams a key may hold: each HEAD gives its slot back
        head = reader.client.head("/v1/stream")
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"].startswith("text/event-stream")
    assert time.monotonic() - started < 5
    assert reader.client.get("/v1/account").status_code == 200  # the connection is still usable


def test_head_of_the_public_ticker_ends(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url, timeout=5) as anyone:
        head = anyone.head("/live/headlines")
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/event-stream")


def test_head_never_waits_on_a_long_poll(reader: Sub) -> None:
    latest = reader.feed()["next"]
    started = time.monotonic()
    assert reader.client.head("/v1/feed", params={"after": latest, "wait": "20"}).status_code == 200
    assert time.monotonic() - started < 5


def test_head_is_not_a_read_in_the_usage_audit(reader: Sub) -> None:
    for path in (f"/v1/items/{URI}", "/v1/feed", "/v1/search?q=storm"):
        assert reader.client.head(path).status_code == 200
    assert reader.client.get("/v1/account").json()["usage"]["byChannel"] == {}
    assert reader.client.get(f"/v1/items/{URI}").status_code == 200
    assert reader.client.get("/v1/account").json()["usage"]["byChannel"] == {"item": 1}


def test_a_405_allows_head_where_it_allows_get(reader: Sub) -> None:
    resp = reader.client.delete("/v1/feed")
    assert resp.status_code == 405
    assert [m.strip() for m in resp.headers["allow"].split(",")] == ["GET", "HEAD"]
    assert reader.client.head("/v1/webhooks/ep_x/test").headers["allow"] == "POST"


def test_head_of_a_rendition_download_is_its_gets_headers_and_no_read(live: LiveServer, reader: Sub) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 90, 40)).save(picture, "JPEG", comment=f"head-{time.time_ns()}".encode())
    with client(live, "editor") as editor:
        made = editor.post("/v1/media", content=picture.getvalue(), headers={"Content-Type": "image/jpeg"})
        assert made.status_code == 201, made.text
        path = f"/v1/media/{made.json()['uri']}/1/original"
        head = same_answer(editor, path)
    assert head.headers["content-length"] == str(len(picture.getvalue())) and head.headers["etag"]
    assert same_answer(reader.client, path, headers={"Range": "bytes=0-9"}).status_code == 206
    assert reader.client.get("/v1/account").json()["usage"]["byChannel"] == {"media": 1}  # the GET's only

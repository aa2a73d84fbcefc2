"""Operations: /metrics in Prometheus text format, /readyz, JSON logs with request ids."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newswire.model import utcnow
from newswire.ops.logging import JsonFormatter, request_id
from newswire.ops.metrics import WireMetrics, store_collectors
from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server
from factories import as_bytes, ninjs_story

SAMPLE = re.compile(r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? -?[0-9.e+Inf]+$')


def parse_exposition(text: str) -> dict[str, float]:
    """Every line is a comment or a valid sample; returns {series: value}."""
    series: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        assert SAMPLE.match(line), line
        name, value = line.rsplit(" ", 1)
        series[name] = float(value)
    return series


def test_a_scrape_is_valid_text_exposition_with_the_store_figures(tmp_path: Path) -> None:
    wire = open_wire(f"sqlite:///{tmp_path / 'wire.db'}")
    try:
        metrics = WireMetrics()
        store_collectors(metrics.registry, wire.engine, utcnow)
        metrics.http_requests.labels(method="GET", route="/v1/feed", status="2xx").inc(3)
        for value in (0.004, 0.5, 50.0):
            metrics.http_seconds.labels(route="/v1/feed").observe(value)
        body, content_type = metrics.registry.scrape()
        text = body.decode()
        series = parse_exposition(text)
    finally:
        wire.close()
    assert content_type == "text/plain; version=0.0.4; charset=utf-8"
    assert "# TYPE newswire_http_requests_total counter" in text
    assert "# TYPE newswire_http_request_seconds histogram" in text
    assert "# TYPE newswire_events_total counter" in text and "# TYPE newswire_webhook_queue_depth gauge" in text
    assert series['newswire_http_requests_total{method="GET",route="/v1/feed",status="2xx"}'] == 3
    buckets = {name: value for name, value in series.items() if name.startswith("newswire_http_request_seconds_b")}
    assert buckets['newswire_http_request_seconds_bucket{le="0.005",route="/v1/feed"}'] == 1
    assert buckets['newswire_http_request_seconds_bucket{le="1.0",route="/v1/feed"}'] == 2
    assert buckets['newswire_http_request_seconds_bucket{le="+Inf",route="/v1/feed"}'] == 3
    assert series['newswire_http_request_seconds_sum{route="/v1/feed"}'] == pytest.approx(50.504)
    assert series["newswire_events_total"] == 0
    assert not any(name.endswith("_created") or "_created{" in name for name in series)
    with pytest.raises(ValueError):
        metrics.http_requests.labels(method="GET", route="/", status="2xx").inc(-1)
    with pytest.raises(ValueError):
        metrics.http_requests.labels(wrong="label")


def test_a_store_that_cannot_be_read_leaves_its_figures_out_and_the_scrape_answers(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    metrics = WireMetrics()
    engine = create_engine(f"sqlite:///{tmp_path / 'no-tables.db'}")  # no log, no queue: every query fails
    try:
        store_collectors(metrics.registry, engine, utcnow)
        metrics.publishes.labels(outcome="created").inc()
        series = parse_exposition(metrics.registry.scrape()[0].decode())
    finally:
        engine.dispose()
    assert series['newswire_publishes_total{outcome="created"}'] == 1
    assert "newswire_events_total" not in series


@pytest.fixture
def node(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


def test_metrics_count_publishes_events_requests_and_the_webhook_queue(node: LiveServer) -> None:
    token = create_token(node.wire.engine, "editor")
    admin = {"Authorization": f"Bearer {create_token(node.wire.engine, 'admin')}"}
    with httpx.Client(base_url=node.url, headers={"Authorization": f"Bearer {token}"}) as client:
        before = parse_exposition(client.get("/metrics", headers=admin).text)
        for _ in range(3):
            doc = ninjs_story("en")
            assert client.post("/v1/items", content=as_bytes(doc),
                               headers={"content-type": "application/json"}).status_code == 201
        assert client.post("/v1/items", content=b"{", headers={"content-type": "application/json"}).status_code == 400
        resp = client.get("/metrics", headers=admin)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/plain; version=0.0.4")
    after = parse_exposition(resp.text)
    created = 'newswire_publishes_total{outcome="created"}'
    assert after[created] - before.get(created, 0) == 3
    assert after["newswire_events_total"] == 3
    assert after['newswire_http_requests_total{method="POST",route="/v1/items",status="4xx"}'] >= 1
    assert "newswire_sse_connections" in after
    assert after["newswire_bus_up"] == 1
    assert "# TYPE newswire_webhook_queue_depth gauge" in resp.text


OPENMETRICS = "application/openmetrics-text"
PROMETHEUS_ACCEPT = ("application/openmetrics-text;version=1.0.0;q=0.5,"  # what Prometheus sends by default
                     "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2")


def test_metrics_answer_openmetrics_to_a_scraper_that_asks_and_classic_text_otherwise(node: LiveServer) -> None:
    from prometheus_client.openmetrics.parser import text_string_to_metric_families

    admin = {"Authorization": f"Bearer {create_token(node.wire.engine, 'admin')}"}
    with httpx.Client(base_url=node.url, headers=admin) as client:
        answers = {accept: client.get("/metrics", headers={"Accept": accept} if accept else {})
                   for accept in (OPENMETRICS, PROMETHEUS_ACCEPT, "text/plain", "*/*", "")}
    for accept in (OPENMETRICS, PROMETHEUS_ACCEPT):
        resp = answers[accept]
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("application/openmetrics-text; version=1.0.0"), accept
        assert resp.text.endswith("# EOF\n")
        # the strict parser: any deviation from OpenMetrics 1.0 raises
        families = {f.name: f for f in text_string_to_metric_families(resp.text)}
        assert families["newswire_http_requests"].type == "counter"
        assert families["newswire_events"].type == "counter"
        assert families["newswire_webhook_queue_depth"].type == "gauge"
        assert families["newswire_http_request_seconds"].type == "histogram"
    for accept in ("text/plain", "*/*", ""):
        resp = answers[accept]
        assert resp.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8", accept
        assert "# EOF" not in resp.text
        assert parse_exposition(resp.text)["newswire_bus_up"] == 1


def test_metrics_need_an_admin_token_or_the_scrape_token(tmp_path: Path) -> None:
    """/metrics names every webhook endpoint: never to an anonymous caller or a subscriber."""
    wire = open_wire(f"sqlite:///{tmp_path / 'wire.db'}", metrics_token="scrape-secret-1")
    srv = start_server(wire)
    try:
        accounts.create_subscriber(wire.engine, "reader-co", [])
        sub = accounts.get_subscriber(wire.engine, "reader-co")
        answers = {
            "none": None, "malformed": "Basic bm90OmFrZXk=", "unknown": "Bearer nwa_x_y",
            "wrong scrape token": "Bearer scrape-secret-2",
            "subscriber": f"Bearer {create_token(wire.engine, 'subscriber', subscriber_id=sub.id)}",
            "editor": f"Bearer {create_token(wire.engine, 'editor')}",
            "admin": f"Bearer {create_token(wire.engine, 'admin')}", "scrape token": "Bearer scrape-secret-1",
        }
        status = {}
        for caller, value in answers.items():
            resp = httpx.get(f"{srv.url}/metrics", headers={"Authorization": value} if value else {})
            status[caller] = resp.status_code
            if resp.status_code == 200:
                assert "newswire_http_requests_total" in resp.text
            else:
                assert resp.headers["content-type"].startswith("application/problem+json")
                assert "newswire_" not in resp.text
        assert status == {"none": 401, "malformed": 401, "unknown": 401, "wrong scrape token": 401,
                          "subscriber": 403, "editor": 403, "admin": 200, "scrape token": 200}
    finally:
        srv.stop()
        wire.close()


def test_without_a_scrape_token_configured_only_an_admin_reads_metrics(node: LiveServer) -> None:
    assert httpx.get(f"{node.url}/metrics", headers={"Authorization": "Bearer"}).status_code == 401
    assert httpx.get(f"{node.url}/metrics").status_code == 401
    admin = create_token(node.wire.engine, "admin")
    assert httpx.get(f"{node.url}/metrics", headers={"Authorization": f"Bearer {admin}"}).status_code == 200


def test_readyz_is_ready_while_the_store_answers_and_503_when_it_does_not(pg_url: str) -> None:
    import psycopg

    from conftest import PG_ADMIN_URL

    wire = open_wire(pg_url)
    srv = start_server(wire)
    try:
        ready = httpx.get(f"{srv.url}/readyz")
        assert ready.status_code == 200
        assert ready.json() == {"status": "ready", "checks": {"store": "ok", "bus": "ok (in-process)"}}
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{pg_url.rsplit("/", 1)[1]}" WITH (FORCE)')
        gone = httpx.get(f"{srv.url}/readyz", timeout=10)
        assert gone.status_code == 503 and gone.headers["content-type"].startswith("application/problem+json")
        assert gone.json()["checks"]["store"].startswith("unreachable")
        assert gone.headers["retry-after"] == "1"
    finally:
        srv.stop()
        wire.close()


def test_a_request_id_is_honoured_or_made_and_echoed(node: LiveServer) -> None:
    given = httpx.get(f"{node.url}/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = httpx.get(f"{node.url}/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    hostile = httpx.get(f"{node.url}/healthz", headers={"X-Request-ID": "x" * 500})
    assert hostile.headers["x-request-id"] != "x" * 500
    sse_less = httpx.get(f"{node.url}/v1/feed", headers={"X-Request-ID": "r-401"})
    assert sse_less.status_code == 401 and sse_less.headers["x-request-id"] == "r-401"


def test_log_lines_are_json_with_the_request_id(node: LiveServer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="newswire.access"):
        httpx.get(f"{node.url}/healthz", headers={"X-Request-ID": "trace-me"})
        # The access line is written once the response has gone out: give the server a moment.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not [r for r in caplog.records if r.name == "newswire.access"]:
            time.sleep(0.02)
    access = [r for r in caplog.records if r.name == "newswire.access"]
    line = json.loads(JsonFormatter().format(access[-1]))
    assert line["request_id"] == "trace-me" and line["status"] == 200 and line["path"] == "/healthz"
    assert line["level"] == "info" and line["logger"] == "newswire.access" and "duration_ms" in line

    token = request_id.set("inner-1")
    try:
        record = logging.LogRecord("newswire.x", logging.WARNING, __file__, 1, "store %s", ("slow",), None)
        assert json.loads(JsonFormatter().format(record)) | {"time": "t"} == {
            "time": "t", "level": "warning", "logger": "newswire.x", "message": "store slow",
            "request_id": "inner-1"}
    finally:
        request_id.reset(token)

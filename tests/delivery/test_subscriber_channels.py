"""Subscribers receive exactly what their products entitle them to, on every channel:
feed, item reads, search, SSE stream and signed webhooks — over real HTTP on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from newswire.model import utcnow
from newswire.store import accounts
from newswire.store.tokens import create_token, revoke_token
from newswire.wire import Wire

from conftest import LiveServer, open_wire, start_server
from receiver import Receiver, start_receiver
from wirekit import publish, read_sse, subscriber

FAST = {"webhooks_allow_private": True, "sse_heartbeat_seconds": 0.5, "embargo_poll_seconds": 0.2}


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    w = open_wire(db_url, **FAST)
    yield w
    w.close()


@pytest.fixture
def receivers() -> Iterator[list[Receiver]]:
    made: list[Receiver] = []
    yield made
    for r in made:
        r.close()


def test_disjoint_subscribers_never_see_each_others_items(live: LiveServer, receivers: list[Receiver]) -> None:
    turkish = subscriber(live, "turkish-daily", {"languages": ["tr"]})
    arabic = subscriber(live, "arabic-portal", {"languages": ["ar"]})
    for sub in (turkish, arabic):
        hook = start_receiver()
        receivers.append(hook)
        assert sub.client.post("/v1/webhooks", json={"url": hook.url}).status_code == 201
    tr_doc = publish(live.wire, "tr", marker="zeytinyağı")
    ar_doc = publish(live.wire, "ar", marker="زيتون")
    publish(live.wire, "en", marker="olive")

    assert [e["item"]["uri"] for e in turkish.all_events()] == [tr_doc["uri"]]
    assert [e["item"]["uri"] for e in arabic.all_events()] == [ar_doc["uri"]]
    assert turkish.client.get(f"/v1/items/{ar_doc['uri']}").status_code == 404
    assert arabic.client.get(f"/v1/items/{tr_doc['uri']}/versions").status_code == 404
    assert arabic.client.get(f"/v1/items/{tr_doc['uri']}/versions/1").status_code == 404
    assert turkish.client.get(f"/v1/items/{tr_doc['uri']}").status_code == 200
    found = turkish.client.get("/v1/search", params={"q": "liman"}).json()["results"]
    assert [r["item"]["uri"] for r in found] == [tr_doc["uri"]]
    assert arabic.client.get("/v1/search", params={"q": "liman"}).json()["results"] == []
    assert [e["data"]["uri"] for e in read_sse(turkish.client, 1, params={"after": "0"})] == [tr_doc["uri"]]
    tr_hook, ar_hook = receivers
    assert [r.json["data"]["item"]["uri"] for r in tr_hook.wait_for(1)] == [tr_doc["uri"]]
    assert [r.json["data"]["item"]["uri"] for r in ar_hook.wait_for(1)] == [ar_doc["uri"]]
    time.sleep(0.5)
    assert len(tr_hook.received) == 1 and len(ar_hook.received) == 1


def test_following_next_sees_every_entitled_event_once_in_order(live: LiveServer) -> None:
    sub = subscriber(live, "everything", {})
    docs = [publish(live.wire, lang) for lang in ("en", "tr", "ar", "ru", "fr")]
    live.wire.kill(docs[1]["uri"], "error")
    events = sub.all_events()
    assert [e["seq"] for e in events] == [1, 2, 3, 4, 5, 6]
    assert [e["type"] for e in events] == ["published"] * 5 + ["killed"]
    page = sub.feed(6)
    assert page == {"events": [], "next": "6"}


def test_the_feed_long_polls_and_answers_as_soon_as_an_event_arrives(live: LiveServer) -> None:
    sub = subscriber(live, "waiter", {})
    timer = threading.Timer(0.5, lambda: publish(live.wire, "en"))
    started = time.monotonic()
    timer.start()
    page = sub.feed(0, wait=20)
    assert len(page["events"]) == 1 and time.monotonic() - started < 10
    started = time.monotonic()
    assert sub.feed(page["next"], wait=1)["events"] == []
    assert time.monotonic() - started >= 0.9


def test_a_kill_reaches_the_earlier_recipient_after_their_product_changes(
    live: LiveServer, receivers: list[Receiver]
) -> None:
    sub = subscriber(live, "economy-desk", {"topics": ["medtop:04000000"]})
    hook = start_receiver()
    receivers.append(hook)
    sub.client.post("/v1/webhooks", json={"url": hook.url})
    doc = publish(live.wire, "en")  # subject medtop:04000000
    received = sub.feed(0)
    assert len(received["events"]) == 1
    accounts.create_product(live.wire.engine, "sport", {"topics": ["medtop:15000000"]})
    accounts.set_subscriber_products(live.wire.engine, "economy-desk", ["sport"])
    time.sleep(1.1)  # product snapshots are re-read within a second
    live.wire.kill(doc["uri"], "legal")
    events = sub.all_events(int(received["next"]))
    assert [(e["type"], e["item"]["uri"]) for e in events] == [("killed", doc["uri"])]
    assert [r.json["type"] for r in hook.wait_for(2)] == ["item.published", "item.killed"]
    other = publish(live.wire, "en")
    assert sub.client.get(f"/v1/items/{other['uri']}").status_code == 404


def test_embargo_goes_early_to_products_that_take_it_and_at_lift_to_the_rest(live: LiveServer) -> None:
    early = subscriber(live, "early", {"embargoEarly": True})
    late = subscriber(live, "late", {})
    due = utcnow() + timedelta(seconds=2)
    doc = publish(live.wire, "en", embargoedUntil=due.isoformat())
    first = early.feed(0)["events"]
    assert [e["type"] for e in first] == ["published"] and first[0]["item"]["embargoedUntil"]
    assert late.feed(0)["events"] == []
    assert late.client.get(f"/v1/items/{doc['uri']}").status_code == 404
    assert late.client.get("/v1/search", params={"q": "port"}).json()["results"] == []
    page = late.feed(0, wait=10)
    assert [e["type"] for e in page["events"]] == ["embargo_lifted"]
    assert late.client.get(f"/v1/items/{doc['uri']}").status_code == 200


def test_sse_resumes_exactly_after_last_event_id(live: LiveServer) -> None:
    sub = subscriber(live, "streamer", {})
    for lang in ("en", "tr", "ar"):
        publish(live.wire, lang)
    first = read_sse(sub.client, 2, params={"after": "0"})
    assert [e["id"] for e in first] == [1, 2]
    rest = read_sse(sub.client, 1, headers={"Last-Event-ID": "2"})
    assert [e["id"] for e in rest] == [3] and rest[0]["event"] == "published"
    threading.Timer(0.5, lambda: publish(live.wire, "ru")).start()
    live_events = read_sse(sub.client, 1)  # from now on
    assert [e["id"] for e in live_events] == [4]


def test_every_channel_resumes_after_a_server_restart(db_url: str) -> None:
    wire = open_wire(db_url, **FAST)
    server = start_server(wire)
    sub = subscriber(server, "resumer", {})
    publish(wire, "en")
    cursor = sub.feed(0)["next"]
    last_id = read_sse(sub.client, 1, params={"after": "0"})[-1]["id"]
    server.stop()
    wire.close()
    wire = open_wire(db_url, **FAST)
    publish(wire, "tr")
    server = start_server(wire)
    sub.client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {sub.key}"}, timeout=30)
    assert [e["seq"] for e in sub.feed(cursor)["events"]] == [2]
    assert [e["id"] for e in read_sse(sub.client, 1, headers={"Last-Event-ID": str(last_id)})] == [2]
    server.stop()
    wire.close()


def test_webhooks_are_signed_retried_in_order_and_listed(live: LiveServer, receivers: list[Receiver]) -> None:
    sub = subscriber(live, "hooked", {})
    hook = start_receiver()
    hook.respond = lambda n: 500 if n < 2 else 200
    receivers.append(hook)
    created = sub.client.post("/v1/webhooks", json={"url": hook.url}).json()
    secret = created["secret"]
    first, second = publish(live.wire, "en"), publish(live.wire, "fr")
    got = hook.wait_for(2, timeout=30)
    assert [r.json["data"]["item"]["uri"] for r in got] == [first["uri"], second["uri"]]
    verifier = Webhook(secret)
    for r in got:
        verifier.verify(r.body, r.headers)  # raises if the signature is wrong
    assert [r.headers["webhook-id"] for r in got] == ["evt_1", "evt_2"]
    deliveries = sub.client.get("/v1/deliveries").json()["deliveries"]
    by_seq = {d["seq"]: d for d in deliveries}
    assert by_seq[1]["status"] == "delivered" and len(by_seq[1]["attempts"]) == 3
    assert by_seq[1]["attempts"][0]["statusCode"] == 500
    listed = sub.client.get("/v1/webhooks").json()["webhooks"]
    assert [w["id"] for w in listed] == [created["id"]] and "secret" not in listed[0]
    replay = sub.client.post(f"/v1/webhooks/{created['id']}/replay", params={"after": "1"}).json()
    assert replay["queued"] == 1
    again = hook.wait_for(3)
    assert again[-1].headers["webhook-id"] == "evt_2"
    assert sub.client.post(f"/v1/webhooks/{created['id']}/test").json()["delivered"] is True
    assert sub.client.delete(f"/v1/webhooks/{created['id']}").status_code == 204
    assert sub.client.get("/v1/webhooks").json()["webhooks"] == []


def test_webhook_endpoints_on_private_addresses_are_refused_unless_allowed(db_url: str) -> None:
    wire = open_wire(db_url)
    server = start_server(wire)
    sub = subscriber(server, "private", {})
    resp = sub.client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"})
    assert resp.status_code == 422 and "private" in resp.json()["detail"]
    assert sub.client.post("/v1/webhooks", json={"url": "ftp://example.org/x"}).status_code == 422
    server.stop()
    wire.close()


def test_a_dead_endpoint_is_disabled_with_a_reason(db_url: str, receivers: list[Receiver]) -> None:
    wire = open_wire(db_url, webhook_retry_hours=0.0, **FAST)
    server = start_server(wire)
    sub = subscriber(server, "dead", {})
    hook = start_receiver()
    hook.respond = lambda n: 503
    receivers.append(hook)
    created = sub.client.post("/v1/webhooks", json={"url": hook.url}).json()
    publish(wire, "en")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        listed = sub.client.get("/v1/webhooks").json()["webhooks"][0]
        if listed["disabled"]:
            break
        time.sleep(0.1)
    assert listed["disabled"] and "HTTP 503" in listed["disabledReason"]
    assert sub.client.get("/v1/deliveries").json()["deliveries"][0]["status"] == "dead"
    hook.respond = lambda n: 200
    sub.client.post(f"/v1/webhooks/{created['id']}/replay", params={"after": "0"})
    assert len(hook.wait_for(1)) == 1
    server.stop()
    wire.close()


def test_rate_limits_answer_429_with_retry_after(live: LiveServer) -> None:
    sub = subscriber(live, "limited", {}, rate_limit=3)
    answers = [sub.client.get("/v1/feed") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["ratelimit-limit"] == "3"
    assert answers[0].headers["ratelimit-remaining"] == "2"
    assert int(answers[3].headers["retry-after"]) >= 1
    assert answers[3].headers["content-type"].startswith("application/problem+json")


def test_keys_are_prefixed_and_a_revoked_key_is_refused_at_once(live: LiveServer) -> None:
    sub = subscriber(live, "revoked", {})
    assert sub.key.startswith("nwk_")
    assert sub.client.get("/v1/feed").status_code == 200
    revoke_token(live.wire.engine, sub.key.split("_")[1])
    assert sub.client.get("/v1/feed").status_code == 401


def test_editor_and_admin_tokens_are_not_subscriber_keys(live: LiveServer) -> None:
    for role in ("editor", "admin"):
        token = create_token(live.wire.engine, role)
        resp = httpx.get(live.url + "/v1/feed", headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 403


def test_usage_is_audited_and_shown_on_the_account(live: LiveServer) -> None:
    sub = subscriber(live, "audited", {"languages": ["en"]})
    doc = publish(live.wire, "en")
    sub.feed(0)
    sub.client.get(f"/v1/items/{doc['uri']}")
    account = sub.client.get("/v1/account").json()
    assert account["subscriber"] == "audited"
    assert account["products"][0]["filter"]["languages"] == ["en"]
    assert account["usage"]["byChannel"] == {"feed": 1, "item": 1}
    admin = create_token(live.wire.engine, "admin")
    csv_text = httpx.get(live.url + "/v1/admin/usage", params={"month": utcnow().strftime("%Y-%m")},
                         headers={"Authorization": f"Bearer {admin}"}).text
    lines = csv_text.strip().splitlines()
    assert lines[0] == "time,subscriber,key_id,uri,version,channel,count,rendition"
    assert {line.split(",")[-3] for line in lines[1:]} == {"feed", "item"}


def test_admins_manage_products_subscribers_and_keys_over_http(live: LiveServer) -> None:
    admin = httpx.Client(base_url=live.url,
                         headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'admin')}"})
    resp = admin.post("/v1/admin/products", json={"name": "tr-sport", "filter": {
        "languages": ["tr"], "topics": ["medtop:15000000"], "urgency": [1, 5]}})
    assert resp.status_code == 201 and resp.json()["filter"]["urgency"] == [1, 5]
    assert admin.post("/v1/admin/products", json={"name": "tr-sport"}).status_code == 409
    bad = admin.post("/v1/admin/products", json={"name": "bad", "filter": {"urgency": [7, 2]}})
    assert bad.status_code == 422
    assert admin.post("/v1/admin/subscribers", json={"name": "s1", "products": ["nope"]}).status_code == 404
    assert admin.post("/v1/admin/subscribers", json={"name": "s1", "products": ["tr-sport"]}).status_code == 201
    key = admin.post("/v1/admin/subscribers/s1/keys").json()["key"]
    assert httpx.get(live.url + "/v1/feed", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert admin.post("/v1/admin/subscribers/s1/disable").json()["disabled"] is True
    assert httpx.get(live.url + "/v1/feed", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    editor = create_token(live.wire.engine, "editor")
    assert httpx.get(live.url + "/v1/admin/products",
                     headers={"Authorization": f"Bearer {editor}"}).status_code == 403


def test_a_cursor_ahead_of_the_wire_is_refused(live: LiveServer) -> None:
    sub = subscriber(live, "ahead", {})
    publish(live.wire, "en")
    assert sub.client.get("/v1/feed", params={"after": "1"}).status_code == 200
    resp = sub.client.get("/v1/feed", params={"after": "99"})
    assert resp.status_code == 400 and "beyond the last event" in resp.json()["detail"]
    assert sub.client.get("/v1/stream", headers={"Last-Event-ID": "99"}).status_code == 400
    assert sub.client.get("/v1/feed", params={"after": "-1"}).status_code == 400


def test_search_examines_a_bounded_number_of_matches_per_request(
    live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newswire.api import subscriber as api

    monkeypatch.setattr(api, "SEARCH_SCAN_LIMIT", 4)
    sub = subscriber(live, "bounded", {"languages": ["tr"]})
    for _ in range(6):
        publish(live.wire, "en")  # all match "port"; none is entitled
    first = sub.client.get("/v1/search", params={"q": "port", "limit": "2"}).json()
    assert first["results"] == [] and first["next"] is not None  # stopped early, with a way on
    pages, cursor = 1, first["next"]
    while cursor is not None:
        page = sub.client.get("/v1/search", params={"q": "port", "cursor": cursor, "limit": "2"}).json()
        assert page["results"] == []
        cursor, pages = page["next"], pages + 1
    assert pages == 2  # 4 matches examined, then the last 2 and the end

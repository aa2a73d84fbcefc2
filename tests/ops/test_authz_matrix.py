"""Authorization matrix: every documented /v1 endpoint × every kind of caller.

Callers: no key, a malformed header, a revoked key, another subscriber, the owning
subscriber, an editor and an admin. Each endpoint belongs to one audience (editor, reader,
subscriber, admin, public) and answers as documented: 401 (with a Bearer challenge) without a
valid credential, 403 for the wrong role, 404 for another subscriber's resources (never
revealing they exist), 2xx for the right caller. Then the leak checks: subscriber B never sees
one byte of subscriber A's items, endpoints or deliveries on any channel.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from newswire.model import utcnow
from newswire.store import accounts
from newswire.store.tokens import create_token, revoke_token
from newswire.wire import Wire

from conftest import LiveServer, module_db_url, open_wire, start_server
from factories import as_bytes, ninjs_story
from receiver import Receiver, start_receiver

CALLERS = ("none", "malformed", "revoked", "other", "owner", "editor", "admin")
_n = itertools.count()


@dataclass
class World:
    live: LiveServer
    keys: dict[str, str]  # caller -> Authorization header value
    en_uri: str
    tr_uri: str
    endpoint_of: dict[str, str]  # subscriber ("owner"/"other") -> a webhook endpoint id
    receiver: Receiver

    def fresh_endpoint(self) -> str:
        resp = httpx.post(f"{self.live.url}/v1/webhooks", json={"url": self.receiver.url},
                          headers={"Authorization": self.keys["owner"]})
        return str(resp.json()["id"])

    def fresh_story(self) -> str:
        doc = ninjs_story("en")
        self.live.wire.ingest(as_bytes(doc))
        return str(doc["uri"])


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One wire per database for the whole matrix: destructive calls get fresh targets."""
    db_url = module_db_url(request, tmp_path_factory)
    wire: Wire = open_wire(db_url, webhooks_allow_private=True, sse_heartbeat_seconds=0.3)
    live = start_server(wire)
    receiver = start_receiver()
    engine = wire.engine
    accounts.create_product(engine, "english", {"languages": ["en"]})
    accounts.create_product(engine, "turkish", {"languages": ["tr"]})
    accounts.create_subscriber(engine, "owner-co", ["english"], rate_limit=100_000)
    accounts.create_subscriber(engine, "other-co", ["turkish"], rate_limit=100_000)
    owner = accounts.get_subscriber(engine, "owner-co")
    other = accounts.get_subscriber(engine, "other-co")
    revoked = create_token(engine, "subscriber", subscriber_id=owner.id)
    revoke_token(engine, revoked)
    keys = {
        "malformed": "Bearer not-a-token", "revoked": f"Bearer {revoked}",
        "owner": f"Bearer {create_token(engine, 'subscriber', subscriber_id=owner.id)}",
        "other": f"Bearer {create_token(engine, 'subscriber', subscriber_id=other.id)}",
        "editor": f"Bearer {create_token(engine, 'editor')}", "admin": f"Bearer {create_token(engine, 'admin')}",
    }
    en, tr = ninjs_story("en", marker="ownersecret"), ninjs_story("tr", marker="othersecret")
    wire.ingest(as_bytes(en))
    wire.ingest(as_bytes(tr))
    endpoints = {}
    for who in ("owner", "other"):
        resp = httpx.post(f"{live.url}/v1/webhooks", json={"url": receiver.url}, headers={"Authorization": keys[who]})
        endpoints[who] = resp.json()["id"]
    yield World(live, keys, en["uri"], tr["uri"], endpoints, receiver)
    receiver.close()
    live.stop()
    wire.close()


@dataclass(frozen=True)
class Op:
    method: str
    path: str  # as documented in /openapi.json
    audience: str  # editor | reader | subscriber | admin
    call: Callable[[World], dict[str, Any]]  # fills in the path and body (fresh targets when destructive)
    ok: tuple[int, ...] = (200,)


def _product(w: World) -> dict[str, Any]:
    name = f"p-{next(_n)}"
    accounts.create_product(w.live.wire.engine, name, {})
    return {"name": name}


def _subscriber(w: World) -> dict[str, Any]:
    name = f"s-{next(_n)}"
    accounts.create_subscriber(w.live.wire.engine, name, [])
    return {"name": name}


def _key_id(w: World) -> dict[str, Any]:
    sub = accounts.get_subscriber(w.live.wire.engine, "owner-co")
    return {"key_id": create_token(w.live.wire.engine, "subscriber", subscriber_id=sub.id).split("_")[1]}


def _source(w: World) -> dict[str, Any]:
    from newswire.sources.store import add_source

    name = f"src-{next(_n)}"
    folder = tempfile.mkdtemp(prefix="authz-source-")
    add_source(w.live.wire.engine, name, "folder", path=folder)
    return {"name": name}


def _jpeg() -> bytes:
    """A small JPEG no other call sends (an upload of the same bytes appends nothing)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), (next(_n) % 256, 80, 160)).save(out, "JPEG", comment=f"authz-{time.time_ns()}")
    return out.getvalue()


def _picture(w: World) -> dict[str, Any]:
    """An English picture (the owner's product takes English), uploaded by an editor."""
    resp = httpx.post(f"{w.live.url}/v1/media", content=_jpeg(), params={"language": "en"},
                      headers={"Authorization": w.keys["editor"], "Content-Type": "image/jpeg"})
    return {"uri": resp.json()["uri"], "version": 1, "name": "original"}


STORY = {"headers": {"content-type": "application/json"}}
OPS = [
    Op("POST", "/v1/items", "editor", lambda w: {**STORY, "content": as_bytes(ninjs_story("en"))}, (201,)),
    Op("POST", "/v1/items/{uri}/kill", "editor", lambda w: {"uri": w.fresh_story(), "json": {"reason": "test"}}),
    Op("GET", "/v1/items/{uri}", "reader", lambda w: {"uri": w.en_uri}),
    Op("GET", "/v1/items/{uri}/versions", "reader", lambda w: {"uri": w.en_uri}),
    Op("GET", "/v1/items/{uri}/versions/{version}", "reader", lambda w: {"uri": w.en_uri, "version": 1}),
    Op("POST", "/v1/media", "editor",
       lambda w: {"headers": {"content-type": "image/jpeg"}, "content": _jpeg()}, (201,)),
    Op("GET", "/v1/media/{uri}/{version}/{name}", "reader", _picture),
    Op("GET", "/v1/feed", "subscriber", lambda w: {}),
    Op("GET", "/v1/stream", "subscriber", lambda w: {}),
    Op("GET", "/v1/search", "subscriber", lambda w: {"params": {"q": "port"}}),
    Op("GET", "/v1/account", "subscriber", lambda w: {}),
    Op("GET", "/v1/planning", "subscriber", lambda w: {}),
    Op("POST", "/v1/webhooks", "subscriber", lambda w: {"json": {"url": w.receiver.url}}, (201,)),
    Op("GET", "/v1/webhooks", "subscriber", lambda w: {}),
    Op("DELETE", "/v1/webhooks/{endpoint_id}", "subscriber", lambda w: {"endpoint_id": w.fresh_endpoint()}, (204,)),
    Op("POST", "/v1/webhooks/{endpoint_id}/test", "subscriber", lambda w: {"endpoint_id": w.endpoint_of["owner"]}),
    Op("POST", "/v1/webhooks/{endpoint_id}/replay", "subscriber",
       lambda w: {"endpoint_id": w.endpoint_of["owner"], "params": {"after": "0"}}),
    Op("GET", "/v1/deliveries", "subscriber", lambda w: {}),
    Op("GET", "/v1/admin/products", "admin", lambda w: {}),
    Op("POST", "/v1/admin/products", "admin", lambda w: {"json": {"name": f"np-{next(_n)}", "filter": {}}}, (201,)),
    Op("PUT", "/v1/admin/products/{name}", "admin", lambda w: {**_product(w), "json": {"name": "x", "filter": {}}}),
    Op("POST", "/v1/admin/products/{name}/disable", "admin", _product, (204,)),
    Op("GET", "/v1/admin/subscribers", "admin", lambda w: {}),
    Op("POST", "/v1/admin/subscribers", "admin", lambda w: {"json": {"name": f"ns-{next(_n)}"}}, (201,)),
    Op("GET", "/v1/admin/subscribers/{name}", "admin", _subscriber),
    Op("PUT", "/v1/admin/subscribers/{name}/products", "admin",
       lambda w: {**_subscriber(w), "json": {"products": ["english"]}}),
    Op("POST", "/v1/admin/subscribers/{name}/disable", "admin", _subscriber),
    Op("POST", "/v1/admin/subscribers/{name}/enable", "admin", _subscriber),
    Op("POST", "/v1/admin/subscribers/{name}/keys", "admin", _subscriber, (201,)),
    Op("DELETE", "/v1/admin/keys/{key_id}", "admin", _key_id, (204,)),
    Op("GET", "/v1/admin/usage", "admin", lambda w: {"params": {"month": time.strftime("%Y-%m")}}),
    Op("GET", "/v1/admin/sources", "admin", lambda w: {}),
    Op("POST", "/v1/admin/sources", "admin",
       lambda w: {"json": {"name": f"ns-src-{next(_n)}", "kind": "folder",
                           "path": tempfile.mkdtemp(prefix="authz-source-")}}, (201,)),
    Op("GET", "/v1/admin/sources/{name}", "admin", _source),
    Op("POST", "/v1/admin/sources/{name}/pause", "admin", _source),
    Op("POST", "/v1/admin/sources/{name}/resume", "admin", _source),
    Op("DELETE", "/v1/admin/sources/{name}", "admin", _source, (204,)),
    Op("GET", "/v1/admin/sources/{name}/held", "admin", _source),
]
PUBLIC = [("GET", "/healthz"), ("GET", "/readyz")]  # /metrics needs a token: test_operations_endpoints.py


def expected(op: Op, caller: str) -> tuple[int, ...]:
    if caller in ("none", "malformed", "revoked"):
        return (401,)
    allowed = {"editor": {"editor", "admin"}, "reader": {"owner", "editor", "admin"},
               "subscriber": {"owner"}, "admin": {"admin"}}[op.audience]
    if caller in allowed:
        return op.ok
    if caller == "other" and op.audience == "reader":
        return (404,)  # another subscriber's item: not found, never "forbidden"
    if caller == "other" and op.audience == "subscriber" and "{endpoint_id}" in op.path:
        return (404,)  # another subscriber's webhook
    if caller == "other" and op.audience == "subscriber":
        return op.ok  # their own feed, account, ... (checked for leaks below)
    return (403,)


def send(w: World, op: Op, caller: str) -> httpx.Response:
    spec = op.call(w)
    if caller == "other" and "endpoint_id" in spec:
        spec["endpoint_id"] = w.endpoint_of["owner"]  # B tries A's endpoint
    path = op.path
    for name in ("uri", "version", "endpoint_id", "name", "key_id"):
        if name in spec:
            path = path.replace("{" + name + "}", str(spec.pop(name)))
    headers = dict(spec.pop("headers", {}))
    if caller == "malformed":
        headers["Authorization"] = "Basic bm90OmFrZXk="  # and a second malformed form below
    elif caller != "none":
        headers["Authorization"] = w.keys[caller]
    with httpx.Client(base_url=w.live.url, timeout=10) as client:
        if op.path == "/v1/stream":
            with client.stream(op.method, path, headers=headers, **spec) as resp:
                resp.close()
                return resp
        return client.request(op.method, path, headers=headers, **spec)


def test_the_matrix_covers_every_documented_v1_operation(world: World) -> None:
    documented = httpx.get(f"{world.live.url}/openapi.json").json()["paths"]
    operations = {(m.upper(), p.replace("{uri:path}", "{uri}")) for p, ms in documented.items()
                  if p.startswith("/v1/") for m in ms}
    assert operations == {(op.method, op.path) for op in OPS}


@pytest.mark.parametrize("op", OPS, ids=[f"{o.method} {o.path}" for o in OPS])
def test_every_endpoint_answers_every_caller_as_documented(world: World, op: Op) -> None:
    answers = {caller: send(world, op, caller) for caller in CALLERS}
    wrong = {c: r.status_code for c, r in answers.items() if r.status_code not in expected(op, c)}
    assert not wrong, {c: (s, answers[c].text[:200]) for c, s in wrong.items()}
    for caller in ("none", "malformed", "revoked"):
        assert answers[caller].headers["www-authenticate"].startswith("Bearer")
        assert answers[caller].headers["content-type"].startswith("application/problem+json")
    garbage = httpx.request(op.method, f"{world.live.url}{op.path}", headers={"Authorization": "Bearer x_y_z"})
    assert garbage.status_code in (401, 404, 405, 422)  # never served without a valid token


@pytest.mark.parametrize(("method", "path"), PUBLIC)
def test_operations_endpoints_need_no_key(world: World, method: str, path: str) -> None:
    for caller in CALLERS:
        headers = {} if caller in ("none",) else {"Authorization": world.keys.get(caller, "Bearer junk")}
        assert httpx.request(method, f"{world.live.url}{path}", headers=headers).status_code == 200


def test_no_channel_leaks_one_subscribers_items_or_endpoints_to_another(world: World) -> None:
    w = world
    other = httpx.Client(base_url=w.live.url, headers={"Authorization": w.keys["other"]}, timeout=10)
    texts = [
        other.get("/v1/feed", params={"after": "0", "limit": "200"}).text,
        other.get("/v1/search", params={"q": "ownersecret"}).text,
        other.get("/v1/search", params={"q": "port"}).text,
        other.get("/v1/webhooks").text,
        other.get("/v1/deliveries").text,
        other.get("/v1/account").text,
        other.get("/v1/planning", params={"from": "2000-01", "to": "2100-12"}).text,
    ]
    for path in (f"/v1/items/{w.en_uri}", f"/v1/items/{w.en_uri}/versions", f"/v1/items/{w.en_uri}/versions/1"):
        assert other.get(path).status_code == 404
    with other.stream("GET", "/v1/stream", params={"after": "0"}) as resp:
        chunks, deadline = [], time.monotonic() + 1.0
        for chunk in resp.iter_text():
            chunks.append(chunk)
            if time.monotonic() > deadline:
                break
    texts.append("".join(chunks))
    everything = "\n".join(texts)
    for secret in (w.en_uri, "ownersecret", w.endpoint_of["owner"], "owner-co", "english"):
        assert secret not in everything, f"{secret!r} leaked to another subscriber"
    assert w.tr_uri in texts[0] and w.tr_uri in texts[-1]  # they do get their own
    assert w.endpoint_of["other"] in {e["id"] for e in json.loads(texts[3])["webhooks"]}
    replay = other.post(f"/v1/webhooks/{w.endpoint_of['owner']}/replay", params={"after": "0"})
    assert replay.status_code == 404
    other.close()


def test_a_revoked_or_disabled_key_stops_at_once(world: World) -> None:
    w = world
    engine = w.live.wire.engine
    accounts.create_subscriber(engine, "leaving-co", ["english"])
    sub = accounts.get_subscriber(engine, "leaving-co")
    key = create_token(engine, "subscriber", subscriber_id=sub.id)
    other_key = create_token(engine, "subscriber", subscriber_id=sub.id)
    assert httpx.get(f"{w.live.url}/v1/feed", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert httpx.delete(f"{w.live.url}/v1/admin/keys/{key.split('_')[1]}",
                        headers={"Authorization": w.keys["admin"]}).status_code == 204
    assert httpx.get(f"{w.live.url}/v1/feed", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    assert httpx.post(f"{w.live.url}/v1/admin/subscribers/leaving-co/disable",
                      headers={"Authorization": w.keys["admin"]}).status_code == 200
    assert httpx.get(f"{w.live.url}/v1/feed", headers={"Authorization": f"Bearer {other_key}"}).status_code == 401


def test_no_read_path_serves_a_version_the_caller_may_not_read(world: World) -> None:
    """Per-version entitlement across the matrix: an update under embargo, a withheld story
    and a killed one, read by every caller on every item path and format."""
    w = world
    held = ninjs_story("en", marker="embargoedsecret", uri=f"urn:newswire:authz:held-{next(_n)}")
    w.live.wire.ingest(as_bytes({**held, "bodies": [{"contentType": "text/html", "value": "<p>Fine.</p>"}]}))
    w.live.wire.ingest(as_bytes({**held, "embargoedUntil": (utcnow() + timedelta(hours=3)).isoformat()}))
    late = create_token(w.live.wire.engine, "subscriber",
                        subscriber_id=accounts.get_subscriber(w.live.wire.engine, "owner-co").id)
    withheld = ninjs_story("en", marker="withheldsecret", uri=f"urn:newswire:authz:withheld-{next(_n)}")
    killed = ninjs_story("en", marker="killedsecret", uri=f"urn:newswire:authz:killed-{next(_n)}")
    for doc in (withheld, killed):
        w.live.wire.ingest(as_bytes(doc))
    w.live.wire.ingest(as_bytes({**withheld, "pubStatus": "withheld"}))
    w.live.wire.kill(killed["uri"], "legal")
    # subscribed to the same product only now, after the withhold and the kill
    newcomer_name = f"newcomer-{next(_n)}"
    accounts.create_subscriber(w.live.wire.engine, newcomer_name, ["english"])
    newcomer = accounts.get_subscriber(w.live.wire.engine, newcomer_name)
    callers = {**w.keys, "late": f"Bearer {late}",
               "newcomer": f"Bearer {create_token(w.live.wire.engine, 'subscriber', subscriber_id=newcomer.id)}"}
    for caller, header in callers.items():
        with httpx.Client(base_url=w.live.url, headers={"Authorization": header}, timeout=10) as client:
            for uri in (held["uri"], withheld["uri"], killed["uri"]):
                paths = [f"/v1/items/{uri}", f"/v1/items/{uri}/versions"] + [
                    f"/v1/items/{uri}/versions/{n}" for n in (1, 2, 3)]
                texts = [client.get(p).text for p in paths] + [
                    client.get(f"/v1/items/{uri}", params={"format": f}).text for f in ("ninjs2", "newsml", "nitf")]
                everything = "\n".join(texts)
                if caller in ("editor", "admin"):
                    continue
                if uri == held["uri"]:
                    assert "embargoedsecret" not in everything, caller  # owner-co had version 1 only
                elif caller in ("owner", "late"):  # owner-co had the story: its versions stay readable
                    assert "withheldsecret" in everything or "killedsecret" in everything, caller
                else:
                    assert "withheldsecret" not in everything and "killedsecret" not in everything, caller
            if caller == "newcomer":
                feed, after = [], "0"
                while True:
                    page = client.get("/v1/feed", params={"after": after, "limit": "200"}).json()
                    feed += [e["item"]["uri"] for e in page["events"]]
                    if page["next"] == after:
                        break
                    after = page["next"]
                assert feed and withheld["uri"] not in feed and killed["uri"] not in feed

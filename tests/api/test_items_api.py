"""The editor API over real HTTP: publish, version, read, kill; errors as problem+json."""

from __future__ import annotations

import json

import httpx
import pytest

from newswire.store import items as store
from newswire.store.tokens import create_token, revoke_token

from conftest import LiveServer
from factories import as_bytes, ninjs_story

WIRE_TEXT = """URI: urn:newswire:test:wire-1
Language: tr

Merkez Bankası faiz kararını açıkladı
Banka politika faizini sabit tuttu.
ANKARA (AA) - Merkez Bankası bugün politika faizini yüzde 40'ta sabit tuttu.
Kurul, enflasyondaki düşüşün süreceğini öngördü.
"""


@pytest.fixture
def editor(live: LiveServer) -> httpx.Client:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


def post_json(client: httpx.Client, doc: dict, **params: str) -> httpx.Response:
    return client.post("/v1/items", content=as_bytes(doc), params=params,
                       headers={"Content-Type": "application/json"})


def assert_problem(resp: httpx.Response, status: int) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["status"] == status and body["title"]
    assert "Traceback" not in resp.text
    return body


def test_publish_answers_201_with_ninjs_and_a_location(editor: httpx.Client) -> None:
    doc = ninjs_story("tr")
    resp = post_json(editor, doc, public="true")
    assert resp.status_code == 201
    body = resp.json()
    assert body["uri"] == doc["uri"] and body["version"] == "1"
    assert body["versionCreated"].endswith("+00:00")
    assert resp.headers["location"] == "/v1/items/" + doc["uri"]
    fetched = editor.get(resp.headers["location"])
    assert fetched.status_code == 200 and fetched.json()["headlines"] == doc["headlines"]


def test_identical_repost_is_200_and_older_version_is_409(editor: httpx.Client, live: LiveServer) -> None:
    doc = ninjs_story("en", version="2")
    assert post_json(editor, doc).status_code == 201
    assert post_json(editor, doc).status_code == 200
    doc["version"] = "1"
    doc["headlines"] = [{"value": "Different"}]
    assert_problem(post_json(editor, doc), 409)
    assert store.last_seq(live.wire.engine) == 1


def test_versions_are_listed_and_each_is_retrievable(editor: httpx.Client) -> None:
    doc = ninjs_story("ru")
    post_json(editor, doc)
    doc["headlines"] = [{"value": "Обновление"}]
    post_json(editor, doc)
    listing = editor.get(f"/v1/items/{doc['uri']}/versions").json()
    assert [v["version"] for v in listing["versions"]] == [1, 2]
    assert [v["event"] for v in listing["versions"]] == ["published", "updated"]
    v1 = editor.get(f"/v1/items/{doc['uri']}/versions/1").json()
    assert v1["headlines"][0]["value"] != "Обновление"
    assert editor.get(f"/v1/items/{doc['uri']}/versions/9").status_code == 404


def test_wire_text_is_accepted_as_text_plain(editor: httpx.Client) -> None:
    resp = editor.post("/v1/items", content=WIRE_TEXT.encode(),
                       headers={"Content-Type": "text/plain; charset=utf-8"})
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["uri"] == "urn:newswire:test:wire-1" and body["located"] == "ANKARA"
    assert "ANKARA" not in body["bodies"][0]["value"]


def test_kill_with_a_reason(editor: httpx.Client) -> None:
    doc = ninjs_story("fr")
    post_json(editor, doc)
    resp = editor.post(f"/v1/items/{doc['uri']}/kill", json={"reason": "Wrong figures"})
    assert resp.status_code == 200
    assert resp.json()["pubStatus"] == "canceled" and resp.json()["edNote"] == "KILL: Wrong figures"
    assert_problem(editor.post(f"/v1/items/{doc['uri']}/kill", json={}), 422)
    assert_problem(editor.post("/v1/items/urn:nope/kill", json={"reason": "x"}), 404)


def test_formats_are_negotiated_on_read(editor: httpx.Client) -> None:
    doc = ninjs_story("en")
    post_json(editor, doc)
    v2 = editor.get(f"/v1/items/{doc['uri']}", params={"format": "ninjs2"}).json()
    assert v2["pubstatus"] == "usable" and "pubStatus" not in v2
    assert_problem(editor.get(f"/v1/items/{doc['uri']}", params={"format": "docx"}), 422)


def test_scripts_and_javascript_urls_are_removed_from_bodies(editor: httpx.Client) -> None:
    doc = ninjs_story("en", bodies=[{"value": '<p onclick="x()">Hi<script>alert(1)</script>'
                                              '<a href="javascript:alert(2)">link</a></p>'}])
    body = post_json(editor, doc).json()["bodies"][0]["value"]
    assert "script" not in body and "onclick" not in body and "javascript:" not in body
    assert "Hi" in body


@pytest.mark.parametrize("header", [None, "Bearer nope", "Basic abc", "Bearer"])
def test_missing_or_bad_tokens_are_401(live: LiveServer, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    resp = httpx.post(live.url + "/v1/items", content=b"{}", headers=headers)
    assert_problem(resp, 401)
    assert resp.headers["www-authenticate"].startswith("Bearer")


def test_a_revoked_token_stops_working_at_once(live: LiveServer) -> None:
    token = create_token(live.wire.engine, "editor")
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    assert httpx.post(live.url + "/v1/items", content=as_bytes(ninjs_story()), headers=headers).status_code == 201
    assert revoke_token(live.wire.engine, token)
    assert_problem(httpx.post(live.url + "/v1/items", content=as_bytes(ninjs_story()), headers=headers), 401)


BAD_INPUTS = [
    ("application/json", b"{not json", 400),
    ("application/json", b'{"headlines": []}', 422),
    ("application/json", b'{"uri": "x", "urgency": 12}', 422),
    ("application/json", b'{"uri": "x", "versionCreated": "yesterday"}', 422),
    ("application/json", b'["a list"]', 422),
    ("application/json", '{"uri": "x", "headlines": [{"value": "bad \xff"}]}'.encode("latin-1"), 400),
    ("text/plain", b"only a headline", 422),
    ("text/plain", b"Headline\n\xc3\x28 broken", 400),
    ("application/pdf", b"%PDF-1.4", 415),
    ("application/xml", b"<newsItem><unclosed>", 400),
    ("application/xml", b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<newsItem>&lol2;</newsItem>""", 400),
    ("application/xml", b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body>&xxe;</body></nitf>""", 400),
]


@pytest.mark.parametrize(("content_type", "data", "status"), BAD_INPUTS)
def test_bad_input_is_a_clear_4xx_and_writes_nothing(
    editor: httpx.Client, live: LiveServer, content_type: str, data: bytes, status: int
) -> None:
    resp = editor.post("/v1/items", content=data, headers={"Content-Type": content_type})
    assert_problem(resp, status)
    assert store.last_seq(live.wire.engine) == 0


def test_bodies_over_the_limit_are_413(editor: httpx.Client, live: LiveServer) -> None:
    limit = live.wire.settings.max_body_bytes
    doc = ninjs_story("en", bodies=[{"value": "<p>" + "x" * limit + "</p>"}])
    assert_problem(post_json(editor, doc), 413)

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    resp = editor.post("/v1/items", content=chunks(), headers={"Content-Type": "text/plain"})
    assert_problem(resp, 413)
    assert store.last_seq(live.wire.engine) == 0


def test_health_answers_once_the_store_does(live: LiveServer) -> None:
    resp = httpx.get(live.url + "/healthz")
    assert resp.status_code == 200 and resp.json() == {"status": "ok"}


def test_unknown_paths_are_problem_json(live: LiveServer) -> None:
    assert_problem(httpx.get(live.url + "/v1/nothing"), 404)
    body = json.loads(httpx.get(live.url + "/openapi.json").text)
    assert "/v1/items" in body["paths"]

"""JSON may escape half a UTF-16 surrogate pair on its own (``\\ud800``): no UTF-8 text holds it,
so such a story is refused with 400 problem+json, never a 500, and nothing is stored."""

from __future__ import annotations

import httpx
import pytest

from newswire.store.tokens import create_token

from conftest import LiveServer


@pytest.fixture
def editor(live: LiveServer) -> httpx.Client:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


def story(uri: str, headline_json: str) -> bytes:
    """A ninjs story whose headline is the given JSON string literal, escapes and all."""
    head = '{"uri": "' + uri + '", "language": "en", "headlines": [{"value": ' + headline_json + "}], "
    return (head + '"bodies": [{"contentType": "text/plain", "value": "One paragraph."}]}').encode()


@pytest.mark.parametrize("literal", [r'"Storm \ud800 warning"', r'"Storm \udc00"', r'"\ude00\ud83d"'])
def test_a_lone_surrogate_escape_is_a_400_and_nothing_is_stored(editor: httpx.Client, literal: str) -> None:
    resp = editor.post("/v1/items", content=story("urn:newswire:test:surrogate", literal),
                       headers={"Content-Type": "application/json"})
    assert resp.status_code == 400, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "surrogate" in resp.json()["detail"]
    assert editor.get("/v1/items/urn:newswire:test:surrogate").status_code == 404


def test_a_lone_surrogate_in_a_key_is_a_400(editor: httpx.Client) -> None:
    body = b'{"uri": "urn:newswire:test:surrogate-key", "\\ud800": 1, "headlines": [{"value": "h"}]}'
    resp = editor.post("/v1/items", content=body, headers={"Content-Type": "application/json"})
    assert resp.status_code == 400, resp.text


def test_an_escaped_surrogate_pair_is_one_character_and_publishes(editor: httpx.Client) -> None:
    resp = editor.post("/v1/items", content=story("urn:newswire:test:pair", r'"Goal \ud83d\ude00"'),
                       headers={"Content-Type": "application/json"})
    assert resp.status_code == 201, resp.text
    assert resp.json()["headlines"][0]["value"] == "Goal \U0001f600"

"""A NUL character (a raw 0x00 byte, or JSON's ``\\u0000``) fits in no text field of a story:
PostgreSQL's text refuses it and XML forbids it. A story holding one is refused with 400
problem+json in every input format, on every store, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from newswire.store.tokens import create_token

from conftest import LiveServer

URI = "urn:newswire:test:nul"
BODY = '"bodies": [{"contentType": "text/plain", "value": "One paragraph."}]'


@pytest.fixture
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


def ninjs(uri: str, headline: str) -> bytes:
    """A ninjs story; ``uri`` and ``headline`` go in as written, escapes and all."""
    return ('{"uri": "' + uri + '", "language": "en", "headlines": [{"value": "' + headline + '"}], '
            + BODY + "}").encode()


CASES = {
    "ninjs headline escape": ("application/json", ninjs(URI, "Storm\\u0000 warning")),
    "ninjs uri escape": ("application/json", ninjs(URI + "\\u0000", "Storm")),
    "ninjs raw byte": ("application/json", ninjs(URI, "Storm\x00")),
    "wire text": ("text/plain", b"Storm warning\x00 for the coast\nLONDON - Gales are expected tonight.\n"),
    "NITF": ("application/xml",
             b'<nitf><head><title>Storm</title></head><body><body.head><hedline><hl1>Storm\x00</hl1>'
             b"</hedline></body.head><body.content><p>Gales.</p></body.content></body></nitf>"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_story_holding_a_nul_is_a_400_and_nothing_is_stored(editor: httpx.Client, case: str) -> None:
    content_type, body = CASES[case]
    resp = editor.post("/v1/items", content=body, headers={"Content-Type": content_type})
    assert resp.status_code == 400, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "NUL" in resp.json()["detail"] or "control character" in resp.json()["detail"]
    assert editor.get(f"/v1/items/{URI}").status_code == 404

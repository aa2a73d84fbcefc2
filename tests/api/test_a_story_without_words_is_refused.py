"""POST /v1/items refuses a story with no headline and no body text, in every input format, with
a 422 naming what is missing, and stores nothing (tests/formats/test_a_story_needs_words.py has
the rule). Over real HTTP, on both stores."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from newswire.store.tokens import create_token

from conftest import LiveServer

URI = "urn:newswire:test:wordless"
CASES = {
    "NITF": ("application/xml", f'<nitf><head><docdata><doc-id id-string="{URI}"/></docdata></head>'
                                "<body><body.head><hedline><hl1> </hl1></hedline></body.head></body></nitf>"),
    "ninjs": ("application/json", f'{{"uri": "{URI}", "language": "en", "headlines": [{{"value": ""}}]}}'),
    "NewsML-G2": ("application/vnd.iptc.g2.newsitem+xml",
                  f'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{URI}" version="1" '
                  'standard="NewsML-G2" standardversion="2.33"><itemMeta><itemClass qcode="ninat:text"/>'
                  "</itemMeta><contentMeta><headline/></contentMeta></newsItem>"),
    "wire text": ("text/plain", f"URI: {URI}\n\n\n"),
}


@pytest.fixture
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


@pytest.mark.parametrize("case", CASES)
def test_a_story_with_no_headline_and_no_body_is_a_422_and_nothing_is_stored(editor: httpx.Client,
                                                                             case: str) -> None:
    content_type, body = CASES[case]
    resp = editor.post("/v1/items", content=body.encode(), headers={"Content-Type": content_type})
    assert resp.status_code == 422, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "headline" in resp.json()["detail"]
    assert editor.get(f"/v1/items/{URI}").status_code == 404

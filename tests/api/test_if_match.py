"""If-Match on the editor API: an item read's ETag, sent back with an update or a kill,
applies the change only while the story is still at that version; otherwise 412 as
problem+json, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.api.preconditions import item_etag
from newswire.store import items as store
from newswire.store.tokens import create_token

from conftest import LiveServer
from factories import as_bytes, ninjs_story


@pytest.fixture
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


def post(client: httpx.Client, doc: dict[str, Any], **headers: str) -> httpx.Response:
    return client.post("/v1/items", content=as_bytes(doc), headers={"Content-Type": "application/json", **headers})


def problem(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = resp.json()
    assert body["status"] == status
    return body


def tag_of(resp: httpx.Response) -> str:
    """The ETag as the server made it (compression turns it into a W/ tag: it names the same version)."""
    return resp.headers["etag"].removeprefix("W/")


def headline(doc: dict[str, Any], text: str) -> dict[str, Any]:
    return {**doc, "headlines": [{"value": text}]}


def test_reads_and_writes_answer_the_versions_etag(editor: httpx.Client) -> None:
    doc = ninjs_story("en")
    made = post(editor, doc)
    assert made.status_code == 201 and tag_of(made) == item_etag(doc["uri"], 1)
    read = editor.get(made.headers["location"], headers={"Accept-Encoding": "identity"})
    assert read.headers["etag"] == item_etag(doc["uri"], 1)  # strong when the body is not compressed
    assert tag_of(editor.get(made.headers["location"], params={"format": "newsml"})) == read.headers["etag"]
    assert tag_of(editor.get(made.headers["location"] + "/versions/1")) == read.headers["etag"]


def test_an_update_with_the_current_etag_applies_and_a_stale_one_is_412(editor: httpx.Client,
                                                                        live: LiveServer) -> None:
    doc = ninjs_story("en")
    tag = post(editor, doc).headers["etag"]
    first = post(editor, headline(doc, "First editor's update"), **{"If-Match": tag})
    assert first.status_code == 201 and first.json()["version"] == "2"
    assert tag_of(first) == item_etag(doc["uri"], 2)
    before = store.last_seq(live.wire.engine)
    late = post(editor, headline(doc, "Second editor's update"), **{"If-Match": tag})
    body = problem(late, 412)
    assert body["currentVersion"] == 2 and tag_of(late) == tag_of(first)
    assert store.last_seq(live.wire.engine) == before
    assert store.get_item(live.wire.engine, doc["uri"]).headline == "First editor's update"  # type: ignore[union-attr]
    # a retry of the update that went through is answered as unchanged, not refused
    again = post(editor, headline(doc, "First editor's update"), **{"If-Match": tag})
    assert again.status_code == 200 and again.json()["version"] == "2"


def test_weak_tags_lists_and_star(editor: httpx.Client) -> None:
    doc = ninjs_story("en")
    tag = tag_of(post(editor, doc))
    weak = post(editor, headline(doc, "Two"), **{"If-Match": f'"0.0000000000000000", W/{tag}'})
    assert weak.status_code == 201  # a compressed read's W/ tag names the same version
    assert post(editor, headline(doc, "Three"), **{"If-Match": "*"}).status_code == 201
    other = ninjs_story("en")
    problem(post(editor, other, **{"If-Match": "*"}), 412)  # * needs the item to exist
    problem(post(editor, other, **{"If-Match": item_etag(doc["uri"], 1)}), 412)
    problem(post(editor, headline(doc, "Four"), **{"If-Match": item_etag(other["uri"], 3)}), 412)  # another item's
    problem(post(editor, headline(doc, "Four"), **{"If-Match": "not a tag"}), 412)


def test_an_if_match_and_a_body_version_that_disagree_are_a_conflict(editor: httpx.Client) -> None:
    doc = ninjs_story("en")
    tag = post(editor, doc).headers["etag"]
    problem(post(editor, {**headline(doc, "Skips"), "version": "5"}, **{"If-Match": tag}), 409)
    assert post(editor, {**headline(doc, "Next"), "version": "2"}, **{"If-Match": tag}).status_code == 201


def test_a_kill_with_a_stale_etag_is_412_and_with_the_current_one_kills(editor: httpx.Client,
                                                                        live: LiveServer) -> None:
    doc = ninjs_story("en")
    old = post(editor, doc).headers["etag"]
    new = post(editor, headline(doc, "Updated")).headers["etag"]
    stale = editor.post(f"/v1/items/{doc['uri']}/kill", json={"reason": "Legal"}, headers={"If-Match": old})
    assert problem(stale, 412)["currentVersion"] == 2
    assert not store.get_item(live.wire.engine, doc["uri"]).killed  # type: ignore[union-attr]
    done = editor.post(f"/v1/items/{doc['uri']}/kill", json={"reason": "Legal"}, headers={"If-Match": new})
    assert done.status_code == 200 and done.json()["pubStatus"] == "canceled"
    assert tag_of(done) == item_etag(doc["uri"], 3)
    missing = editor.post("/v1/items/urn:newswire:none/kill", json={"reason": "x"}, headers={"If-Match": "*"})
    problem(missing, 404)


def test_without_if_match_nothing_changes(editor: httpx.Client) -> None:
    doc = ninjs_story("en")
    post(editor, doc)
    assert post(editor, headline(doc, "Blind update")).status_code == 201
    problem(post(editor, {**headline(doc, "Old"), "version": "1"}), 409)

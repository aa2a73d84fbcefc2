"""Wire text follows the same version rule as ninjs: an omitted ``Version:`` header means
"not given", so an update appends the next version instead of clashing with version 1."""

from __future__ import annotations

import httpx
import pytest

from newswire.formats import FormatError, parse
from newswire.store.tokens import create_token

from conftest import LiveServer

STORY = """URI: urn:newswire:test:wire-update
Language: en

Council approves the budget
The vote was close.
ANKARA (AA) - The city council approved next year's budget on Tuesday.
"""
UPDATE = STORY.replace("The vote was close.", "The vote was 21 to 20.")


@pytest.fixture
def editor(live: LiveServer) -> httpx.Client:
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}",
                                                   "Content-Type": "text/plain; charset=utf-8"}) as c:
        yield c


def test_an_update_without_a_version_header_appends_the_next_version(editor: httpx.Client) -> None:
    first = editor.post("/v1/items", content=STORY.encode())
    assert first.status_code == 201, first.text
    assert first.json()["version"] == "1"
    second = editor.post("/v1/items", content=UPDATE.encode())
    assert second.status_code == 201, second.text
    assert second.json()["version"] == "2"
    third = editor.post("/v1/items", content=UPDATE.replace("21 to 20", "21 to 19").encode())
    assert third.json()["version"] == "3"
    listing = editor.get("/v1/items/urn:newswire:test:wire-update/versions").json()
    assert [v["version"] for v in listing["versions"]] == [1, 2, 3]


def test_re_posting_the_same_text_without_a_version_changes_nothing(editor: httpx.Client) -> None:
    assert editor.post("/v1/items", content=STORY.encode()).status_code == 201
    again = editor.post("/v1/items", content=STORY.encode())
    assert again.status_code == 200 and again.json()["version"] == "1"


def test_an_explicit_older_version_is_still_a_conflict(editor: httpx.Client) -> None:
    assert editor.post("/v1/items", content=("Version: 2\n" + STORY).encode()).status_code == 201
    stale = editor.post("/v1/items", content=("Version: 1\n" + UPDATE).encode())
    assert stale.status_code == 409
    assert stale.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("value", ["0", "-1", "١", "1_0", "two"])
def test_a_version_header_is_ascii_digits_from_one(value: str) -> None:
    with pytest.raises(FormatError):
        parse(f"Version: {value}\n{STORY}".encode(), "text")

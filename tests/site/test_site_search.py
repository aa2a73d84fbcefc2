"""Site search looks only in what the site shows of a story: headline, standfirst, the
summary it shows, dateline and tag names. A word only in the (hidden) body finds nothing.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx
import pytest

from newswire.site.story import story_path

from conftest import LiveServer
from sitekit import publish, story_doc


@pytest.fixture
def client(live: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=live.url, timeout=30)


def found(client: httpx.Client, path: str, uri: str, lang: str = "en") -> bool:
    resp = client.get(path)
    assert resp.status_code == 200, (path, resp.status_code)
    return story_path(lang, uri) in resp.text


def test_a_word_only_in_the_body_finds_nothing(live: LiveServer, client: httpx.Client) -> None:
    live.wire.pipeline.steps = [s for s in live.wire.pipeline.steps if s[0] != "summary"]
    doc = story_doc(
        "en", headline="Harbour pilots zqheadlinekx strike",
        standfirst="Pilots walked out zqstandfirstkx at dawn.",
        paragraphs=["ZQDATELINEKX (Newswire) — Pilots stopped work on Monday zqledekx.",
                    "Their union zqbodyonekx wants higher pay.",
                    "Talks resume zqbodytwokx next week.",
                    "The port zqbodythreekx stays open."],
        summary=None, located="Zqdatelinekx", people=("Ana Zqpersonkx",), places=("Zqplacekx",),
    )
    publish(live.wire, doc)
    uri = doc["uri"]
    for word in ("zqheadlinekx", "zqstandfirstkx", "zqledekx", "zqdatelinekx", "zqpersonkx", "zqplacekx"):
        assert found(client, f"/search?q={word}", uri), word
        assert found(client, f"/en/search?q={word}", uri), word
    for word in ("zqbodyonekx", "zqbodytwokx", "zqbodythreekx"):
        assert not found(client, f"/search?q={word}", uri), word
        assert not found(client, f"/en/search?q={word}", uri), word
    # A query mixing a shown word and a body word: every word must be in what is shown.
    assert not found(client, "/search?q=zqheadlinekx+zqbodyonekx", uri)
    assert found(client, "/search?q=zqheadlinekx+pilots", uri)


def test_search_is_stemmed_like_the_store(live: LiveServer, client: httpx.Client) -> None:
    doc = story_doc("en", headline="Ferry operators announce zqstemkx timetables",
                    paragraphs=["Operators met.", "Ferries zqferrybodykx sail at night.", "It ends."],
                    summary="Operators announced new timetables.")
    publish(live.wire, doc)
    assert found(client, "/en/search?q=timetable+zqstemkx", doc["uri"])  # plural in the headline
    assert found(client, "/en/search?q=announcing+operator", doc["uri"])
    assert not found(client, "/en/search?q=zqferrybodykx", doc["uri"])


def test_the_machine_summary_the_site_shows_is_searchable(live: LiveServer, client: httpx.Client) -> None:
    paragraphs = [f"The harbour board approved plan number {n} zqsum{chr(98 + n)}kx on Monday morning."
                  for n in range(6)]
    doc = story_doc("en", headline="Board approves harbour plans", paragraphs=paragraphs)
    result = publish(live.wire, doc)
    summary = result.item.summary or ""
    shown = [w for w in (f"zqsum{chr(98 + n)}kx" for n in range(6)) if w in summary]
    hidden = [w for w in (f"zqsum{chr(98 + n)}kx" for n in range(6)) if w not in summary]
    assert shown and hidden
    for word in shown:
        assert found(client, f"/search?q={word}", doc["uri"]), word
    for word in hidden:
        assert not found(client, f"/search?q={word}", doc["uri"]), word

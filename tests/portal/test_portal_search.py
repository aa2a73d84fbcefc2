"""Search in the portal: the store's search through the portal's one rule, facets, highlighted
matches that never turn story text or the query into markup, relevance or time order."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import httpx
import pytest

from newswire.model import utcnow
from newswire.store.tokens import create_token

from conftest import LiveServer
from portalkit import Visitor, live, organisation, publish, reader, readers

__all__ = ["live"]  # the portal's shared server, a fixture


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    readers(live, {"search-en": {"languages": ["en"]}, "search-all": {}})


def word() -> str:
    """A word no other story on the shared server has."""
    return "qz" + uuid.uuid4().hex[:10]


def hits(visitor: Visitor, **query: str) -> list[str]:
    page = visitor.get("/portal/search", params=query)
    assert page.status_code == 200, page.text
    return re.findall(r'<li class="hit" data-uri="([^"]+)"', page.text)


def test_search_finds_only_what_the_organisation_may_read(live: LiveServer) -> None:
    marker = word()
    english, turkish = publish(live, "en", marker=marker), publish(live, "tr", marker=marker)
    assert hits(reader(live, "search-en"), q=marker) == [english]
    everything = reader(live, "search-all")
    assert sorted(hits(everything, q=marker)) == sorted([english, turkish])
    assert hits(everything, q=marker, language="tr") == [turkish]
    # A word only in a version the organisation may not read (the story moved into Turkish).
    later = word()
    publish(live, "tr", uri=english, marker=later)
    assert hits(reader(live, "search-en"), q=later) == []
    assert hits(everything, q=later) == [english]
    # Killed and withheld stories are out of search, as in the API.
    gone, held = word(), word()
    killed, withheld = publish(live, "en", marker=gone), publish(live, "en", marker=held)
    live.wire.kill(killed, "legal")
    publish(live, "en", uri=withheld, marker=held, pubStatus="withheld")
    assert hits(everything, q=gone) == [] and hits(everything, q=held) == []


def test_matches_are_marked_and_nothing_becomes_markup(live: LiveServer) -> None:
    marker = word()
    uri = publish(live, "en", marker=f"{marker} &lt;img src=x onerror=alert(1)&gt;",
                  headlines=[{"value": f"Harbour <b>{marker}</b> & co"}])
    visitor = reader(live, "search-en")
    page = visitor.get("/portal/search", params={"q": marker})
    entry = page.text.split(f'data-uri="{uri}"', 1)[1].split("</li>", 1)[0]
    assert f"<mark>{marker}</mark>" in entry
    assert "&lt;b&gt;" in entry and "<b>" not in entry and "&amp; co" in entry  # the headline is text
    assert "<img" not in page.text
    query = visitor.get("/portal/search", params={"q": f'{marker} "><script>alert(1)</script>'})
    assert query.status_code == 200 and "<script>alert" not in query.text
    assert "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in query.text  # the query, escaped in the field


def test_facets_narrow_and_undo(live: LiveServer) -> None:
    marker = word()
    english = publish(live, "en", marker=marker, located="Mersin")
    turkish = publish(live, "tr", marker=marker, located="Izmir")
    everything = reader(live, "search-all")
    page = everything.get("/portal/search", params={"q": marker}).text
    facets = page.split('<aside class="facets"', 1)[1].split("</aside>", 1)[0]
    for label in ("English", "Türkçe", "Mersin", "Izmir", "Business"):
        assert label in facets, label
    narrowed = re.search(r'<a href="([^"]+)"[^>]*>Mersin</a>', facets)
    assert narrowed
    href = narrowed.group(1).replace("&amp;", "&")
    assert "place=mersin" in href
    narrowed_page = everything.get(href)
    assert re.findall(r'<li class="hit" data-uri="([^"]+)"', narrowed_page.text) == [english]
    undo = re.search(r'<a href="([^"]+)" aria-current="true"', narrowed_page.text)
    assert undo and "place=" not in undo.group(1)
    assert 'aria-label="Clear: Mersin"' in narrowed_page.text
    assert sorted(hits(everything, q=marker, topic="medtop:04000000")) == sorted([english, turkish])
    assert hits(everything, q=marker, topic="medtop:11000000") == []
    assert hits(everything, q=marker, type="picture") == []


def test_dates_and_order(live: LiveServer) -> None:
    marker = word()
    now = utcnow()
    older = publish(live, "en", marker=" ".join([marker] * 6),  # more of the word: more relevant
                    versionCreated=(now - timedelta(minutes=2)).isoformat())
    newer = publish(live, "en", marker=marker, versionCreated=now.isoformat())
    everything = reader(live, "search-all")
    assert hits(everything, q=marker) == [older, newer]
    assert hits(everything, q=marker, sort="time") == [newer, older]
    today = now.date().isoformat()
    assert len(hits(everything, q=marker, **{"from": (now - timedelta(days=1)).date().isoformat(), "to": today})) == 2
    assert hits(everything, q=marker, **{"from": "2001-01-01", "to": "2001-01-31"}) == []
    for bad in ({"from": "yesterday"}, {"from": "2026-02-30"}, {"from": today, "to": "2001-01-01"},
                {"to": "9999-12-31"}, {"from": "0001-01-01"}):
        page = everything.get("/portal/search", params={"q": marker, **bad})
        assert page.status_code == 400 and "The dates must be days" in page.text


def test_the_page_speaks_the_readers_language_and_needs_a_session(live: LiveServer) -> None:
    assert Visitor.at(live).get("/portal/search", params={"q": "x"}).status_code == 303
    page = reader(live, "search-en").get("/portal/search", params={"lang": "ar"})
    assert page.status_code == 200 and 'dir="rtl"' in page.text and "الكلمات" in page.text
    assert 'for="s-q"' in page.text and ">بحث</button>" in page.text


def test_odd_queries_are_answered_not_failed(live: LiveServer) -> None:
    visitor = reader(live, "search-all")
    for q in ("\x00", "a\x00b", "'", '"', "-", "***", "OR", "NEAR(", "a:b", "x" * 300, "ﷺ", "١٢٣"):
        page = visitor.get("/portal/search", params={"q": q, "sort": "time", "page": "99"})
        assert page.status_code == 200, (q, page.text[:300])
    key = create_token(live.wire.engine, "subscriber", subscriber_id=organisation(live, "search-all"))
    found = httpx.get(live.url + "/v1/search", params={"q": "a\x00b"}, headers={"Authorization": f"Bearer {key}"})
    assert found.status_code == 422 and "NUL" in found.json()["detail"]  # the API refuses what no store keeps

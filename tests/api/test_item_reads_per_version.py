"""Item reads decide per version: a subscriber reads a version that reached it or that
routing would deliver to it now — never a newer version held back by an embargo, switched
out of its contract, or a story withdrawn before it arrived. Every format, every path."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from newswire.model import KILL_HEADLINE, utcnow
from newswire.samples import STORIES
from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer, open_wire, start_server
from factories import ninjs_story
from wirekit import Sub, publish, subscriber

FORMATS = ("ninjs", "ninjs2", "newsml", "nitf")


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, webhooks_allow_private=True, embargo_poll_seconds=0.2)
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


def update(wire: Wire, doc: dict[str, Any], **fields: Any) -> None:
    fields = {**{k: v for k, v in doc.items() if k != "version"}, **fields}
    publish(wire, fields["language"], **fields)


def readable(sub: Sub, uri: str) -> list[int]:
    """The versions the subscriber sees, checked on every read path alike."""
    resp = sub.client.get(f"/v1/items/{uri}/versions")
    if resp.status_code == 404:
        assert sub.client.get(f"/v1/items/{uri}").status_code == 404
        return []
    listed = [v["version"] for v in resp.json()["versions"]]
    latest = sub.client.get(f"/v1/items/{uri}")
    assert latest.status_code == 200 and int(latest.json()["version"]) == listed[-1]
    for version in range(1, max(listed) + 3):
        got = sub.client.get(f"/v1/items/{uri}/versions/{version}")
        assert got.status_code == (200 if version in listed else 404), (version, listed)
    return listed


def version_in(sub: Sub, uri: str, fmt: str) -> str:
    resp = sub.client.get(f"/v1/items/{uri}", params={"format": fmt})
    assert resp.status_code == 200
    return resp.text


def test_an_update_put_under_embargo_is_invisible_until_it_lifts(live: LiveServer) -> None:
    plain = subscriber(live, "plain", {"languages": ["en"]})
    early = subscriber(live, "early", {"languages": ["en"], "embargoEarly": True})
    doc = publish(live.wire, "en", marker="first")
    update(live.wire, doc, embargoedUntil=(utcnow() + timedelta(hours=2)).isoformat(),
           bodies=[{"contentType": "text/html", "value": "<p>Held back sentence about zanzibarite.</p>"}])

    assert readable(plain, doc["uri"]) == [1]
    for fmt in FORMATS:
        assert "zanzibarite" not in version_in(plain, doc["uri"], fmt)
    assert readable(early, doc["uri"]) == [1, 2]
    assert "zanzibarite" in version_in(early, doc["uri"], "nitf")


def test_an_update_switched_to_a_language_outside_the_contract_is_invisible(live: LiveServer) -> None:
    english = subscriber(live, "english", {"languages": ["en"]})
    doc = publish(live.wire, "en")
    update(live.wire, doc, **{k: v for k, v in ninjs_story("fr", marker="baguettine").items() if k != "uri"})
    assert readable(english, doc["uri"]) == [1]
    assert "baguettine" not in version_in(english, doc["uri"], "ninjs")


def test_a_version_that_reached_a_subscriber_stays_readable_after_its_products_change(live: LiveServer) -> None:
    sub = subscriber(live, "changing", {"languages": ["en"]})
    doc = publish(live.wire, "en")
    accounts.create_product(live.wire.engine, "french-only", {"languages": ["fr"]})
    accounts.set_subscriber_products(live.wire.engine, "changing", ["french-only"])
    time.sleep(1.2)  # products are re-read at most every second
    update(live.wire, doc, marker="after the change")
    assert readable(sub, doc["uri"]) == [1]


def test_a_late_subscriber_sees_nothing_of_a_story_killed_before_it_arrived(live: LiveServer) -> None:
    before = subscriber(live, "before", {})
    doc = publish(live.wire, "en", marker="libellous")
    live.wire.kill(doc["uri"], "legal")
    late = subscriber(live, "late", {})

    assert readable(late, doc["uri"]) == []
    assert doc["uri"] not in {e["item"]["uri"] for e in late.all_events()}
    assert readable(before, doc["uri"]) == [1, 2]
    assert [e["type"] for e in before.all_events() if e["item"]["uri"] == doc["uri"]] == ["published", "killed"]


def test_a_kill_reaches_a_subscriber_that_joined_after_the_story_and_pulled_it_from_the_backlog(
        live: LiveServer) -> None:
    doc = publish(live.wire, "en", marker="retracted")
    joined = subscriber(live, "joined-later", {"languages": ["en"]})
    elsewhere = subscriber(live, "french-desk", {"languages": ["fr"]})
    assert readable(joined, doc["uri"]) == [1]  # the backlog: the story is there to pull
    assert [e["type"] for e in joined.all_events() if e["item"]["uri"] == doc["uri"]] == ["published"]

    live.wire.kill(doc["uri"], "legal")

    assert [e["type"] for e in joined.all_events() if e["item"]["uri"] == doc["uri"]] == ["killed"]
    assert readable(joined, doc["uri"]) == [2]
    killed = joined.client.get(f"/v1/items/{doc['uri']}").json()
    assert killed["pubStatus"] == "canceled" and "retracted" not in json.dumps(killed)
    # a subscriber whose contract never admitted the story hears nothing of it
    assert readable(elsewhere, doc["uri"]) == []
    assert doc["uri"] not in {e["item"]["uri"] for e in elsewhere.all_events()}


def test_a_kill_under_embargo_reaches_only_those_who_may_see_embargoed_copy(live: LiveServer) -> None:
    doc = publish(live.wire, "en", marker="prematurely",
                  embargoedUntil=(utcnow() + timedelta(hours=2)).isoformat())
    plain = subscriber(live, "plain-later", {"languages": ["en"]})
    early = subscriber(live, "early-later", {"languages": ["en"], "embargoEarly": True})
    live.wire.kill(doc["uri"], "embargo broken")

    assert doc["uri"] not in {e["item"]["uri"] for e in plain.all_events()}
    assert readable(plain, doc["uri"]) == []
    assert [e["type"] for e in early.all_events() if e["item"]["uri"] == doc["uri"]] == ["killed"]


def test_a_withheld_story_is_readable_only_by_those_it_reached_and_never_searchable(live: LiveServer) -> None:
    before = subscriber(live, "before", {})
    doc = publish(live.wire, "en", marker="quarantined")
    update(live.wire, doc, pubStatus="withheld")
    late = subscriber(live, "late", {})

    assert readable(late, doc["uri"]) == []
    assert doc["uri"] not in {e["item"]["uri"] for e in late.all_events()}
    assert readable(before, doc["uri"]) == [1, 2]
    for sub in (before, late):
        assert sub.client.get("/v1/search", params={"q": "quarantined"}).json()["results"] == []
    # released again: the story is back for everyone its products admit
    update(live.wire, doc, pubStatus="usable", marker="released")
    assert readable(late, doc["uri"]) == [1, 3]


def test_a_killed_version_and_everything_derived_from_it_carry_no_text_of_the_story(live: LiveServer) -> None:
    sub = subscriber(live, "reader", {})
    doc = publish(live.wire, "en", marker="defamatory",
                  slugline="HARBOUR-DEFAMATORY", byline="Defamatory Reporter")
    live.wire.kill(doc["uri"], "legal reasons")
    killed_by_post = publish(live.wire, "en", marker="slanderous")
    update(live.wire, killed_by_post, pubStatus="canceled")
    for uri, word in ((doc["uri"], "defamatory"), (killed_by_post["uri"], "slanderous")):
        for fmt in FORMATS:
            text = version_in(sub, uri, fmt).lower()
            assert word not in text and "harbour" not in text, (fmt, text[:400])
        ninjs = sub.client.get(f"/v1/items/{uri}").json()
        assert ninjs["pubStatus"] == "canceled"
        assert ninjs["headlines"] == [{"value": KILL_HEADLINE}]
        assert not ninjs.get("bodies") and not ninjs.get("descriptions")


def test_a_killed_enriched_story_keeps_none_of_its_summary_quotes_people_or_diary(live: LiveServer) -> None:
    """The kill notice of a story enrichment filled (machine summary, quotes with speakers,
    people, diary events, dateline) carries none of it, in any format."""
    sub = subscriber(live, "enriched-reader", {})
    uri = f"urn:newswire:test:enriched-kill-{time.time_ns()}"
    text = (STORIES / "01-en-caspian-corridor.txt").read_text(encoding="utf-8")
    live.wire.ingest(text.replace("urn:newswire:sample:caspian-transport-corridor", uri).encode())
    # (its places stay: routing needs them to find the recipients)
    derived = ("sauranbayev", "nabiyev", "goal is simple", "2027-03-18", "middle corridor", "economy desk")
    before = {fmt: version_in(sub, uri, fmt) for fmt in FORMATS}
    ninjs = json.loads(before["ninjs"])
    assert any(d.get("role") == "summary" for d in ninjs["descriptions"])  # not vacuous: all of it was there
    assert all(word in before["ninjs"].lower() for word in derived), before["ninjs"][:400]
    live.wire.kill(uri, "legal")
    for fmt in FORMATS:
        after = version_in(sub, uri, fmt)
        assert not [word for word in derived if word in after.lower()], (fmt, after[:400])
    killed = sub.client.get(f"/v1/items/{uri}").json()
    assert killed["pubStatus"] == "canceled" and not killed.get("associations") and not killed.get("people")


def test_the_diary_leaves_withheld_and_killed_stories_out_even_for_those_who_had_them(live: LiveServer) -> None:
    sub = subscriber(live, "diary-reader", {})
    text = (STORIES / "01-en-caspian-corridor.txt").read_text(encoding="utf-8")
    uris = [f"urn:newswire:test:diary-{name}-{time.time_ns()}" for name in ("withheld", "killed")]
    for uri in uris:
        live.wire.ingest(text.replace("urn:newswire:sample:caspian-transport-corridor", uri).encode())

    def listed() -> set[str]:
        answer = sub.client.get("/v1/planning", params={"from": "2027-03-01", "to": "2027-03-31"})
        assert answer.status_code == 200, answer.text
        return {e["item"]["uri"] for e in answer.json()["entries"] if e["date"] == "2027-03-18"}

    assert listed() == set(uris)  # the meeting in Tbilisi, found in both
    withheld, killed = uris
    live.wire.ingest(text.replace("urn:newswire:sample:caspian-transport-corridor", withheld)
                     .replace("Version: 1", "Version: 2").replace("Urgency: 4", "Urgency: 4\nPub-Status: withheld")
                     .encode())
    live.wire.kill(killed, "legal")
    assert listed() == set()


def test_editors_read_every_version(live: LiveServer) -> None:
    doc = publish(live.wire, "en")
    update(live.wire, doc, embargoedUntil=(utcnow() + timedelta(hours=2)).isoformat())
    token = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as editor:
        listed = editor.get(f"/v1/items/{doc['uri']}/versions").json()["versions"]
        assert [v["version"] for v in listed] == [1, 2]


def test_a_kill_of_a_story_with_an_embargoed_update_says_nothing_of_the_update(live: LiveServer) -> None:
    sub = subscriber(live, "had-it", {"languages": ["en"]})
    doc = publish(live.wire, "en")
    update(live.wire, doc, embargoedUntil=(utcnow() + timedelta(hours=2)).isoformat(),
           places=[{"name": "Secretville"}], subjects=[{"uri": "http://cv.iptc.org/newscodes/mediatopic/11000000",
                                                        "name": "politics"}])
    live.wire.kill(doc["uri"], "legal")
    killed = sub.client.get(f"/v1/items/{doc['uri']}").json()
    assert killed["pubStatus"] == "canceled"
    assert "Secretville" not in json.dumps(killed) and "11000000" not in json.dumps(killed)

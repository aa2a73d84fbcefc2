"""What a portal user reads: exactly what the organisation's products allow, version by version
(the API's rule), with kills, withholds and embargoes shown for what they are; downloads in
every format recorded in the usage audit; the interface in English, Turkish and Arabic."""

from __future__ import annotations

import io
import re
import threading
import time
import zipfile
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from newswire.model import utcnow
from newswire.samples import STORIES
from newswire.store.engine import read_tx
from newswire.store.tables import usage
from newswire.store.users import get_user

from conftest import LiveServer
from portalkit import Visitor, live, member, organisation, person, publish

__all__ = ["live"]  # the portal's shared server, a fixture


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    organisation(live, "english-desk", {"languages": ["en"]})
    organisation(live, "turkish-desk", {"languages": ["tr"]})
    organisation(live, "early-desk", {"languages": ["en"], "embargoEarly": True})
    organisation(live, "everything", {})
    for org in ("english-desk", "turkish-desk", "early-desk", "everything"):
        member(live, f"reader@{org}.example", org)


def reader(live: LiveServer, org: str) -> Visitor:
    return Visitor.at(live).signed_in(f"reader@{org}.example")


def flow_uris(visitor: Visitor, **query: str) -> list[str]:
    page = visitor.get("/portal/", params=query)
    assert page.status_code == 200
    return re.findall(r'<tr class="row[^"]*" data-uri="([^"]+)"', page.text)


def test_a_user_sees_only_what_the_organisations_products_allow(live: LiveServer) -> None:
    english = publish(live, "en", slugline="HARBOUR")
    turkish = publish(live, "tr")
    en_reader, tr_reader = reader(live, "english-desk"), reader(live, "turkish-desk")
    assert english in flow_uris(en_reader) and turkish not in flow_uris(en_reader)
    assert turkish in flow_uris(tr_reader) and english not in flow_uris(tr_reader)
    assert en_reader.get(f"/portal/items/{english}").status_code == 200
    # Outside the products: not found, on the story page and for every download.
    missing = en_reader.get(f"/portal/items/{turkish}")
    assert missing.status_code == 404 and "Liman" not in missing.text
    for fmt in ("ninjs", "newsml", "nitf", "text"):
        assert en_reader.get(f"/portal/download/{turkish}", params={"format": fmt}).status_code == 404
    assert en_reader.get("/portal/items/urn:newswire:no-such-story").status_code == 404


def test_the_story_page_shows_the_full_text_and_only_the_versions_that_reach_the_user(live: LiveServer) -> None:
    uri = publish(live, "en", slugline="TERMINAL", located="MERSIN", by="Ayla Demir", marker="first-draft")
    # The update moves the story into Turkish: it no longer reaches the English desk.
    publish(live, "tr", uri=uri, located="MERSIN", marker="turkish-update")
    en_reader, everything = reader(live, "english-desk"), reader(live, "everything")
    page = en_reader.get(f"/portal/items/{uri}")
    assert page.status_code == 200
    assert "Port authority opens new container terminal" in page.text  # headline
    assert "The terminal doubles the harbour" in page.text  # standfirst and body
    assert "first-draft" in page.text and "turkish-update" not in page.text
    assert "MERSIN" in page.text and "Ayla Demir" in page.text and "TERMINAL" in page.text
    assert "Version 1" in page.text and "Version 2" not in page.text
    assert en_reader.get(f"/portal/items/{uri}", params={"version": "2"}).status_code == 404
    assert "turkish-update" in everything.get(f"/portal/items/{uri}").text
    older = everything.get(f"/portal/items/{uri}", params={"version": "1"})
    assert "first-draft" in older.text and f'href="/portal/items/{uri}?version=2"' in older.text


def test_a_correction_shows_what_it_changed_word_by_word(live: LiveServer) -> None:
    uri = publish(live, "en", marker="rose by 2.8 percent")
    publish(live, "en", uri=uri, marker="rose by 2.3 percent", edNote="Correction: the rise was 2.3 percent")
    page = reader(live, "english-desk").get(f"/portal/items/{uri}")
    assert "This version is a correction." in page.text and "What changed since version 1" in page.text
    changed = page.text.split('<section class="changes"', 1)[1].split("</section>", 1)[0]
    assert "<del>2.8</del> <ins>2.3</ins>" in changed and "The terminal doubles" not in changed
    row = reader(live, "english-desk").get("/portal/").text.split(f'data-uri="{uri}"', 1)[1].split("</tr>", 1)[0]
    assert "mark-corrected" in row


def test_a_killed_story_shows_the_kill_notice_not_the_text(live: LiveServer) -> None:
    uri = publish(live, "en", marker="secret-paragraph")
    en_reader = reader(live, "english-desk")
    assert "secret-paragraph" in en_reader.get(f"/portal/items/{uri}").text
    live.wire.kill(uri, "legal complaint")
    page = en_reader.get(f"/portal/items/{uri}")
    assert page.status_code == 200 and "This story was killed" in page.text
    assert "KILL: legal complaint" in page.text
    assert "secret-paragraph" not in page.text and "The terminal doubles" not in page.text
    # Asking for the earlier version still gives the notice; so does every download.
    assert "secret-paragraph" not in en_reader.get(f"/portal/items/{uri}", params={"version": "1"}).text
    assert "secret-paragraph" not in en_reader.get(f"/portal/download/{uri}", params={"format": "text",
                                                                                   "version": "1"}).text
    row = en_reader.get("/portal/").text.split(f'data-uri="{uri}"', 1)[1].split("</tr>", 1)[0]
    assert "mark-killed" in row
    # An organisation that never had the story does not learn of it.
    organisation(live, "late-desk", {"languages": ["en"]})
    person(live, "reader@late-desk.example", "late-desk")
    late = reader(live, "late-desk")
    assert late.get(f"/portal/items/{uri}").status_code == 404 and uri not in flow_uris(late)


def test_withheld_and_embargoed_stories_carry_their_banners(live: LiveServer) -> None:
    held = publish(live, "en")
    publish(live, "en", uri=held, pubStatus="withheld")
    embargoed = publish(live, "en", embargoedUntil=(utcnow() + timedelta(hours=2)).isoformat())
    en_reader, early = reader(live, "english-desk"), reader(live, "early-desk")
    assert "Withheld: do not use" in en_reader.get(f"/portal/items/{held}").text
    assert embargoed not in flow_uris(en_reader)
    assert en_reader.get(f"/portal/items/{embargoed}").status_code == 404
    page = early.get(f"/portal/items/{embargoed}")
    assert page.status_code == 200 and "Embargoed until" in page.text
    row = early.get("/portal/").text.split(f'data-uri="{embargoed}"', 1)[1].split("</tr>", 1)[0]
    assert "mark-embargoed" in row


def test_downloads_in_every_format_are_recorded_in_the_usage_audit(live: LiveServer) -> None:
    uri = publish(live, "en", marker="download-me")
    everything = reader(live, "everything")
    expected = {"ninjs": ("application/json", '"uri"'), "newsml": ("application/vnd.iptc.g2.newsitem+xml", "newsItem"),
                "nitf": ("application/xml", "<nitf"), "text": ("text/plain", "download-me")}
    for fmt, (media, marker) in expected.items():
        got = everything.get(f"/portal/download/{uri}", params={"format": fmt})
        assert got.status_code == 200 and got.headers["content-type"].startswith(media)
        assert marker in got.text and got.headers["content-disposition"].startswith("attachment;")
    assert everything.get(f"/portal/download/{uri}", params={"format": "exe"}).status_code == 404
    everything.get(f"/portal/items/{uri}")
    user_id = get_user(live.wire.engine, "reader@everything.example").id
    rows = _usage_rows(live, uri, expect=5)
    counted: dict[str, int] = {}
    for row in rows:  # one row per flush window
        counted[row.channel] = counted.get(row.channel, 0) + row.count
    assert counted == {"download": 4, "portal": 1}
    assert {r.token_id for r in rows} == {f"user:{user_id}"}


def test_selected_stories_download_as_one_zip_of_what_the_user_may_read(live: LiveServer) -> None:
    first, second = publish(live, "en", marker="zip-one"), publish(live, "en", marker="zip-two")
    foreign = publish(live, "tr", marker="zip-foreign")
    en_reader = reader(live, "english-desk")
    page = en_reader.get("/portal/").text
    assert f'form="pick" name="uri" value="{first}"' in page
    got = en_reader.get("/portal/zip", params=[("uri", first), ("uri", second), ("uri", foreign),
                                               ("format", "text")])
    assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(got.content)) as archive:
        texts = {name: archive.read(name).decode() for name in archive.namelist()}
    assert sorted(texts) == sorted(re.sub(r"[^A-Za-z0-9._-]+", "-", uri) + "-v1.txt" for uri in (first, second))
    assert any("zip-one" in t for t in texts.values()) and any("zip-two" in t for t in texts.values())
    assert not any("zip-foreign" in t for t in texts.values())  # another language's story is left out
    assert en_reader.get("/portal/zip", params={"uri": foreign}).status_code == 404
    rows = _usage_rows(live, first, expect=1)
    assert {r.channel for r in rows} == {"download"}


def _usage_rows(live: LiveServer, uri: str, expect: int) -> list[Any]:
    deadline = time.monotonic() + 5
    while True:  # the audit is written in batches every half second
        with read_tx(live.wire.engine) as conn:
            rows = conn.execute(select(usage).where(usage.c.uri == uri)).all()
        if sum(r.count for r in rows) >= expect or time.monotonic() > deadline:
            return list(rows)
        time.sleep(0.1)


def test_managers_see_their_organisations_usage_members_do_not(live: LiveServer) -> None:
    person(live, "boss@english-desk.example", "english-desk", role="manager")
    boss, member = Visitor.at(live).signed_in("boss@english-desk.example"), reader(live, "english-desk")
    uri = publish(live, "en")
    member.get(f"/portal/items/{uri}")
    member.get(f"/portal/download/{uri}", params={"format": "nitf"})
    page = boss.get("/portal/usage")
    assert page.status_code == 200 and 'href="/portal/usage"' in page.text
    assert re.search(r"Portal: downloads</td><td class=\"num\">[1-9]", page.text), page.text
    assert member.get("/portal/usage").status_code == 404 and 'href="/portal/usage"' not in member.get("/portal/").text


def test_filters_live_in_the_address(live: LiveServer) -> None:
    flash = publish(live, "en", urgency=1, marker="zeppelin")
    calm = publish(live, "en", urgency=6)
    turkish = publish(live, "tr", urgency=2)
    everything = reader(live, "everything")
    assert {flash, calm, turkish} <= set(flow_uris(everything))
    urgent = flow_uris(everything, urgency="2")
    assert flash in urgent and turkish in urgent and calm not in urgent
    assert flow_uris(everything, urgency="2", language="tr") == [turkish]
    assert flow_uris(everything, q="ZEPPELIN") == [flash]
    assert calm in flow_uris(everything, type="text") and not flow_uris(everything, q="zeppelin", type="video")
    page = everything.get("/portal/", params={"q": "zeppelin", "urgency": "2"})
    assert 'value="zeppelin"' in page.text and '<option value="2" selected>' in page.text
    assert everything.get("/portal/", params={"urgency": "99", "type": "<script>", "before": "%%"}).status_code == 200


def test_what_a_story_is_about_links_to_the_flow_filtered_by_it(live: LiveServer) -> None:
    tagged = publish(live, "en", places=[{"name": "Mersin"}], people=[{"name": "Ayla Demir"}])
    other = publish(live, "en", places=[{"name": "Izmir"}])
    everything = reader(live, "everything")
    page = everything.get(f"/portal/items/{tagged}").text
    about = page.split('<section class="tags">', 1)[1].split("</section>", 1)[0]
    assert 'href="/portal/?place=Mersin"' in about and 'href="/portal/?person=Ayla+Demir"' in about
    assert 'href="/portal/?topic=medtop%3A04000000"' in about and ">Business<" in about
    in_mersin = flow_uris(everything, place="mersin")
    assert tagged in in_mersin and other not in in_mersin
    assert tagged in flow_uris(everything, person="Ayla Demir") and other not in flow_uris(everything, person="x")
    economy = flow_uris(everything, topic="04000000")  # a code admits itself and its descendants
    assert tagged in economy and other in economy and not flow_uris(everything, topic="medtop:15000000")
    filtered = everything.get("/portal/", params={"place": "Mersin", "q": "terminal"}).text
    assert '<input type="hidden" name="place" value="mersin">' in filtered  # kept when the form is sent
    assert 'href="/portal/?q=terminal"' in filtered  # undoing the place keeps the rest


def test_the_story_page_shows_its_quotes_with_speakers_and_the_dates_it_mentions(live: LiveServer) -> None:
    """Issue 10: what enrichment finds in the seed-shaped sample is shown to portal users."""
    uri = f"urn:newswire:portal:caspian-{time.time_ns()}"
    text = (STORIES / "01-en-caspian-corridor.txt").read_text(encoding="utf-8")
    live.wire.ingest(text.replace("urn:newswire:sample:caspian-transport-corridor", uri).encode())
    page = reader(live, "english-desk").get(f"/portal/items/{uri}")
    assert page.status_code == 200
    quotes = page.text.split('<section class="quotes"', 1)[1].split("</section>", 1)[0]
    assert "Our goal is simple" in quotes and "— Nurlan Sauranbayev" in quotes and "— Rashad Nabiyev" in quotes
    dated = page.text.split('<section class="dated">', 1)[1].split("</section>", 1)[0]
    assert '<time datetime="2027-03-18">' in dated and "Tbilisi" in dated


def test_new_stories_arrive_through_the_updates_endpoint_within_a_second(live: LiveServer) -> None:
    en_reader = reader(live, "english-desk")
    page = en_reader.get("/portal/")
    after = re.search(r'data-after="(\d+)"', page.text)
    assert after
    answer: dict[str, Any] = {}

    def wait() -> None:
        answer["response"] = en_reader.client.get("/portal/updates", params={"after": after.group(1)})
        answer["at"] = time.monotonic()

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.3)
    publish(live, "tr")  # not for this reader: the request keeps waiting
    time.sleep(0.3)
    assert waiter.is_alive()
    sent = time.monotonic()
    uri = publish(live, "en", marker="just-in")
    waiter.join(10)
    got: httpx.Response = answer["response"]
    assert got.status_code == 200 and answer["at"] - sent < 1.0
    body = got.json()
    assert [row["uri"] for row in body["rows"]] == [uri] and f'data-uri="{uri}"' in body["rows"][0]["html"]
    assert int(body["next"]) > int(after.group(1))
    assert Visitor.at(live).get("/portal/updates", params={"after": "0"}).status_code == 401
    # A wait that outlives its session answers 401, not the news.
    leaving = reader(live, "english-desk")
    late: dict[str, httpx.Response] = {}
    waiter = threading.Thread(target=lambda: late.update(r=leaving.client.get(
        "/portal/updates", params={"after": body["next"]})))
    waiter.start()
    time.sleep(0.3)
    other_tab = Visitor(httpx.Client(base_url=live.url, cookies=dict(leaving.client.cookies)))
    assert other_tab.post("/portal/logout", {}, csrf_from="/portal/").status_code == 303
    publish(live, "en", marker="after-sign-out")
    waiter.join(10)
    assert late["r"].status_code == 401
    assert en_reader.get("/portal/updates", params={"after": "x"}).status_code == 400


def test_the_interface_speaks_turkish_and_arabic_right_to_left(live: LiveServer) -> None:
    everything = reader(live, "everything")
    arabic_story = publish(live, "ar")
    page = everything.get("/portal/", params={"lang": "ar"})
    assert '<html lang="ar" dir="rtl">' in page.text and "البث المباشر" in page.text
    row = page.text.split(f'data-uri="{arabic_story}"', 1)[1].split("</tr>", 1)[0]
    assert 'dir="auto"' in row and 'lang="ar"' in row
    assert '<html lang="ar" dir="rtl">' in everything.get(f"/portal/items/{arabic_story}").text  # remembered
    # The choice is the user's: it follows them to another browser.
    assert '<html lang="ar" dir="rtl">' in reader(live, "everything").get("/portal/").text
    assert '<html lang="tr" dir="ltr">' in everything.get("/portal/", params={"lang": "tr"}).text
    everything.get("/portal/", params={"lang": "en"})
    fresh = Visitor.at(live, **{"Accept-Language": "fr-FR, ar;q=0.8, en;q=0.5"})
    assert '<html lang="ar" dir="rtl">' in fresh.get("/portal/login").text
    assert "كلمة المرور" in fresh.get("/portal/login").text


def test_a_service_filters_the_flow_and_the_story_links_to_it(live: LiveServer) -> None:
    sport = publish(live, "en", services=[{"name": "Sport Wire", "uri": "http://agency.example/service/sport"}])
    economy = publish(live, "en", services=[{"name": "Economy Wire"}])
    everything = reader(live, "everything")
    only_sport = flow_uris(everything, service="sport wire")
    assert sport in only_sport and economy not in only_sport
    assert sport in flow_uris(everything, service="http://agency.example/service/sport")
    assert flow_uris(everything, service="Economy Wire", q="nothing-like-this") == []
    about = everything.get(f"/portal/items/{sport}").text.split('<section class="tags">', 1)[1]
    assert 'href="/portal/?service=Sport+Wire"' in about.split("</section>", 1)[0]
    filtered = everything.get("/portal/", params={"service": "Sport Wire", "language": "en"}).text
    assert '<input type="hidden" name="service" value="sport wire">' in filtered
    assert "Service: <strong" in filtered

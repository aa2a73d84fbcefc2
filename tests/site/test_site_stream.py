"""The public live stream (SSE) behind the home page ticker: public headlines only."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx

from newswire.model import utcnow
from newswire.site.story import story_path

from conftest import LiveServer
from sitekit import StreamReader, headlines, publish, story_doc


def test_a_replayed_stream_carries_public_headlines_only(live: LiveServer) -> None:
    shown = story_doc("en", headline="Public: ferry service resumes")
    private = story_doc("en", headline="Private: ferry operator accounts")
    embargoed = story_doc("en", headline="Embargoed: ferry fares rise")
    killed = story_doc("en", headline="Killed: ferry collision report")
    last = story_doc("fr", headline="Public: le dernier titre")
    publish(live.wire, shown)
    publish(live.wire, private, public=False)
    publish(live.wire, embargoed, embargoed_until=utcnow() + timedelta(hours=1))
    publish(live.wire, killed)
    live.wire.kill(killed["uri"], "error")
    publish(live.wire, last)
    reader = StreamReader(live.url + "/live/headlines", {"Last-Event-ID": "0"})
    reader.run(lambda ms: "Public: le dernier titre" in headlines(ms)).join(20)
    assert reader.status == 200
    got = headlines(reader.messages)
    assert got == ["Public: ferry service resumes", "Public: le dernier titre"]
    text = "\n".join(reader.raw)
    assert "Private" not in text and "Embargoed" not in text and "Killed" not in text
    withdrawn = [m.data["url"] for m in reader.messages if m.event == "withdrawn"]
    assert withdrawn == [story_path("en", killed["uri"])]
    assert reader.messages[0].data["url"] == story_path("en", shown["uri"])
    assert reader.messages[0].data["dir"] == "ltr" and reader.messages[0].id


def test_the_live_stream_follows_publishes_and_kills(live: LiveServer) -> None:
    reader = StreamReader(live.url + "/live/headlines?lang=ar")
    thread = reader.run(lambda ms: any(m.event == "withdrawn" for m in ms))
    assert reader.connected.wait(10)
    time.sleep(0.2)
    story = story_doc("ar", headline="عاجل: افتتاح ميناء جديد")
    publish(live.wire, story_doc("en", headline="English headline, other language"))
    publish(live.wire, story_doc("ar", headline="خبر خاص بالمشتركين"), public=False)
    publish(live.wire, story)
    time.sleep(0.3)
    live.wire.kill(story["uri"], "error")
    thread.join(20)
    assert headlines(reader.messages) == ["عاجل: افتتاح ميناء جديد"]
    assert reader.messages[0].data["dir"] == "rtl"
    assert [m.event for m in reader.messages] == ["headline", "withdrawn"]
    assert "English headline" not in "\n".join(reader.raw)


def test_the_stream_refuses_unknown_languages(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url) as client:
        assert client.get("/live/headlines?lang=xx").status_code == 404

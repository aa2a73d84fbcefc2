"""A follow-up (correction, withhold) posted under embargo never carries the embargoed body
to anyone the embargo holds back: earlier recipients get it when the embargo lifts, by
webhook, feed and stream alike; products that take embargoed copy get it at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from newswire.model import utcnow
from newswire.store import accounts

from conftest import LiveServer, open_wire, start_server
from receiver import Receiver, start_receiver
from wirekit import publish, subscriber


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, webhooks_allow_private=True, embargo_poll_seconds=0.2, sse_heartbeat_seconds=0.5)
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


@pytest.fixture
def hooks() -> Iterator[list[Receiver]]:
    made: list[Receiver] = []
    yield made
    for r in made:
        r.close()


@pytest.mark.parametrize("follow_up", ["corrected", "withheld"])
def test_a_follow_up_under_embargo_goes_out_at_the_lift(
    live: LiveServer, hooks: list[Receiver], follow_up: str
) -> None:
    plain = subscriber(live, "plain", {"languages": ["en"]})
    early = subscriber(live, "early", {"languages": ["en"], "embargoEarly": True})
    for sub in (plain, early):
        hooks.append(start_receiver())
        assert sub.client.post("/v1/webhooks", json={"url": hooks[-1].url}).status_code == 201
    hook_plain, hook_early = hooks
    doc = publish(live.wire, "en", marker="original")
    assert len(hook_plain.wait_for(1)) == 1 and len(hook_early.wait_for(1)) == 1
    # the plain subscriber's products stop matching: only the follow-up rule reaches it now
    accounts.create_product(live.wire.engine, "french", {"languages": ["fr"]})
    accounts.set_subscriber_products(live.wire.engine, "plain", ["french"])

    lift = utcnow() + timedelta(seconds=3)
    change = ({"ednote": "CORRECTION: the figure was wrong"} if follow_up == "corrected"
              else {"pubStatus": "withheld"})
    publish(live.wire, "en", **{**{k: v for k, v in doc.items() if k != "version"}, **change,
                                "embargoedUntil": lift.isoformat(),
                                "bodies": [{"contentType": "text/html", "value": "<p>Embargoed ossuary text.</p>"}]})

    assert [r.json["data"]["event"] for r in hook_early.wait_for(2)] == ["published", follow_up]
    time.sleep(1.0)
    assert utcnow() < lift
    assert [r.json["data"]["event"] for r in hook_plain.received] == ["published"]
    assert all(b"ossuary" not in r.body for r in hook_plain.received)
    # nothing of version 2 in the feed either (what it shows of version 1 follows today's
    # products, or for a withdrawn story what reached it)
    assert all(e["item"]["version"] == "1" for e in plain.all_events())

    got = hook_plain.wait_for(2, timeout=15)
    assert [r.json["data"]["event"] for r in got] == ["published", "embargo_lifted"]
    assert utcnow() >= lift
    assert got[1].json["data"]["item"]["version"] in ("2", 2)
    assert [e["type"] for e in plain.all_events()][-1] == "embargo_lifted"

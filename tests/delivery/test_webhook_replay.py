"""A replayed event is byte-for-byte the event first delivered: the payload's ``timestamp``
is when the event happened (Standard Webhooks), so one ``webhook-id`` always carries one
body. Only the ``webhook-timestamp`` header (signed, for freshness) says when it was sent."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime

import pytest
from standardwebhooks.webhooks import Webhook

from newswire.store import items as store

from conftest import LiveServer, open_wire, start_server
from receiver import Receiver, start_receiver
from wirekit import publish, subscriber


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, webhooks_allow_private=True, embargo_poll_seconds=0.2)
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = start_receiver()
    yield receiver
    receiver.close()


def test_a_replay_carries_the_same_body_for_the_same_webhook_id(live: LiveServer, hook: Receiver) -> None:
    sub = subscriber(live, "replayer")
    created = sub.client.post("/v1/webhooks", json={"url": hook.url}).json()
    publish(live.wire, "en")
    publish(live.wire, "fr")
    first = hook.wait_for(2)
    assert [r.headers["webhook-id"] for r in first] == ["evt_1", "evt_2"]
    time.sleep(1.2)  # the replay is sent in a later second than the first delivery
    replay = sub.client.post(f"/v1/webhooks/{created['id']}/replay", params={"after": "0"})
    assert replay.json()["queued"] == 2
    again = hook.wait_for(4)[2:]
    assert [r.headers["webhook-id"] for r in again] == ["evt_1", "evt_2"]
    verifier = Webhook(created["secret"])
    events = {e.seq: e for e, _ in store.events_after(live.wire.engine, 0, 10)}
    for before, after in zip(first, again, strict=True):
        assert after.body == before.body  # byte-identical
        for received in (before, after):
            verifier.verify(received.body, received.headers)  # signed with the attempt's timestamp
        assert int(after.headers["webhook-timestamp"]) > int(before.headers["webhook-timestamp"])
        event = events[before.json["data"]["seq"]]
        stamp = datetime.fromisoformat(before.json["timestamp"])
        assert stamp == event.created_at.replace(microsecond=0)  # when it happened, not when sent


def test_a_replay_examines_a_bounded_part_of_the_log_per_request_and_says_where_to_go_on(
    live: LiveServer, hook: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newswire.api import webhooks as routes

    monkeypatch.setattr(routes, "REPLAY_SCAN_LIMIT", 5)
    sub = subscriber(live, "pager")
    created = sub.client.post("/v1/webhooks", json={"url": hook.url}).json()
    for n in range(12):
        publish(live.wire, marker=f"page{n}")
    assert len(hook.wait_for(12, timeout=30)) == 12
    queued, after, requests = 0, "0", 0
    while after is not None:
        answer = sub.client.post(f"/v1/webhooks/{created['id']}/replay", params={"after": after}).json()
        queued += answer["queued"]
        requests += 1
        after = None if answer["next"] is None else str(answer["next"])
    assert queued == 12 and requests >= 3
    got = hook.wait_for(24, timeout=30)
    assert [r.headers["webhook-id"] for r in got[12:]] == [r.headers["webhook-id"] for r in got[:12]]


def test_a_disabled_subscriber_gets_no_more_pending_deliveries(live: LiveServer, hook: Receiver) -> None:
    from newswire.store import accounts

    hook.respond = lambda n: 500  # every attempt fails: the deliveries stay pending
    sub = subscriber(live, "leaving")
    sub.client.post("/v1/webhooks", json={"url": hook.url})
    publish(live.wire, marker="one")
    publish(live.wire, marker="two")
    deadline = time.monotonic() + 15
    while hook.calls < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    accounts.set_subscriber_disabled(live.wire.engine, "leaving", True)
    calls_then = hook.calls
    hook.respond = lambda n: 200  # the receiver recovers, but the subscriber has gone
    time.sleep(4)  # past the retry backoff of the failed attempt (at most 2 s for a second try)
    assert hook.received == [] and hook.calls <= calls_then + 1  # at most an attempt already leased

"""The webhook worker wakes on every published event; with no active endpoint anywhere it
must not query the outbox each time (that cost 9% of a server's CPU with no webhooks
registered), and it must still notice an endpoint created later within its poll interval."""

from __future__ import annotations

import asyncio
import time

import pytest

from newswire.delivery.webhooks import WebhookWorker
from newswire.store import accounts
from newswire.store import webhooks as outbox
from newswire.wire import Wire

from wirekit import publish


def test_an_idle_worker_asks_the_store_once_per_poll_not_once_per_event(
        wire: Wire, monkeypatch: pytest.MonkeyPatch) -> None:
    claims: list[float] = []
    real_claim = outbox.claim_due

    def counting_claim(engine: object, *args: object, **kwargs: object) -> object:
        # only this wire's: a live server left running by another test in this process (a
        # session-wide one, with endpoints of its own) has a worker claiming through the same
        # module function
        if engine is wire.engine:
            claims.append(time.monotonic())
        return real_claim(engine, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outbox, "claim_due", counting_claim)
    worker = WebhookWorker(wire.engine, wire.hub, poll=0.5)

    async def wake(times: int) -> int:
        async with worker.client() as client:
            return sum([await worker.run_once(client) for _ in range(times)])

    for lang in ("en", "fr", "ru"):
        publish(wire, lang)  # each of these wakes a real worker
    assert asyncio.run(wake(20)) == 0
    assert claims == []  # twenty wakes, no outbox query

    subscriber = accounts.create_subscriber(wire.engine, "late-hooks", [])
    outbox.create_endpoint(wire.engine, subscriber.id, "https://example.com/hook")
    time.sleep(0.55)  # the next check of the endpoints
    asyncio.run(wake(3))
    assert len(claims) == 3  # with an endpoint, every wake looks for due deliveries

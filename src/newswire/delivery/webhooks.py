"""The webhook worker: drains the outbox, signed per the Standard Webhooks spec.

Per endpoint, deliveries go in sequence order (only the oldest pending one is attempted).
A failed attempt is retried with exponential backoff and full jitter until the retry
period (default 24 h) has passed since the event; then the delivery is dead-lettered and
the endpoint disabled with the reason. Any number of workers may run (leases in the store).

Every connection goes through :func:`webhook_client`: the name is resolved when the
connection opens and the checked address is the one connected to (no DNS rebinding).
The body of an event is the same on every attempt and replay (its ``timestamp`` is when
the event happened) but for the signed rendition hrefs, fresh on each attempt; the
``webhook-timestamp`` header, which the signature covers, says when the attempt was made.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy import Engine
from standardwebhooks.webhooks import Webhook

from newswire import formats
from newswire.config import Settings
from newswire.delivery.bus import Hub
from newswire.delivery.webhook_client import Resolver, webhook_client
from newswire.media import attach
from newswire.media.links import Signer
from newswire.model import format_time, utcnow
from newswire.ops.metrics import METRICS
from newswire.routing import cut_renditions
from newswire.store import items as store
from newswire.store import webhooks as outbox
from newswire.store.accounts import products_of
from newswire.store.secrets import SecretBox, SecretKeyError, box_for
from newswire.store.usage import UsageRecorder
from newswire.store.webhooks import Delivery, Endpoint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    retry_period: timedelta = timedelta(hours=24)
    base: float = 1.0  # seconds
    cap: float = 3600.0

    def next_delay(self, attempts: int) -> float:
        """Full jitter: uniform in [base/2, min(cap, base * 2**attempts)]."""
        ceiling = min(self.cap, self.base * 2 ** min(attempts, 30))
        return random.uniform(min(self.base / 2, ceiling), ceiling)


def payload(seq: int, event_type: str, item_json: bytes, at: datetime) -> bytes:
    """The body of event ``seq``; ``at`` is when the event happened (the same on every attempt)."""
    return (b'{"type":' + json.dumps(f"item.{event_type}").encode()
            + b',"timestamp":' + json.dumps(format_time(at)).encode()
            + b',"data":{"seq":' + str(seq).encode() + b',"event":' + json.dumps(event_type).encode()
            + b',"item":' + item_json + b"}}")


def signed_headers(secret: str, msg_id: str, body: bytes, at: datetime) -> dict[str, str]:
    """Standard Webhooks headers; ``at`` is the attempt's time (the receiver checks freshness)."""
    signature = Webhook(secret).sign(msg_id, at, body.decode())
    return {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
        "user-agent": "newswire-webhooks/0.1",
    }


class WebhookWorker:
    def __init__(self, engine: Engine, hub: Hub, *, policy: RetryPolicy | None = None,
                 usage: UsageRecorder | None = None, timeout: float = 10.0, poll: float = 0.5,
                 lease: timedelta = timedelta(seconds=60), allow_private: bool = False,
                 resolver: Resolver | None = None, secret_box: Callable[[], SecretBox] | None = None,
                 settings: Settings | None = None) -> None:
        self.engine = engine
        self.hub = hub
        self.policy = policy or RetryPolicy()
        self.usage = usage
        self.timeout = timeout
        self.poll = poll
        self.lease = lease
        self.allow_private = allow_private  # NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE: loopback/private receivers
        self.resolver = resolver
        self.secret_box = secret_box or (lambda: box_for(Settings.from_env()))
        self.settings = settings or Settings.from_env()  # base URL and keys of signed rendition hrefs
        self.sent = 0
        # Without an active endpoint there is nothing to claim: the worker then asks the
        # store at most once per ``poll`` instead of once per event (it wakes on every one).
        self._endpoints_checked = -float("inf")
        self._has_endpoints = True

    def client(self) -> httpx.AsyncClient:
        return webhook_client(allow_private=self.allow_private, resolver=self.resolver, timeout=self.timeout)

    async def run(self) -> None:
        async with self.client() as client:
            while True:
                try:
                    worked = await self.run_once(client)
                except Exception:
                    log.warning("webhook worker could not reach the store", exc_info=True)
                    worked = 0
                if not worked:
                    await self.hub.wait_beyond(self.hub.latest, self.poll)

    async def run_once(self, client: httpx.AsyncClient) -> int:
        if time.monotonic() - self._endpoints_checked >= self.poll:
            self._has_endpoints = await asyncio.to_thread(outbox.any_active_endpoint, self.engine)
            self._endpoints_checked = time.monotonic()
        if not self._has_endpoints:
            return 0
        claimed = await asyncio.to_thread(outbox.claim_due, self.engine, utcnow(), self.lease)
        if claimed:
            await asyncio.gather(*(self.attempt(client, d, ep) for d, ep in claimed))
        return len(claimed)

    async def attempt(self, client: httpx.AsyncClient, delivery: Delivery, endpoint: Endpoint) -> None:
        rows = await asyncio.to_thread(store.events_after, self.engine, delivery.seq - 1, 1)
        event, item = rows[0]
        if attach.wire_pictures(item) or item.renditions:  # as this subscriber may have them, as of sending
            products = await asyncio.to_thread(products_of, self.engine, endpoint.subscriber_id)
            item = cut_renditions(attach.expanded(item, await asyncio.to_thread(
                attach.pictures_for, self.engine, [item], endpoint.subscriber_id, products)), products)
        # rendition hrefs signed for this endpoint as of this attempt (a retry hours later
        # carries fresh ones); the link stops working when the endpoint is deleted
        item_json = Signer(self.settings, endpoint.subscriber_id, endpoint.id).body(
            formats.serialize(item, "ninjs"), "ninjs")
        body = payload(event.seq, event.type, item_json, event.created_at)
        started = time.perf_counter()
        status: int | None = None
        error: str | None = None
        try:
            secret = (await asyncio.to_thread(self.secret_box)).open(endpoint.sealed_secret)
            response = await client.post(endpoint.url, content=body,
                                         headers=signed_headers(secret, delivery.message_id, body, utcnow()))
            status = response.status_code
            ok = 200 <= status < 300
            if not ok:
                error = f"HTTP {status}"
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            ok, error = False, f"{exc.__class__.__name__}: {exc}"[:500]
        except SecretKeyError as exc:
            ok, error = False, f"Not sent: {exc}"[:500]
        duration = int((time.perf_counter() - started) * 1000)
        now = utcnow()
        dead = None
        next_at = None
        if not ok:
            if now - delivery.created_at >= self.policy.retry_period:
                dead = f"Gave up on event {event.seq} after {delivery.attempts + 1} attempts: {error}"
            else:
                next_at = now + timedelta(seconds=self.policy.next_delay(delivery.attempts))
        await asyncio.to_thread(outbox.record_attempt, self.engine, delivery, ok=ok, status_code=status,
                                error=error, duration_ms=duration, now=now, next_attempt_at=next_at,
                                dead_reason=dead)
        METRICS.webhook_attempts.labels(outcome="delivered" if ok else "dead" if dead else "failed").inc()
        if dead:
            METRICS.webhook_dead.inc()
        if ok:
            METRICS.webhook_delivery_seconds.observe((now - event.created_at).total_seconds())
            self.sent += 1
            if self.usage is not None:
                self.usage.record(endpoint.subscriber_id, None, [(item.uri, item.version)], "webhook")

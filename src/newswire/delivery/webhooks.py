"""The webhook worker: drains the outbox, signed per the Standard Webhooks spec.

Per endpoint, deliveries go in sequence order (only the oldest pending one is attempted).
A failed attempt is retried with exponential backoff and full jitter until the retry
period (default 24 h) has passed since the event; then the delivery is dead-lettered and
the endpoint disabled with the reason. Any number of workers may run (leases in the store).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import random
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine
from standardwebhooks.webhooks import Webhook

from newswire import formats
from newswire.delivery.bus import Hub
from newswire.model import format_time, utcnow
from newswire.ops.metrics import METRICS
from newswire.store import items as store
from newswire.store import webhooks as outbox
from newswire.store.usage import UsageRecorder
from newswire.store.webhooks import Delivery, Endpoint

log = logging.getLogger(__name__)


class UnsafeEndpoint(ValueError):
    pass


def check_endpoint_url(url: str, *, allow_private: bool) -> None:
    """Refuse URLs that are not http(s) or that resolve to loopback/private addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeEndpoint("The URL must be http:// or https:// with a host.")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise UnsafeEndpoint(f"{parts.hostname} does not resolve.") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise UnsafeEndpoint(
                f"{parts.hostname} resolves to {address}, a loopback or private address; "
                "an admin must allow private endpoints (NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE=1).")


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
    return (b'{"type":' + json.dumps(f"item.{event_type}").encode()
            + b',"timestamp":' + json.dumps(format_time(at)).encode()
            + b',"data":{"seq":' + str(seq).encode() + b',"event":' + json.dumps(event_type).encode()
            + b',"item":' + item_json + b"}}")


def signed_headers(endpoint: Endpoint, msg_id: str, body: bytes, at: datetime) -> dict[str, str]:
    signature = Webhook(endpoint.secret).sign(msg_id, at, body.decode())
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
                 lease: timedelta = timedelta(seconds=60)) -> None:
        self.engine = engine
        self.hub = hub
        self.policy = policy or RetryPolicy()
        self.usage = usage
        self.timeout = timeout
        self.poll = poll
        self.lease = lease
        self.sent = 0

    async def run(self) -> None:
        async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False) as client:
            while True:
                try:
                    worked = await self.run_once(client)
                except Exception:
                    log.warning("webhook worker could not reach the store", exc_info=True)
                    worked = 0
                if not worked:
                    await self.hub.wait_beyond(self.hub.latest, self.poll)

    async def run_once(self, client: httpx.AsyncClient) -> int:
        claimed = await asyncio.to_thread(outbox.claim_due, self.engine, utcnow(), self.lease)
        if claimed:
            await asyncio.gather(*(self.attempt(client, d, ep) for d, ep in claimed))
        return len(claimed)

    async def attempt(self, client: httpx.AsyncClient, delivery: Delivery, endpoint: Endpoint) -> None:
        rows = await asyncio.to_thread(store.events_after, self.engine, delivery.seq - 1, 1)
        event, item = rows[0]
        at = utcnow()
        body = payload(event.seq, event.type, formats.serialize(item, "ninjs"), at)
        started = time.perf_counter()
        status: int | None = None
        error: str | None = None
        try:
            response = await client.post(endpoint.url, content=body,
                                         headers=signed_headers(endpoint, delivery.message_id, body, at))
            status = response.status_code
            ok = 200 <= status < 300
            if not ok:
                error = f"HTTP {status}"
        except httpx.HTTPError as exc:
            ok, error = False, f"{exc.__class__.__name__}: {exc}"[:500]
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
        METRICS.webhook_attempts.inc(outcome="delivered" if ok else "dead" if dead else "failed")
        if dead:
            METRICS.webhook_dead.inc()
        if ok:
            METRICS.webhook_delivery_seconds.observe((now - event.created_at).total_seconds())
            self.sent += 1
            if self.usage is not None:
                self.usage.record(endpoint.subscriber_id, None, [(item.uri, item.version)], "webhook")

"""Who polls which source, when: a per-source interval, one node at a time, backoff on errors.

Each tick a node claims the sources that are due with a lease in the store (a conditional
UPDATE of ``leased_until``: :func:`newswire.sources.store.claim_due`), polls them, records the
outcome and releases the lease. The validators (``ETag``/``Last-Modified``; a mailbox's last
UID) are saved only after every item was ingested, so a node killed mid-poll leaves a source
that the next holder polls again in full; ingesting is idempotent, so nothing is lost and
nothing doubled.

On an error the next poll is ``interval * 2**failures`` later (at most ``MAX_BACKOFF``),
with +-25% jitter, and never sooner than the server's ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx

from newswire.delivery.webhook_client import Resolver, webhook_client
from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.feeds import FeedError, fetch, parse_feed
from newswire.sources.folder import poll_folder
from newswire.sources.health import after_poll, facts_before_poll
from newswire.sources.ingest import Outcome, ingest_items
from newswire.sources.mailbox import MailboxLimits, poll_mailbox
from newswire.sources.store import PollState
from newswire.store.secrets import box_for
from newswire.wire import Wire

log = logging.getLogger("newswire.sources")
MAX_BACKOFF = 3600.0


def next_delay(interval: float, failures: int, retry_after: float | None = None,
               rng: random.Random | None = None) -> float:
    """Seconds until the next poll after ``failures`` failures in a row (0: success)."""
    r = rng or random
    base = interval if failures == 0 else min(MAX_BACKOFF, interval * 2 ** min(failures, 20))
    delay = base * r.uniform(0.75, 1.25) if failures else base
    if retry_after is not None:
        delay = max(delay, min(retry_after, 24 * 3600.0))
    return delay


@dataclass
class PollReport:
    source: str
    ok: bool
    outcome: Outcome = field(default_factory=Outcome)
    error: str | None = None
    not_modified: bool = False


class SourcePoller:
    def __init__(self, wire: Wire, *, owner: str | None = None, resolver: Resolver | None = None,
                 allow_private: bool | None = None, tick: float = 1.0) -> None:
        s = wire.settings
        self.wire = wire
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.allow_private = s.sources_allow_private if allow_private is None else allow_private
        self.resolver = resolver
        self.tick = tick
        self.timeout = s.source_timeout_seconds
        self.lease = timedelta(seconds=max(s.source_lease_seconds, s.source_timeout_seconds + 1))
        self.max_bytes = s.source_max_bytes
        self.max_items = s.source_max_items

    async def run(self) -> None:
        async with webhook_client(allow_private=self.allow_private, resolver=self.resolver,
                                  timeout=self.timeout) as client:
            while True:
                try:
                    await self.poll_due(client)
                except Exception:  # the store may be briefly unreachable; keep ticking
                    log.warning("source poller could not reach the store", exc_info=True)
                await asyncio.sleep(self.tick)

    async def poll_due(self, client: httpx.AsyncClient | None = None, now: datetime | None = None) -> list[PollReport]:
        claimed = await asyncio.to_thread(sources_store.claim_due, self.wire.engine, self.owner,
                                          now or utcnow(), self.lease)
        if not claimed:
            return []
        if client is None:
            async with webhook_client(allow_private=self.allow_private, resolver=self.resolver,
                                      timeout=self.timeout) as own:
                return list(await asyncio.gather(*(self.poll(state, own) for state in claimed)))
        return list(await asyncio.gather(*(self.poll(state, client) for state in claimed)))

    def _credentials(self, state: PollState) -> tuple[str, str] | None:
        if not state.credentials:
            return None
        user, _, password = box_for(self.wire.settings).open(state.credentials).partition(":")
        return user, password

    async def poll(self, state: PollState, client: httpx.AsyncClient) -> PollReport:
        source = state.source
        report = PollReport(source.name, ok=True)
        before = await asyncio.to_thread(facts_before_poll, self.wire.engine, source.name)
        retry_after = None
        etag, last_modified = state.etag, state.last_modified
        new_state = None

        def keep_alive() -> None:
            sources_store.renew_lease(self.wire.engine, source.name, self.owner, self.lease)

        try:
            if source.kind == "folder":
                result = await asyncio.to_thread(poll_folder, self.wire, source, state.state,
                                                 max_bytes=self.max_bytes, max_items=self.max_items,
                                                 keep_alive=keep_alive)
                report.outcome, new_state = result.outcome, result.state
            elif source.kind == "imap":
                mail = await poll_mailbox(self.wire, source, state.state, credentials=self._credentials(state),
                                          limits=MailboxLimits(self.timeout, self.max_bytes, self.max_items),
                                          allow_private=self.allow_private, resolver=self.resolver,
                                          keep_alive=keep_alive)
                report.outcome, new_state = mail.outcome, mail.state
            else:
                fetched = await fetch(client, source.url or "", etag=etag, last_modified=last_modified,
                                      max_bytes=self.max_bytes, timeout=self.timeout,
                                      auth=self._credentials(state))
                if fetched.body is None:
                    report.not_modified = True
                else:
                    parsed = await asyncio.to_thread(parse_feed, source.kind, fetched.body)
                    items = parsed.items
                    errors = list(parsed.errors)
                    if len(items) > self.max_items:
                        errors.append(f"the feed holds {len(items)} items; only the first {self.max_items} "
                                      "were read (NEWSWIRE_SOURCE_MAX_ITEMS)")
                        items = items[:self.max_items]
                    report.outcome = await asyncio.to_thread(ingest_items, self.wire, source, items,
                                                             keep_alive=keep_alive)
                    report.outcome.errors[:0] = errors
                    etag, last_modified = fetched.etag, fetched.last_modified
        except FeedError as exc:
            report.ok, report.error, retry_after = False, exc.detail, exc.retry_after
        except Exception as exc:  # a bug or the store: recorded on the source, never kills the loop
            log.warning("polling source %s failed", source.name, exc_info=True)
            report.ok, report.error = False, f"{exc.__class__.__name__}: {str(exc)[:300]}"
        if report.ok and report.outcome.errors:
            report.error = "; ".join(report.outcome.errors)[:2000]
        now = utcnow()
        failures = 0 if report.ok else state.failures + 1
        delay = next_delay(source.interval_seconds, failures, retry_after)
        await asyncio.to_thread(
            sources_store.finish_poll, self.wire.engine, source.name, self.owner, now=now,
            next_poll_at=now + timedelta(seconds=delay), ok=report.ok, error=report.error, etag=etag,
            last_modified=last_modified, state=new_state)
        if report.error:
            log.info("source %s: %s", source.name, report.error)
        await asyncio.to_thread(after_poll, self.wire.engine, source.name, before, now, ok=report.ok,
                                not_modified=report.not_modified, outcome=report.outcome)
        return report

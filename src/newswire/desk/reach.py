"""Who received what: per version of a story, the subscribers it reached, how each got it
(the usage audit's channels: feed, stream, webhook, item, media; a delivered webhook counts
before the audit's next flush) and the state of each webhook delivery made for it.

Read from what the publish transaction recorded (``reached``: each version a subscriber was
entitled to, with the event that delivered it; ``deliveries``: one outbox row per webhook
endpoint and event), so before a kill the desk knows whom the kill must reach, and after it
can watch the kill's deliveries arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import Engine, select

from newswire.store.engine import read_tx
from newswire.store.items import as_utc
from newswire.store.tables import deliveries, events, reached, recipients, subscribers, usage, webhook_endpoints


@dataclass(frozen=True, slots=True)
class Delivery:
    subscriber: str
    host: str  # the endpoint's host only: its path or query may carry a token
    event: str
    status: str  # pending, delivered, dead
    attempts: int
    last_status: int | None
    last_error: str | None
    delivered_at: datetime | None


@dataclass(slots=True)
class VersionReach:
    version: int
    subscribers: list[str] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    how: dict[str, list[str]] = field(default_factory=dict)  # subscriber -> channels it got the version by

    def channels(self, name: str) -> list[str]:
        return sorted(self.how.get(name, ()))

    def got(self, name: str, channel: str) -> None:
        known = self.how.setdefault(name, [])
        if channel not in known:
            known.append(channel)

    def delivery_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for d in self.deliveries:
            counts[d.status] = counts.get(d.status, 0) + 1
        return counts


def story_reach(engine: Engine, uri: str) -> dict[int, VersionReach]:
    """Version -> whom it reached (subscriber names, sorted) and its webhook deliveries."""
    with read_tx(engine) as conn:
        names = conn.execute(
            select(reached.c.version, subscribers.c.name)
            .join(subscribers, subscribers.c.id == reached.c.subscriber_id)
            .where(reached.c.uri == uri).order_by(reached.c.version, subscribers.c.name)).all()
        sent = conn.execute(
            select(events.c.version, events.c.type, subscribers.c.name, webhook_endpoints.c.url,
                   deliveries.c.status, deliveries.c.attempts, deliveries.c.last_status, deliveries.c.last_error,
                   deliveries.c.delivered_at)
            .select_from(events.join(deliveries, deliveries.c.seq == events.c.seq)
                         .join(webhook_endpoints, webhook_endpoints.c.id == deliveries.c.endpoint_id)
                         .join(subscribers, subscribers.c.id == webhook_endpoints.c.subscriber_id))
            .where(events.c.uri == uri).order_by(events.c.seq, subscribers.c.name)).all()
        used = conn.execute(
            select(usage.c.version, subscribers.c.name, usage.c.channel).distinct()
            .join(subscribers, subscribers.c.id == usage.c.subscriber_id).where(usage.c.uri == uri)).all()
    found: dict[int, VersionReach] = {}
    for version, name in names:
        found.setdefault(version, VersionReach(version)).subscribers.append(name)
    for row in sent:
        found.setdefault(row.version, VersionReach(row.version)).deliveries.append(Delivery(
            row.name, urlsplit(row.url).hostname or "", row.type, row.status, row.attempts, row.last_status,
            row.last_error, as_utc(row.delivered_at)))
        if row.status == "delivered":
            found[row.version].got(row.name, "webhook")
    for version, name, channel in used:  # the usage audit: feed, stream, webhook, item, media
        found.setdefault(version, VersionReach(version)).got(name, channel)
    return found


def recipient_names(engine: Engine, uri: str) -> list[str]:
    """Every subscriber the story reached (any version): whom a kill or withholding reaches."""
    with read_tx(engine) as conn:
        return list(conn.execute(
            select(subscribers.c.name).join(recipients, recipients.c.subscriber_id == subscribers.c.id)
            .where(recipients.c.uri == uri).order_by(subscribers.c.name)).scalars())

"""Webhook endpoints and the delivery outbox (rows written in the publish transaction).

Secrets are stored sealed (``store.secrets``): an :class:`Endpoint` carries the stored form,
and whoever signs opens it with the deployment's keys.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, update

from newswire.config import Settings
from newswire.model import utcnow
from newswire.store.engine import is_sqlite, read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.secrets import SecretBox, SecretKeyError, box_for, is_sealed
from newswire.store.tables import deliveries, delivery_attempts, subscribers, webhook_endpoints


class TooManyEndpoints(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} webhook endpoints per subscriber")
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Endpoint:
    id: str
    subscriber_id: int
    url: str
    sealed_secret: str  # as stored: ``fernet:...`` (or a legacy plaintext secret); see store.secrets
    created_at: datetime
    disabled_reason: str | None
    disabled: bool


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    endpoint_id: str
    seq: int
    message_id: str
    status: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    delivered_at: datetime | None
    last_status: int | None
    last_error: str | None


def message_id(seq: int) -> str:
    """The ``webhook-id`` of an event: the same on every attempt and replay, for dedup."""
    return f"evt_{seq}"


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def _endpoint(row: object) -> Endpoint:
    r = row._mapping  # type: ignore[attr-defined]
    return Endpoint(r["id"], r["subscriber_id"], r["url"], r["secret"], as_utc(r["created_at"]) or utcnow(),
                    r["disabled_reason"], r["disabled_at"] is not None)


def _delivery(row: object) -> Delivery:
    r = row._mapping  # type: ignore[attr-defined]
    return Delivery(r["id"], r["endpoint_id"], r["seq"], r["message_id"], r["status"], r["attempts"],
                    as_utc(r["created_at"]) or utcnow(), as_utc(r["next_attempt_at"]) or utcnow(),
                    as_utc(r["delivered_at"]), r["last_status"], r["last_error"])


def create_endpoint(engine: Engine, subscriber_id: int, url: str, *, box: SecretBox | None = None,
                    limit: int | None = None) -> tuple[Endpoint, str]:
    """A new endpoint and its secret (shown once; only its sealed form is stored).

    With ``limit``, a subscriber that already has that many endpoints (deleted ones do not
    count) gets ``TooManyEndpoints``; the count and the insert are one transaction, with the
    subscriber's row locked on PostgreSQL (SQLite writes are serialised anyway).
    """
    box = box or box_for(Settings.from_env())
    endpoint_id = "ep_" + secrets.token_hex(8)
    secret = new_secret()
    sealed = box.seal(secret)
    with write_tx(engine) as conn:
        if limit is not None:
            if not is_sqlite(engine):
                conn.execute(select(subscribers.c.id).where(subscribers.c.id == subscriber_id).with_for_update())
            count = conn.execute(select(func.count()).select_from(webhook_endpoints).where(
                webhook_endpoints.c.subscriber_id == subscriber_id, webhook_endpoints.c.deleted_at.is_(None)
            )).scalar_one()
            if count >= limit:
                raise TooManyEndpoints(limit)
        conn.execute(insert(webhook_endpoints).values(
            id=endpoint_id, subscriber_id=subscriber_id, url=url, secret=sealed, created_at=utcnow()))
    found = get_endpoint(engine, subscriber_id, endpoint_id)
    assert found is not None
    return found, secret


def get_endpoint(engine: Engine, subscriber_id: int | None, endpoint_id: str) -> Endpoint | None:
    with read_tx(engine) as conn:
        query = select(webhook_endpoints).where(webhook_endpoints.c.id == endpoint_id,
                                                webhook_endpoints.c.deleted_at.is_(None))
        if subscriber_id is not None:
            query = query.where(webhook_endpoints.c.subscriber_id == subscriber_id)
        row = conn.execute(query).first()
    return _endpoint(row) if row else None


def list_endpoints(engine: Engine, subscriber_id: int) -> list[Endpoint]:
    with read_tx(engine) as conn:
        rows = conn.execute(select(webhook_endpoints).where(
            webhook_endpoints.c.subscriber_id == subscriber_id, webhook_endpoints.c.deleted_at.is_(None)
        ).order_by(webhook_endpoints.c.created_at)).all()
    return [_endpoint(r) for r in rows]


def delete_endpoint(engine: Engine, subscriber_id: int, endpoint_id: str) -> bool:
    with write_tx(engine) as conn:
        result = conn.execute(update(webhook_endpoints).where(
            webhook_endpoints.c.id == endpoint_id, webhook_endpoints.c.subscriber_id == subscriber_id,
            webhook_endpoints.c.deleted_at.is_(None)).values(deleted_at=utcnow()))
    return result.rowcount > 0


def set_endpoint_disabled(engine: Engine, subscriber_id: int, endpoint_id: str, disabled: bool,
                          reason: str | None = None) -> bool:
    """Disable or enable one of the subscriber's endpoints. While disabled nothing is sent
    (deliveries already queued wait) and new events are not queued for it: a replay sends them."""
    with write_tx(engine) as conn:
        result = conn.execute(update(webhook_endpoints).where(
            webhook_endpoints.c.id == endpoint_id, webhook_endpoints.c.subscriber_id == subscriber_id,
            webhook_endpoints.c.deleted_at.is_(None),
        ).values(disabled_at=utcnow() if disabled else None, disabled_reason=reason if disabled else None))
    return result.rowcount > 0


def active_endpoints(conn: Connection, subscriber_ids: set[int]) -> list[tuple[str, int]]:
    if not subscriber_ids:
        return []
    rows = conn.execute(select(webhook_endpoints.c.id, webhook_endpoints.c.subscriber_id).where(
        webhook_endpoints.c.subscriber_id.in_(sorted(subscriber_ids)),
        webhook_endpoints.c.disabled_at.is_(None), webhook_endpoints.c.deleted_at.is_(None))).all()
    return [(r[0], r[1]) for r in rows]


def any_active_endpoint(engine: Engine) -> bool:
    """Whether any delivery could be claimed at all: deliveries exist only for endpoints,
    and only an active endpoint's are attempted."""
    with read_tx(engine) as conn:
        return conn.execute(select(webhook_endpoints.c.id).join(
            subscribers, subscribers.c.id == webhook_endpoints.c.subscriber_id).where(
            webhook_endpoints.c.disabled_at.is_(None), webhook_endpoints.c.deleted_at.is_(None),
            subscribers.c.disabled_at.is_(None)).limit(1)).first() is not None


def pending_seqs(conn: Connection, endpoint_id: str, low: int = 0, high: int = 2**62) -> set[int]:
    return set(conn.execute(select(deliveries.c.seq).where(
        deliveries.c.endpoint_id == endpoint_id, deliveries.c.status == "pending",
        deliveries.c.seq >= low, deliveries.c.seq <= high)).scalars())


def enqueue_many(conn: Connection, endpoint_id: str, seqs: list[int], now: datetime) -> None:
    """One endpoint, several events, one statement (replays)."""
    if seqs:
        conn.execute(insert(deliveries), [
            {"endpoint_id": endpoint_id, "seq": seq, "message_id": message_id(seq), "status": "pending",
             "attempts": 0, "created_at": now, "next_attempt_at": now} for seq in seqs
        ])


def requeue(engine: Engine, endpoint_id: str, seqs: list[int]) -> int:
    """A replay: queue the events again for an endpoint (enabling it again), except those
    still pending (they will go anyway). How many were queued."""
    if not seqs:
        return 0
    with write_tx(engine) as conn:
        reenable_endpoint(conn, endpoint_id)
        pending = pending_seqs(conn, endpoint_id, min(seqs), max(seqs))
        fresh = [seq for seq in seqs if seq not in pending]
        enqueue_many(conn, endpoint_id, fresh, utcnow())
    return len(fresh)


def enqueue(conn: Connection, endpoint_ids: list[str], seq: int, now: datetime) -> None:
    if endpoint_ids:
        conn.execute(insert(deliveries), [
            {"endpoint_id": eid, "seq": seq, "message_id": message_id(seq), "status": "pending",
             "attempts": 0, "created_at": now, "next_attempt_at": now} for eid in endpoint_ids
        ])


def claim_due(engine: Engine, now: datetime, lease: timedelta, limit: int = 50) -> list[tuple[Delivery, Endpoint]]:
    """Lease the head-of-line delivery of each endpoint that is due.

    Only the oldest pending delivery of an endpoint may be attempted (per-endpoint order);
    the lease (``locked_until``) is taken with a conditional UPDATE, so two workers never
    send the same attempt, and a worker that dies leaves it to be retried when it expires.
    """
    heads = (select(deliveries.c.endpoint_id, func.min(deliveries.c.seq).label("seq"))
             .where(deliveries.c.status == "pending").group_by(deliveries.c.endpoint_id).subquery())
    with read_tx(engine) as conn:
        candidates = conn.execute(
            select(deliveries, webhook_endpoints.c.url, webhook_endpoints.c.secret,
                   webhook_endpoints.c.subscriber_id)
            .join(heads, and_(heads.c.endpoint_id == deliveries.c.endpoint_id, heads.c.seq == deliveries.c.seq))
            .join(webhook_endpoints, webhook_endpoints.c.id == deliveries.c.endpoint_id)
            .join(subscribers, subscribers.c.id == webhook_endpoints.c.subscriber_id)
            .where(webhook_endpoints.c.disabled_at.is_(None), webhook_endpoints.c.deleted_at.is_(None),
                   subscribers.c.disabled_at.is_(None),  # a disabled subscriber gets nothing more
                   deliveries.c.status == "pending", deliveries.c.next_attempt_at <= now,
                   or_(deliveries.c.locked_until.is_(None), deliveries.c.locked_until < now))
            .order_by(deliveries.c.next_attempt_at).limit(limit)
        ).all()
    claimed = []
    for row in candidates:
        with write_tx(engine) as conn:
            active = select(webhook_endpoints.c.id).join(
                subscribers, subscribers.c.id == webhook_endpoints.c.subscriber_id).where(
                webhook_endpoints.c.disabled_at.is_(None), webhook_endpoints.c.deleted_at.is_(None),
                subscribers.c.disabled_at.is_(None))
            got = conn.execute(update(deliveries).where(
                deliveries.c.id == row.id, deliveries.c.status == "pending",
                or_(deliveries.c.locked_until.is_(None), deliveries.c.locked_until < now),
                deliveries.c.endpoint_id.in_(active),  # disabled since we looked: leave it
            ).values(locked_until=now + lease)).rowcount
        if got:
            endpoint = Endpoint(row.endpoint_id, row.subscriber_id, row.url, row.secret, now, None, False)
            claimed.append((_delivery(row), endpoint))
    return claimed


def record_attempt(
    engine: Engine, delivery: Delivery, *, ok: bool, status_code: int | None, error: str | None,
    duration_ms: int, now: datetime, next_attempt_at: datetime | None, dead_reason: str | None,
) -> None:
    with write_tx(engine) as conn:
        conn.execute(insert(delivery_attempts).values(
            delivery_id=delivery.id, at=now, status_code=status_code, error=error, duration_ms=duration_ms))
        values: dict[str, object] = {"attempts": delivery.attempts + 1, "last_status": status_code,
                                     "last_error": error, "locked_until": None}
        if ok:
            values.update(status="delivered", delivered_at=now)
        elif dead_reason:
            values.update(status="dead")
            conn.execute(update(webhook_endpoints).where(webhook_endpoints.c.id == delivery.endpoint_id)
                         .values(disabled_at=now, disabled_reason=dead_reason))
        else:
            values["next_attempt_at"] = next_attempt_at
        conn.execute(update(deliveries).where(deliveries.c.id == delivery.id).values(**values))


Attempts = list[dict[str, object]]


def list_deliveries(engine: Engine, subscriber_id: int, limit: int = 100, *, endpoint_id: str | None = None,
                    delivery_id: int | None = None) -> list[tuple[Delivery, Attempts]]:
    """The subscriber's latest deliveries (of one endpoint, or the one ``delivery_id``), newest
    first, each with its attempts."""
    query = (select(deliveries).join(webhook_endpoints, webhook_endpoints.c.id == deliveries.c.endpoint_id)
             .where(webhook_endpoints.c.subscriber_id == subscriber_id))
    if endpoint_id is not None:
        query = query.where(deliveries.c.endpoint_id == endpoint_id)
    if delivery_id is not None:
        query = query.where(deliveries.c.id == delivery_id)
    with read_tx(engine) as conn:
        rows = conn.execute(query.order_by(deliveries.c.id.desc()).limit(limit)).all()
        ids = [r.id for r in rows]
        attempts = conn.execute(select(delivery_attempts).where(delivery_attempts.c.delivery_id.in_(ids))
                                .order_by(delivery_attempts.c.id)).mappings().all() if ids else []
    by_delivery: dict[int, list[dict[str, object]]] = {}
    for a in attempts:
        by_delivery.setdefault(a["delivery_id"], []).append({
            "at": as_utc(a["at"]), "statusCode": a["status_code"], "error": a["error"],
            "durationMs": a["duration_ms"]})
    return [(_delivery(r), by_delivery.get(r.id, [])) for r in rows]


def rotate_secrets(engine: Engine, box: SecretBox) -> tuple[int, list[str]]:
    """Re-seal every endpoint's secret with ``box``'s first key (legacy plaintext included).

    Returns how many were rewritten and the ids of those no key opens (left as they are).
    Deleted endpoints are rotated too: nothing stored stays under a retired key.
    """
    rotated, unreadable = 0, []
    with write_tx(engine) as conn:
        rows = conn.execute(select(webhook_endpoints.c.id, webhook_endpoints.c.secret)
                            .order_by(webhook_endpoints.c.id)).all()
        for endpoint_id, stored in rows:
            try:
                fresh = box.rotate(stored)
            except SecretKeyError:
                unreadable.append(endpoint_id)
                continue
            conn.execute(update(webhook_endpoints).where(webhook_endpoints.c.id == endpoint_id)
                         .values(secret=fresh))
            rotated += 1
    return rotated, unreadable


def plaintext_secrets(engine: Engine) -> int:
    """How many stored secrets are not encrypted (stored before encryption at rest)."""
    with read_tx(engine) as conn:
        return sum(1 for s in conn.execute(select(webhook_endpoints.c.secret)).scalars() if not is_sealed(s))


def reenable_endpoint(conn: Connection, endpoint_id: str) -> None:
    conn.execute(update(webhook_endpoints).where(webhook_endpoints.c.id == endpoint_id)
                 .values(disabled_at=None, disabled_reason=None))


def pending_counts(engine: Engine) -> dict[str, int]:
    with read_tx(engine) as conn:
        rows = conn.execute(select(deliveries.c.endpoint_id, func.count()).where(
            deliveries.c.status == "pending").group_by(deliveries.c.endpoint_id)).all()
    return {r[0]: r[1] for r in rows}


def next_due(engine: Engine) -> datetime | None:
    with read_tx(engine) as conn:
        value = conn.execute(select(func.min(deliveries.c.next_attempt_at)).where(
            and_(deliveries.c.status == "pending"))).scalar()
    return as_utc(value)

"""Bearer tokens for editors and admins, API keys for subscribers: stored hashed.

A token reads ``nw<role>_<id>_<secret>``: the prefix makes a leaked token recognisable
(and greppable by secret scanners), the id names it for revocation, and only the SHA-256
of the whole token is stored. Tokens carry 192 bits of randomness, so a plain hash is
enough (no slow KDF needed).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, insert, select, update

from newswire.model import utcnow
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import subscribers, tokens, usage

ROLES = ("editor", "admin", "subscriber")
PREFIX = {"editor": "nwe", "admin": "nwa", "subscriber": "nwk"}


@dataclass(frozen=True, slots=True)
class Principal:
    token_id: str
    role: str
    subscriber_id: int | None
    rate_limit: int = 600


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    engine: Engine, role: str, *, subscriber_id: int | None = None, label: str | None = None
) -> str:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    token_id = secrets.token_hex(6)
    token = f"{PREFIX[role]}_{token_id}_{secrets.token_urlsafe(24)}"
    with write_tx(engine) as conn:
        conn.execute(insert(tokens).values(
            id=token_id, secret_hash=_digest(token), role=role, subscriber_id=subscriber_id,
            label=label, created_at=utcnow(),
        ))
    return token


def authenticate(engine: Engine, token: str) -> Principal | None:
    if not token or len(token) > 200:
        return None
    with read_tx(engine) as conn:
        row = conn.execute(
            select(tokens.c.id, tokens.c.role, tokens.c.subscriber_id, subscribers.c.rate_limit)
            .select_from(tokens.outerjoin(subscribers, subscribers.c.id == tokens.c.subscriber_id))
            .where(tokens.c.secret_hash == _digest(token), tokens.c.revoked_at.is_(None),
                   subscribers.c.disabled_at.is_(None))
        ).first()
    return Principal(row.id, row.role, row.subscriber_id, row.rate_limit or 600) if row else None


def token_id_of(token_or_id: str) -> str:
    parts = token_or_id.split("_")
    return parts[1] if len(parts) >= 3 else token_or_id


def revoke_token(engine: Engine, token_or_id: str) -> bool:
    with write_tx(engine) as conn:
        result = conn.execute(
            update(tokens)
            .where(tokens.c.id == token_id_of(token_or_id), tokens.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    return result.rowcount > 0


LAST_USED_WINDOW = timedelta(days=90)  # how far back the usage audit is asked when a key was last used


@dataclass(frozen=True, slots=True)
class Key:
    """A subscriber's API key as its organisation's managers see it (never the secret)."""

    id: str
    label: str | None
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None  # its latest delivery in the usage audit, within LAST_USED_WINDOW

    @property
    def prefix(self) -> str:
        return f"{PREFIX['subscriber']}_{self.id}_"


def subscriber_keys(engine: Engine, subscriber_id: int) -> list[Key]:
    """One subscriber's API keys, newest first, revoked ones included."""
    since = utcnow() - LAST_USED_WINDOW
    with read_tx(engine) as conn:
        rows = conn.execute(select(tokens.c.id, tokens.c.label, tokens.c.created_at, tokens.c.revoked_at).where(
            tokens.c.role == "subscriber", tokens.c.subscriber_id == subscriber_id,
        ).order_by(tokens.c.created_at.desc(), tokens.c.id)).all()
        used = {row.id: conn.execute(select(usage.c.at).where(  # newest first along ix_usage_subscriber_at
            usage.c.subscriber_id == subscriber_id, usage.c.at >= since, usage.c.token_id == row.id,
        ).order_by(usage.c.at.desc()).limit(1)).scalar() for row in rows if row.revoked_at is None}
    return [Key(r.id, r.label, as_utc(r.created_at) or utcnow(), as_utc(r.revoked_at), as_utc(used.get(r.id)))
            for r in rows]


def revoke_subscriber_key(engine: Engine, subscriber_id: int, key_id: str) -> bool:
    """Revoke one of the subscriber's own keys; another's (or an unknown id) is left alone."""
    with write_tx(engine) as conn:
        result = conn.execute(update(tokens).where(
            tokens.c.id == key_id, tokens.c.role == "subscriber", tokens.c.subscriber_id == subscriber_id,
            tokens.c.revoked_at.is_(None)).values(revoked_at=utcnow()))
    return result.rowcount > 0

"""Token buckets in the store, shared by every process and node of a deployment.

A process does not write here per request: it *leases* a few tokens at a time in one short
write transaction (``lease``) and spends them locally (``api.ratelimit.StoreRateLimiter``).
The bucket refills at ``limit / window`` tokens a second up to ``limit``; leased tokens are
gone from it, so all processes together never receive more than the bucket hands out.
Time is the store's clock on PostgreSQL (nodes' clocks may differ) and this machine's on
SQLite (every process is on it).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newswire.store.engine import write_tx
from newswire.store.tables import rate_limits

WINDOW = 60.0


@dataclass(frozen=True, slots=True)
class Lease:
    granted: int  # tokens handed to the caller (0: the bucket is empty)
    left: float  # tokens left in the shared bucket


def lease_size(limit: int, most: int) -> int:
    """How many tokens one lease takes: 2% of the limit, between 1 and ``most``."""
    return max(1, min(most, limit // 50))


def seconds_for(tokens: float, limit: int, window: float = WINDOW) -> int:
    """Whole seconds the bucket needs to refill ``tokens``."""
    return max(0, math.ceil(tokens * window / limit)) if limit > 0 else 0


def _now(conn: Connection) -> float:
    if conn.dialect.name == "sqlite":
        return time.time()
    return float(conn.execute(select(func.extract("epoch", func.clock_timestamp()))).scalar_one())


def _locked_row(conn: Connection, subject: str) -> tuple[float, float] | None:
    row = conn.execute(select(rate_limits.c.tokens, rate_limits.c.stamp)
                       .where(rate_limits.c.subject == subject).with_for_update()).first()
    return (float(row.tokens), float(row.stamp)) if row else None


def lease(engine: Engine, subject: str, limit: int, want: int, *, give_back: int = 0,
          window: float = WINDOW) -> Lease:
    """Take up to ``want`` whole tokens from ``subject``'s bucket (created full), first
    returning ``give_back`` unspent tokens of an expired lease."""
    with write_tx(engine) as conn:
        now = _now(conn)
        row = _locked_row(conn, subject)
        if row is None:
            insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
            conn.execute(insert(rate_limits).values(subject=subject, tokens=float(limit), stamp=now)
                         .on_conflict_do_nothing(index_elements=["subject"]))
            row = _locked_row(conn, subject)
            assert row is not None
        tokens, stamp = row
        tokens = min(float(limit), tokens + give_back + max(0.0, now - stamp) * limit / window)
        granted = max(0, min(want, math.floor(tokens)))
        tokens -= granted
        conn.execute(update(rate_limits).where(rate_limits.c.subject == subject)
                     .values(tokens=tokens, stamp=max(now, stamp)))
    return Lease(granted, tokens)

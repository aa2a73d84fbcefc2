"""A source's health: last success, last error, items changed in the last hour, lag, silence."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from newswire.model import format_time, utcnow
from newswire.sources import store as sources_store
from newswire.store.items import as_utc

SILENT_AFTER_INTERVALS = 3


def health(engine: Engine, name: str, now: datetime | None = None) -> dict[str, Any]:
    """``lagSeconds``: since the last successful poll (None: never); ``silent`` when that is
    longer than three intervals (or the source never succeeded for that long)."""
    now = now or utcnow()
    row = sources_store.health_row(engine, name)
    success = as_utc(row["last_success_at"])
    error_at = as_utc(row["last_error_at"])
    since = success or as_utc(row["created_at"]) or now
    lag = (now - success).total_seconds() if success else None
    silent = not row["paused"] and (now - since).total_seconds() > SILENT_AFTER_INTERVALS * row["interval_seconds"]
    return {
        "lastSuccessAt": format_time(success) if success else None,
        "lastError": row["last_error"],
        "lastErrorAt": format_time(error_at) if error_at else None,
        "consecutiveFailures": row["failures"],
        "itemsLastHour": sources_store.items_since(engine, name, now - timedelta(hours=1)),
        "lagSeconds": round(lag, 3) if lag is not None else None,
        "silent": bool(silent),
        "nextPollAt": format_time(as_utc(row["next_poll_at"]) or now),
    }

"""A source's health: last success, last error, items changed in the last hour, lag, silence.

A source is **silent** when one of two things holds (a paused source never is):

* no successful poll for more than ``SILENT_AFTER_INTERVALS`` intervals (since it was declared,
  when it never succeeded);
* its polls succeed but it has produced nothing new for much longer than usual (a feed stuck on
  old content): more than ``STALE_AFTER_USUAL_GAPS`` times its usual gap, and more than
  ``SILENT_AFTER_INTERVALS`` intervals. The usual gap is the median gap between the recent
  moments items of the source changed (the ``source_items`` record), counting only gaps of at
  least one interval (items of one poll change together), and is known once there are
  ``MIN_GAPS`` of them.

The poller logs a WARNING once when a source becomes silent and an INFO line when it recovers
(:func:`log_transition`); ``/metrics`` has ``newswire_source_silent``.
"""

from __future__ import annotations

import itertools
import logging
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, RowMapping, select

from newswire.model import format_time, utcnow
from newswire.ops.metrics import METRICS
from newswire.sources import store as sources_store
from newswire.store.engine import read_tx
from newswire.store.items import as_utc
from newswire.store.tables import source_items, sources

if TYPE_CHECKING:
    from newswire.sources.ingest import Outcome

SILENT_AFTER_INTERVALS = 3
STALE_AFTER_USUAL_GAPS = 6
MIN_GAPS = 5
CHANGE_HISTORY = 50  # the most recent change moments read per source

log = logging.getLogger("newswire.sources")


@dataclass(frozen=True, slots=True)
class Facts:
    """What silence is decided from: one source's row and its recent change moments."""

    name: str
    paused: bool
    interval_seconds: int
    created_at: datetime
    last_success_at: datetime | None
    last_error_at: datetime | None
    failures: int
    last_change_at: datetime | None
    usual_gap_seconds: float | None

    @property
    def last_attempt_at(self) -> datetime | None:
        """When the last poll finished (a failed poll records an error, a good one a success)."""
        times = [t for t in (self.last_success_at, self.last_error_at) if t is not None]
        return max(times) if times else None


def usual_gap(changes: Sequence[datetime], interval_seconds: float) -> float | None:
    """Median seconds between change moments (in any order), ignoring gaps shorter than
    one interval; None with fewer than ``MIN_GAPS`` gaps."""
    ordered = sorted(changes)
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(ordered)]
    gaps = [g for g in gaps if g >= interval_seconds]
    return statistics.median(gaps) if len(gaps) >= MIN_GAPS else None


def silence(facts: Facts, now: datetime) -> str | None:
    """Why the source is silent at ``now`` (a sentence), or None."""
    if facts.paused:
        return None
    limit = SILENT_AFTER_INTERVALS * facts.interval_seconds
    since = facts.last_success_at or facts.created_at
    quiet = (now - since).total_seconds()
    if quiet > limit:
        what = "no successful poll" if facts.last_success_at else "never polled successfully"
        return f"{what} for {quiet:.0f} s ({SILENT_AFTER_INTERVALS} intervals: {limit} s)"
    if facts.usual_gap_seconds is None or facts.last_change_at is None:
        return None
    idle = (now - facts.last_change_at).total_seconds()
    if idle > max(limit, STALE_AFTER_USUAL_GAPS * facts.usual_gap_seconds):
        return (f"polls succeed but nothing new for {idle:.0f} s (usually every "
                f"{facts.usual_gap_seconds:.0f} s)")
    return None


def _facts(conn: Connection, row: RowMapping) -> Facts:
    changes = [t for t in (as_utc(c) for c in conn.execute(
        select(source_items.c.changed_at).where(source_items.c.source == row["name"]).distinct()
        .order_by(source_items.c.changed_at.desc()).limit(CHANGE_HISTORY)).scalars()) if t is not None]
    return Facts(
        name=row["name"], paused=bool(row["paused"]), interval_seconds=row["interval_seconds"],
        created_at=as_utc(row["created_at"]) or utcnow(), last_success_at=as_utc(row["last_success_at"]),
        last_error_at=as_utc(row["last_error_at"]), failures=row["failures"],
        last_change_at=max(changes) if changes else None,
        usual_gap_seconds=usual_gap(changes, row["interval_seconds"]),
    )


def read_facts(engine: Engine, name: str) -> Facts:
    row = sources_store.health_row(engine, name)
    with read_tx(engine) as conn:
        return _facts(conn, row)


def every_source(conn: Connection) -> list[Facts]:
    """Facts of every source, read on one connection (``/metrics`` at scrape time)."""
    rows = list(conn.execute(select(sources).order_by(sources.c.name)).mappings())
    return [_facts(conn, row) for row in rows]


def transition(before: Facts, after: Facts, now: datetime) -> tuple[str, str] | None:
    """``("silent", why)`` when a poll finds the source newly silent, ``("recovered", why it
    was)`` when it no longer is, else None. ``before`` is read before the poll: it was judged
    at that state's last attempt, so of polls in turn (one node at a time, under the lease)
    exactly one sees each change."""
    previous = before.last_attempt_at
    was = silence(before, previous) if previous is not None else None
    now_silent = silence(after, now)
    if now_silent and not was:
        return "silent", now_silent
    if was and not now_silent:
        return "recovered", was
    return None


def log_transition(before: Facts, after: Facts, now: datetime) -> None:
    change = transition(before, after, now)
    if change is None:
        return
    kind, why = change
    extra = {"source": after.name, "silent": kind == "silent"}
    if kind == "silent":
        log.warning("source %s is silent: %s", after.name, why, extra=extra)
    else:
        log.info("source %s recovered (it was silent: %s)", after.name, why, extra=extra)


def facts_before_poll(engine: Engine, name: str) -> Facts | None:
    """The source's facts as a poll starts (None when the store cannot say: the poll goes on)."""
    try:
        return read_facts(engine, name)
    except Exception:
        log.warning("could not read the health of source %s", name, exc_info=True)
        return None


def after_poll(engine: Engine, name: str, before: Facts | None, now: datetime, *, ok: bool, not_modified: bool,
               outcome: Outcome) -> None:
    """Count the poll (``/metrics``) and log the source becoming silent or recovering."""
    METRICS.source_poll(name, "error" if not ok else "not_modified" if not_modified else "ok", {
        "published": outcome.published, "updated": outcome.updated, "unchanged": outcome.unchanged,
        "held": outcome.held, "skipped": outcome.skipped})
    if before is None:
        return
    try:
        log_transition(before, read_facts(engine, name), now)
    except Exception:
        log.warning("could not read the health of source %s", name, exc_info=True)


def health(engine: Engine, name: str, now: datetime | None = None) -> dict[str, Any]:
    """``lagSeconds``: since the last successful poll (None: never); ``silent`` and
    ``silentReason`` as above; ``usualGapSeconds``: the median gap between changes."""
    now = now or utcnow()
    row = sources_store.health_row(engine, name)
    with read_tx(engine) as conn:
        facts = _facts(conn, row)
    success, error_at = facts.last_success_at, facts.last_error_at
    lag = (now - success).total_seconds() if success else None
    why = silence(facts, now)
    return {
        "lastSuccessAt": format_time(success) if success else None,
        "lastError": row["last_error"],
        "lastErrorAt": format_time(error_at) if error_at else None,
        "consecutiveFailures": row["failures"],
        "itemsLastHour": sources_store.items_since(engine, name, now - timedelta(hours=1)),
        "lagSeconds": round(lag, 3) if lag is not None else None,
        "silent": why is not None,
        "silentReason": why,
        "lastChangeAt": format_time(facts.last_change_at) if facts.last_change_at else None,
        "usualGapSeconds": round(facts.usual_gap_seconds, 3) if facts.usual_gap_seconds is not None else None,
        "nextPollAt": format_time(as_utc(row["next_poll_at"]) or now),
    }

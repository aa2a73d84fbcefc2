"""The usage audit: every delivery and download, per subscriber, key, item and channel."""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, select

from newswire.model import utcnow
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import subscribers, usage

CHANNELS = ("feed", "item", "stream", "webhook", "search")


@dataclass(frozen=True, slots=True)
class UsageRecord:
    subscriber_id: int
    token_id: str | None
    uri: str
    version: int
    channel: str
    at: datetime


class UsageRecorder:
    """Buffers records and writes them in batches, so hot read paths do not each take the
    database's write lock. ``flush`` runs every ``interval`` seconds and at shutdown."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._buffer: list[dict[str, object]] = []
        self._lock = threading.Lock()

    def record(self, subscriber_id: int, token_id: str | None, entries: list[tuple[str, int]],
               channel: str) -> None:
        now = utcnow()
        rows: list[dict[str, object]] = [
            {"subscriber_id": subscriber_id, "token_id": token_id, "uri": uri, "version": version,
             "channel": channel, "at": now}
            for uri, version in entries
        ]
        with self._lock:
            self._buffer.extend(rows)

    def flush(self) -> int:
        with self._lock:
            rows, self._buffer = self._buffer, []
        if rows:
            with write_tx(self.engine) as conn:
                conn.execute(insert(usage), rows)
        return len(rows)


def month_bounds(month: str) -> tuple[datetime, datetime]:
    try:
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
    except ValueError as exc:
        raise ValueError("month must be YYYY-MM") from exc
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start, end


def report_csv(engine: Engine, month: str) -> str:
    start, end = month_bounds(month)
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(usage.c.at, subscribers.c.name, usage.c.token_id, usage.c.uri, usage.c.version, usage.c.channel)
            .join(subscribers, subscribers.c.id == usage.c.subscriber_id)
            .where(usage.c.at >= start, usage.c.at < end).order_by(usage.c.id)
        ).all()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["time", "subscriber", "key_id", "uri", "version", "channel"])
    for at, name, token_id, uri, version, channel in rows:
        writer.writerow([(as_utc(at) or utcnow()).isoformat(), name, token_id or "", uri, version, channel])
    return out.getvalue()


def month_summary(engine: Engine, subscriber_id: int, now: datetime | None = None) -> dict[str, int]:
    start, end = month_bounds((now or utcnow()).strftime("%Y-%m"))
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(usage.c.channel, func.count()).where(
                usage.c.subscriber_id == subscriber_id, usage.c.at >= start, usage.c.at < end)
            .group_by(usage.c.channel)
        ).all()
    return {channel: count for channel, count in rows}

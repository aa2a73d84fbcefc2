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

CHANNELS = ("feed", "item", "stream", "webhook", "search", "portal", "download", "media")
# portal and download: portal users; media: a picture rendition (the row names which)


@dataclass(frozen=True, slots=True)
class UsageRecord:
    subscriber_id: int
    token_id: str | None
    uri: str
    version: int
    channel: str
    at: datetime


UsageKey = tuple[int, str | None, str, int, str, str | None]  # subscriber, key, uri, version, channel, rendition


class UsageRecorder:
    """Buffers records and writes them in batches, so hot read paths do not each take the
    database's write lock. ``flush`` runs every half second and at shutdown.

    Identical deliveries within one window (the same version to the same key on the same
    channel — a thousand SSE connections on one key) become one row with a ``count``, timed
    at the first of them.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._buffer: dict[UsageKey, tuple[datetime, int]] = {}
        self._lock = threading.Lock()

    def record(self, subscriber_id: int, token_id: str | None, entries: list[tuple[str, int]],
               channel: str, rendition: str | None = None) -> None:
        now = utcnow()
        with self._lock:
            for uri, version in entries:
                key = (subscriber_id, token_id, uri, version, channel, rendition)
                first, count = self._buffer.get(key, (now, 0))
                self._buffer[key] = (first, count + 1)

    def flush(self) -> int:
        with self._lock:
            buffered, self._buffer = self._buffer, {}
        if buffered:
            rows = [{"subscriber_id": k[0], "token_id": k[1], "uri": k[2], "version": k[3], "channel": k[4],
                     "rendition": k[5], "at": v[0], "count": v[1]} for k, v in buffered.items()]
            with write_tx(self.engine) as conn:
                conn.execute(insert(usage), rows)
        return sum(count for _, count in buffered.values())


def month_bounds(month: str) -> tuple[datetime, datetime]:
    try:
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
    except ValueError as exc:
        raise ValueError("month must be YYYY-MM") from exc
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start, end


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one that would start a formula (``=``, ``+``,
    ``-``, ``@``, tab, carriage return) gets a leading ``'``. Numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def report_csv(engine: Engine, month: str) -> str:
    start, end = month_bounds(month)
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(usage.c.at, subscribers.c.name, usage.c.token_id, usage.c.uri, usage.c.version, usage.c.channel,
                   usage.c.count, usage.c.rendition)
            .join(subscribers, subscribers.c.id == usage.c.subscriber_id)
            .where(usage.c.at >= start, usage.c.at < end).order_by(usage.c.id)
        ).all()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["time", "subscriber", "key_id", "uri", "version", "channel", "count", "rendition"])
    for at, name, token_id, uri, version, channel, count, rendition in rows:
        writer.writerow([cell(v) for v in ((as_utc(at) or utcnow()).isoformat(), name, token_id or "", uri, version,
                                           channel, count, rendition or "")])
    return out.getvalue()


def month_summary(engine: Engine, subscriber_id: int, now: datetime | None = None) -> dict[str, int]:
    start, end = month_bounds((now or utcnow()).strftime("%Y-%m"))
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(usage.c.channel, func.sum(usage.c.count)).where(
                usage.c.subscriber_id == subscriber_id, usage.c.at >= start, usage.c.at < end)
            .group_by(usage.c.channel)
        ).all()
    return {channel: int(count) for channel, count in rows}

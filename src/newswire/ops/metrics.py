"""The wire's Prometheus metrics, on ``prometheus_client``.

One process (``newswire serve``, ``newswire worker``) keeps its metrics in memory. The
processes of ``newswire serve --workers N`` share one ``PROMETHEUS_MULTIPROC_DIR`` (made by the
parent, see :func:`multiprocess_directory`): each writes its values to its own files there, and
whichever process answers a scrape adds them all up, so a scrape counts every process behind the
port. Figures the store owns (the log's head, the webhook queue, the sources' state) are read from the store at
scrape time by :class:`StoreCollector`, once per scrape, never once per process.

A scrape answers OpenMetrics when the scraper asks for it (``Accept:
application/openmetrics-text``), the classic text format (0.0.4) otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4, choose_encoder
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from sqlalchemy import Engine, func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from newswire.sources.health import Facts

log = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4  # the classic text format, for scrapers that ask for nothing else
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
DEFAULT_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

# ``*_created`` series (a counter's start time) would double the series count; Prometheus needs
# none of them, and in multi-process mode the library cannot give them anyway.
disable_created_metrics()


class StoreCollector:
    """Figures the store owns, read with one connection per scrape: the log's head
    (``newswire_events_total``); per webhook endpoint, the pending deliveries and the age of
    the oldest one; per partner source, its last success, lag, failures in a row and silence
    (the same judgement as its health, so every node and process says the same). An
    unreachable store leaves them out of the scrape (logged), never fails it."""

    def __init__(self, engine: Engine, now: Callable[[], datetime]) -> None:
        self.engine, self.now = engine, now

    @staticmethod
    def _families() -> tuple[CounterMetricFamily, GaugeMetricFamily, GaugeMetricFamily]:
        # The head of the log is a counter: rate(newswire_events_total[1m]) is the wire's events/s.
        return (CounterMetricFamily("newswire_events", "Events in the log (the last sequence); rate() gives events/s."),
                GaugeMetricFamily("newswire_webhook_queue_depth", "Pending webhook deliveries, per endpoint.",
                                  labels=("endpoint",)),
                GaugeMetricFamily("newswire_webhook_lag_seconds",
                                  "Age of the oldest pending delivery, per endpoint (delivery lag).",
                                  labels=("endpoint",)))

    @staticmethod
    def _source_families() -> tuple[GaugeMetricFamily, ...]:
        return tuple(GaugeMetricFamily(name, text, labels=("source",)) for name, text in (
            ("newswire_source_last_success_timestamp_seconds", "When the source was last polled successfully "
                                                              "(Unix time; absent: never)."),
            ("newswire_source_lag_seconds", "Seconds since the last successful poll (since it was declared, when "
                                            "it never succeeded)."),
            ("newswire_source_consecutive_failures", "Polls that failed in a row."),
            ("newswire_source_silent", "1 while the source is silent: no success for three intervals, or nothing "
                                       "new for much longer than usual (see its health)."),
        ))

    def describe(self) -> Iterable[Metric]:
        return [*self._families(), *self._source_families()]

    def collect(self) -> Iterable[Metric]:
        from newswire.sources.health import every_source
        from newswire.store.items import as_utc
        from newswire.store.tables import deliveries, sequencer

        try:
            with self.engine.connect() as conn:
                head = conn.execute(select(sequencer.c.last_seq).where(sequencer.c.id == 1)).scalar() or 0
                queue = conn.execute(select(deliveries.c.endpoint_id, func.count(), func.min(deliveries.c.created_at))
                                     .where(deliveries.c.status == "pending")
                                     .group_by(deliveries.c.endpoint_id)).all()
                partners = every_source(conn)
        except Exception:  # a store outage must not break the scrape: the other metrics still tell
            log.warning("metrics could not read the store", exc_info=True)
            return []
        events, depth, lag = self._families()
        events.add_metric([], float(head))
        current = self.now()
        for endpoint, count, oldest in sorted(queue, key=lambda row: str(row[0])):
            depth.add_metric([str(endpoint)], float(count))
            oldest_utc = as_utc(oldest)
            lag.add_metric([str(endpoint)], max(0.0, (current - oldest_utc).total_seconds()) if oldest_utc else 0.0)
        return [events, depth, lag, *self._sources(partners, current)]

    def _sources(self, partners: list[Facts], current: datetime) -> tuple[GaugeMetricFamily, ...]:
        from newswire.sources.health import silence

        families = self._source_families()
        success, lag, failures, silent = families
        for facts in partners:
            label = [facts.name]
            if facts.last_success_at is not None:
                success.add_metric(label, facts.last_success_at.timestamp())
            since = facts.last_success_at or facts.created_at
            lag.add_metric(label, max(0.0, (current - since).total_seconds()))
            failures.add_metric(label, float(facts.failures))
            silent.add_metric(label, 1.0 if silence(facts, current) else 0.0)
        return families


class WireRegistry(CollectorRegistry):
    """What a scrape reads. In one process: this process's metrics. Under ``serve --workers N``
    (``PROMETHEUS_MULTIPROC_DIR`` set): every process's metrics, from the shared directory.
    Either way plus the store's figures (one :class:`StoreCollector`, replaced when re-watched)."""

    def __init__(self, multiprocess_dir: str | None = None) -> None:
        super().__init__()
        self.multiprocess_dir = multiprocess_dir
        self._store: StoreCollector | None = None
        if multiprocess_dir:
            MultiProcessCollector(self, multiprocess_dir)

    def watch_store(self, collector: StoreCollector) -> None:
        if self._store is not None:
            with contextlib.suppress(KeyError):
                self.unregister(self._store)
        self.register(collector)
        self._store = collector

    def scrape(self, accept: str | None = None) -> tuple[bytes, str]:
        """The exposition the scraper asked for (its ``Accept``), and its content type."""
        if self.multiprocess_dir:
            forget_dead_processes(self.multiprocess_dir)
        encoder, content_type = choose_encoder(accept or "")
        return encoder(self), content_type


class WireMetrics:
    """The wire's metrics. Names follow Prometheus conventions (``_total`` counters, ``_seconds``
    histograms). Gauges say how processes of one node add up (``multiprocess_mode``)."""

    def __init__(self, multiprocess_dir: str | None = None) -> None:
        self.registry = WireRegistry(multiprocess_dir)
        # In multi-process mode the values live in the shared directory and the registry reads
        # them from there: registering them too would count this process twice.
        r = None if multiprocess_dir else self.registry
        self.http_requests = Counter(
            "newswire_http_requests_total", "HTTP requests answered, by method, route and status class.",
            ("method", "route", "status"), registry=r)
        self.http_errors = Counter(
            "newswire_http_errors_total", "HTTP answers 5xx, and requests that raised.", ("route",), registry=r)
        self.http_seconds = Histogram(
            "newswire_http_request_seconds", "Time to answer (SSE: the connection's life).", ("route",),
            buckets=DEFAULT_BUCKETS, registry=r)
        self.publishes = Counter(
            "newswire_publishes_total", "Stories written through this node, by outcome.", ("outcome",), registry=r)
        self.sse_connections = Gauge(
            "newswire_sse_connections", "Open Server-Sent Events streams on this node.",
            multiprocess_mode="livesum", registry=r)
        self.webhook_attempts = Counter(
            "newswire_webhook_attempts_total", "Webhook attempts made by this process, by outcome.",
            ("outcome",), registry=r)
        self.webhook_delivery_seconds = Histogram(
            "newswire_webhook_delivery_seconds", "From the event's commit to the receiver's 2xx.",
            buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0, 60.0, 300.0, 3600.0), registry=r)
        self.webhook_dead = Counter(
            "newswire_webhook_dead_letters_total", "Deliveries given up on (endpoint disabled).", registry=r)
        self.bus_messages = Counter(
            "newswire_bus_messages_total", "Bus messages, by direction (sent, received, send_failed).",
            ("direction",), registry=r)
        # Each process holds its own bus connection: the node's is up only while every one is.
        self.bus_up = Gauge(
            "newswire_bus_up", "1 while the configured bus (NATS) is connected; 1 for the in-process hub.",
            multiprocess_mode="livemin", registry=r)
        self.source_polls = Counter(
            "newswire_source_polls_total", "Polls of a partner source by this process, by outcome (ok, "
            "not_modified, error).", ("source", "outcome"), registry=r)
        self.source_items = Counter(
            "newswire_source_items_total", "Partner items ingested by this process, by result (published, "
            "updated, unchanged, held, skipped).", ("source", "result"), registry=r)

    def source_poll(self, source: str, outcome: str, results: dict[str, int]) -> None:
        """Count one poll of ``source`` and what became of its items."""
        self.source_polls.labels(source=source, outcome=outcome).inc()
        for result, count in results.items():
            if count:
                self.source_items.labels(source=source, result=result).inc(count)

    def reset_sse(self) -> None:
        self.sse_connections.set(0)


def _env_multiprocess_dir() -> str | None:
    """The library picks its value store when it is imported, from the same variable."""
    return os.environ.get(MULTIPROC_ENV) or os.environ.get(MULTIPROC_ENV.lower()) or None


METRICS = WireMetrics(_env_multiprocess_dir())


def store_collectors(registry: WireRegistry, engine: Engine, now: Callable[[], datetime]) -> None:
    """Read the log's head and the webhook queue from this store at scrape time (replacing any
    store read before: tests open many wires in one process)."""
    registry.watch_store(StoreCollector(engine, now))


# -- multi-process bookkeeping ------------------------------------------------------------

_FILE_PID = re.compile(r"^gauge_live\w+?_(\d+)\.db$")
_DIR_PREFIX = "newswire-metrics-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    try:  # a dead child its parent has not reaped yet is a zombie: not alive
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def forget_dead_processes(directory: str) -> list[int]:
    """``mark_process_dead`` for every process that left live gauges behind and is gone (killed,
    or restarted by the supervisor): its open SSE streams and bus state stop counting. Its
    counters and histograms stay, so totals never go backwards."""
    dead: set[int] = set()
    with contextlib.suppress(OSError):
        for name in os.listdir(directory):
            match = _FILE_PID.match(name)
            if match and not _alive(int(match.group(1))):
                dead.add(int(match.group(1)))
    for pid in dead:
        with contextlib.suppress(OSError):  # another process may be removing the same files
            mark_process_dead(pid, directory)
    return sorted(dead)


@contextlib.contextmanager
def multiprocess_directory() -> Iterator[Path]:
    """For ``serve --workers N``: a fresh, empty ``PROMETHEUS_MULTIPROC_DIR`` (under ``TMPDIR``)
    exported to the processes about to start, removed when they are gone. Directories left by a
    parent that was killed (its pid is in the name, and it is gone) are removed first."""
    parent = Path(tempfile.gettempdir())
    for stale in parent.glob(f"{_DIR_PREFIX}*-*"):
        pid = stale.name[len(_DIR_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    path = Path(tempfile.mkdtemp(prefix=f"{_DIR_PREFIX}{os.getpid()}-"))
    previous = os.environ.get(MULTIPROC_ENV)
    os.environ[MULTIPROC_ENV] = str(path)
    try:
        yield path
    finally:
        if previous is None:
            os.environ.pop(MULTIPROC_ENV, None)
        else:
            os.environ[MULTIPROC_ENV] = previous
        shutil.rmtree(path, ignore_errors=True)


# -- the HTTP middleware ------------------------------------------------------------------


def route_of(scope: Scope) -> str:
    """The route template (``/v1/items/{uri:path}``), never the raw path: bounded label values."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    return "unmatched"


PUBLISHING = ("/v1/items", "/v1/items/{uri:path}/kill")


def _outcome(route: str, status: int) -> str:
    if status >= 500:
        return "failed"
    if status >= 400:
        return "rejected"
    if route.endswith("/kill"):
        return "killed"
    return "created" if status == 201 else "unchanged"


class MetricsMiddleware:
    """Counts requests, 5xx and durations per route template (pure ASGI, streaming-safe).

    The labelled children a request updates are looked up once per (method, route, status) and
    kept: the hot path is then a dict lookup and three locked additions."""

    def __init__(self, app: ASGIApp, metrics: WireMetrics = METRICS) -> None:
        self.app, self.metrics = app, metrics
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram, Counter | None, Counter | None]] = {}

    def _for(self, method: str, route: str, status: int) -> tuple[Counter, Histogram, Counter | None, Counter | None]:
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            if method not in METHODS:  # a client's made-up method: one series, not one per name
                return self._for("other", route, status)
            m = self.metrics
            children = (
                m.http_requests.labels(method=method, route=route, status=f"{status // 100}xx"),
                m.http_seconds.labels(route=route),
                m.http_errors.labels(route=route) if status >= 500 else None,
                m.publishes.labels(outcome=_outcome(route, status))
                if method == "POST" and route in PUBLISHING else None,
            )
            self._children[key] = children
        return children

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:  # an exception leaves the status at 500: counted as an error below
            requests, seconds, errors, publishes = self._for(scope["method"], route_of(scope), status[0])
            requests.inc()
            seconds.observe(time.perf_counter() - started)
            if errors is not None:
                errors.inc()
            if publishes is not None:
                publishes.inc()

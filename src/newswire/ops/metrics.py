"""A small Prometheus registry: counters, gauges and histograms in the text exposition format.

Enough for ``/metrics`` without a dependency: labelled series, thread-safe updates, gauges
read by a callback at scrape time (for figures the store owns, like the webhook queue).
Names follow Prometheus conventions (``_total`` counters, ``_seconds`` histograms).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine, func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Labels = tuple[str, ...]
M = TypeVar("M", bound="Metric")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
DEFAULT_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _series(name: str, names: Sequence[str], values: Sequence[str], extra: str = "") -> str:
    pairs = [f'{k}="{_escape(v)}"' for k, v in zip(names, values, strict=True)]
    if extra:
        pairs.append(extra)
    return f"{name}{{{','.join(pairs)}}}" if pairs else name


class Metric:
    kind = "untyped"

    def __init__(self, name: str, help: str, labels: Sequence[str] = ()) -> None:
        self.name, self.help, self.label_names = name, help, tuple(labels)
        self._lock = threading.Lock()

    def _key(self, labels: dict[str, str]) -> Labels:
        if set(labels) != set(self.label_names):
            raise ValueError(f"{self.name} takes labels {self.label_names}, not {tuple(labels)}")
        return tuple(str(labels[n]) for n in self.label_names)

    def header(self) -> list[str]:
        return [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} {self.kind}"]

    def samples(self) -> list[str]:
        raise NotImplementedError

    def expose(self) -> list[str]:
        return self.header() + self.samples()


class Counter(Metric):
    kind = "counter"

    def __init__(self, name: str, help: str, labels: Sequence[str] = ()) -> None:
        super().__init__(name, help, labels)
        self._values: dict[Labels, float] = {}

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        return self._values.get(self._key(labels), 0.0)

    def samples(self) -> list[str]:
        with self._lock:
            items = sorted(self._values.items())
        if not items and not self.label_names:
            items = [((), 0.0)]
        return [f"{_series(self.name, self.label_names, k)} {_number(v)}" for k, v in items]


class Gauge(Metric):
    kind = "gauge"

    def __init__(self, name: str, help: str, labels: Sequence[str] = (),
                 collect: Callable[[], Iterable[tuple[dict[str, str], float]]] | None = None) -> None:
        super().__init__(name, help, labels)
        self._values: dict[Labels, float] = {}
        self.collect = collect

    def set(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            self._values[key] = value

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def dec(self, amount: float = 1.0, **labels: str) -> None:
        self.inc(-amount, **labels)

    def value(self, **labels: str) -> float:
        return self._values.get(self._key(labels), 0.0)

    def samples(self) -> list[str]:
        if self.collect is not None:
            fresh = {self._key(labels): value for labels, value in self.collect()}
            with self._lock:
                self._values = fresh
        with self._lock:
            items = sorted(self._values.items())
        if not items and not self.label_names:
            items = [((), 0.0)]
        return [f"{_series(self.name, self.label_names, k)} {_number(v)}" for k, v in items]


class Histogram(Metric):
    kind = "histogram"

    def __init__(self, name: str, help: str, labels: Sequence[str] = (),
                 buckets: Sequence[float] = DEFAULT_BUCKETS) -> None:
        super().__init__(name, help, labels)
        self.buckets = tuple(sorted(buckets))
        self._counts: dict[Labels, list[int]] = {}
        self._sums: dict[Labels, float] = {}

    def observe(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            counts = self._counts.setdefault(key, [0] * (len(self.buckets) + 1))
            for i, bound in enumerate(self.buckets):
                if value <= bound:
                    counts[i] += 1
                    break
            else:
                counts[-1] += 1
            self._sums[key] = self._sums.get(key, 0.0) + value

    def count(self, **labels: str) -> int:
        return sum(self._counts.get(self._key(labels), []))

    def samples(self) -> list[str]:
        with self._lock:
            items = sorted((k, list(v), self._sums[k]) for k, v in self._counts.items())
        out: list[str] = []
        for key, counts, total in items:
            running = 0
            for bound, n in zip((*self.buckets, math.inf), counts, strict=True):
                running += n
                le = f'le="{_number(bound)}"'
                out.append(f"{_series(self.name + '_bucket', self.label_names, key, le)} {running}")
            out.append(f"{_series(self.name + '_sum', self.label_names, key)} {_number(total)}")
            out.append(f"{_series(self.name + '_count', self.label_names, key)} {running}")
        return out


class Registry:
    def __init__(self) -> None:
        self._metrics: dict[str, Metric] = {}
        self._lock = threading.Lock()

    def register(self, metric: M) -> M:
        with self._lock:
            if metric.name in self._metrics:
                raise ValueError(f"{metric.name} is already registered")
            self._metrics[metric.name] = metric
        return metric

    def unregister(self, name: str) -> None:
        with self._lock:
            self._metrics.pop(name, None)

    def expose(self) -> bytes:
        """The text exposition of every metric. Collectors that fail leave their metric out."""
        lines: list[str] = []
        with self._lock:
            metrics = list(self._metrics.values())
        for metric in metrics:
            try:
                lines.extend(metric.expose())
            except Exception:  # a collector reading an unreachable store must not break the scrape
                continue
        return ("\n".join(lines) + "\n").encode()


class WireMetrics:
    """The wire's metrics, one set per process (nodes and workers each expose their own)."""

    def __init__(self) -> None:
        r = self.registry = Registry()
        self.http_requests = r.register(Counter(
            "newswire_http_requests_total", "HTTP requests answered, by method, route and status class.",
            ("method", "route", "status")))
        self.http_errors = r.register(Counter(
            "newswire_http_errors_total", "HTTP answers 5xx, and requests that raised.", ("route",)))
        self.http_seconds = r.register(Histogram(
            "newswire_http_request_seconds", "Time to answer (SSE: the connection's life).", ("route",)))
        self.publishes = r.register(Counter(
            "newswire_publishes_total", "Stories written through this node, by outcome.", ("outcome",)))
        self.sse_connections = r.register(Gauge(
            "newswire_sse_connections", "Open Server-Sent Events streams on this node."))
        self.webhook_attempts = r.register(Counter(
            "newswire_webhook_attempts_total", "Webhook attempts made by this process, by outcome.",
            ("outcome",)))
        self.webhook_delivery_seconds = r.register(Histogram(
            "newswire_webhook_delivery_seconds", "From the event's commit to the receiver's 2xx.",
            buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0, 60.0, 300.0, 3600.0)))
        self.webhook_dead = r.register(Counter(
            "newswire_webhook_dead_letters_total", "Deliveries given up on (endpoint disabled)."))
        self.bus_messages = r.register(Counter(
            "newswire_bus_messages_total", "Bus messages, by direction (sent, received, send_failed).",
            ("direction",)))
        self.bus_up = r.register(Gauge(
            "newswire_bus_up", "1 while the configured bus (NATS) is connected; 1 for the in-process hub."))

    def reset_sse(self) -> None:
        self.sse_connections.set(0)


METRICS = WireMetrics()


def store_collectors(registry: Registry, engine: Engine, now: Callable[[], datetime]) -> None:
    """Gauges read from the store at scrape time: the log's head, and the webhook queue."""
    from newswire.store.tables import deliveries, sequencer

    def last_seq() -> Iterable[tuple[dict[str, str], float]]:
        with engine.connect() as conn:
            value = conn.execute(select(sequencer.c.last_seq).where(sequencer.c.id == 1)).scalar() or 0
        yield {}, float(value)

    queue: dict[str, tuple[int, datetime | None]] = {}
    read_at = [0.0]

    def read_queue() -> dict[str, tuple[int, datetime | None]]:
        if time.monotonic() - read_at[0] > 0.5:  # depth and lag come from one query per scrape
            with engine.connect() as conn:
                rows = conn.execute(select(deliveries.c.endpoint_id, func.count(), func.min(deliveries.c.created_at))
                                    .where(deliveries.c.status == "pending")
                                    .group_by(deliveries.c.endpoint_id)).all()
            queue.clear()
            queue.update({r[0]: (int(r[1]), r[2]) for r in rows})
            read_at[0] = time.monotonic()
        return queue

    def depth() -> Iterable[tuple[dict[str, str], float]]:
        for endpoint, (count, _) in read_queue().items():
            yield {"endpoint": endpoint}, float(count)

    def lag() -> Iterable[tuple[dict[str, str], float]]:
        from newswire.store.items import as_utc

        current = now()
        for endpoint, (_, oldest) in read_queue().items():
            oldest_utc = as_utc(oldest)
            yield {"endpoint": endpoint}, max(0.0, (current - oldest_utc).total_seconds()) if oldest_utc else 0.0

    for name in ("newswire_events_total", "newswire_webhook_queue_depth", "newswire_webhook_lag_seconds"):
        registry.unregister(name)
    # The head of the log is a counter: rate(newswire_events_total[1m]) is the wire's events/s.
    events = Gauge("newswire_events_total", "Events in the log (the last sequence); rate() gives events/s.",
                   collect=last_seq)
    events.kind = "counter"
    registry.register(events)
    registry.register(Gauge("newswire_webhook_queue_depth", "Pending webhook deliveries, per endpoint.",
                            ("endpoint",), collect=depth))
    registry.register(Gauge("newswire_webhook_lag_seconds",
                            "Age of the oldest pending delivery, per endpoint (delivery lag).",
                            ("endpoint",), collect=lag))


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
    """Counts requests, 5xx and durations per route template (pure ASGI, streaming-safe)."""

    def __init__(self, app: ASGIApp, metrics: WireMetrics = METRICS) -> None:
        self.app, self.metrics = app, metrics

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
            route = route_of(scope)
            if scope["method"] == "POST" and route in PUBLISHING:
                self.metrics.publishes.inc(outcome=_outcome(route, status[0]))
            self.metrics.http_requests.inc(method=scope["method"], route=route, status=f"{status[0] // 100}xx")
            self.metrics.http_seconds.observe(time.perf_counter() - started, route=route)
            if status[0] >= 500:
                self.metrics.http_errors.inc(route=route)

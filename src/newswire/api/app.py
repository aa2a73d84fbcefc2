"""The ASGI application: routers, error handling, and the background clocks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import PoolProxiedConnection, text
from starlette.concurrency import run_in_threadpool

from newswire.api import admin, items, media, problems, schemas, subscriber, webhooks
from newswire.api import sources as sources_api
from newswire.api.compression import Compression
from newswire.api.head import HeadNotRecorded, HeadResponses, HeadRoutedAsGet
from newswire.api.inputs import storable_url
from newswire.api.limits import BodyLimits
from newswire.api.problems import problem_response
from newswire.api.ratelimit import RateLimitHeaders, make_rate_limiter
from newswire.config import Settings
from newswire.delivery.cache import EventCache
from newswire.delivery.fanout import Fanout
from newswire.delivery.reader import Subscriptions
from newswire.delivery.sse import StreamSend
from newswire.delivery.streams import StreamSlots
from newswire.delivery.webhook_client import Resolver
from newswire.delivery.webhooks import RetryPolicy, WebhookWorker
from newswire.desk import routes as desk_routes
from newswire.media.blobs import store_for
from newswire.media.worker import MediaWorker
from newswire.model import utcnow
from newswire.ops.logging import RequestIdMiddleware
from newswire.ops.metrics import METRICS, MetricsMiddleware, store_collectors
from newswire.portal import routes as portal_routes
from newswire.portal.notify import Notifier
from newswire.site import routes as site_routes
from newswire.sources.scheduler import SourcePoller
from newswire.store import items as store
from newswire.store.engine import is_sqlite
from newswire.store.secrets import box_for
from newswire.store.usage import UsageRecorder
from newswire.wire import Wire

log = logging.getLogger(__name__)


async def every(seconds: float, job: Callable[[], Any], what: str) -> None:
    """Run a blocking job in a thread every ``seconds``, surviving store outages."""
    while True:
        try:
            await asyncio.to_thread(job)
        except Exception:
            log.warning("%s could not reach the store", what, exc_info=True)
        await asyncio.sleep(seconds)


def create_app(wire: Wire, *, clocks: bool = True, resolver: Resolver | None = None) -> FastAPI:
    settings = wire.settings
    usage = UsageRecorder(wire.engine)
    worker = WebhookWorker(wire.engine, wire.hub, usage=usage,
                           policy=RetryPolicy(retry_period=timedelta(hours=settings.webhook_retry_hours)),
                           timeout=settings.webhook_timeout_seconds,
                           lease=timedelta(seconds=max(settings.webhook_lease_seconds,
                                                       settings.webhook_timeout_seconds + 1)),
                           allow_private=settings.webhooks_allow_private, resolver=resolver,
                           secret_box=lambda: box_for(settings), settings=settings)

    store_ping = StorePing(wire)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        wire.hub.bind(asyncio.get_running_loop())
        if not hasattr(wire.hub, "healthy"):
            METRICS.bus_up.set(1)  # the in-process hub is always there
        wire.hub.latest = await run_in_threadpool(store.last_seq, wire.engine)
        if not settings.lazy_models:  # else at the first publication (the pool warms up before it forks)
            await run_in_threadpool(wire.pipeline.warm_up)
        if settings.enrich_workers != 0:  # forked at the first publication, from the warm pipeline
            wire.use_pool(settings.enrich_workers)
        app.state.event_cache.start_at(wire.hub.latest)
        tasks: list[asyncio.Task[Any]] = [asyncio.create_task(every(0.5, usage.flush, "usage recorder"))]
        if clocks:
            wire.hub.start_polling(lambda: store.last_seq(wire.engine), settings.poll_seconds)
            tasks.append(asyncio.create_task(every(settings.embargo_poll_seconds, wire.lift_embargoes,
                                                   "embargo clock")))
            if settings.embedded_worker:
                tasks.append(asyncio.create_task(worker.run()))
                tasks.append(asyncio.create_task(MediaWorker(settings, wire.engine, wire.hub,
                                                             blobs=app.state.media_blobs).run()))
                tasks.append(asyncio.create_task(Notifier(wire).run()))  # the portal's notifications
                if settings.sources_poller:
                    tasks.append(asyncio.create_task(SourcePoller(wire, resolver=resolver).run()))
        yield
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await app.state.fanout.close()
        enrich_pool, wire.enrich_pool = wire.enrich_pool, None
        if enrich_pool is not None:
            await run_in_threadpool(enrich_pool.close)
        await run_in_threadpool(usage.flush)
        await app.state.rate_limiter.close()
        await wire.hub.close()
        store_ping.close()

    app = FastAPI(
        title="newswire",
        version="0.1.0",
        description="A news agency's wire: editors publish stories; subscribers receive them.",
        lifespan=lifespan,
        redirect_slashes=False,  # Starlette's built Location from Host: problems.py redirects by path
        generate_unique_id_function=lambda route: route.name,  # operationId: the handler's name
        dependencies=[Depends(storable_url)],  # no NUL in a path or query parameter reaches a route
    )
    app.state.wire = wire
    app.state.media_blobs = store_for(settings)  # fails here, at startup, when NEWSWIRE_MEDIA_URL cannot be opened
    app.state.usage = HeadNotRecorded(usage)  # the routes' view: a HEAD records no read
    app.state.webhook_worker = worker
    app.state.event_cache = EventCache(wire.engine, wire.hub)
    app.state.subscriptions = Subscriptions(wire.engine)
    app.state.rate_limiter = make_rate_limiter(settings, wire.engine)
    app.state.webhooks_allow_private = settings.webhooks_allow_private
    app.state.webhook_resolver = resolver  # None: the system's; tests play DNS with their own
    app.state.sse_heartbeat = settings.sse_heartbeat_seconds
    app.state.sse_send_timeout = settings.sse_send_timeout_seconds
    app.state.stream_slots = StreamSlots(settings.max_streams_per_key, settings.max_streams_per_subscriber)
    app.state.fanout = Fanout(wire.engine, app.state.event_cache, wire.hub,
                              lambda subscriber_id: app.state.subscriptions.reader(subscriber_id, None))
    app.add_middleware(HeadRoutedAsGet)  # innermost: a HEAD reaches the routes as its GET
    app.add_middleware(BodyLimits, settings=settings, engine=wire.engine)  # before any body is read
    app.add_middleware(RateLimitHeaders)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(Compression)  # gzip for whole answers; event streams pass untouched
    app.add_middleware(RequestIdMiddleware)  # every line logged while serving has the id
    app.add_middleware(StreamSend)  # event streams write their frames past the others (not past HEAD's)
    app.add_middleware(HeadResponses)  # outermost: a HEAD gets its GET's status and headers, no body
    store_collectors(METRICS.registry, wire.engine, utcnow)
    problems.install(app)
    app.include_router(items.router)
    app.include_router(media.router)
    app.include_router(subscriber.router)
    app.include_router(webhooks.router)
    app.include_router(admin.router)
    app.include_router(sources_api.router)
    portal_routes.install(app)
    desk_routes.install(app)
    site_routes.install(app)
    schemas.install(app)

    @app.get("/healthz", tags=["operations"], summary="200 once the store answers", response_model=None,
             **schemas.documented(model=schemas.Health, errors=(503,), schemes=None))
    async def healthz(request: Request) -> JSONResponse:
        try:
            await store_ping()
        except Exception:
            return problem_response(503, "Store unavailable", "The store does not answer.")
        return JSONResponse({"status": "ok"})

    @app.get("/readyz", tags=["operations"],
             summary="200 while the store and the configured bus answer; 503 (and why) otherwise",
             response_model=None, **schemas.documented(model=schemas.Ready, errors=(503,), schemes=None))
    async def readyz(request: Request) -> JSONResponse:
        checks: dict[str, str] = {}
        try:
            await asyncio.wait_for(run_in_threadpool(_ping, wire), 3.0)
            checks["store"] = "ok"
        except Exception as exc:
            checks["store"] = f"unreachable ({exc.__class__.__name__})"
        healthy = getattr(wire.hub, "healthy", None)
        if healthy is None:
            checks["bus"] = "ok (in-process)"
        else:
            checks["bus"] = "ok" if healthy() else "unreachable (serving by polling the store)"
        if all(v.startswith("ok") for v in checks.values()):
            return JSONResponse({"status": "ready", "checks": checks})
        failing = ", ".join(f"{k} {v}" for k, v in checks.items() if not v.startswith("ok"))
        return problem_response(503, "Not ready", f"Not ready: {failing}.", headers={"Retry-After": "1"},
                                checks=checks)

    @app.get("/metrics", tags=["operations"], dependencies=[Depends(admin.metrics_reader)],
             summary="Prometheus metrics (text exposition format); an admin token or NEWSWIRE_METRICS_TOKEN",
             response_model=None, **schemas.documented(
                 content={**schemas.text("text/plain; version=0.0.4", "Prometheus text exposition format"),
                          **schemas.text("application/openmetrics-text", "OpenMetrics, when the scraper asks")},
                 errors=(401, 403), schemes=("adminToken", "metricsToken")))
    async def metrics(request: Request) -> Response:
        body, content_type = await run_in_threadpool(METRICS.registry.scrape, request.headers.get("accept"))
        return Response(body, headers={"Content-Type": content_type})

    return app


def _ping(wire: Wire) -> None:
    with wire.engine.connect() as conn:
        conn.execute(text("SELECT 1"))


class StorePing:
    """``/healthz``'s question to the store, ``SELECT 1``. On SQLite it is asked on the event
    loop, on a connection of its own: a couple of microseconds, no lock and no I/O. In a
    worker thread it waited for the interpreter lock behind the loop's own work (with 1,000
    streams at 20 events/s: p50 30 ms, p99 ~190 ms, issue 16). On PostgreSQL, a network
    round trip, it stays in a worker thread."""

    def __init__(self, wire: Wire) -> None:
        self.wire = wire
        self._conn: PoolProxiedConnection | None = None

    async def __call__(self) -> None:
        if not is_sqlite(self.wire.engine):
            await run_in_threadpool(_ping, self.wire)
            return
        if self._conn is None:
            self._conn = await run_in_threadpool(self.wire.engine.raw_connection)
        try:
            self._conn.driver_connection.execute("SELECT 1").fetchone()  # type: ignore[union-attr]
        except Exception:
            self.close()  # the next check opens another
            raise

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.invalidate()


def app_from_env() -> FastAPI:
    """The app for one of ``newswire serve --workers N``'s processes (the parent migrated)."""
    return create_app(Wire.open(Settings.from_env(), migrate=False))

"""The ASGI application: routers, error handling, and the background clocks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from newswire.api import items, problems
from newswire.api.problems import problem_response
from newswire.site import routes as site_routes
from newswire.store import items as store
from newswire.wire import Wire

log = logging.getLogger(__name__)


async def embargo_clock(wire: Wire) -> None:
    """Lift embargoes when their time comes (also those that fell due while we were down)."""
    while True:
        try:
            await asyncio.to_thread(wire.lift_embargoes)
        except Exception:
            log.warning("embargo clock could not reach the store", exc_info=True)
        await asyncio.sleep(wire.settings.embargo_poll_seconds)


def create_app(wire: Wire, *, clocks: bool = True) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        wire.hub.bind(asyncio.get_running_loop())
        wire.hub.latest = await run_in_threadpool(store.last_seq, wire.engine)
        tasks = []
        if clocks:
            wire.hub.start_polling(lambda: store.last_seq(wire.engine), 0.5)
            tasks.append(asyncio.create_task(embargo_clock(wire)))
        yield
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await wire.hub.close()

    app = FastAPI(
        title="newswire",
        version="0.1.0",
        description="A news agency's wire: publish stories; subscribers receive them.",
        lifespan=lifespan,
    )
    app.state.wire = wire
    problems.install(app)
    app.include_router(items.router)
    site_routes.install(app)

    @app.get("/healthz", tags=["operations"], summary="200 once the store answers")
    async def healthz(request: Request) -> JSONResponse:
        try:
            await run_in_threadpool(_ping, wire)
        except Exception:
            return problem_response(503, "Store unavailable", "The store does not answer.")
        return JSONResponse({"status": "ok"})

    return app


def _ping(wire: Wire) -> None:
    with wire.engine.connect() as conn:
        conn.execute(text("SELECT 1"))

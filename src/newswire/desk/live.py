"""The desk's outgoing wire, live: ``GET /desk/updates?after=N`` answers the rows moved after
the page's point the way the portal's flow answers its own (``/portal/updates``): a long poll
on the wire's hub, JSON ``{"next": cursor, "rows": [{"uri", "seq", "html"}]}``, read by the
portal's script (portal.js), which holds new rows behind an "N new" bar so the rows the editor
is looking at do not move. Everything published reaches it: the desk, the API, the inbox."""

from __future__ import annotations

import asyncio
from typing import Any

from jinja2 import Template
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from newswire.api.head import long_poll_wait
from newswire.api.problems import problem_response
from newswire.desk import store as desk_store
from newswire.wire import Wire

UPDATE_WAIT = 25.0  # seconds a request waits for news before answering empty (as the portal's)
MAX_ROWS = 200


async def updates(request: Request, wire: Wire, row: Template, **context: Any) -> Response:
    raw = request.query_params.get("after", "")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19):
        return problem_response(400, "Invalid cursor", "after must be the number the page gave.",
                                instance=request.url.path)
    hub = wire.hub
    after = min(int(raw), hub.latest)
    waiting = asyncio.ensure_future(hub.wait_beyond(after, long_poll_wait(UPDATE_WAIT)))
    while not waiting.done():  # a closed tab stops its wait within a second
        await asyncio.wait({waiting}, timeout=1.0)
        if not waiting.done() and await request.is_disconnected():
            waiting.cancel()
            return Response(status_code=204)
    latest = hub.latest  # read before the rows: everything up to it is committed
    found = await run_in_threadpool(desk_store.moved_after, wire.engine, after, None, MAX_ROWS)
    rows = [{"uri": r.uri, "seq": seq, "html": row.render(row=r, **context)} for seq, r in found]
    return JSONResponse({"next": max([latest, after, *(seq for seq, _r in found)]), "rows": rows},
                        headers={"cache-control": "no-store"})

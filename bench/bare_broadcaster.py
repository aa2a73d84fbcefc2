"""The fan-out baseline: the least a Python SSE broadcaster does, on the same stack
(uvicorn + Starlette). ``POST /publish`` takes a JSON story, gives it the next id and puts
one framed event in every open stream's queue; ``GET /stream`` writes what its queue holds.
No store, no entitlement, no formats — what is left is the unavoidable work per socket.

    .venv/bin/python bench/bare_broadcaster.py PORT
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

queues: set[asyncio.Queue[bytes]] = set()
last_id = 0


async def publish(request: Request) -> Response:
    global last_id
    body = await request.body()
    last_id += 1
    frame = b"id: %d\nevent: published\ndata: " % last_id + body.replace(b"\n", b" ") + b"\n\n"
    for queue in queues:
        queue.put_nowait(frame)
    return JSONResponse({"seq": last_id}, status_code=201, headers={"x-event-seq": str(last_id)})


async def stream(request: Request) -> Response:
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    queues.add(queue)

    async def frames() -> AsyncIterator[bytes]:
        try:
            yield b"retry: 2000\n\n"
            while True:
                yield await queue.get()
        finally:
            queues.discard(queue)

    return StreamingResponse(frames(), media_type="text/event-stream")


async def healthz(request: Request) -> Response:
    return JSONResponse({"ok": True})


app = Starlette(routes=[Route("/publish", publish, methods=["POST"]), Route("/stream", stream),
                        Route("/healthz", healthz)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")

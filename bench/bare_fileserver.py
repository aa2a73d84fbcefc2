"""The download baseline: one file served by a bare Starlette ``FileResponse`` on uvicorn (Range
included), no store, no signature, no entitlement, no audit.

    .venv/bin/python bench/bare_fileserver.py PORT FILE
"""

from __future__ import annotations

import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route


def app_for(path: str) -> Starlette:
    async def serve(request: Request) -> Response:
        return FileResponse(path, media_type="image/jpeg")

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/file", serve), Route("/healthz", healthz)])


if __name__ == "__main__":
    uvicorn.run(app_for(sys.argv[2]), host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")

"""Admin: partner sources under ``/v1/admin/sources`` (admin token): declare, list, show with
health, pause, resume, remove, and the items held for the desk."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from newswire.api.auth import require
from newswire.api.inputs import NoBody
from newswire.api.problems import Problem
from newswire.api.schemas import RequestBody
from newswire.delivery.webhook_client import UnsafeEndpoint, check_endpoint_url, without_credentials
from newswire.model import format_time
from newswire.sources import store as sources_store
from newswire.sources.health import health
from newswire.sources.model import HTTP_KINDS, Source, SourceError, credentials_text, imap_target
from newswire.store.secrets import box_for
from newswire.store.tokens import Principal
from newswire.wire import Wire

router = APIRouter(prefix="/v1/admin/sources", tags=["sources"])
Admin = Annotated[Principal, Depends(require("admin"))]
_PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
_SECURITY: dict[str, Any] = {"security": [{"adminToken": []}]}


def _problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"description": "Problem details (RFC 9457)", "content": _PROBLEM} for s in statuses}


class Credentials(RequestBody):
    username: str = Field(max_length=500)
    password: str = Field(max_length=2000)


class SourceBody(RequestBody):
    name: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.\-]*$")
    kind: Literal["rss", "atom", "ninjs", "newsml", "folder", "imap"]
    url: str | None = Field(default=None, max_length=2000)
    path: str | None = Field(default=None, max_length=2000)
    interval: int | None = Field(default=None, ge=1, le=7 * 24 * 3600, description="Seconds between polls")
    language: str | None = Field(default=None, max_length=32, description="For items that name none")
    hold: bool = Field(default=False, description="Hold items for the desk (drafts; never delivered)")
    credentials: Credentials | None = Field(default=None, description="HTTP basic auth, or the IMAP login "
                                                                      "(required for imap); stored "
                                                                      "encrypted, never returned")


class SourceHealth(BaseModel):
    lastSuccessAt: str | None
    lastError: str | None
    lastErrorAt: str | None
    consecutiveFailures: int
    itemsLastHour: int
    lagSeconds: float | None
    silent: bool
    silentReason: str | None = Field(default=None, description="Why the source is silent: no success for three "
                                                               "intervals, or nothing new for much longer than usual")
    lastChangeAt: str | None = Field(default=None, description="When an item of the source last changed")
    usualGapSeconds: float | None = Field(default=None, description="Median gap between changes (None: too little "
                                                                    "history)")
    nextPollAt: str


class SourceOut(BaseModel):
    name: str
    kind: str
    url: str | None
    path: str | None
    interval: int
    language: str | None
    hold: bool
    paused: bool
    hasCredentials: bool
    createdAt: str
    health: SourceHealth | None = None


class SourceList(BaseModel):
    sources: list[SourceOut]


class HeldItem(BaseModel):
    uri: str
    revision: int
    heldAt: str
    item: dict[str, Any]


class HeldList(BaseModel):
    held: list[HeldItem]


def _wire(request: Request) -> Wire:
    wire: Wire = request.app.state.wire
    return wire


def _json(source: Source, wire: Wire | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": source.name, "kind": source.kind, "path": source.path,
        "url": without_credentials(source.url) if source.url else None,  # a login stored before it was refused
        "interval": source.interval_seconds, "language": source.language, "hold": source.hold,
        "paused": source.paused, "hasCredentials": source.has_credentials,
        "createdAt": format_time(source.created_at),
    }
    if wire is not None:
        out["health"] = health(wire.engine, source.name)
    return out


async def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return await run_in_threadpool(fn, *args, **kwargs)
    except SourceError as exc:
        raise Problem(exc.status, "Rejected" if exc.status != 404 else "Not found", exc.detail) from exc


@router.get("", summary="Every source", response_model=SourceList, responses=_problems(401, 403),
            openapi_extra=_SECURITY)
async def list_sources(request: Request, _: Admin) -> dict[str, Any]:
    found = await _call(sources_store.list_sources, _wire(request).engine)
    return {"sources": [_json(s) for s in found]}


@router.post("", status_code=201, summary="Declare a source (polled at once)", response_model=SourceOut,
             responses=_problems(400, 401, 403, 409, 413, 422), openapi_extra=_SECURITY)
async def add_source(request: Request, _: Admin, body: SourceBody) -> dict[str, Any]:
    wire = _wire(request)
    checked_url = body.url if body.kind in HTTP_KINDS else None
    if body.url is not None and body.kind == "imap":
        target = await _call(imap_target, body.url)
        checked_url = f"http://{_bracketed(target.host)}:{target.port}/"  # the same address rule for its host
    if checked_url is not None:
        try:  # the same check again at every connection: the name may resolve elsewhere later
            await check_endpoint_url(checked_url, allow_private=wire.settings.sources_allow_private,
                                     resolver=getattr(request.app.state, "webhook_resolver", None))
        except UnsafeEndpoint as exc:
            raise Problem(422, "Unsafe source URL", str(exc).replace("NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE",
                                                                     "NEWSWIRE_SOURCES_ALLOW_PRIVATE")) from exc
    sealed = None
    if body.credentials is not None:
        text = await _call(credentials_text, body.credentials.username, body.credentials.password)
        sealed = box_for(wire.settings).seal(text)
    source = await _call(sources_store.add_source, wire.engine, body.name, body.kind, url=body.url,
                         path=body.path, interval=body.interval, language=body.language, hold=body.hold,
                         credentials=sealed)
    return _json(source)


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@router.get("/{name}", summary="One source and its health", response_model=SourceOut,
            responses=_problems(401, 403, 404), openapi_extra=_SECURITY)
async def show_source(request: Request, _: Admin, name: str) -> dict[str, Any]:
    wire = _wire(request)
    source = await _call(sources_store.get_source, wire.engine, name)
    return await run_in_threadpool(_json, source, wire)


@router.post("/{name}/pause", summary="Stop polling a source", response_model=SourceOut,
             responses=_problems(401, 403, 404, 422), openapi_extra=_SECURITY)
async def pause_source(request: Request, _: Admin, _body: NoBody, name: str) -> dict[str, Any]:
    return _json(await _call(sources_store.set_paused, _wire(request).engine, name, True))


@router.post("/{name}/resume", summary="Poll a paused source again (at once)", response_model=SourceOut,
             responses=_problems(401, 403, 404, 422), openapi_extra=_SECURITY)
async def resume_source(request: Request, _: Admin, _body: NoBody, name: str) -> dict[str, Any]:
    return _json(await _call(sources_store.set_paused, _wire(request).engine, name, False))


@router.delete("/{name}", status_code=204, summary="Remove a source (its published items stay)",
               responses=_problems(401, 403, 404), openapi_extra=_SECURITY)
async def remove_source(request: Request, _: Admin, name: str) -> Response:
    await _call(sources_store.remove_source, _wire(request).engine, name)
    return Response(status_code=204)


@router.get("/{name}/held", summary="Items held for the desk (drafts, never delivered)", response_model=HeldList,
            responses=_problems(401, 403, 404), openapi_extra=_SECURITY)
async def held_items(request: Request, _: Admin, name: str) -> dict[str, Any]:
    wire = _wire(request)
    await _call(sources_store.get_source, wire.engine, name)
    rows = await run_in_threadpool(sources_store.held_items, wire.engine, name)
    return {"held": [{**r, "heldAt": format_time(r["heldAt"])} for r in rows]}

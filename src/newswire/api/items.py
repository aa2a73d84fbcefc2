"""Items: editors publish, update, correct, embargo, withhold and kill; readers fetch."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool

from newswire import formats
from newswire.api.auth import principal, require
from newswire.api.preconditions import PreconditionFailed, expected_version, if_match_versions, item_etag
from newswire.api.problems import Problem
from newswire.api.schemas import (
    ANYONE,
    EDITOR,
    ItemAnswer,
    ItemVersions,
    KillRequest,
    NinjsItem,
    documented,
    item_media_types,
    text,
)
from newswire.api.subscriber import readable_versions, record_read
from newswire.formats.ninjs import dumps, to_ninjs3
from newswire.media import attach
from newswire.media.links import signed
from newswire.model import Item, format_time
from newswire.routing import cut_renditions
from newswire.store import items as store
from newswire.store.tokens import Principal
from newswire.wire import Wire

router = APIRouter(prefix="/v1/items", tags=["items"])
MAX_INT = 2**31 - 1  # versions are 32-bit integers in the store

_CONTENT_TYPES = {
    "application/json": "ninjs",
    "application/ninjs+json": "ninjs",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/vnd.iptc.g2.newsitem+xml": "xml",
    "application/nitf+xml": "xml",
    "text/plain": "text",
}
FormatParam = Annotated[
    str, Query(pattern="^(ninjs|ninjs2|newsml|nitf)$", description="ninjs (3.2), ninjs2, newsml, nitf")
]
_NINJS_BODY = {"schema": {"$ref": "#/components/schemas/NinjsItem"}}
_STORY_BODY = {
    "required": True,
    "description": "A story or a new version of one: ninjs (1.x-3.x) JSON, a NewsML-G2 newsItem or NITF "
                   "document, or wire text. Without a version (or with the next one) it appends a version.",
    "content": {media: (_NINJS_BODY if fmt == "ninjs" else
                        text(media, "Wire text (headers, a blank line, the story)" if fmt == "text"
                             else "NewsML-G2 newsItem or NITF 3.x XML")[media])
                for media, fmt in _CONTENT_TYPES.items()},
}
_PUBLISHED = {"Location": {"schema": {"type": "string"}, "required": True,
                           "description": "The item's address"},
              "ETag": {"schema": {"type": "string"},
                       "description": "The stored version's tag, for If-Match on the next change"},
              "X-Event-Seq": {"schema": {"type": "string", "pattern": "^[0-9]+$"},
                              "description": "The sequence of the event this publication made"}}


def item_location(uri: str) -> str:
    return "/v1/items/" + quote(uri, safe=":@")


async def read_body(request: Request) -> bytes:
    """The request body. ``api.limits`` has already refused it (413) past
    ``settings.max_body_bytes``, counting while it streams, and checked the token first."""
    return await request.body()


def input_format(content_type: str | None, data: bytes) -> str:
    media = (content_type or "").split(";")[0].strip().lower()
    fmt = _CONTENT_TYPES.get(media)
    if fmt is None:
        raise Problem(415, "Unsupported media type",
                      f"Send one of: {', '.join(sorted(_CONTENT_TYPES))}.")
    if fmt in ("ninjs", "text"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Problem(400, "Invalid encoding", "The body is not valid UTF-8.") from exc
    return "auto" if fmt == "xml" else fmt


def render(item: Item, fmt: str = "ninjs") -> Response:
    return Response(formats.serialize(item, fmt), media_type=formats.MEDIA_TYPES[fmt],
                    headers={"ETag": item_etag(item.uri, item.version)})


IfMatch = Annotated[str | None, Header(
    alias="If-Match", description="The ETag of the version this change is based on (from an item read): "
                                  "applied only while the item is still at that version, else 412")]


async def if_match(wire: Wire, uri: str, header: str | None) -> int | None:
    """The version ``If-Match`` requires the story to be at (None: no header, or ``*``)."""
    named = if_match_versions(header, uri)
    if named is None:
        return None
    current = await run_in_threadpool(store.current_version, wire.engine, uri)
    return expected_version(uri, named, current)


def stored(result: store.PublishResult, status: int, headers: dict[str, str]) -> Response:
    headers = {**headers, "Location": item_location(result.item.uri),
               "ETag": item_etag(result.item.uri, result.item.version)}
    return Response(dumps(to_ninjs3(result.item)), status_code=status, media_type="application/json",
                    headers=headers)


@router.post("", status_code=201, summary="Publish a story or a new version of one", response_model=None,
             **documented(ok=201, model=NinjsItem, description="Published: the stored version, enriched",
                          headers=_PUBLISHED, errors=(400, 401, 403, 409, 412, 413, 415, 422), schemes=EDITOR,
                          more={200: {"model": NinjsItem, "headers": _PUBLISHED,
                                      "description": "Identical to the stored version: nothing appended"}},
                          extra={"requestBody": _STORY_BODY}))
async def post_item(
    request: Request,
    _who: Annotated[Principal, Depends(require("editor", "admin"))],
    if_match_header: IfMatch = None,
    public: bool = False,
) -> Response:
    data = await read_body(request)
    fmt = input_format(request.headers.get("content-type"), data)
    wire: Wire = request.app.state.wire
    item = await run_in_threadpool(formats.parse, data, fmt)
    expected = await if_match(wire, item.uri, if_match_header)
    if expected is not None and item.version not in (0, expected + 1):
        raise Problem(409, "Conflict", f"If-Match names version {expected}; the body's version {item.version} "
                                       f"is not the next one (omit it, or send {expected + 1}).")
    try:
        # an association to a picture is checked against the store in the publish transaction
        result = await run_in_threadpool(lambda: wire.publish(item, public=public, prepare=attach.checked,
                                                              expected_version=expected))
    except store.VersionMismatch as exc:
        raise PreconditionFailed(item.uri, exc.current) from exc
    headers = {} if result.event is None else {"X-Event-Seq": str(result.event.seq)}
    return stored(result, 201 if result.created else 200, headers)


async def readable_item(request: Request, who: Principal, uri: str, version: int | None) -> Item:
    """The newest version the caller may read, or the one asked for if it may; else 404
    (never reveal that an item, or a newer version of it, exists)."""
    found = [] if version is not None and version > MAX_INT else await readable_versions(request, who, uri)
    if version is not None:
        found = [(info, item) for info, item in found if item.version == version]
    if not found:
        raise Problem(404, "Not found", f"No item {uri}" + (f" version {version}." if version else "."))
    item = found[-1][1]
    record_read(request, who, item)
    subscriber = who.subscriber_id if who.role == "subscriber" else None
    products = None if subscriber is None else await request.app.state.subscriptions.products(subscriber)
    if attach.wire_pictures(item):
        pictures = await run_in_threadpool(attach.pictures_for, request.app.state.wire.engine, [item],
                                           subscriber, products)
        item = attach.expanded(item, pictures)
    item = cut_renditions(item, products)  # a picture's renditions: those its products carry
    if subscriber is not None:
        # the renditions (the item's, its pictures') as URLs this subscriber's key may open without the key
        item = signed(item, request.app.state.wire.settings, subscriber, who.token_id)
    return item


_ITEM = documented(model=ItemAnswer, content=item_media_types(), errors=(401, 404, 422, 429), schemes=ANYONE,
                   description="The item in the asked format (ninjs 3.2 by default)")


@router.get("/{uri:path}/versions/{version}", summary="One version of an item", response_model=None, **_ITEM)
async def get_item_version(
    request: Request, uri: str, version: Annotated[int, PathParam(ge=1)],
    who: Annotated[Principal, Depends(principal)], format: FormatParam = "ninjs",
) -> Response:
    return render(await readable_item(request, who, uri, version), format)


@router.get("/{uri:path}/versions", summary="The versions of an item the caller may read, oldest first",
            response_model=ItemVersions, **documented(errors=(401, 404, 429), schemes=ANYONE))
async def get_item_versions(
    request: Request, uri: str, who: Annotated[Principal, Depends(principal)]
) -> dict[str, object]:
    found = await readable_versions(request, who, uri)
    if not found:
        raise Problem(404, "Not found", f"No item {uri}.")
    return {
        "uri": uri,
        "versions": [
            {"version": v.version, "versionCreated": format_time(v.version_created),
             "pubStatus": v.pub_status, "event": v.event_type, "seq": v.seq,
             "href": f"{item_location(uri)}/versions/{v.version}"}
            for v, _item in found
        ],
    }


@router.post("/{uri:path}/kill", summary="Kill a story: every recipient is told to remove it", response_model=None,
             **documented(model=NinjsItem, description="The killed version",
                          errors=(400, 401, 403, 404, 409, 412, 413, 422),
                          headers={"Location": _PUBLISHED["Location"], "ETag": _PUBLISHED["ETag"]}, schemes=EDITOR))
async def kill_item(
    request: Request, uri: str, body: KillRequest,
    _who: Annotated[Principal, Depends(require("editor", "admin"))],
    if_match_header: IfMatch = None,
) -> Response:
    wire: Wire = request.app.state.wire
    if if_match_header is not None and await run_in_threadpool(store.current_version, wire.engine, uri) is None:
        raise store.NotFound(uri)  # no story to kill: 404, as without If-Match
    expected = await if_match(wire, uri, if_match_header)
    try:
        result = await run_in_threadpool(lambda: wire.kill(uri, body.reason, expected_version=expected))
    except store.StoreConflict as exc:
        if expected is None:
            raise
        # the kill's version is fixed: a version appended since the check is a conflict too
        raise PreconditionFailed(uri, await run_in_threadpool(store.current_version, wire.engine, uri)) from exc
    return stored(result, 200, {})


@router.get("/{uri:path}", summary="The latest version of an item", response_model=None, **_ITEM)
async def get_item(
    request: Request, uri: str, who: Annotated[Principal, Depends(principal)],
    format: FormatParam = "ninjs",
) -> Response:
    return render(await readable_item(request, who, uri, None), format)

"""Pictures and videos: editors upload them; subscribers download their renditions.

``POST /v1/media`` takes the file as the raw body (its own ``Content-Type``, metadata fields
as query parameters) or as ``multipart/form-data`` (a ``file`` part and metadata fields, and
query parameters too: a field may not be given both ways).
The body streams to a temporary file on the blob store's disk, never into memory, bounded by
``api.limits`` (``settings.max_media_bytes``). The bytes decide still or video; ``type=graphic``
makes a still a ``graphic`` item (an infographic, a map, a chart) instead of a ``picture``.
With ``associate=<story uri>`` the upload also becomes an association of that story, in
the story's next version (:func:`media.attach.associate`); the story is checked before
anything is stored.

``GET /v1/media/{uri}/{version}/{rendition}`` answers with a signed URL's query (no key
needed) or with a bearer key. Either way the version must be readable by that subscriber
now (``routing.may_read``) and one of its products must carry that rendition
(``routing.renditions_allowed``): else 404; once the item is killed, 410. Range (206), ETag
(the content address) and If-None-Match (304) are supported; every download is audited.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from newswire.api.auth import principal, rate_limit, require
from newswire.api.items import MAX_INT, item_location
from newswire.api.problems import Problem
from newswire.api.schemas import ANYONE, EDITOR, NinjsItem, documented
from newswire.formats.errors import FormatError
from newswire.formats.ninjs import dumps, to_ninjs3
from newswire.media import assets, attach, embed, links, signing
from newswire.media.blobs import BlobStore, store_for
from newswire.media.metadata import PictureMeta, clean
from newswire.media.probe import Refused, accepted_types
from newswire.media.renditions import ALL_NAMES, ORIGINAL
from newswire.media.upload import MEDIA_KINDS, Upload, publish_media
from newswire.media.video import accepted_types as video_types
from newswire.model import PUB_STATUSES, PubStatus, parse_time, utcnow
from newswire.routing import may_read, renditions_allowed
from newswire.store import items as store
from newswire.store import users
from newswire.store.accounts import AccountError, get_subscriber
from newswire.store.items import StoreConflict
from newswire.store.tokens import Principal
from newswire.store.webhooks import get_endpoint
from newswire.wire import Wire

router = APIRouter(prefix="/v1/media", tags=["media"])
WEBHOOK_KEY = "ep_"  # a link sent by webhook names the endpoint (its id) where others name a key
FIELD_CHARS = 20_000  # a caption may be long; nothing posted alongside a picture is longer
# C0 and C1 controls: a multipart field that is not UTF-8 reaches us decoded as Latin-1 (Starlette's
# fallback), where a UTF-8-encoded surrogate or a stray continuation byte becomes a C1 control
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TEXT_FIELDS = {"headline": "headline", "slugline": "title", "title": "title", "description": "caption",
                "caption": "caption", "credit": "credit", "source": "source", "copyright": "copyright",
                "usageTerms": "usage_terms", "city": "city", "sublocation": "sublocation",
                "province": "province", "country": "country", "countryCode": "country_code",
                "instructions": "instructions", "edNote": "instructions"}
_OPTIONS = {"uri", "public", "embargoed", "pubStatus", "associate", "type", "file"}
_LIST_FIELDS = {"byline": ("creators", ";"), "keywords": ("keywords", ",")}
_OTHER_FIELDS = {"language", "urgency", "dateCreated"}
FIELDS = sorted({*_TEXT_FIELDS, *_LIST_FIELDS, *_OTHER_FIELDS, *_OPTIONS} - {"file"})


def blobs(request: Request) -> BlobStore:
    found = getattr(request.app.state, "media_blobs", None)
    if found is None:
        found = request.app.state.media_blobs = store_for(request.app.state.wire.settings)
    return cast(BlobStore, found)


def _field(name: str, value: str) -> str:
    if len(value) > FIELD_CHARS:
        raise Problem(400, "Field too long", f"{name} is longer than {FIELD_CHARS} characters.")
    if _CONTROL.search(value):
        raise Problem(400, "Invalid field", f"{name} holds control characters.")
    if "\ufffd" in value:  # what a query string's invalid UTF-8 decodes to
        raise Problem(400, "Invalid encoding", f"{name} is not valid UTF-8.")
    return value


def upload_fields(fields: Mapping[str, str]) -> tuple[PictureMeta, dict[str, Any]]:
    """What the editor posted: metadata that wins over the file's, and upload options."""
    unknown = sorted(set(fields) - set(FIELDS) - {"file"})
    if unknown:
        raise Problem(400, "Unknown field", f"Unknown: {', '.join(unknown)}. Known: {', '.join(FIELDS)}.")
    meta: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "file":
            continue
        value = _field(name, value)
        if name in _TEXT_FIELDS:
            meta[_TEXT_FIELDS[name]] = clean(value, multiline=_TEXT_FIELDS[name] == "caption")
        elif name in _LIST_FIELDS:
            key, sep = _LIST_FIELDS[name]
            meta[key] = tuple(v for v in (clean(p) for p in value.split(sep)) if v)
        elif name == "language":
            if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value):
                raise Problem(400, "Invalid field", "language must be a BCP 47 tag such as en or pt-BR.")
            meta["language"] = value.lower()
        elif name == "urgency":
            if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 9):
                raise Problem(400, "Invalid field", "urgency must be 1..9.")
            meta["urgency"] = int(value)
        elif name == "dateCreated":
            meta["created"] = _time(value, name)
    options: dict[str, Any] = {"uri": None, "public": False, "embargoed_until": None, "pub_status": "usable"}
    for name in ("uri", "associate"):
        if fields.get(name):
            uri = _field(name, fields[name]).strip()
            if not uri or len(uri) > 512 or any(c.isspace() for c in uri):
                raise Problem(400, "Invalid field", f"{name} must be at most 512 characters without spaces.")
            options[name] = uri
    if "public" in fields:
        if fields["public"].lower() not in ("true", "false", "1", "0"):
            raise Problem(400, "Invalid field", "public must be true or false.")
        options["public"] = fields["public"].lower() in ("true", "1")
    if fields.get("embargoed"):
        options["embargoed_until"] = _time(fields["embargoed"], "embargoed")
    if fields.get("pubStatus"):
        if fields["pubStatus"] not in PUB_STATUSES or fields["pubStatus"] == "canceled":
            raise Problem(400, "Invalid field", "pubStatus must be usable or withheld (kill with /kill).")
        options["pub_status"] = cast(PubStatus, fields["pubStatus"])
    if fields.get("type"):
        if fields["type"] not in MEDIA_KINDS:
            raise Problem(400, "Invalid field", "type must be picture or graphic (a still), or video.")
        options["type"] = fields["type"]
    return PictureMeta(**meta), options


def _time(value: str, name: str) -> datetime:
    try:
        return parse_time(value)
    except ValueError as exc:
        raise Problem(400, "Invalid field", f"{name} must be an ISO 8601 date-time.") from exc


async def _spool_body(request: Request, into: Any) -> int:
    size = 0
    async for chunk in request.stream():
        into.write(chunk)
        size += len(chunk)
    into.flush()
    return size


async def _spool_form(request: Request, into: Any) -> tuple[str | None, dict[str, str]]:
    """The multipart ``file`` part copied to ``into``; its declared type; the other fields."""
    async with request.form(max_files=1, max_fields=len(FIELDS) + 1, max_part_size=FIELD_CHARS * 4) as form:
        fields: dict[str, str] = {}
        part: UploadFile | None = None
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                if name != "file":
                    raise Problem(400, "Unknown field", "The picture goes in a part named 'file'.")
                part = value
            elif name in fields:
                raise Problem(400, "Invalid field", f"{name} is given twice.")
            else:
                fields[name] = value
        if part is None:
            raise Problem(400, "No file", "A multipart upload needs a 'file' part with the picture.")
        await run_in_threadpool(shutil.copyfileobj, part.file, into, 1024 * 1024)
        into.flush()
        return part.content_type, fields


_UPLOAD_BODY = {
    "required": True,
    "description": "The picture as the raw body with its own Content-Type (metadata fields as query "
                   "parameters), or multipart/form-data with a 'file' part and metadata fields "
                   f"({', '.join(FIELDS)}). The bytes decide the type: they must agree with the declared one; "
                   "type=graphic makes a still a graphic item (an infographic, a map, a chart), not a picture.",
    "content": {**{media: {"schema": {"type": "string", "format": "binary"}}
                   for media in (*accepted_types(), *video_types())},
                "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                    "file": {"type": "string", "format": "binary"},
                    **{name: {"type": "string"} for name in FIELDS}}}}},
}


@router.post("", status_code=201, summary="Upload a picture or a video: it becomes a picture, graphic or video item",
             response_model=None,
             **documented(ok=201, model=NinjsItem,
                          description="Published: the picture's item, its renditions named (with associate=: the "
                                      "story's version in X-Associated-Version)",
                          errors=(400, 401, 403, 409, 413, 415, 422), schemes=EDITOR,
                          more={200: {"model": NinjsItem, "description": "The same picture and fields again: "
                                                                         "nothing appended"}},
                          extra={"requestBody": _UPLOAD_BODY}))
async def post_media(request: Request, _who: Annotated[Principal, Depends(require("editor", "admin"))]) -> Response:
    wire: Wire = request.app.state.wire
    store_ = blobs(request)
    content_type = request.headers.get("content-type", "")
    query = dict(request.query_params)
    if len(request.query_params.multi_items()) != len(query):
        raise Problem(400, "Invalid field", "A field is given twice.")
    with store_.spool() as spool:
        if content_type.split(";")[0].strip().lower() == "multipart/form-data":
            declared, fields = await _spool_form(request, spool)
            if both := sorted(set(fields) & set(query)):  # the query counts too: never silently dropped
                raise Problem(400, "Invalid field", f"{', '.join(both)} given both as a field and in the query.")
            fields = {**query, **fields}
        else:
            declared, fields = content_type, query
            await _spool_body(request, spool)
        if Path(spool.name).stat().st_size == 0:
            raise Problem(400, "Empty upload", "The picture is empty.")
        editor, options = upload_fields(fields)
        story = options.pop("associate", None)
        if story is not None:  # checked first: a refused association stores nothing
            await run_in_threadpool(attach.story_to_associate, wire.engine, story)
        upload = Upload(Path(spool.name), declared, editor, **options)
        try:
            result = await run_in_threadpool(publish_media, wire, store_, upload)
        except Refused as refused:
            raise Problem(refused.status, refused.title, refused.detail) from refused
    headers = {"Location": item_location(result.item.uri)}
    if result.event is not None:
        headers["X-Event-Seq"] = str(result.event.seq)
    if story is not None:
        try:
            story_result = await run_in_threadpool(attach.associate, wire, story, result.item)
        except (StoreConflict, FormatError) as exc:  # the story was killed or kept moving meanwhile
            raise Problem(409, "Not associated", f"{result.item.uri} is stored, but {story} could not associate "
                                                 f"it ({exc}); post the association again.") from exc
        headers["X-Associated-Version"] = str(story_result.item.version)
    return Response(dumps(to_ninjs3(result.item)), status_code=201 if result.created else 200,
                    media_type="application/json", headers=headers)


@dataclass(frozen=True, slots=True)
class Caller:
    subscriber_id: int | None  # None: an editor or admin
    token_id: str
    max_age: int


async def _caller(request: Request, sub: int | None, key: str | None, exp: int | None, sig: str | None,
                  uri: str, version: int, name: str) -> tuple[Caller, tuple[Any, ...] | None]:
    """Who downloads, and their products (None: an editor, who reads every version)."""
    if sig is None and sub is None and key is None and exp is None:
        who = await principal(request)
        if who.role == "subscriber" and who.subscriber_id is not None:
            products = await request.app.state.subscriptions.products(who.subscriber_id)
            return Caller(who.subscriber_id, who.token_id, 3600), products
        if who.role in ("editor", "admin"):
            return Caller(None, who.token_id, 3600), None
        raise Problem(403, "Forbidden", "This needs a subscriber, editor or admin token.")
    settings = request.app.state.wire.settings
    if sub is None or key is None or exp is None or sig is None:
        raise Problem(403, "Forbidden", "A signed media URL carries sub, key, exp and sig.")
    grant = signing.Grant(sub, key, exp)
    now = time.time()
    if not signing.verify(signing.keys_for(settings), uri, version, name, grant, sig, now):
        raise Problem(403, "Forbidden", "The signature is invalid or has expired; read the item again for a "
                                        "fresh link.")
    reader = await request.app.state.subscriptions.reader(sub, key)
    if reader is None:
        raise Problem(403, "Forbidden", "The key this link was made for is revoked.")
    if key.startswith(WEBHOOK_KEY) and await run_in_threadpool(
            get_endpoint, request.app.state.wire.engine, sub, key) is None:
        raise Problem(403, "Forbidden", "The webhook endpoint this link was sent to is deleted.")
    if key.startswith(links.USER_KEY) and not await run_in_threadpool(
            _portal_user, request.app.state.wire.engine, sub, key):
        raise Problem(403, "Forbidden", "The portal user this link was made for is disabled or gone.")
    # a signed download spends the subscriber's request budget like a keyed one
    limit = (await run_in_threadpool(get_subscriber, request.app.state.wire.engine, id=sub)).rate_limit
    await rate_limit(request, Principal(key, "subscriber", sub, limit))
    return Caller(sub, key, max(0, min(86400, exp - int(now)))), reader.products


def _portal_user(engine: Any, subscriber_id: int, key: str) -> bool:
    """Whether the portal user a link names is still an enabled member of that subscriber."""
    user_id = links.user_of(key)
    try:
        user = users.get_user(engine, id=user_id) if user_id is not None else None
    except AccountError:
        return False
    return user is not None and not user.disabled and user.subscriber_id == subscriber_id


@router.get("/{uri:path}/{version}/{name}",
            summary="A rendition of a picture or video version (signed URL or bearer key)",
            response_model=None, **documented(
                errors=(401, 403, 404, 410, 416, 422, 503), schemes=ANYONE,
                description="The rendition's bytes (206 with Range)",
                content={t: {"schema": {"type": "string", "format": "binary"}}
                         for t in ("image/jpeg", "image/*", "video/mp4", "video/*")}))
async def get_media(
    request: Request, uri: str, version: Annotated[int, PathParam(ge=1)], name: str,
    sub: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None, key: Annotated[str | None, Query(max_length=64)] = None,
    exp: Annotated[int | None, Query(ge=0, le=2**40)] = None, sig: Annotated[str | None, Query(max_length=128)] = None,
) -> Response:
    if name not in ALL_NAMES or version > MAX_INT:
        raise Problem(404, "Not found", f"No rendition {name}.")
    caller, products = await _caller(request, sub, key, exp, sig, uri, version, name)
    wire: Wire = request.app.state.wire
    found = await run_in_threadpool(store.all_versions, wire.engine, uri)
    asked = next((item for info, item in found if info.version == version), None)
    if asked is None:
        raise Problem(404, "Not found", f"No item {uri} version {version}.")
    current = found[-1][1]
    if products is not None:
        assert caller.subscriber_id is not None
        got = (await run_in_threadpool(store.reached_by, wire.engine, caller.subscriber_id, [uri])).get(uri, {})
        if not may_read(asked, current, products, reached=version in got, now=utcnow()):
            raise Problem(404, "Not found", f"No item {uri} version {version}.")
        allowed = renditions_allowed(asked, products)
        if allowed is not None and name not in allowed:  # none of its products carries this rendition
            raise Problem(404, "Not found", f"Version {version} of {uri} has no rendition {name}.")
    if current.killed:
        raise Problem(410, "Gone", f"{uri} was killed: remove it and do not use it.")
    if not any(r.name == name for r in asked.renditions):
        raise Problem(404, "Not found", f"Version {version} of {uri} has no rendition {name}.")
    asset = await run_in_threadpool(assets.shown_by, wire.engine, uri, version)
    if asset is None:
        raise Problem(404, "Not found", f"Version {version} of {uri} has no picture.")
    if name == ORIGINAL:
        blob, content_type, size = asset.sha256, asset.content_type, asset.size
    else:
        made = await run_in_threadpool(assets.made, wire.engine, asset.sha256, name)
        if made is None:
            if asset.state == "failed":
                raise Problem(404, "Not found", f"The {name} rendition could not be made.")
            raise Problem(503, "Not made yet", f"The {name} rendition is being made; try again shortly.",
                          {"Retry-After": "2"})
        blob, content_type, size = made.blob, made.content_type, made.size
    store_ = blobs(request)
    placed = None
    if name != ORIGINAL and content_type == "image/jpeg":  # the version's caption, credit and rights
        inserted = embed.segments(embed.for_rendition(embed.from_item(asked), name))
        placed = await run_in_threadpool(embed.plan, lambda at, n: b"".join(store_.read_range(blob, at, n)), inserted)
    # the agency's credentials, after embedding: on a JPEG with the version's metadata, on a
    # video's preview MP4 as stored; the module is imported only then (it brings cryptography)
    if name != ORIGINAL and made is not None and (placed is not None or content_type == "video/mp4") \
            and (wire.settings.c2pa_cert or wire.settings.c2pa_key):
        from newswire.media import provenance_sign
        signer = provenance_sign.signer_for(wire.settings)
        if signer is not None:
            seconds = {r.name: r.duration or 0.0 for r in asked.renditions}
            trimmed = seconds.get(ORIGINAL, 0.0) > seconds.get(name, 0.0)  # a video's preview of its start
            signed = await run_in_threadpool(provenance_sign.signed_rendition, wire.engine, store_, signer, asset,
                                             made, placed, trimmed)
            blob, size, placed = signed.blob, signed.size, None
    response = serve(request, store_, blob, content_type, size, caller.max_age, placed)
    if caller.subscriber_id is not None and response.status_code in (200, 206):
        request.app.state.usage.record(caller.subscriber_id, caller.token_id, [(uri, version)], "media",
                                       rendition=name)
    return response


_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def byte_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """RFC 9110 single byte range -> (start, end inclusive); None to ignore it (malformed or
    several ranges: the whole answer is sent); False when it cannot be satisfied (416)."""
    m = _RANGE.fullmatch(header.strip())
    if not m or (not m[1] and not m[2]):
        return None
    if not m[1]:  # the last N bytes
        suffix = int(m[2])
        return (max(0, size - suffix), size - 1) if suffix and size else False
    start = int(m[1])
    end = min(int(m[2]), size - 1) if m[2] else size - 1
    if m[2] and int(m[2]) < start:
        return None
    return (start, end) if start < size else False


def serve(request: Request, store_: BlobStore, blob: str, content_type: str, size: int, max_age: int,
          placed: embed.Plan | None = None) -> Response:
    """The blob (with ``placed``: with the version's metadata written in) as a cacheable,
    rangeable answer; the ETag names the bytes, metadata included."""
    etag = f'"{blob}"' if placed is None else f'"{blob}-{hashlib.sha256(placed.inserted).hexdigest()[:16]}"'
    if placed is not None:
        size = placed.size(size)
    headers = {"ETag": etag, "Cache-Control": f"private, max-age={max_age}, immutable",
               "Accept-Ranges": "bytes", "X-Content-Type-Options": "nosniff"}
    match = request.headers.get("if-none-match")
    if match and (match.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in match.split(",")]):
        return Response(status_code=304, headers=headers)
    wanted = request.headers.get("range")
    if wanted and request.headers.get("if-range", etag).strip() != etag:
        wanted = None  # the client's copy is another one: send it whole
    span = byte_range(wanted, size) if wanted else None
    if span is False:
        return Response(status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    if isinstance(span, tuple):
        start, end = span
        return StreamingResponse(_chunks(store_, blob, start, end - start + 1, placed), status_code=206,
                                 media_type=content_type, headers={
                                     **headers, "Content-Range": f"bytes {start}-{end}/{size}",
                                     "Content-Length": str(end - start + 1)})
    return StreamingResponse(_chunks(store_, blob, 0, size, placed), media_type=content_type,
                             headers={**headers, "Content-Length": str(size)})


def _chunks(store_: BlobStore, blob: str, start: int, length: int, placed: embed.Plan | None = None
            ) -> Iterator[bytes]:
    """``length`` bytes from ``start`` of what is served: the stored blob, or (``placed``) its
    head, the inserted metadata and the rest of the blob."""
    if placed is None:
        yield from store_.read_range(blob, start, length)
        return
    inserted, end = placed.inserted, start + length
    parts: tuple[tuple[int, Callable[[int, int], Iterable[bytes]]], ...] = (
        (placed.keep, lambda at, n: store_.read_range(blob, at, n)),
        (len(inserted), lambda at, n: (inserted[at:at + n],)),
        (end, lambda at, n: store_.read_range(blob, placed.skip + at, n)),  # the rest, as far as asked
    )
    low = 0
    for part_size, read in parts:
        high = low + part_size
        if start < high and end > low:
            at = max(start, low)
            yield from read(at - low, min(end, high) - at)
        low = high

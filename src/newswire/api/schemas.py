"""What the API answers, for ``/openapi.json``: response models, problem details, media types,
request bodies and bearer security, so that a client generated from the document works.

Small JSON answers (accounts, webhooks, admin) are returned through these models
(``response_model``). The hot paths (feed, search, item reads, publishing) build their bytes
themselves; they are *documented* by the same models (``responses={200: {"model": ...}}``)
and never re-serialized. ``tests/ops/test_openapi_contract.py`` checks every answer against
the document with schemathesis, and ``tests/api/test_generated_client.py`` drives the API
with a client generated from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal, TypeVar, Union

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from newswire import formats
from newswire.api.inputs import unstorable_at

T = TypeVar("T")
# A property that may be absent but is never null (``SkipJsonSchema`` keeps ``null`` out of
# the schema; ``optional`` keeps the ``default: null`` out).
Opt = Union[T, SkipJsonSchema[None]]  # noqa: UP007 (a generic alias needs Union)
PROBLEM_MEDIA = "application/problem+json"
NINJS_32 = "https://www.iptc.org/std/ninjs/ninjs-schema_3.2.json"
NINJS_23 = "https://www.iptc.org/std/ninjs/ninjs-schema_2.3.json"
EventType = Literal["published", "updated", "corrected", "withheld", "killed", "embargo_lifted"]


def optional(description: str | None = None, *, fmt: str | None = None) -> Any:
    def extra(schema: dict[str, Any]) -> None:
        schema.pop("default", None)
        if fmt:
            schema["format"] = fmt

    return Field(default=None, description=description, json_schema_extra=extra)


DateTime = Annotated[str, Field(json_schema_extra={"format": "date-time"})]


# -- request bodies --------------------------------------------------------------------------

class RequestBody(BaseModel):
    """A JSON request body taken as written or refused (422): a key the model does not name is
    refused by name (a misspelt ``rateLimt`` silently doing nothing was the bug), and so is a
    string no store can keep (a NUL, a lone surrogate; ``api.inputs``)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data: Any) -> Any:
        if (why := unstorable_at(data)) is not None:
            raise ValueError(why)
        return data


# -- RFC 9457 problem details ----------------------------------------------------------------

class ProblemFieldError(BaseModel):
    loc: list[str] = Field(description="Where: the parameter's location and name")
    msg: str


class Problem(BaseModel):
    """RFC 9457 problem details (``application/problem+json``): every error the API answers."""

    model_config = ConfigDict(extra="allow", json_schema_extra={
        "externalDocs": {"url": "https://www.rfc-editor.org/rfc/rfc9457"}})
    type: str = Field(default="about:blank", json_schema_extra={"format": "uri-reference"})
    title: str
    status: int = Field(ge=400, le=599)
    detail: Opt[str] = optional("What went wrong, for a person")
    instance: Opt[str] = optional("The request path", fmt="uri-reference")
    errors: Opt[list[ProblemFieldError]] = optional("422: the parameters that were refused")


# -- ninjs (IPTC) ----------------------------------------------------------------------------

_OPEN = ConfigDict(extra="allow")


class NinjsText(BaseModel):
    """A headline, description or body (``{role, contentType, value}``)."""

    model_config = _OPEN
    value: str
    role: Opt[str] = optional()
    contentType: Opt[str] = optional()


class NinjsConcept(BaseModel):
    """A subject, person, organisation, place, genre or info source."""

    model_config = _OPEN
    name: Opt[str] = optional()
    uri: Opt[str] = optional()
    literal: Opt[str] = optional()
    rel: Opt[str] = optional()


class NinjsLink(BaseModel):
    """An association (another item) or a rendition."""

    model_config = _OPEN
    uri: Opt[str] = optional()
    rel: Opt[str] = optional()
    name: Opt[str] = optional()
    href: Opt[str] = optional()
    type: Opt[str] = optional()


class NinjsItem(BaseModel):
    """A news item in IPTC ninjs 3.2: the document the IPTC schema (see ``externalDocs``)
    validates. The properties the wire sends are listed; others, the wire's extension
    properties among them, may appear (``additionalProperties`` is open)."""

    model_config = ConfigDict(extra="allow", title="NinjsItem", json_schema_extra={
        "externalDocs": {"description": "IPTC ninjs 3.2 JSON Schema", "url": NINJS_32}})
    uri: str = Field(json_schema_extra={"format": "uri"})
    type: Opt[str] = optional("text, picture, video, audio, graphic, composite")
    representationType: Opt[Literal["full", "partial"]] = optional()
    version: Opt[str] = optional("The version number, as a string of digits")
    firstCreated: Opt[DateTime] = optional()
    versionCreated: Opt[DateTime] = optional()
    contentCreated: Opt[DateTime] = optional()
    embargoedUntil: Opt[DateTime] = optional()
    pubStatus: Opt[str] = optional("usable, withheld or canceled")
    urgency: Opt[int] = optional()
    language: Opt[str] = optional()
    copyrightHolder: Opt[str] = optional()
    copyrightNotice: Opt[str] = optional()
    usageTerms: Opt[str] = optional()
    edNote: Opt[str] = optional()
    by: Opt[str] = optional()
    slugline: Opt[str] = optional()
    located: Opt[str] = optional()
    headlines: Opt[list[NinjsText]] = optional()
    descriptions: Opt[list[NinjsText]] = optional()
    bodies: Opt[list[NinjsText]] = optional()
    subjects: Opt[list[NinjsConcept]] = optional()
    people: Opt[list[NinjsConcept]] = optional()
    organisations: Opt[list[NinjsConcept]] = optional()
    places: Opt[list[NinjsConcept]] = optional()
    genres: Opt[list[NinjsConcept]] = optional()
    infoSources: Opt[list[NinjsConcept]] = optional()
    associations: Opt[list[NinjsLink]] = optional()
    renditions: Opt[list[NinjsLink]] = optional()


class Ninjs2Item(BaseModel):
    """A news item in IPTC ninjs 2.3 (``format=ninjs2``), for older clients."""

    model_config = ConfigDict(extra="allow", json_schema_extra={
        "externalDocs": {"description": "IPTC ninjs 2.3 JSON Schema", "url": NINJS_23}})
    uri: str
    type: Opt[str] = optional()
    version: Opt[str] = optional()
    versioncreated: Opt[DateTime] = optional()
    pubstatus: Opt[str] = optional()
    language: Opt[str] = optional()


ItemAnswer = Union[NinjsItem, Ninjs2Item]  # noqa: UP007
AnyItem = Annotated[Union[NinjsItem, Ninjs2Item, str], Field(  # noqa: UP007
    description="ninjs 3.2 (format=ninjs), ninjs 2.3 (format=ninjs2), or the NewsML-G2/NITF "
                "document as a string (format=newsml|nitf)")]


# -- items -----------------------------------------------------------------------------------

class ItemVersion(BaseModel):
    version: int
    versionCreated: DateTime
    pubStatus: str
    event: str | None = Field(description="The event that published this version")
    seq: int | None = Field(description="That event's sequence")
    href: str


class ItemVersions(BaseModel):
    uri: str
    versions: list[ItemVersion]


class KillRequest(RequestBody):
    reason: str = Field(min_length=1, max_length=2000)


# -- subscribers -----------------------------------------------------------------------------

class FeedEvent(BaseModel):
    seq: int
    type: EventType
    item: AnyItem


class FeedPage(BaseModel):
    events: list[FeedEvent]
    next: str = Field(description="The cursor to pass as `after` for the next page (digits)")


class SearchResult(BaseModel):
    score: float
    item: AnyItem


class SearchResults(BaseModel):
    results: list[SearchResult]
    next: str | None = Field(description="The cursor for the next page; null at the end")


class AccountProduct(BaseModel):
    name: str
    filter: dict[str, Any]


class RateLimit(BaseModel):
    requestsPerMinute: int


class Usage(BaseModel):
    month: str = Field(description="YYYY-MM")
    byChannel: dict[str, int]
    total: int


class Account(BaseModel):
    subscriber: str
    products: list[AccountProduct]
    rateLimit: RateLimit
    usage: Usage


class PlanningItem(BaseModel):
    uri: str
    headline: str | None
    href: str


class PlanningDesk(BaseModel):
    id: int
    start: str = Field(description="ISO 8601 date-time with the offset of the event's time zone")
    end: str | None
    timeZone: str = Field(description="IANA time zone name")
    place: str | None
    placeUri: str | None = Field(description="The place in the gazetteer (GeoNames URI)")
    language: str | None
    topic: str | None = Field(description="Media Topic code")


class PlanningEntry(BaseModel):
    date: str = Field(description="YYYY-MM-DD or YYYY-MM (a desk event: its day in its own time zone)")
    event: str
    literal: str | None
    item: PlanningItem | None = Field(description="The story the event was found in (null: none, or not "
                                                  "entitled)")
    source: Literal["story", "desk"] = Field(description="story: found in a story by enrichment; desk: the "
                                                         "agency's planning, made or confirmed by hand")
    status: Literal["tentative", "confirmed", "cancelled"] | None = Field(description="A desk event's status")
    desk: PlanningDesk | None


class Planning(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    from_: str = Field(alias="from")
    to: str
    entries: list[PlanningEntry]


# -- webhooks --------------------------------------------------------------------------------

class WebhookRequest(RequestBody):
    url: str = Field(min_length=8, max_length=2000)


class Webhook(BaseModel):
    id: str
    url: str
    createdAt: DateTime
    disabled: bool
    disabledReason: str | None


class WebhookCreated(Webhook):
    secret: str = Field(description="The signing secret (Standard Webhooks), shown only this once")


class WebhookList(BaseModel):
    webhooks: list[Webhook]


class WebhookTest(BaseModel):
    delivered: bool
    statusCode: Opt[int] = optional("The endpoint's answer")
    error: Opt[str] = optional("Why it was not delivered")
    webhookId: str


class Replay(BaseModel):
    webhook: str
    queued: int
    after: int
    next: int | None = Field(
        default=None, description="Where this request stopped when the log goes on beyond what one request "
        "examines: replay again with after=next. Null when the log was read to its end.")


class DeliveryAttempt(BaseModel):
    model_config = _OPEN
    at: DateTime
    statusCode: int | None
    error: str | None
    durationMs: int | None


class Delivery(BaseModel):
    id: int
    webhook: str
    seq: int
    webhookId: str
    status: str
    attempts: list[DeliveryAttempt]
    nextAttemptAt: DateTime | None
    deliveredAt: DateTime | None
    lastError: str | None


class Deliveries(BaseModel):
    deliveries: list[Delivery]


# -- admin -----------------------------------------------------------------------------------

class ProductOut(BaseModel):
    name: str
    filter: dict[str, Any]
    disabled: bool


class ProductList(BaseModel):
    products: list[ProductOut]


class SubscriberOut(BaseModel):
    name: str
    products: list[str]
    rateLimit: int
    disabled: bool


class SubscriberList(BaseModel):
    subscribers: list[SubscriberOut]


class NewKey(BaseModel):
    subscriber: str
    key: str = Field(description="The key, shown only this once")
    id: str = Field(description="The key's id, for DELETE /v1/admin/keys/{key_id}")


# -- operations ------------------------------------------------------------------------------

class Health(BaseModel):
    status: Literal["ok"]


class Ready(BaseModel):
    status: Literal["ready"]
    checks: dict[str, str]


# -- how routes are documented ---------------------------------------------------------------

SECURITY_SCHEMES: dict[str, dict[str, str]] = {
    "subscriberKey": {"type": "http", "scheme": "bearer",
                      "description": "A subscriber's API key (POST /v1/admin/subscribers/{name}/keys)."},
    "editorToken": {"type": "http", "scheme": "bearer", "description": "An editor token (`newswire token editor`)."},
    "adminToken": {"type": "http", "scheme": "bearer", "description": "An admin token (`newswire token admin`)."},
    "metricsToken": {"type": "http", "scheme": "bearer",
                     "description": "The scrape token NEWSWIRE_METRICS_TOKEN (only for /metrics)."},
}
SUBSCRIBER = ("subscriberKey",)
EDITOR = ("editorToken", "adminToken")
ADMIN = ("adminToken",)
ANYONE = ("subscriberKey", "editorToken", "adminToken")

_TEXT = {"type": "string"}
_HEADER = {"schema": _TEXT}
_ERRORS: dict[int, tuple[str, dict[str, Any]]] = {
    400: ("Bad request: a malformed body, cursor, time or encoding", {}),
    401: ("No valid bearer token (missing, unknown or revoked)",
          {"WWW-Authenticate": {**_HEADER, "required": True}}),
    403: ("The token may not call this operation", {}),
    404: ("Not found (or not readable with this token)", {}),
    409: ("Conflicts with the stored state", {}),
    410: ("Gone: the item was killed; remove it and do not use it", {}),
    412: ("If-Match names a version the item is no longer at (ETag: the current one)", {}),
    413: ("The body is larger than the limit", {}),
    415: ("The body's media type is not accepted", {}),
    416: ("The byte range cannot be satisfied (Content-Range says the size)", {}),
    422: ("The request is well-formed but refused (parameters or content)", {}),
    429: ("Too many requests: wait Retry-After seconds",
          {"Retry-After": {"schema": {"type": "string", "pattern": "^[0-9]+$"}, "required": True}}),
    503: ("A dependency is unavailable: retry later", {}),
}


def problem_responses(statuses: Iterable[int]) -> dict[int | str, dict[str, Any]]:
    """The RFC 9457 problem for each status (its schema is the ``Problem`` component)."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in sorted(statuses):
        description, headers = _ERRORS[status]
        answer: dict[str, Any] = {"description": description,
                                  "content": {PROBLEM_MEDIA: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        if headers:
            answer["headers"] = headers
        out[status] = answer
    return out


def security(schemes: Sequence[str]) -> dict[str, Any]:
    return {"security": [{name: []} for name in schemes]}


def documented(
    *, errors: Iterable[int], schemes: Sequence[str] | None, ok: int = 200,
    model: type[BaseModel] | Any | None = None, content: dict[str, Any] | None = None,
    description: str = "OK", headers: dict[str, Any] | None = None,
    more: dict[int | str, dict[str, Any]] | None = None, extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Decorator keywords documenting one operation: its success answer (``model`` as JSON,
    and/or other media types in ``content``), the problems it answers, and its security."""
    success: dict[str, Any] = {"description": description}
    if model is not None:
        success["model"] = model
    if content:
        success["content"] = content
    if headers:
        success["headers"] = headers
    responses: dict[int | str, dict[str, Any]] = {ok: success, **(more or {})}
    responses.update(problem_responses(errors))
    openapi_extra = {**(security(schemes) if schemes else {}), **(extra or {})}
    return {"responses": responses, "openapi_extra": openapi_extra or None}


def text(media_type: str, description: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = dict(_TEXT)
    if description:
        schema["description"] = description
    return {media_type: {"schema": schema}}


def item_media_types() -> dict[str, Any]:
    """The XML representations of an item (``format=newsml|nitf``), as the server labels them."""
    return {**text(formats.MEDIA_TYPES["newsml"], "NewsML-G2 newsItem (format=newsml)"),
            **text(formats.MEDIA_TYPES["nitf"], "NITF 3.6 (format=nitf)")}


# -- the finished document -------------------------------------------------------------------

_FASTAPI_422 = ("#/components/schemas/HTTPValidationError",)


def finish(document: dict[str, Any]) -> dict[str, Any]:
    """Add the components every operation refers to (Problem, the bearer schemes) and drop
    FastAPI's own 422 documentation (``HTTPValidationError``): the server answers problem+json,
    documented per operation where it can happen."""
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name, schema in Problem.model_json_schema(ref_template="#/components/schemas/{model}").get(
            "$defs", {}).items():
        schemas.setdefault(name, schema)
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    problem.pop("$defs", None)
    schemas["Problem"] = problem
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    components["securitySchemes"] = SECURITY_SCHEMES
    for methods in document.get("paths", {}).values():
        for operation in methods.values():
            responses = operation.get("responses", {})
            for status in [s for s, r in responses.items() if _is_fastapi_422(r)]:
                del responses[status]
            for response in responses.values():
                content = response.get("content", {})
                for media in [m for m, v in content.items() if v.get("schema") == {} and len(content) > 1]:
                    del content[media]  # FastAPI's placeholder beside the documented media types
    return document


def _is_fastapi_422(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return schema.get("$ref") in _FASTAPI_422


def install(app: FastAPI) -> None:
    """Serve the finished document at /openapi.json."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = finish(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

"""Subscribers' webhooks: register, list, remove, test, replay, and the deliveries log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from newswire.api.inputs import NoBody
from newswire.api.problems import Problem
from newswire.api.schemas import (
    SUBSCRIBER,
    Deliveries,
    Replay,
    WebhookCreated,
    WebhookList,
    WebhookRequest,
    WebhookTest,
    documented,
)
from newswire.api.subscriber import Subscriber, _cursor, reader_for
from newswire.delivery.cache import Entry
from newswire.delivery.reader import entitled_entries
from newswire.delivery.webhook_client import (
    UnsafeEndpoint,
    check_endpoint_url,
    webhook_client,
    without_credentials,
)
from newswire.delivery.webhooks import signed_headers
from newswire.formats.ninjs import dumps
from newswire.model import format_time, utcnow
from newswire.store import items as store
from newswire.store import webhooks as outbox
from newswire.store.secrets import SecretBox, SecretKeyError, box_for
from newswire.store.tokens import Principal
from newswire.wire import Wire

router = APIRouter(prefix="/v1", tags=["subscribers"])


def _endpoint_json(ep: outbox.Endpoint, *, secret: str | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"id": ep.id, "url": without_credentials(ep.url), "createdAt": format_time(ep.created_at),
                         "disabled": ep.disabled, "disabledReason": ep.disabled_reason}
    if secret is not None:
        d["secret"] = secret
    return d


KEYS_UNAVAILABLE = "Secrets key unavailable"


async def _secret_box(request: Request) -> SecretBox:
    """The deployment's keys; a misconfiguration is the operator's to fix (503, said plainly)."""
    try:
        return await run_in_threadpool(box_for, request.app.state.wire.settings)
    except SecretKeyError as exc:
        raise Problem(503, KEYS_UNAVAILABLE, f"Webhook secrets cannot be encrypted: {exc}") from exc


@router.post("/webhooks", status_code=201, summary="Register an endpoint; answers with its secret (once)",
             response_model=WebhookCreated,
             **documented(ok=201, schemes=SUBSCRIBER, errors=(400, 401, 403, 413, 422, 429, 503)))
async def create_webhook(request: Request, who: Subscriber, body: WebhookRequest) -> dict[str, Any]:
    wire: Wire = request.app.state.wire
    try:
        await check_endpoint_url(body.url, allow_private=request.app.state.webhooks_allow_private,
                                 resolver=getattr(request.app.state, "webhook_resolver", None))
    except UnsafeEndpoint as exc:
        raise Problem(422, "Endpoint refused", str(exc)) from exc
    assert who.subscriber_id is not None
    box = await _secret_box(request)
    limit = wire.settings.max_webhooks_per_subscriber
    try:
        ep, secret = await run_in_threadpool(lambda: outbox.create_endpoint(
            wire.engine, who.subscriber_id or 0, body.url, box=box, limit=limit))
    except outbox.TooManyEndpoints as exc:
        raise Problem(422, "Too many webhooks",
                      f"A subscriber may have at most {exc.limit} webhook endpoints; delete one first.",
                      limit=exc.limit) from exc
    return _endpoint_json(ep, secret=secret)


@router.get("/webhooks", summary="The subscriber's endpoints", response_model=WebhookList,
            **documented(schemes=SUBSCRIBER, errors=(401, 403, 429)))
async def list_webhooks(request: Request, who: Subscriber) -> dict[str, Any]:
    assert who.subscriber_id is not None
    eps = await run_in_threadpool(outbox.list_endpoints, request.app.state.wire.engine, who.subscriber_id)
    return {"webhooks": [_endpoint_json(e) for e in eps]}


async def _own_endpoint(request: Request, who: Principal, endpoint_id: str) -> outbox.Endpoint:
    ep = await run_in_threadpool(outbox.get_endpoint, request.app.state.wire.engine, who.subscriber_id,
                                 endpoint_id)
    if ep is None:
        raise Problem(404, "Not found", f"No webhook {endpoint_id}.")
    return ep


@router.delete("/webhooks/{endpoint_id}", status_code=204, summary="Remove an endpoint",
               **documented(ok=204, description="Removed", schemes=SUBSCRIBER, errors=(401, 403, 404, 429)))
async def delete_webhook(request: Request, who: Subscriber, endpoint_id: str) -> Response:
    await _own_endpoint(request, who, endpoint_id)
    assert who.subscriber_id is not None
    await run_in_threadpool(outbox.delete_endpoint, request.app.state.wire.engine, who.subscriber_id,
                            endpoint_id)
    return Response(status_code=204)


@router.post("/webhooks/{endpoint_id}/test", summary="Send a signed test message now", response_model=WebhookTest,
             response_model_exclude_unset=True,
             **documented(schemes=SUBSCRIBER, errors=(401, 403, 404, 422, 429, 503)))
async def test_webhook(request: Request, who: Subscriber, _body: NoBody, endpoint_id: str) -> dict[str, Any]:
    """Sent like a delivery: resolved and checked at connect time, pinned, no redirects."""
    import httpx

    ep = await _own_endpoint(request, who, endpoint_id)
    at = utcnow()
    body = dumps({"type": "webhook.test", "timestamp": format_time(at), "data": {"endpoint": ep.id}})
    msg_id = f"test_{int(at.timestamp() * 1000)}"
    try:
        secret = (await _secret_box(request)).open(ep.sealed_secret)
    except SecretKeyError as exc:
        return {"delivered": False, "error": f"Not sent: {exc}", "webhookId": msg_id}
    wire: Wire = request.app.state.wire
    try:
        async with webhook_client(allow_private=request.app.state.webhooks_allow_private,
                                  resolver=getattr(request.app.state, "webhook_resolver", None),
                                  timeout=wire.settings.webhook_timeout_seconds) as client:
            resp = await client.post(ep.url, content=body, headers=signed_headers(secret, msg_id, body, at))
        return {"delivered": 200 <= resp.status_code < 300, "statusCode": resp.status_code, "webhookId": msg_id}
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return {"delivered": False, "error": f"{exc.__class__.__name__}: {exc}"[:500], "webhookId": msg_id}


@router.post("/webhooks/{endpoint_id}/replay", summary="Re-send entitled events after a sequence",
             response_model=Replay,
             **documented(schemes=SUBSCRIBER, errors=(400, 401, 403, 404, 422, 429)))
async def replay_webhook(
    request: Request, who: Subscriber, _body: NoBody, endpoint_id: str,
    after: Annotated[str | None, Query(description="A sequence (ASCII digits); default 0")] = None,
) -> dict[str, Any]:
    wire: Wire = request.app.state.wire
    ep = await _own_endpoint(request, who, endpoint_id)
    reader = await reader_for(request, who)
    queued, examined = 0, 0
    cursor = start = _cursor(after)
    # Bounded like the feed: one request examines at most REPLAY_SCAN_LIMIT events, each
    # batch queued in its own short write transaction, and answers where to go on from.
    while examined < REPLAY_SCAN_LIMIT:
        rows = await run_in_threadpool(store.events_after, wire.engine, cursor, min(500, REPLAY_SCAN_LIMIT - examined))
        if not rows:
            break
        chosen = await entitled_entries(wire.engine, reader, [Entry(e, i) for e, i in rows])
        queued += await run_in_threadpool(outbox.requeue, wire.engine, ep.id, [e.event.seq for e in chosen])
        cursor = rows[-1][0].seq
        examined += len(rows)
    wire.hub.notify(wire.hub.latest)
    more = examined >= REPLAY_SCAN_LIMIT and cursor < await run_in_threadpool(store.last_seq, wire.engine)
    return {"webhook": ep.id, "queued": queued, "after": start, "next": cursor if more else None}


REPLAY_SCAN_LIMIT = 5000  # events examined per replay request


@router.get("/deliveries", summary="Recent webhook deliveries and their attempts", response_model=Deliveries,
            **documented(schemes=SUBSCRIBER, errors=(401, 403, 422, 429)))
async def list_deliveries(request: Request, who: Subscriber,
                          limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    assert who.subscriber_id is not None
    rows = await run_in_threadpool(outbox.list_deliveries, request.app.state.wire.engine, who.subscriber_id,
                                   limit)
    return {"deliveries": [
        {"id": d.id, "webhook": d.endpoint_id, "seq": d.seq, "webhookId": d.message_id, "status": d.status,
         "attempts": [{**a, "at": format_time(a["at"]) if isinstance(a["at"], datetime) else a["at"]}
                      for a in attempts],
         "nextAttemptAt": format_time(d.next_attempt_at) if d.status == "pending" else None,
         "deliveredAt": format_time(d.delivered_at) if d.delivered_at else None,
         "lastError": d.last_error}
        for d, attempts in rows
    ]}

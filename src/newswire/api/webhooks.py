"""Subscribers' webhooks: register, list, remove, test, replay, and the deliveries log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from newswire.api.problems import Problem
from newswire.api.subscriber import MAX_SEQ, Subscriber, reader_for
from newswire.delivery.cache import Entry
from newswire.delivery.reader import entitled_entries
from newswire.delivery.webhooks import UnsafeEndpoint, check_endpoint_url
from newswire.formats.ninjs import dumps
from newswire.model import format_time, utcnow
from newswire.store import items as store
from newswire.store import webhooks as outbox
from newswire.store.engine import write_tx
from newswire.store.tokens import Principal
from newswire.wire import Wire

router = APIRouter(prefix="/v1", tags=["subscribers"])

class WebhookRequest(BaseModel):
    url: str = Field(min_length=8, max_length=2000)


def _endpoint_json(ep: outbox.Endpoint, *, with_secret: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {"id": ep.id, "url": ep.url, "createdAt": format_time(ep.created_at),
                         "disabled": ep.disabled, "disabledReason": ep.disabled_reason}
    if with_secret:
        d["secret"] = ep.secret
    return d


@router.post("/webhooks", status_code=201, summary="Register an endpoint; answers with its secret")
async def create_webhook(request: Request, who: Subscriber, body: WebhookRequest) -> dict[str, Any]:
    wire: Wire = request.app.state.wire
    try:
        await run_in_threadpool(check_endpoint_url, body.url,
                                allow_private=request.app.state.webhooks_allow_private)
    except UnsafeEndpoint as exc:
        raise Problem(422, "Endpoint refused", str(exc)) from exc
    assert who.subscriber_id is not None
    ep = await run_in_threadpool(outbox.create_endpoint, wire.engine, who.subscriber_id, body.url)
    return _endpoint_json(ep, with_secret=True)


@router.get("/webhooks", summary="The subscriber's endpoints")
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


@router.delete("/webhooks/{endpoint_id}", status_code=204, summary="Remove an endpoint")
async def delete_webhook(request: Request, who: Subscriber, endpoint_id: str) -> Response:
    await _own_endpoint(request, who, endpoint_id)
    assert who.subscriber_id is not None
    await run_in_threadpool(outbox.delete_endpoint, request.app.state.wire.engine, who.subscriber_id,
                            endpoint_id)
    return Response(status_code=204)


@router.post("/webhooks/{endpoint_id}/test", summary="Send a signed test message now")
async def test_webhook(request: Request, who: Subscriber, endpoint_id: str) -> dict[str, Any]:
    import httpx

    from newswire.delivery.webhooks import signed_headers

    ep = await _own_endpoint(request, who, endpoint_id)
    at = utcnow()
    body = dumps({"type": "webhook.test", "timestamp": format_time(at), "data": {"endpoint": ep.id}})
    msg_id = f"test_{int(at.timestamp() * 1000)}"
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post(ep.url, content=body, headers=signed_headers(ep, msg_id, body, at))
        return {"delivered": 200 <= resp.status_code < 300, "statusCode": resp.status_code, "webhookId": msg_id}
    except httpx.HTTPError as exc:
        return {"delivered": False, "error": f"{exc.__class__.__name__}: {exc}", "webhookId": msg_id}


@router.post("/webhooks/{endpoint_id}/replay", summary="Re-send entitled events after a sequence")
async def replay_webhook(
    request: Request, who: Subscriber, endpoint_id: str, after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
) -> dict[str, Any]:
    wire: Wire = request.app.state.wire
    ep = await _own_endpoint(request, who, endpoint_id)
    reader = await reader_for(request, who)
    queued = 0
    cursor = after
    while True:
        rows = await run_in_threadpool(store.events_after, wire.engine, cursor, 500)
        if not rows:
            break
        chosen = await entitled_entries(wire.engine, reader, [Entry(e, i) for e, i in rows])
        queued += await run_in_threadpool(_enqueue_replay, wire, ep.id, [e.event.seq for e in chosen])
        cursor = rows[-1][0].seq
    wire.hub.notify(wire.hub.latest)
    return {"webhook": ep.id, "queued": queued, "after": after}


def _enqueue_replay(wire: Wire, endpoint_id: str, seqs: list[int]) -> int:
    """Queue the events again, except those still pending (they will go anyway)."""
    with write_tx(wire.engine) as conn:
        outbox.reenable_endpoint(conn, endpoint_id)
        fresh = [seq for seq in seqs if seq not in outbox.pending_seqs(conn, endpoint_id)]
        for seq in fresh:
            outbox.enqueue(conn, [endpoint_id], seq, utcnow())
    return len(fresh)


@router.get("/deliveries", summary="Recent webhook deliveries and their attempts")
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

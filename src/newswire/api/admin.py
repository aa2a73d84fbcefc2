"""Admin: products, subscribers, keys and usage (admin token)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from newswire.api.auth import bearer_principal, require
from newswire.api.inputs import NoBody
from newswire.api.problems import Problem
from newswire.api.schemas import (
    ADMIN,
    NewKey,
    ProductList,
    ProductOut,
    RequestBody,
    SubscriberList,
    SubscriberOut,
    documented,
    text,
)
from newswire.routing import Product
from newswire.store import accounts
from newswire.store import usage as usage_store
from newswire.store.tokens import Principal, create_token, revoke_token
from newswire.wire import Wire

router = APIRouter(prefix="/v1/admin", tags=["admin"])
Admin = Annotated[Principal, Depends(require("admin"))]


class ProductBody(RequestBody):
    # a filter key sent beside "filter" would be dropped, leaving a product that admits everything
    name: str = Field(min_length=1, max_length=200, pattern=r"^[\w.\-]+$")
    filter: dict[str, Any] = Field(default_factory=dict, description=(
        'languages, topics (Media Topic codes), types, urgency [min,max], services, places, '
        'embargoEarly, publicOnly, renditions (the picture and video renditions carried: original, '
        'baseImage, viewImage, thumbnail, preview, poster; absent or empty: all)'))


class SubscriberBody(RequestBody):
    name: str = Field(min_length=1, max_length=200, pattern=r"^[\w.\-]+$")
    products: list[str] = Field(default_factory=list)
    rateLimit: int = Field(default=accounts.DEFAULT_RATE_LIMIT, ge=1, le=1_000_000)


class ProductsBody(RequestBody):
    products: list[str]


async def metrics_reader(request: Request) -> None:
    """/metrics names every webhook endpoint: an admin token, or the dedicated scrape token
    (``NEWSWIRE_METRICS_TOKEN``, compared in constant time), may read it."""
    wire: Wire = request.app.state.wire
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    scrape = wire.settings.metrics_token
    if scrape and scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), scrape.encode()):
        return
    who = await bearer_principal(wire.engine, header)
    if who.role != "admin":
        raise Problem(403, "Forbidden", "/metrics needs an admin token or the metrics token.")


def _engine(request: Request) -> Any:
    wire: Wire = request.app.state.wire
    return wire.engine


def _product_json(product: Product, disabled: bool = False) -> dict[str, Any]:
    return {"name": product.name, "filter": product.to_dict(), "disabled": disabled}


def _subscriber_json(sub: accounts.Subscriber) -> dict[str, Any]:
    return {"name": sub.name, "products": list(sub.products), "rateLimit": sub.rate_limit,
            "disabled": sub.disabled}


async def _call(request: Request, fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        result = await run_in_threadpool(fn, *args, **kwargs)
    except accounts.AccountError as exc:
        raise Problem(exc.status, "Rejected", exc.detail) from exc
    request.app.state.subscriptions.invalidate()
    return result


@router.get("/products", summary="Every product", response_model=ProductList,
            **documented(schemes=ADMIN, errors=(401, 403)))
async def list_products(request: Request, _: Admin) -> dict[str, Any]:
    found = await run_in_threadpool(accounts.list_products, _engine(request))
    return {"products": [_product_json(p, d) for p, d in found]}


@router.post("/products", status_code=201, summary="Create a product", response_model=ProductOut,
             **documented(ok=201, schemes=ADMIN, errors=(400, 401, 403, 409, 413, 422)))
async def create_product(request: Request, _: Admin, body: ProductBody) -> dict[str, Any]:
    return _product_json(await _call(request, accounts.create_product, _engine(request), body.name, body.filter))


@router.put("/products/{name}", summary="Change a product's filter", response_model=ProductOut,
            **documented(schemes=ADMIN, errors=(400, 401, 403, 404, 413, 422)))
async def update_product(request: Request, _: Admin, name: str, body: ProductBody) -> dict[str, Any]:
    return _product_json(await _call(request, accounts.update_product, _engine(request), name, body.filter))


@router.post("/products/{name}/disable", status_code=204, summary="Disable a product",
             **documented(ok=204, description="Disabled", schemes=ADMIN, errors=(401, 403, 404, 422)))
async def disable_product(request: Request, _: Admin, _body: NoBody, name: str) -> Response:
    await _call(request, accounts.set_product_disabled, _engine(request), name, True)
    return Response(status_code=204)


@router.get("/subscribers", summary="Every subscriber", response_model=SubscriberList,
            **documented(schemes=ADMIN, errors=(401, 403)))
async def list_subscribers(request: Request, _: Admin) -> dict[str, Any]:
    found = await run_in_threadpool(accounts.list_subscribers, _engine(request))
    return {"subscribers": [_subscriber_json(s) for s in found]}


@router.post("/subscribers", status_code=201, summary="Create a subscriber", response_model=SubscriberOut,
             **documented(ok=201, schemes=ADMIN, errors=(400, 401, 403, 404, 409, 413, 422)))
async def create_subscriber(request: Request, _: Admin, body: SubscriberBody) -> dict[str, Any]:
    sub = await _call(request, accounts.create_subscriber, _engine(request), body.name, body.products,
                      rate_limit=body.rateLimit)
    return _subscriber_json(sub)


@router.get("/subscribers/{name}", summary="One subscriber", response_model=SubscriberOut,
            **documented(schemes=ADMIN, errors=(401, 403, 404)))
async def show_subscriber(request: Request, _: Admin, name: str) -> dict[str, Any]:
    return _subscriber_json(await _call(request, accounts.get_subscriber, _engine(request), name))


@router.put("/subscribers/{name}/products", summary="Set a subscriber's products", response_model=SubscriberOut,
            **documented(schemes=ADMIN, errors=(400, 401, 403, 404, 413, 422)))
async def set_products(request: Request, _: Admin, name: str, body: ProductsBody) -> dict[str, Any]:
    return _subscriber_json(await _call(request, accounts.set_subscriber_products, _engine(request), name,
                                        body.products))


@router.post("/subscribers/{name}/disable", summary="Disable a subscriber (its keys stop working)",
             response_model=SubscriberOut,
             **documented(schemes=ADMIN, errors=(401, 403, 404, 422)))
async def disable_subscriber(request: Request, _: Admin, _body: NoBody, name: str) -> dict[str, Any]:
    return _subscriber_json(await _call(request, accounts.set_subscriber_disabled, _engine(request), name, True))


@router.post("/subscribers/{name}/enable", summary="Enable a subscriber", response_model=SubscriberOut,
             **documented(schemes=ADMIN, errors=(401, 403, 404, 422)))
async def enable_subscriber(request: Request, _: Admin, _body: NoBody, name: str) -> dict[str, Any]:
    return _subscriber_json(await _call(request, accounts.set_subscriber_disabled, _engine(request), name, False))


@router.post("/subscribers/{name}/keys", status_code=201, summary="A new API key, shown only this once",
             response_model=NewKey,
             **documented(ok=201, schemes=ADMIN, errors=(401, 403, 404, 409, 422)))
async def create_key(request: Request, _: Admin, _body: NoBody, name: str) -> dict[str, Any]:
    sub = await _call(request, accounts.get_subscriber, _engine(request), name)
    if sub.disabled:
        raise Problem(409, "Subscriber disabled", f"{name} is disabled; enable it first.")
    key = await run_in_threadpool(create_token, _engine(request), "subscriber", subscriber_id=sub.id)
    return {"subscriber": name, "key": key, "id": key.split("_")[1]}


@router.delete("/keys/{key_id}", status_code=204, summary="Revoke a key or token, with immediate effect",
               **documented(ok=204, description="Revoked", schemes=ADMIN, errors=(401, 403, 404)))
async def revoke_key(request: Request, _: Admin, key_id: str) -> Response:
    if not await run_in_threadpool(revoke_token, _engine(request), key_id):
        raise Problem(404, "Not found", f"No active key {key_id}.")
    return Response(status_code=204)


@router.get("/usage", summary="The usage audit for a month, as CSV", response_model=None,
            **documented(schemes=ADMIN, errors=(401, 403, 422), content=text("text/csv", "One row per delivery")))
async def usage_report(request: Request, _: Admin,
                       month: Annotated[str, Query(pattern=r"^\d{4}-\d{2}$")]) -> Response:
    await run_in_threadpool(request.app.state.usage.flush)
    try:
        csv_text = await run_in_threadpool(usage_store.report_csv, _engine(request), month)
    except ValueError as exc:
        raise Problem(422, "Invalid month", str(exc)) from exc
    return Response(csv_text, media_type="text/csv; charset=utf-8")

"""Products, subscribers and what each subscriber holds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from newswire.model import utcnow
from newswire.routing import Product, check_filter
from newswire.store.engine import read_tx, write_tx
from newswire.store.tables import products, subscriber_products, subscribers, tokens

DEFAULT_RATE_LIMIT = 600  # requests per minute per key


class AccountError(ValueError):
    """A bad admin request (unknown name, duplicate, invalid filter)."""

    def __init__(self, detail: str, status: int = 422) -> None:
        super().__init__(detail)
        self.detail, self.status = detail, status


@dataclass(frozen=True, slots=True)
class Subscriber:
    id: int
    name: str
    rate_limit: int
    disabled: bool
    products: tuple[str, ...]


def _checked_product(name: str, filters: dict[str, Any]) -> Product:
    try:
        check_filter(filters)
        return Product.from_dict(name, filters)
    except ValueError as exc:
        raise AccountError(str(exc)) from exc


def create_product(engine: Engine, name: str, filters: dict[str, Any]) -> Product:
    product = _checked_product(name, filters)
    with write_tx(engine) as conn:
        if conn.execute(select(products.c.id).where(products.c.name == name)).first():
            raise AccountError(f"A product named {name!r} exists.", 409)
        pid = conn.execute(insert(products).values(
            name=name, filter=json.dumps(product.to_dict()), created_at=utcnow()
        ).returning(products.c.id)).scalar_one()
    return Product.from_dict(name, product.to_dict(), id=pid)


def update_product(engine: Engine, name: str, filters: dict[str, Any]) -> Product:
    product = _checked_product(name, filters)
    with write_tx(engine) as conn:
        result = conn.execute(update(products).where(products.c.name == name)
                              .values(filter=json.dumps(product.to_dict())))
        if result.rowcount == 0:
            raise AccountError(f"No product {name!r}.", 404)
    return product


def set_product_disabled(engine: Engine, name: str, disabled: bool) -> None:
    with write_tx(engine) as conn:
        result = conn.execute(update(products).where(products.c.name == name)
                              .values(disabled_at=utcnow() if disabled else None))
        if result.rowcount == 0:
            raise AccountError(f"No product {name!r}.", 404)


def list_products(engine: Engine) -> list[tuple[Product, bool]]:
    with read_tx(engine) as conn:
        rows = conn.execute(select(products).order_by(products.c.name)).mappings().all()
    return [(Product.from_dict(r["name"], json.loads(r["filter"]), id=r["id"]), r["disabled_at"] is not None)
            for r in rows]


def create_subscriber(
    engine: Engine, name: str, product_names: list[str], *, rate_limit: int = DEFAULT_RATE_LIMIT
) -> Subscriber:
    if rate_limit < 1:
        raise AccountError("rate_limit must be at least 1 request per minute.")
    with write_tx(engine) as conn:
        if conn.execute(select(subscribers.c.id).where(subscribers.c.name == name)).first():
            raise AccountError(f"A subscriber named {name!r} exists.", 409)
        sid = conn.execute(insert(subscribers).values(
            name=name, rate_limit=rate_limit, created_at=utcnow()
        ).returning(subscribers.c.id)).scalar_one()
        _set_products(conn, sid, product_names)
    return get_subscriber(engine, name)


def set_subscriber_products(engine: Engine, name: str, product_names: list[str]) -> Subscriber:
    with write_tx(engine) as conn:
        sid = _subscriber_id(conn, name)
        conn.execute(delete(subscriber_products).where(subscriber_products.c.subscriber_id == sid))
        _set_products(conn, sid, product_names)
    return get_subscriber(engine, name)


def set_subscriber_disabled(engine: Engine, name: str, disabled: bool) -> Subscriber:
    with write_tx(engine) as conn:
        sid = _subscriber_id(conn, name)
        conn.execute(update(subscribers).where(subscribers.c.id == sid)
                     .values(disabled_at=utcnow() if disabled else None))
        if disabled:  # a disabled subscriber's keys stop working at once
            conn.execute(update(tokens).where(tokens.c.subscriber_id == sid, tokens.c.revoked_at.is_(None))
                         .values(revoked_at=utcnow()))
    return get_subscriber(engine, name)


def _subscriber_id(conn: Connection, name: str) -> int:
    sid = conn.execute(select(subscribers.c.id).where(subscribers.c.name == name)).scalar()
    if sid is None:
        raise AccountError(f"No subscriber {name!r}.", 404)
    return int(sid)


def _set_products(conn: Connection, sid: int, product_names: list[str]) -> None:
    if not product_names:
        return
    found: dict[str, int] = dict(conn.execute(
        select(products.c.name, products.c.id).where(products.c.name.in_(product_names))
    ).all())
    missing = sorted(set(product_names) - set(found))
    if missing:
        raise AccountError(f"No such product: {', '.join(missing)}.", 404)
    conn.execute(insert(subscriber_products),
                 [{"subscriber_id": sid, "product_id": found[n]} for n in sorted(set(product_names))])


def get_subscriber(engine: Engine, name: str | None = None, *, id: int | None = None) -> Subscriber:
    with read_tx(engine) as conn:
        query = select(subscribers)
        query = query.where(subscribers.c.name == name) if name is not None else query.where(subscribers.c.id == id)
        row = conn.execute(query).mappings().first()
        if row is None:
            raise AccountError(f"No subscriber {name or id!r}.", 404)
        names = conn.execute(
            select(products.c.name).join(subscriber_products, subscriber_products.c.product_id == products.c.id)
            .where(subscriber_products.c.subscriber_id == row["id"]).order_by(products.c.name)
        ).scalars().all()
    return Subscriber(row["id"], row["name"], row["rate_limit"], row["disabled_at"] is not None, tuple(names))


def list_subscribers(engine: Engine) -> list[Subscriber]:
    with read_tx(engine) as conn:
        names = conn.execute(select(subscribers.c.name).order_by(subscribers.c.name)).scalars().all()
    return [get_subscriber(engine, n) for n in names]


def subscriptions(conn: Connection) -> dict[int, list[Product]]:
    """Every active subscriber's active products: what routing needs, read in one query."""
    rows = conn.execute(
        select(subscribers.c.id, products.c.id.label("pid"), products.c.name, products.c.filter)
        .select_from(subscribers
                     .outerjoin(subscriber_products, subscriber_products.c.subscriber_id == subscribers.c.id)
                     .outerjoin(products, (products.c.id == subscriber_products.c.product_id)
                                & products.c.disabled_at.is_(None)))
        .where(subscribers.c.disabled_at.is_(None))
    ).all()
    found: dict[int, list[Product]] = {}
    for sid, pid, name, filters in rows:
        held = found.setdefault(sid, [])
        if pid is not None:
            held.append(Product.from_dict(name, json.loads(filters), id=pid))
    return found


def products_of(engine: Engine, subscriber_id: int) -> list[Product]:
    with read_tx(engine) as conn:
        return subscriptions(conn).get(subscriber_id, [])

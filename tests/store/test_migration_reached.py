"""Migration 0003 backfills who each version reached from the older per-story record, and
never grants what routing would not have sent: an embargoed update still under embargo, or an
update outside the subscriber's contract."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import text

from newswire.model import Item, Text, utcnow
from newswire.store import codec
from newswire.store.engine import make_engine
from newswire.store.migrate import upgrade


def _version(conn, item: Item, seq: int, type_: str, embargoed: bool) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    conn.execute(text("INSERT INTO versions (uri, version, input_hash, payload, stored_at) "
                      "VALUES (:u, :v, :h, :p, :t)"),
                 {"u": item.uri, "v": item.version, "h": f"h{seq}", "p": codec.encode(item), "t": now})
    conn.execute(text("INSERT INTO events (seq, type, uri, version, created_at, public, embargoed) "
                      "VALUES (:s, :ty, :u, :v, :t, false, :e)"),
                 {"s": seq, "ty": type_, "u": item.uri, "v": item.version, "t": now, "e": embargoed})


def test_the_backfill_grants_only_what_routing_would_have_sent(blank_db_url: str) -> None:
    engine = make_engine(blank_db_url)
    upgrade(engine, "0002")
    now = utcnow()
    v1 = Item(uri="urn:t:1", version=1, language="en", headlines=(Text("Harbour"),), first_created=now,
              version_created=now)
    held = v1.evolve(version=2, embargoed_until=now + timedelta(hours=3))
    french = v1.evolve(version=3, language="fr", embargoed_until=None)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO products (id, name, filter, created_at) VALUES (1, 'en', :f, :t)"),
                     {"f": json.dumps({"languages": ["en"]}), "t": now})
        conn.execute(text("INSERT INTO subscribers (id, name, rate_limit, created_at) VALUES (1, 'a', 600, :t)"),
                     {"t": now})
        conn.execute(text("INSERT INTO subscriber_products VALUES (1, 1)"))
        _version(conn, v1, 1, "published", False)
        _version(conn, held, 2, "updated", True)
        _version(conn, french, 3, "updated", False)
        conn.execute(text("INSERT INTO recipients (uri, subscriber_id, first_seq) VALUES ('urn:t:1', 1, 1)"))
    upgrade(engine)
    with engine.connect() as conn:
        granted = conn.execute(text("SELECT version FROM reached WHERE subscriber_id = 1 ORDER BY version")).scalars()
        assert list(granted) == [1]
    engine.dispose()

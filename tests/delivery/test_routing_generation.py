"""Routing keeps the subscriptions between publications (keyed by the store's routing
generation, migration 0013): a change to products or subscriptions - through the accounts
module or straight in SQL - still takes effect on the very next publication."""

from __future__ import annotations

from sqlalchemy import text

from newswire.store import accounts
from newswire.store import items as store
from newswire.store.engine import write_tx
from newswire.wire import Wire

from factories import as_bytes, ninjs_story


def _reached(wire: Wire, lang: str) -> set[int]:
    uri = wire.ingest(as_bytes(ninjs_story(lang))).item.uri
    return store.recipients_of(wire.engine, [uri]).get(uri, set())


def test_a_product_or_subscription_change_routes_the_very_next_publication(wire: Wire) -> None:
    accounts.create_product(wire.engine, "english", {"languages": ["en"]})
    accounts.create_product(wire.engine, "turkish", {"languages": ["tr"]})
    sid = accounts.create_subscriber(wire.engine, "daily", ["english"])
    sid_ = accounts.get_subscriber(wire.engine, sid.name)
    assert sid_.products == ("english",)
    me = int(wire.engine.connect().execute(text("SELECT id FROM subscribers WHERE name = 'daily'")).scalar_one())
    assert _reached(wire, "en") == {me}
    assert _reached(wire, "tr") == set()
    accounts.update_product(wire.engine, "english", {"languages": ["tr"]})  # the filter changes
    assert _reached(wire, "tr") == {me}
    assert _reached(wire, "en") == set()
    accounts.set_subscriber_products(wire.engine, "daily", ["turkish", "english"])
    assert _reached(wire, "tr") == {me}
    accounts.set_product_disabled(wire.engine, "english", True)
    accounts.set_product_disabled(wire.engine, "turkish", True)
    assert _reached(wire, "tr") == set()
    accounts.set_product_disabled(wire.engine, "turkish", False)
    assert _reached(wire, "tr") == {me}
    accounts.set_subscriber_disabled(wire.engine, "daily", True)
    assert _reached(wire, "tr") == set()
    accounts.set_subscriber_disabled(wire.engine, "daily", False)
    assert _reached(wire, "tr") == {me}
    # written by another hand, straight in SQL: the triggers move the generation too
    with write_tx(wire.engine) as conn:
        conn.execute(text("UPDATE products SET filter = '{\"languages\": [\"ru\"]}' WHERE name = 'turkish'"))
    assert _reached(wire, "tr") == set()
    with write_tx(wire.engine) as conn:
        conn.execute(text("DELETE FROM subscriber_products"))
        conn.execute(text("UPDATE products SET filter = '{}'"))
    assert _reached(wire, "ru") == set()


def test_publications_do_not_read_the_subscriptions_while_nothing_changes(wire: Wire, monkeypatch) -> None:
    from newswire.delivery import entitlements

    accounts.create_product(wire.engine, "all", {})
    accounts.create_subscriber(wire.engine, "daily", ["all"])
    reads = []
    real = entitlements.subscriptions
    monkeypatch.setattr(entitlements, "subscriptions", lambda conn: reads.append(1) or real(conn))
    for _ in range(3):
        assert len(_reached(wire, "en")) == 1
    assert len(reads) <= 1  # the first publication after the change, at most
    accounts.create_product(wire.engine, "more", {})
    assert len(_reached(wire, "en")) == 1
    assert len(reads) <= 2

"""A feed page behind the node's event window reads the store in batches that start near
the page size: a page of one event must not read and decode five hundred."""

from __future__ import annotations

import asyncio

import pytest

from newswire.delivery import cache as cache_module
from newswire.delivery.cache import EventCache
from newswire.delivery.feed import page
from newswire.delivery.reader import Reader
from newswire.routing import Product
from newswire.wire import Wire

from wirekit import publish


def test_a_small_page_behind_the_window_reads_a_small_batch(wire: Wire, monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("en", "fr", "ru", "tr", "ar") * 8:
        publish(wire, lang)
    reads: list[int] = []
    real = cache_module.store.events_after

    def counting(engine: object, after: int, limit: int) -> object:
        if engine is wire.engine:  # not a live server's left running by another test in this process
            reads.append(limit)
        return real(engine, after, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module.store, "events_after", counting)
    cache = EventCache(wire.engine, wire.hub)
    cache.start_at(wire.hub.latest, warm=0)  # the window holds nothing older: the store answers
    everything = Reader(1, None, (Product(name="all"),))
    french = Reader(2, None, (Product(name="fr", languages=frozenset({"fr"})),))

    one = asyncio.run(page(wire.engine, cache, wire.hub, everything, after=0, limit=1, wait=0))
    assert [e.event.seq for e in one.entries] == [1] and one.next == 1
    assert reads == [16]

    reads.clear()
    # One event in five is French: the batches grow until the page is full.
    five = asyncio.run(page(wire.engine, cache, wire.hub, french, after=0, limit=5, wait=0))
    assert [e.item.language for e in five.entries] == ["fr"] * 5
    assert reads == [16, 32]

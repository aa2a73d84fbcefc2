"""The live flow's shared rows: one computation for the requests the same news wakes, kept
for a second, never shared across organisations, products, filters or events."""

from __future__ import annotations

import asyncio

import pytest

from newswire.portal.flow import Filters, Row
from newswire.portal.live_rows import TTL, Key, SharedRows
from newswire.routing import Product

WHOLE = (Product("whole"),)


def key(org: int = 1, products: tuple[Product, ...] = WHOLE, filters: Filters = Filters(),
        events: tuple[tuple[int, str], ...] = ((7, "urn:a"),)) -> Key:
    return (org, products, filters, events)


class Counting:
    def __init__(self) -> None:
        self.calls = 0
        self.fail = False

    def __call__(self) -> asyncio.Future[list[Row]]:
        self.calls += 1
        calls = self.calls

        async def work() -> list[Row]:
            await asyncio.sleep(0.01)
            if self.fail:
                raise RuntimeError("database gone")
            return [calls]  # type: ignore[list-item]  # a marker for which call made it

        return asyncio.ensure_future(work())


def test_two_hundred_flows_woken_together_share_one_computation() -> None:
    async def run() -> None:
        shared, compute = SharedRows(), Counting()
        answers = await asyncio.gather(*(shared.get(key(), compute) for _ in range(200)))
        assert compute.calls == 1 and all(a == [1] for a in answers)

    asyncio.run(run())


def test_another_organisation_product_filter_or_event_is_computed_apart() -> None:
    async def run() -> None:
        shared, compute = SharedRows(), Counting()
        others = [key(), key(org=2), key(products=(Product("ru", languages=frozenset({"ru"})),)),
                  key(filters=Filters(language="ru")), key(events=((8, "urn:a"),))]
        answers = [await shared.get(k, compute) for k in others]
        assert compute.calls == len(others) and answers == [[n] for n in range(1, len(others) + 1)]

    asyncio.run(run())


def test_kept_for_a_second_then_computed_again() -> None:
    now = [100.0]

    async def run() -> None:
        shared, compute = SharedRows(clock=lambda: now[0]), Counting()
        assert await shared.get(key(), compute) == [1]
        now[0] += TTL / 2
        assert await shared.get(key(), compute) == [1]
        now[0] += TTL
        assert await shared.get(key(), compute) == [2]

    asyncio.run(run())


def test_a_failure_is_everyone_waitings_but_not_kept() -> None:
    async def run() -> None:
        shared, compute = SharedRows(), Counting()
        compute.fail = True
        answers = await asyncio.gather(*(shared.get(key(), compute) for _ in range(3)), return_exceptions=True)
        assert compute.calls == 1 and all(isinstance(a, RuntimeError) for a in answers)
        compute.fail = False
        assert await shared.get(key(), compute) == [2]

    asyncio.run(run())


def test_a_waiter_that_goes_away_does_not_cancel_the_others() -> None:
    async def run() -> None:
        shared, compute = SharedRows(), Counting()
        first = asyncio.ensure_future(shared.get(key(), compute))
        second = asyncio.ensure_future(shared.get(key(), compute))
        await asyncio.sleep(0)
        first.cancel()
        assert await second == [1]
        with pytest.raises(asyncio.CancelledError):
            await first

    asyncio.run(run())

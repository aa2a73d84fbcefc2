"""The live flow's rows, worked out once for everyone waiting on the same news.

When a story is published every open flow of an organisation wakes at once and asks for the
same rows: the same stories, entitled by the same products, through the same filter. Each
request used to load and entitle them itself (``bench/portal_live.py``: 200 users of one
organisation made 200 identical reads per story). Here the first request of a key computes
them and the others await its result; the result is kept for ``TTL`` seconds so a user whose
answer comes a moment later shares it too.

The key holds everything the rows depend on but the clock: the organisation, its products
(a change of products is a new key), the filter and the exact events (a correction, withhold
or kill is a new event, so a new key). What the clock changes — an embargo lifting — can be
at most ``TTL`` seconds late, never early: rows only become more visible with time. The
per-user part (the session check, the bookmark stars, the rendering in the user's language)
stays with each request.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable

from newswire.portal.flow import Filters, Row
from newswire.routing import Product

TTL = 1.0  # seconds a computed set of rows is shared
MAX_KEYS = 256

Key = tuple[int, tuple[Product, ...], Filters, tuple[tuple[int, str], ...]]


class SharedRows:
    """Rows per key: computed by the first asker, awaited by the others (one event loop)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._found: OrderedDict[Key, tuple[float, asyncio.Future[list[Row]]]] = OrderedDict()

    async def get(self, key: Key, compute: Callable[[], asyncio.Future[list[Row]]]) -> list[Row]:
        now = self.clock()
        held = self._found.get(key)
        if held is not None and (not held[1].done() or now - held[0] <= TTL) and not _failed(held[1]):
            return await asyncio.shield(held[1])
        future = compute()
        self._found[key] = (now, future)
        self._found.move_to_end(key)
        while len(self._found) > MAX_KEYS:
            self._found.popitem(last=False)
        return await asyncio.shield(future)


def _failed(future: asyncio.Future[list[Row]]) -> bool:
    return future.done() and (future.cancelled() or future.exception() is not None)

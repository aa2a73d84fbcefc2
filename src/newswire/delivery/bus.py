"""The bus: wakes readers when the event log grows. The store stays the truth.

In one process this is an in-memory hub; publishers call :meth:`Hub.notify` after commit
(from any thread) and waiters (long-poll feeds, SSE streams, webhook workers) wake and read
from the store. A poller also watches the store's last sequence, so writes made by other
processes (the CLI, other nodes) wake readers within ``poll_interval``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


class Hub:
    def __init__(self) -> None:
        self.latest = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None
        self._poller: asyncio.Task[None] | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._changed = asyncio.Event()

    def notify(self, seq: int) -> None:
        """Announce that events up to ``seq`` are committed. Safe from any thread."""
        if not self._in_loop(self._wake, seq):
            self.latest = max(self.latest, seq)

    def _in_loop(self, callback: Callable[[int], None], seq: int) -> bool:
        """Run ``callback(seq)`` on the bound loop, from whichever thread we are on; False
        when there is no running loop to run it on."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return False
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            callback(seq)
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(callback, seq)
        return True

    def _wake(self, seq: int) -> None:
        if seq <= self.latest:
            return
        self.latest = seq
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()

    async def wait_beyond(self, after: int, timeout: float) -> bool:
        """Wait until an event after ``after`` is announced; False on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.latest <= after:
            remaining = deadline - loop.time()
            if remaining <= 0 or self._changed is None:
                return False
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                return self.latest > after
        return True

    def start_polling(self, read_last_seq: Callable[[], int], interval: float) -> None:
        async def poll() -> None:
            while True:
                try:
                    seq = await asyncio.to_thread(read_last_seq)
                    self._wake(seq)
                except Exception:  # the store may be briefly unreachable; keep polling
                    log.warning("bus poller could not read the store", exc_info=True)
                await self._pause(interval)

        self._poller = asyncio.get_running_loop().create_task(poll())

    async def _pause(self, interval: float) -> None:
        """Between two reads of the store: a bus that carries the news may wait longer."""
        await asyncio.sleep(interval)

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None

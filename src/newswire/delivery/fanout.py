"""Live fan-out: one subscriber's stream is read, entitled and framed once for every open
connection that follows it, not once per connection.

A :class:`Broadcast` per (subscriber, format) follows the node's event window with that
subscriber's products (re-read every second, like any open stream) and keeps the framed SSE
events it found in a bounded buffer. A connection whose cursor the buffer covers takes the
frames after its cursor — a slice and a socket write; a connection behind the buffer (a
``Last-Event-ID`` resume, a slow reader) catches up on its own through :func:`feed.page`
until the buffer covers it. Either way it gets exactly the events after its cursor, in
order. Each connection still checks its own key every second, so a revocation ends it
within a second or two; a broadcast with no connection left stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from bisect import bisect_right
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from newswire.delivery import feed
from newswire.delivery.bus import Hub
from newswire.delivery.cache import Entry, EventCache
from newswire.delivery.reader import Reader, pictures_for
from newswire.media.links import Signer

log = logging.getLogger(__name__)

BUFFER = 1024  # framed events a broadcast keeps for connections a little behind
CATCH_UP = 100  # events per catch-up page
WAKE_SLICE = 64  # connections woken per turn of the event loop
SIGN_REFRESH = 60.0  # seconds: a connection's rendition href signatures are renewed this often
# The subscriber's reader as of now: its products, or None once it is disabled.
GroupReader = Callable[[int], Awaitable[Reader | None]]
# Signs the wire's own rendition hrefs for one connection's key, as of now (None: nothing to sign).
SignerFor = Callable[[Reader], Signer | None]


@dataclass(slots=True)
class Frame:
    seq: int
    body: bytes
    entry: Entry
    own_hrefs: bool | None = None  # holds one of the wire's own rendition hrefs (to sign per key)


def _resolve(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


def _wake(waiters: list[asyncio.Future[None]], start: int) -> None:
    """Wake ``WAKE_SLICE`` waiting connections, and the next slice on the loop's next turn:
    what else the loop has to do (a publication, ``/healthz``) waits for one slice of
    socket writes, not for a thousand."""
    end = start + WAKE_SLICE
    for waiter in waiters[start:end]:
        _resolve(waiter)
    if end < len(waiters):
        waiters[end].get_loop().call_soon(_wake, waiters, end)


@dataclass(eq=False)
class Broadcast:
    """Framed events of one subscriber in one format, after ``base``, read once for all."""

    subscriber_id: int
    fmt: str
    base: int  # every entitled event with seq > base is in ``frames``
    cursor: int  # the events up to here have been examined
    frames: list[Frame] = field(default_factory=list)
    listeners: int = 0
    task: asyncio.Task[None] | None = None
    _seqs: list[int] = field(default_factory=list)
    _waiters: list[asyncio.Future[None]] = field(default_factory=list)

    def covers(self, cursor: int) -> bool:
        return cursor >= self.base

    def after(self, cursor: int) -> tuple[list[Frame], int]:
        """The frames after ``cursor`` (which the broadcast covers) and the position a
        connection reaches by taking them."""
        return self.frames[bisect_right(self._seqs, cursor):], max(cursor, self.cursor)

    async def news(self, timeout: float | None) -> None:
        """Wait until the broadcast moves on or ticks (at least every ``feed.RECHECK``
        seconds while it runs), at most ``timeout`` seconds (None: no timer of its own)."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        if timeout is None:
            await waiter
            return
        timer = waiter.get_loop().call_later(timeout, _resolve, waiter)
        try:
            await waiter
        finally:
            timer.cancel()

    def advance(self, frames: list[Frame], cursor: int) -> None:
        self.frames.extend(frames)
        self._seqs.extend(f.seq for f in frames)
        if len(self.frames) > 2 * BUFFER:  # trim in chunks: slicing per event would cost more
            self.base = self._seqs[-BUFFER - 1]
            del self.frames[:-BUFFER], self._seqs[:-BUFFER]
        self.cursor = cursor
        self.tick()

    def tick(self) -> None:
        """Wake every waiting connection, a slice per turn of the event loop."""
        waiters, self._waiters = self._waiters, []
        if waiters:
            _wake(waiters, 0)


class Fanout:
    """The node's broadcasts, one per (subscriber, format) with at least one connection."""

    def __init__(self, engine: Engine, cache: EventCache, hub: Hub, group_reader: GroupReader) -> None:
        self.engine, self.cache, self.hub, self.group_reader = engine, cache, hub, group_reader
        self._broadcasts: dict[tuple[int, str], Broadcast] = {}

    def _join(self, subscriber_id: int, fmt: str) -> Broadcast:
        b = self._broadcasts.get((subscriber_id, fmt))
        if b is None or b.task is None or b.task.done():
            # A broadcast starts at the live edge; a connection behind it catches up alone.
            live = self.hub.latest
            b = self._broadcasts[(subscriber_id, fmt)] = Broadcast(subscriber_id, fmt, base=live, cursor=live)
            b.task = asyncio.create_task(self._run(b), name=f"fanout-{subscriber_id}-{fmt}")
        b.listeners += 1
        return b

    def _leave(self, b: Broadcast) -> None:
        b.listeners -= 1
        if b.listeners <= 0 and b.task is not None:
            b.task.cancel()
            if self._broadcasts.get((b.subscriber_id, b.fmt)) is b:
                del self._broadcasts[(b.subscriber_id, b.fmt)]

    async def _run(self, b: Broadcast) -> None:
        async def now() -> Reader | None:
            return await self.group_reader(b.subscriber_id)

        try:
            while True:
                reader = await now()
                if reader is None:
                    return  # disabled: every connection ends on its own key check
                try:
                    p = await feed.page(self.engine, self.cache, self.hub, reader, after=b.cursor, limit=CATCH_UP,
                                        wait=feed.RECHECK, current=now)
                    pictures = await pictures_for(self.engine, reader, [e.item for e in p.entries])
                except feed.Revoked:
                    return
                except Exception:  # a store hiccup must not end every stream of the subscriber
                    log.exception("fan-out read failed for subscriber %s", b.subscriber_id)
                    await asyncio.sleep(feed.RECHECK)
                    b.tick()
                    continue
                if p.next != b.cursor or p.entries:
                    b.advance([Frame(e.event.seq, feed.sse_event(e, b.fmt, pictures, reader.products), e)
                               for e in p.entries], p.next)
                else:
                    b.tick()  # nothing new: the connections still check their keys and heartbeats
        finally:
            b.tick()  # its connections see it ended

    async def stream(self, reader: Reader, *, after: int, fmt: str, heartbeat: float,
                     current: feed.CurrentReader, on_sent: feed.SentCallback | None = None,
                     signer_for: SignerFor | None = None,
                     generation: Callable[[], int] | None = None) -> AsyncIterator[bytes]:
        """SSE frames for one connection: the events after ``after`` it may read, heartbeats
        while idle; ends within a second or two once ``current`` says the key is gone.
        ``signer_for`` signs the frames' own rendition hrefs for this connection's key (the
        frames themselves are shared), renewed every ``SIGN_REFRESH`` seconds, so an href
        sent hours into a stream is valid as long as one sent at its start. With ``generation``
        (the subscriptions' :attr:`~newswire.delivery.reader.Subscriptions.generation`),
        ``current`` is asked again only when that has moved or ``feed.RECHECK`` seconds have
        passed, not at every wake."""
        yield b"retry: 2000\n\n"
        cursor = after
        b = self._join(reader.subscriber_id, fmt)
        loop = asyncio.get_running_loop()
        quiet_since = loop.time()
        signer, signed_at = (signer_for(reader) if signer_for else None), loop.time()
        own = signer.prefix.encode() if signer is not None else b""
        seen, checked = None, float("-inf")
        try:
            while True:
                stamp = generation() if generation is not None else None
                if stamp is None or stamp != seen or loop.time() - checked >= feed.RECHECK:
                    now_reader = await current()
                    if now_reader is None:
                        return
                    reader = now_reader
                    seen, checked = stamp, loop.time()
                if b.task is not None and b.task.done():  # the broadcast ended: start another
                    self._leave(b)
                    b = self._join(reader.subscriber_id, fmt)
                if signer is not None and loop.time() - signed_at > SIGN_REFRESH:
                    signer, signed_at = (signer_for(reader) if signer_for else None), loop.time()
                if not b.covers(cursor):  # behind the broadcast's buffer: catch up alone
                    p = await feed.page(self.engine, self.cache, self.hub, reader, after=cursor, limit=CATCH_UP,
                                        wait=0)
                    pictures = await pictures_for(self.engine, reader, [e.item for e in p.entries])
                    if p.entries:
                        chunk = b"".join(feed.sse_event(e, fmt, pictures, reader.products) for e in p.entries)
                        yield signer.body(chunk, fmt) if signer is not None else chunk
                        if on_sent is not None:
                            on_sent(p.entries)
                        quiet_since = loop.time()
                    elif p.next == cursor:
                        await b.news(feed.RECHECK)  # nothing more to read yet
                    cursor = p.next
                    continue
                frames, cursor = b.after(cursor)
                if frames:  # every frame it has not had, in one write
                    if signer is not None:
                        yield b"".join([self._signed(f, signer, own, fmt) for f in frames])
                    else:
                        yield frames[0].body if len(frames) == 1 else b"".join([f.body for f in frames])
                    if on_sent is not None:
                        on_sent([f.entry for f in frames])
                    quiet_since = loop.time()
                    continue
                idle = loop.time() - quiet_since
                if idle >= heartbeat:
                    yield b": heartbeat\n\n"
                    quiet_since, idle = loop.time(), 0.0
                # The broadcast ticks at least every RECHECK seconds: a timer of its own only
                # when the heartbeat is due sooner than that.
                due = heartbeat - idle
                await b.news(None if due > feed.RECHECK else max(0.0, due))
        finally:
            self._leave(b)

    @staticmethod
    def _signed(frame: Frame, signer: Signer, own: bytes, fmt: str) -> bytes:
        if frame.own_hrefs is None:
            frame.own_hrefs = own in frame.body
        return signer.body(frame.body, fmt) if frame.own_hrefs else frame.body

    async def close(self) -> None:
        for b in list(self._broadcasts.values()):
            if b.task is not None:
                b.task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await b.task
        self._broadcasts.clear()


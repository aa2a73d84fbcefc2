"""The bus across nodes: NATS JetStream wakes every node when any node commits an event.

:class:`NatsHub` is the in-process :class:`Hub` plus a NATS connection. After a commit,
``notify(seq)`` wakes local waiters at once and publishes the sequence to a JetStream
subject; each node reads that subject with its own ordered (ephemeral) consumer and wakes
its waiters. The message carries only a number: readers always read the events from the
store, so a lost, late or repeated message changes nothing but latency.

The store poller stays on as the safety net. While NATS is connected it runs slowly
(``healthy_poll``); the moment the connection drops it runs every ``interval`` seconds
(0.5 s in the app), so feeds and SSE keep going within that bounded delay. A supervisor
reconnects with backoff (capped at 2 s), re-declares the stream (a restarted broker may
have lost it) and resubscribes; ``healthy()`` tells ``/readyz`` how the bus is doing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from newswire.config import Settings
from newswire.delivery.bus import Hub
from newswire.ops.metrics import METRICS

log = logging.getLogger(__name__)


def hub_for(settings: Settings) -> Hub:
    """The bus the settings ask for: NATS JetStream for ``nats://`` URLs, else in-process."""
    if settings.bus_url:
        if not settings.bus_url.startswith(("nats://", "tls://")):
            raise ValueError(f"NEWSWIRE_BUS_URL must be a nats:// URL, not {settings.bus_url!r}")
        return NatsHub(settings.bus_url, stream=settings.bus_stream, subject=settings.bus_subject)
    return Hub()


class NatsHub(Hub):
    def __init__(self, url: str, *, stream: str = "NEWSWIRE", subject: str = "newswire.seq",
                 healthy_poll: float = 5.0, connect_timeout: float = 2.0, max_backoff: float = 2.0) -> None:
        super().__init__()
        self.url, self.stream, self.subject = url, stream, subject
        self.healthy_poll = healthy_poll
        self.connect_timeout = connect_timeout
        self.max_backoff = max_backoff
        self._nc: Any = None
        self._js: Any = None
        self._connected = False
        self._lost: asyncio.Event | None = None
        self._degraded: asyncio.Event | None = None
        self._send_wanted: asyncio.Event | None = None
        self._to_send = 0
        self._sent = 0
        self._tasks: list[asyncio.Task[None]] = []
        self.connects = 0  # how many times a connection was (re)established

    # -- the Hub interface -------------------------------------------------------

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        super().bind(loop)
        self._degraded = asyncio.Event()
        self._degraded.set()
        self._send_wanted = asyncio.Event()
        self._tasks = [loop.create_task(self._supervise()), loop.create_task(self._publish_loop())]

    def notify(self, seq: int) -> None:
        """Wake local waiters and tell the other nodes. Safe from any thread, never blocks."""
        super().notify(seq)
        self._in_loop(self._queue_send, seq)

    def healthy(self) -> bool:
        return self._connected and self._nc is not None and bool(self._nc.is_connected)

    async def _pause(self, interval: float) -> None:
        degraded = self._degraded
        if self.healthy() and degraded is not None:
            # Slow while NATS carries the news; back to `interval` the moment it drops.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(degraded.wait(), max(interval, self.healthy_poll))
        else:
            await asyncio.sleep(interval)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        await self._teardown()
        await super().close()

    # -- sending -------------------------------------------------------------------

    def _queue_send(self, seq: int) -> None:
        if seq > self._to_send:
            self._to_send = seq
        if self._send_wanted is not None:
            self._send_wanted.set()

    async def _publish_loop(self) -> None:
        """Coalesces: however many commits happened meanwhile, only the highest seq goes out."""
        assert self._send_wanted is not None
        while True:
            await self._send_wanted.wait()
            self._send_wanted.clear()
            seq = self._to_send
            if seq <= self._sent or not self.healthy():
                continue  # nothing new, or no broker: the other nodes' pollers will see it
            try:
                await self._js.publish(self.subject, str(seq).encode(), timeout=1.0)
                self._sent = seq
                METRICS.bus_messages.labels(direction="sent").inc()
            except Exception as exc:
                METRICS.bus_messages.labels(direction="send_failed").inc()
                log.info("bus publish of seq %s failed: %s", seq, exc.__class__.__name__)

    # -- receiving -------------------------------------------------------------------

    async def _on_message(self, msg: Any) -> None:
        METRICS.bus_messages.labels(direction="received").inc()
        try:
            seq = int(msg.data)
        except ValueError:
            log.warning("ignoring a bus message that is not a sequence: %r", msg.data[:50])
            return
        self._wake(seq)

    # -- the connection ----------------------------------------------------------------

    async def _supervise(self) -> None:
        backoff = 0.1
        while True:
            try:
                await self._connect()
                backoff = 0.1
                await self._watch()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("NATS bus at %s unavailable (%s: %s); readers fall back to polling the store",
                            self.url, exc.__class__.__name__, exc)
            await self._teardown()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, self.max_backoff)

    async def _connect(self) -> None:
        import nats
        from nats.js.api import DeliverPolicy, DiscardPolicy, StorageType
        from nats.js.errors import BadRequestError

        lost = self._lost = asyncio.Event()

        async def on_lost() -> None:
            lost.set()

        async def on_error(exc: Exception) -> None:
            log.info("NATS error: %s: %s", exc.__class__.__name__, exc)

        # No client-side reconnect: on any loss the supervisor rebuilds connection, stream and
        # consumer from scratch, so a broker that restarted empty is handled like any other.
        nc = await nats.connect(
            self.url, allow_reconnect=False, connect_timeout=int(max(1, self.connect_timeout)),
            ping_interval=2, max_outstanding_pings=2, disconnected_cb=on_lost, closed_cb=on_lost,
            error_cb=on_error, name="newswire")
        self._nc = nc
        js = nc.jetstream(timeout=2.0)
        try:
            await js.add_stream(name=self.stream, subjects=[self.subject], storage=StorageType.MEMORY,
                                max_msgs=10_000, max_age=600.0, discard=DiscardPolicy.OLD)
        except BadRequestError:  # it exists with another configuration: use it as it is
            await js.stream_info(self.stream)
        await js.subscribe(self.subject, stream=self.stream, cb=self._on_message, ordered_consumer=True,
                           deliver_policy=DeliverPolicy.NEW, idle_heartbeat=2.0)
        self._js = js
        self._connected = True
        self.connects += 1
        METRICS.bus_up.set(1)
        if self._degraded is not None:
            self._degraded.clear()
        log.info("NATS bus connected at %s (stream %s, subject %s)", self.url, self.stream, self.subject)
        # Whatever was committed while the broker was away: announce the head once more.
        self._sent = 0
        self._queue_send(self.latest)

    async def _watch(self) -> None:
        lost = self._lost
        assert lost is not None
        while not lost.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lost.wait(), 1.0)
            if self._nc is None or not self._nc.is_connected:
                break
        log.warning("NATS bus connection lost; polling the store until it returns")

    async def _teardown(self) -> None:
        self._connected = False
        METRICS.bus_up.set(0)
        if self._degraded is not None:
            self._degraded.set()
        nc, self._nc, self._js = self._nc, None, None
        if nc is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(nc.close(), 2.0)

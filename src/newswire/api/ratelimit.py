"""Per-subscriber rate limits, shared by every process and node, with ``RateLimit`` headers.

One token bucket per subscriber (all its keys together): ``limit`` tokens, refilled at
``limit`` a minute. It lives in Redis when ``NEWSWIRE_REDIS_URL`` is set (one Lua script
decides each request atomically) and in the store otherwise (each process leases a few
tokens at a time, see ``store.ratelimit``). If Redis does not answer, the store decides.

Headers follow the IETF httpapi draft as widely deployed: ``RateLimit-Limit``,
``RateLimit-Remaining``, ``RateLimit-Reset`` (seconds) and ``RateLimit-Policy``; over the
limit the answer is 429 with ``Retry-After``.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newswire.store import ratelimit as buckets
from newswire.store.ratelimit import WINDOW, seconds_for

if TYPE_CHECKING:
    from newswire.config import Settings

log = logging.getLogger(__name__)

LEASE_SECONDS = 1.0  # a process spends leased tokens within this, or gives them back


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: int
    retry_after: int

    def headers(self) -> dict[str, str]:
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
            "RateLimit-Policy": f"{self.limit};w={int(WINDOW)}",
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after)
        return headers


def verdict(allowed: bool, limit: int, left: float) -> Verdict:
    """The verdict when ``left`` tokens remain in the bucket after this request."""
    remaining = max(0, min(limit, int(left)))
    retry = 0 if allowed else max(1, seconds_for(1.0 - left, limit))
    return Verdict(allowed, limit, remaining, seconds_for(limit - left, limit), retry)


class Limiter(Protocol):
    async def acquire(self, subject: str, limit: int) -> Verdict: ...

    async def close(self) -> None: ...


@dataclass
class _Held:
    tokens: int  # leased and not yet spent
    expires: float  # monotonic
    shared_left: float  # what the bucket held after the lease


class StoreRateLimiter:
    """Spends tokens leased from the store's bucket; leases again when out.

    Hot path: no store access while this process holds tokens for the subscriber. A lease
    takes ``lease_size(limit)`` tokens (2% of the limit, at most ``lease_max``) and is valid
    for ``LEASE_SECONDS``; tokens left when it expires go back to the bucket with the next
    lease. So the processes together hold at most ``processes x (lease_size - 1)`` tokens
    nobody spends (the under-use), and a token is spent at most ``LEASE_SECONDS`` after it
    left the bucket (so a window of W seconds allows at most limit + rate x (W + 1 s)).
    """

    def __init__(self, engine: Engine, *, lease_max: int = 20, lease_seconds: float = LEASE_SECONDS) -> None:
        self.engine = engine
        self.lease_max = lease_max
        self.lease_seconds = lease_seconds
        self._held: dict[str, _Held] = {}
        self._lock = threading.Lock()  # guards _held; never held across store access
        self._leasing: dict[str, threading.Lock] = {}
        # subject -> (monotonic time the bucket may hold a token again, what it held): a
        # refused subscriber is refused from memory until then, with no store write per 429
        self._empty: dict[str, tuple[float, float]] = {}

    def spend_held(self, subject: str, limit: int) -> Verdict | None:
        """Spend a held token, if this process has one for ``subject``, or refuse while the
        bucket was last seen empty (no I/O either way)."""
        with self._lock:
            empty = self._empty.get(subject)
            if empty is not None:
                if empty[0] > time.monotonic():
                    return verdict(False, limit, empty[1])
                del self._empty[subject]
            held = self._held.get(subject)
            if held is None or held.tokens <= 0 or held.expires <= time.monotonic():
                return None
            held.tokens -= 1
            return verdict(True, limit, held.shared_left + held.tokens)

    def check(self, subject: str, limit: int) -> Verdict:
        """Spend a held token or lease more (blocking: one short store transaction)."""
        with self._lock:
            leasing = self._leasing.setdefault(subject, threading.Lock())
        with leasing:  # one lease per subscriber at a time in this process
            spent = self.spend_held(subject, limit)
            if spent is not None:
                return spent
            with self._lock:
                old = self._held.pop(subject, None)
            give_back = old.tokens if old is not None else 0
            got = buckets.lease(self.engine, subject, limit, buckets.lease_size(limit, self.lease_max),
                                give_back=give_back)
            if got.granted == 0:
                refused = verdict(False, limit, got.left)
                with self._lock:
                    self._empty[subject] = (time.monotonic() + refused.retry_after * 0.5, got.left)
                return refused
            with self._lock:
                self._held[subject] = _Held(got.granted - 1, time.monotonic() + self.lease_seconds, got.left)
            return verdict(True, limit, got.left + got.granted - 1)

    async def acquire(self, subject: str, limit: int) -> Verdict:
        held = self.spend_held(subject, limit)
        return held if held is not None else await run_in_threadpool(self.check, subject, limit)

    async def close(self) -> None:
        return None


# KEYS[1]: the bucket; ARGV: limit, window (s). Returns {allowed, tokens left}. Redis's own
# clock, so the nodes' clocks do not matter; the key expires once the bucket would be full.
_BUCKET_LUA = """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'stamp')
local tokens = tonumber(state[1])
local stamp = tonumber(state[2])
if tokens == nil or stamp == nil then
  tokens = limit
  stamp = now
end
tokens = math.min(limit, tokens + math.max(0, now - stamp) * limit / window)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'stamp', tostring(math.max(now, stamp)))
redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000) + 1000)
return {allowed, tostring(tokens)}
"""


class RedisRateLimiter:
    """One atomic script call per request; the store decides while Redis does not answer."""

    def __init__(self, url: str, prefix: str, fallback: StoreRateLimiter) -> None:
        self.url = url
        self.prefix = prefix
        self.fallback = fallback
        self._client: Any = None
        self._script: Any = None
        self._warned = 0.0

    def _bucket(self) -> Any:
        if self._script is None:
            import redis.asyncio as aioredis

            self._client = aioredis.Redis.from_url(self.url, socket_timeout=0.5, socket_connect_timeout=0.5)
            self._script = self._client.register_script(_BUCKET_LUA)
        return self._script

    async def acquire(self, subject: str, limit: int) -> Verdict:
        from redis.exceptions import RedisError

        try:
            allowed, left = await self._bucket()(keys=[f"{self.prefix}ratelimit:{subject}"], args=[limit, WINDOW])
        except (RedisError, OSError):
            if time.monotonic() - self._warned > 60:
                self._warned = time.monotonic()
                log.warning("Redis at the configured NEWSWIRE_REDIS_URL does not answer: "
                            "rate limits are decided by the store", exc_info=True)
            return await self.fallback.acquire(subject, limit)
        return verdict(bool(int(allowed)), limit, float(left))

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = self._script = None


def make_rate_limiter(settings: Settings, engine: Engine) -> Limiter:
    store = StoreRateLimiter(engine, lease_max=settings.rate_limit_lease_max)
    if settings.redis_url:
        return RedisRateLimiter(settings.redis_url, settings.redis_prefix, store)
    return store


class RateLimitHeaders:
    """Adds the headers a request's rate-limit verdict left in ``scope['state']``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                verdict = scope.get("state", {}).get("ratelimit")
                if verdict is not None:
                    present = {name.lower() for name, _ in message.get("headers", [])}
                    extra = [(k.lower().encode(), v.encode()) for k, v in verdict.headers().items()
                             if k.lower().encode() not in present]
                    message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

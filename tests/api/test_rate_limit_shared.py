"""The rate limit is per subscriber and shared by every process and node of a deployment.

A subscriber with a limit of L requests a minute, holding two keys, sends 3L requests spread
over two processes of one node (``serve --workers 2``), over two nodes sharing one database
(a SQLite file, PostgreSQL), and over two nodes of two processes each sharing one Redis. In
every case at most L requests are allowed, plus what the bucket refills while the burst runs
(L/60 a second) — never N times L for N processes or N keys — and at least L minus the tokens
processes may hold leased from the store (``lease_size(L) - 1`` each).
"""

from __future__ import annotations

import math
import os
import socket
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from newswire.config import Settings
from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire
from resilience.resilience_cluster import Process, free_port, node_env

from conftest import only_in_long_suite

LIMIT = 300  # requests a minute: leases of 6 tokens, so the lease slack is exercised
REDIS_URL = os.environ.get("NEWSWIRE_TEST_REDIS", "redis://127.0.0.1:6379/0")


@dataclass
class Burst:
    allowed: int
    refused: int
    elapsed: float
    refusal: httpx.Response | None


def subscriber_with_two_keys(url: str, limit: int = LIMIT) -> list[str]:
    wire = Wire.open(Settings(database_url=url))
    try:
        accounts.create_product(wire.engine, "everything", {})
        sub = accounts.create_subscriber(wire.engine, "metered", ["everything"], rate_limit=limit)
        return [create_token(wire.engine, "subscriber", subscriber_id=sub.id) for _ in range(2)]
    finally:
        wire.close()


def burst(bases: list[str], keys: list[str], total: int) -> Burst:
    """``total`` requests, each on a fresh connection (so the kernel spreads them over a
    node's processes), cycling over every node and every key, eight at a time."""

    client = httpx.Client(timeout=30, limits=httpx.Limits(max_keepalive_connections=0))

    def one(i: int) -> httpx.Response:
        base, key = bases[i % len(bases)], keys[(i // len(bases)) % len(keys)]
        return client.get(f"{base}/v1/feed", params={"limit": "1"}, headers={"Authorization": f"Bearer {key}"})

    start = time.monotonic()
    with client, ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(total)))
    elapsed = time.monotonic() - start
    assert {a.status_code for a in answers} <= {200, 429}, {a.status_code for a in answers}
    refused = [a for a in answers if a.status_code == 429]
    return Burst(len(answers) - len(refused), len(refused), elapsed, refused[0] if refused else None)


def assert_shared_limit(result: Burst, processes: int, lease: int) -> None:
    refill = math.ceil((result.elapsed + 1.0) * LIMIT / 60)  # + the 1 s a lease stays valid
    print(f"\nallowed {result.allowed} of {LIMIT * 3} in {result.elapsed:.1f} s "
          f"(limit {LIMIT}, refill allowance {refill}, {processes} processes)")
    assert result.allowed <= LIMIT + refill
    assert result.allowed >= LIMIT - processes * (lease - 1)
    assert result.refusal is not None
    assert result.refusal.headers["ratelimit-limit"] == str(LIMIT)
    assert int(result.refusal.headers["retry-after"]) >= 1
    assert result.refusal.headers["content-type"].startswith("application/problem+json")


@contextmanager
def started(*nodes: Process) -> Iterator[list[str]]:
    try:
        for node in nodes:
            node.start(wait=False)
        for node in nodes:
            node.wait_ready(60)
        yield [node.url for node in nodes]
    finally:
        for node in nodes:
            node.stop()


def node(tmp: Path, name: str, env: dict[str, str], workers: int = 1) -> Process:
    port = free_port()
    return Process(["serve", "--port", str(port), "--workers", str(workers)], env, tmp / f"{name}.log", port=port)


def test_one_node_with_two_processes_allows_one_limit_per_subscriber(db_url: str, tmp_path: Path) -> None:
    only_in_long_suite(db_url, "postgresql")
    keys = subscriber_with_two_keys(db_url)
    env = node_env(db_url)
    with started(node(tmp_path, "node", env, workers=2)) as bases:
        assert_shared_limit(burst(bases, keys, 3 * LIMIT), processes=2, lease=6)


def test_two_nodes_on_one_database_allow_one_limit_per_subscriber(db_url: str, tmp_path: Path) -> None:
    only_in_long_suite(db_url, "sqlite")
    keys = subscriber_with_two_keys(db_url)
    env = node_env(db_url)
    with started(node(tmp_path, "a", env), node(tmp_path, "b", env)) as bases:
        assert_shared_limit(burst(bases, keys, 3 * LIMIT), processes=2, lease=6)


def _redis_skip() -> str | None:
    host, _, rest = REDIS_URL.split("//", 1)[1].partition(":")
    try:
        with socket.create_connection((host, int(rest.split("/")[0] or 6379)), timeout=1):
            return None
    except OSError as exc:
        return f"Redis at {REDIS_URL} is not reachable ({exc.__class__.__name__})"


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    reason = _redis_skip()
    if reason:
        pytest.skip(reason)
    import redis

    prefix = f"newswire-test-{uuid.uuid4().hex[:12]}:"
    client = redis.Redis.from_url(REDIS_URL)
    try:
        yield prefix
    finally:
        stale = list(client.scan_iter(match=prefix + "*"))
        if stale:
            client.delete(*stale)
        client.close()


@pytest.mark.long  # four server processes, ~30 s; the one-node and two-node variants run every time
def test_two_nodes_of_two_processes_share_one_limit_through_redis(tmp_path: Path, redis_prefix: str) -> None:
    import redis

    url = f"sqlite:///{tmp_path / 'wire.db'}"
    keys = subscriber_with_two_keys(url)
    env = node_env(url, NEWSWIRE_REDIS_URL=REDIS_URL, NEWSWIRE_REDIS_PREFIX=redis_prefix)
    with started(node(tmp_path, "a", env, workers=2), node(tmp_path, "b", env, workers=2)) as bases:
        # Redis decides every request: no leases, so no slack below the limit
        assert_shared_limit(burst(bases, keys, 3 * LIMIT), processes=4, lease=1)
    client = redis.Redis.from_url(REDIS_URL)
    try:
        buckets = [k.decode() for k in client.scan_iter(match=redis_prefix + "*")]
    finally:
        client.close()
    assert len(buckets) == 1 and buckets[0].startswith(redis_prefix + "ratelimit:")


# -- the limiters themselves, two of them standing for two processes -----------------------


def test_processes_leasing_from_one_store_bucket_never_get_more_than_it_holds(db_url: str) -> None:
    from newswire.api.ratelimit import StoreRateLimiter

    wire = Wire.open(Settings(database_url=db_url))
    try:
        processes = [StoreRateLimiter(wire.engine), StoreRateLimiter(wire.engine)]
        start = time.monotonic()
        verdicts = [processes[i % 2].check("subscriber:1", LIMIT) for i in range(2 * LIMIT)]
        elapsed = time.monotonic() - start
        allowed = sum(v.allowed for v in verdicts)
        assert LIMIT - 2 * 5 <= allowed <= LIMIT + math.ceil((elapsed + 1) * LIMIT / 60)
        assert verdicts[0].remaining == LIMIT - 1 and verdicts[0].limit == LIMIT
        refused = next(v for v in verdicts if not v.allowed)
        assert refused.remaining == 0 and refused.retry_after >= 1
        # another subscriber has a bucket of its own
        assert processes[0].check("subscriber:2", LIMIT).allowed
    finally:
        wire.close()


def test_tokens_a_process_leased_but_did_not_spend_go_back_to_the_bucket(db_url: str) -> None:
    from newswire.api.ratelimit import StoreRateLimiter
    from newswire.store.ratelimit import lease

    wire = Wire.open(Settings(database_url=db_url))
    try:
        lazy = StoreRateLimiter(wire.engine, lease_seconds=0.2)
        first = lazy.check("subscriber:9", LIMIT)  # leases 6, spends 1, holds 5
        assert first.allowed and first.remaining == LIMIT - 1
        assert lease(wire.engine, "subscriber:9", LIMIT, 10 * LIMIT).granted == LIMIT - 6  # others drain it
        time.sleep(0.3)  # the lease expired unspent: its 5 tokens go back with the next lease
        again = lazy.check("subscriber:9", LIMIT)
        assert again.allowed and again.remaining >= 5
    finally:
        wire.close()


def test_when_redis_does_not_answer_the_store_decides(db_url: str) -> None:
    import asyncio

    from newswire.api.ratelimit import RedisRateLimiter, StoreRateLimiter

    wire = Wire.open(Settings(database_url=db_url))
    try:
        limiter = RedisRateLimiter(f"redis://127.0.0.1:{free_port()}/0", "newswire-test-absent:",
                                   StoreRateLimiter(wire.engine))

        async def three() -> list[bool]:
            try:
                return [(await limiter.acquire("subscriber:1", 2)).allowed for _ in range(3)]
            finally:
                await limiter.close()

        assert asyncio.run(three()) == [True, True, False]
    finally:
        wire.close()


def test_a_refused_subscriber_is_refused_from_memory_without_a_store_write_per_request(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newswire.api import ratelimit
    from newswire.store import ratelimit as buckets

    leases = []
    real_lease = buckets.lease

    def counted(*args: object, **kwargs: object) -> object:
        leases.append(1)
        return real_lease(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ratelimit.buckets, "lease", counted)
    wire = Wire.open(Settings(database_url=db_url))
    try:
        limiter = ratelimit.StoreRateLimiter(wire.engine)
        verdicts = [limiter.check("subscriber:7", 2) for _ in range(200)]  # 2 a minute
        assert sum(v.allowed for v in verdicts) == 2
        assert all(v.retry_after >= 1 for v in verdicts if not v.allowed)
        assert len(leases) <= 3  # the leases that found tokens, and the first that found none
    finally:
        wire.close()

"""The public live ticker shares one read of the event log among all its connections, and
caps how many are open per process. Real uvicorn on loopback, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from newswire.site import routes

from conftest import LiveServer, open_wire, start_server
from sitekit import publish, story_doc

CLIENTS = 200


@pytest.fixture
def event_log_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every read of the event log the ticker makes (shared or a connection's own)."""
    calls: list[int] = []
    real = routes.events_after

    def counted(engine: Any, after: int, limit: int = 100) -> Any:
        calls.append(after)
        return real(engine, after, limit)

    monkeypatch.setattr(routes, "events_after", counted)
    return calls


async def _listen(client: httpx.AsyncClient, headline: str, connected: asyncio.Queue[None],
                  got: list[str]) -> None:
    async with client.stream("GET", "/live/headlines") as resp:
        assert resp.status_code == 200
        announced = False
        async for line in resp.aiter_lines():
            if not announced:
                announced = True
                await connected.put(None)
            if line.startswith("data: ") and json.loads(line[6:]).get("headline") == headline:
                got.append(headline)
                return


def test_many_ticker_connections_share_one_read_per_event(live: LiveServer, event_log_reads: list[int]) -> None:
    headline = "Shared ticker: port reopens to night traffic"
    got: list[str] = []

    async def scenario() -> None:
        limits = httpx.Limits(max_connections=CLIENTS + 10, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=live.url, limits=limits, timeout=httpx.Timeout(30.0)) as client:
            connected: asyncio.Queue[None] = asyncio.Queue()
            tasks = [asyncio.create_task(_listen(client, headline, connected, got)) for _ in range(CLIENTS)]
            for _ in range(CLIENTS):
                await asyncio.wait_for(connected.get(), 30)
            await asyncio.sleep(0.3)  # every stream is now waiting on the hub
            event_log_reads.clear()
            await asyncio.to_thread(publish, live.wire, story_doc("en", headline=headline))
            await asyncio.wait_for(asyncio.gather(*tasks), 60)

    asyncio.run(scenario())
    assert len(got) == CLIENTS  # every connection got the headline
    assert len(event_log_reads) == 1, event_log_reads  # from one read of the log


@pytest.fixture
def capped(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, max_ticker_connections=3)
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


def test_ticker_connections_are_capped_per_process(capped: LiveServer) -> None:
    async def scenario() -> None:
        async with httpx.AsyncClient(base_url=capped.url, timeout=httpx.Timeout(10.0)) as client:
            opened = []
            for _ in range(3):
                stream = client.stream("GET", "/live/headlines")
                resp = await stream.__aenter__()
                assert resp.status_code == 200
                opened.append(stream)
            refused = await client.get("/live/headlines")
            assert refused.status_code == 429
            assert refused.headers["content-type"].startswith("application/problem+json")
            assert int(refused.headers["retry-after"]) > 0
            problem = refused.json()
            assert problem["status"] == 429 and "3" in problem["detail"]
            await opened.pop().__aexit__(None, None, None)  # one leaves: its slot is free again
            deadline = time.monotonic() + 10
            while True:
                async with client.stream("GET", "/live/headlines") as again:
                    if again.status_code == 200:
                        break
                assert time.monotonic() < deadline, "the closed stream's slot was never given back"
                await asyncio.sleep(0.2)
            for stream in opened:
                await stream.__aexit__(None, None, None)

    asyncio.run(scenario())

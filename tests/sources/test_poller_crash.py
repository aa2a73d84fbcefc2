"""Crash: SIGKILL a `newswire worker` while it ingests a partner feed, start another, and
count: every partner item is on the wire exactly once (nothing lost, nothing twice)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feedserver import feed_server
from partner_feeds import rss
from sqlalchemy import func, select

from newswire.sources import store as sources_store
from newswire.sources.model import wire_uri
from newswire.store.tables import events

from conftest import only_in_long_suite, open_wire

ITEMS = 300
NEWSWIRE = Path(sys.executable).parent / "newswire"


def _counts(engine: object) -> tuple[int, int]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        total = conn.execute(select(func.count()).select_from(events)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(events.c.uri)))).scalar_one()
    return int(total), int(distinct)


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(NEWSWIRE), "worker"], env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)


@pytest.mark.timeout(300)
def test_sigkill_mid_poll_then_restart_loses_nothing_and_duplicates_nothing(db_url: str, tmp_path: Path) -> None:
    only_in_long_suite(db_url, "postgresql")
    wire = open_wire(db_url)
    with feed_server() as srv:
        body = rss(*((f"partner-{n}", f"Partner story {n}", f"<p>Body of story {n}.</p>") for n in range(ITEMS)))
        sources_store.add_source(wire.engine, "crashy", "rss", url=srv.put("/feed", body), interval=1)
        env = {**os.environ, "NEWSWIRE_DATABASE_URL": db_url, "NEWSWIRE_DATA_DIR": str(tmp_path),
               "NEWSWIRE_SOURCES_ALLOW_PRIVATE": "1", "NEWSWIRE_SOURCE_TIMEOUT_SECONDS": "2",
               "NEWSWIRE_SOURCE_LEASE_SECONDS": "3"}
        first = _worker(env, tmp_path / "worker.log")
        try:
            deadline = time.monotonic() + 120
            while _counts(wire.engine)[0] == 0:  # wait until it is mid-ingest
                assert time.monotonic() < deadline and first.poll() is None, (tmp_path / "worker.log").read_text()
                time.sleep(0.05)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        killed_at = _counts(wire.engine)[0]
        second = _worker(env, tmp_path / "worker.log")
        try:
            deadline = time.monotonic() + 200
            while _counts(wire.engine)[0] < ITEMS:
                assert time.monotonic() < deadline and second.poll() is None, (tmp_path / "worker.log").read_text()
                time.sleep(0.2)
            time.sleep(2.5)  # a few more polls: the feed is unchanged, nothing may be appended
        finally:
            second.terminate()
            second.wait(10)
    total, distinct = _counts(wire.engine)
    assert killed_at < ITEMS, "the kill came too late to be mid-poll"
    assert total == distinct == ITEMS
    for n in (0, ITEMS // 2, ITEMS - 1):
        assert sources_store.get_source(wire.engine, "crashy").name == "crashy"
        with wire.engine.connect() as conn:
            uri = wire_uri("crashy", f"partner-{n}")
            assert conn.execute(select(func.max(events.c.version)).where(events.c.uri == uri)).scalar_one() == 1
    wire.close()

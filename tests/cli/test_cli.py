"""The command line, run as a user would: a real process, a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factories import as_bytes, ninjs_story

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))


def run(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    return subprocess.run([NEWSWIRE, *args], env=env, capture_output=True, text=True, check=check, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "wire.db"


def test_token_create_prints_the_token_alone_on_stdout(db: Path) -> None:
    out = run(db, "token", "create", "--role", "editor").stdout
    assert out.startswith("nwe_") and out.count("\n") == 1
    assert run(db, "token", "revoke", out.strip()).returncode == 0
    assert run(db, "token", "revoke", out.strip(), check=False).returncode == 1
    assert run(db, "token", "create", "--role", "god", check=False).returncode == 2


def test_ingest_publishes_a_folder_reports_failures_and_exits_non_zero(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(as_bytes(ninjs_story("tr", uri="urn:cli:a")))
    (folder / "b.txt").write_text("Headline\nStandfirst\nANKARA\nBody one.\nBody two.\n")
    (folder / "c.xml").write_text("<nitf><broken>")
    (folder / "d.json").write_text("{not json")
    result = run(db, "ingest", str(folder), check=False)
    assert result.returncode == 1
    assert "published" in result.stderr and "c.xml" in result.stderr and "d.json" in result.stderr
    again = run(db, "ingest", "--public", str(folder / "a.json"))
    assert again.returncode == 0 and "unchanged" in again.stderr


def test_products_subscribers_keys_and_usage(db: Path, tmp_path: Path) -> None:
    run(db, "product", "create", "tr-sport", "--language", "tr", "--topic", "medtop:15000000", "--urgency", "1-5")
    shown = json.loads(run(db, "product", "show", "tr-sport").stdout)
    assert shown["filter"]["urgency"] == [1, 5] and shown["filter"]["languages"] == ["tr"]
    run(db, "subscriber", "create", "gazete", "--product", "tr-sport", "--rate-limit", "120")
    key = run(db, "key", "create", "gazete").stdout.strip()
    assert key.startswith("nwk_") and "\n" not in key
    assert json.loads(run(db, "subscriber", "show", "gazete").stdout)["rateLimit"] == 120
    assert run(db, "subscriber", "create", "x", "--product", "missing", check=False).returncode == 1
    report = tmp_path / "usage.csv"
    run(db, "usage", "report", "--month", "2026-11", "-o", str(report))
    assert report.read_text().startswith("time,subscriber,key_id,uri,version,channel")
    assert run(db, "usage", "report", "--month", "2026-13", check=False).returncode == 2


def test_db_upgrade_is_idempotent(db: Path) -> None:
    run(db, "db", "upgrade")
    run(db, "db", "upgrade")
    assert db.exists()

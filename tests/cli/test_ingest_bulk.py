"""``newswire ingest --jobs N``: a folder of stories enriched in N processes and stored in
batches, each story with its own version and event; killed half-way and run again, it stores
every story exactly once and does not enrich again what the first run stored."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from newswire.config import Settings
from newswire.store import items as store
from newswire.wire import Wire

from factories import as_bytes, ninjs_story

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))


def command(db: Path, *args: str) -> list[str]:
    return [NEWSWIRE, "ingest", *args]


def env(db: Path) -> dict[str, str]:
    return {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}


def count(summary: str, row: str) -> int:
    found = re.search(rf"{row}\s*│\s*(\d+)", summary)
    assert found, summary
    return int(found.group(1))


def stories(folder: Path, n: int) -> None:
    folder.mkdir()
    langs = ("en", "tr", "ru", "ar")
    for i in range(n):
        doc = ninjs_story(langs[i % 4], uri=f"urn:bulk:{i}", marker=f"story {i}")
        del doc["language"]  # the enrichment identifies it
        (folder / f"s{i:04d}.json").write_bytes(as_bytes(doc))


def log_of(db: Path) -> list[tuple[int, str, int]]:
    wire = Wire.open(Settings(database_url=f"sqlite:///{db}"))
    try:
        return [(e.seq, e.uri, e.version) for e, _ in store.events_after(wire.engine, 0, limit=100_000)]
    finally:
        wire.close()


def stored_so_far(db: Path) -> int:
    """Events the running import has stored, read without migrating: opening a Wire here would
    run the migrations while the import's own are under way (a race: "duplicate column")."""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.OperationalError:  # no file or no table yet
        return 0


def test_a_folder_is_imported_enriched_with_bad_files_reported(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    stories(folder, 40)
    (folder / "broken.json").write_text("{not json")
    (folder / "link.json").symlink_to(folder / "s0000.json")
    db = tmp_path / "wire.db"
    result = subprocess.run(command(db, "--jobs", "2", str(folder)), env=env(db), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 1  # one failed, one skipped
    assert (count(result.stderr, "published"), count(result.stderr, "failed"), count(result.stderr, "skipped")) \
        == (40, 1, 1)
    assert "broken.json" in result.stderr and "link.json: a symbolic link, not followed" in result.stderr
    log = log_of(db)
    assert [seq for seq, _, _ in log] == list(range(1, 41))
    assert sorted(uri for _, uri, _ in log) == sorted(f"urn:bulk:{i}" for i in range(40))
    wire = Wire.open(Settings(database_url=f"sqlite:///{db}"))
    try:
        item = store.get_item(wire.engine, "urn:bulk:1")
        assert item is not None and item.version == 1
        assert item.language == "tr"  # enriched by the workers
    finally:
        wire.close()


def test_an_import_killed_half_way_and_run_again_stores_each_story_once(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    total = 400
    stories(folder, total)
    db = tmp_path / "wire.db"
    first = subprocess.Popen(command(db, "--jobs", "2", str(folder)), env=env(db),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while True:  # until the first batches are stored, then kill it without warning
        assert first.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        if stored_so_far(db) >= 64:
            break
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    stored_first = len(log_of(db))
    assert 64 <= stored_first < total

    again = subprocess.run(command(db, "--jobs", "2", str(folder)), env=env(db), capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert count(again.stderr, "unchanged") == stored_first  # skipped by their hash, not enriched again
    assert count(again.stderr, "published") == total - stored_first
    log = log_of(db)
    assert [seq for seq, _, _ in log] == list(range(1, total + 1))  # no gap, nothing twice
    assert sorted(uri for _, uri, _ in log) == sorted(f"urn:bulk:{i}" for i in range(total))
    assert {version for _, _, version in log} == {1}

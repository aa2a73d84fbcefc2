"""``newswire ingest`` reads only regular files inside the folders it is given, and only up to
the body limit: a symbolic link planted in a drop folder must not publish a file from
elsewhere on the machine, and a huge file must not be read into memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from newswire.config import Settings
from newswire.store import items as store
from newswire.wire import Wire

from factories import as_bytes, ninjs_story

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))
STORY = "Private headline\nStandfirst of a file that is not a story\nANKARA\nBody one.\nBody two.\n"


def ingest(db: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSWIRE, "ingest", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200", **env})


def published(db: Path) -> set[str]:
    wire = Wire.open(Settings(database_url=f"sqlite:///{db}"))
    try:
        return {item.uri for item in store.iter_current_items(wire.engine)}
    finally:
        wire.close()


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.json").write_bytes(as_bytes(ninjs_story("en", uri="urn:cli:a")))
    return folder


def test_symlinks_in_a_folder_are_skipped_with_a_reason(tmp_path: Path, drop: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text(STORY)
    (outside / "story.json").write_bytes(as_bytes(ninjs_story("en", uri="urn:cli:outside")))
    (drop / "passwd.txt").symlink_to(outside / "secret.txt")
    (drop / "inside.json").symlink_to(drop / "a.json")  # even one that stays inside
    (drop / "linked-folder").symlink_to(outside, target_is_directory=True)
    db = tmp_path / "wire.db"
    result = ingest(db, str(drop))
    assert result.returncode == 1
    for name in ("passwd.txt", "inside.json", "linked-folder"):
        assert f"{name}: a symbolic link, not followed" in result.stderr, result.stderr
    assert published(db) == {"urn:cli:a"}


def test_a_symlink_named_on_the_command_line_is_skipped_too(tmp_path: Path, drop: Path) -> None:
    (tmp_path / "secret.txt").write_text(STORY)
    link = drop / "story.txt"
    link.symlink_to(tmp_path / "secret.txt")
    db = tmp_path / "wire.db"
    result = ingest(db, str(link), str(drop / "a.json"))
    assert result.returncode == 1 and "story.txt: a symbolic link, not followed" in result.stderr
    assert published(db) == {"urn:cli:a"}


def test_a_file_over_the_body_limit_is_refused_with_a_reason(tmp_path: Path, drop: Path) -> None:
    big = drop / "big.txt"
    big.write_text(STORY + "Another long paragraph of the body.\n" * 200)  # ~7 KB
    db = tmp_path / "wire.db"
    result = ingest(db, str(drop), NEWSWIRE_MAX_BODY_BYTES="4096")
    assert result.returncode == 1
    assert f"big.txt: {big.stat().st_size} bytes, over the 4096-byte limit" in result.stderr, result.stderr
    assert published(db) == {"urn:cli:a"}


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    from newswire.cli import IngestRefused, read_story

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: 4 GiB on paper, nothing on disk
        f.truncate(4 * 1024**3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(IngestRefused, match="over the 1024-byte limit"):
        read_story(huge, tmp_path, 1024)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KiB
    small = tmp_path / "small.txt"
    small.write_text("x" * 1024)
    assert read_story(small, tmp_path, 1024) == b"x" * 1024
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(IngestRefused, match="not a regular file"):
        read_story(fifo, None, 1024)  # refused at once, not blocked waiting for a writer

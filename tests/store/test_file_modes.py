"""The SQLite database holds embargoed stories and key hashes: only its owner may read it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswire.config import Settings
from newswire.wire import Wire

from factories import as_bytes, ninjs_story


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The usual 022 umask, under which files are world-readable unless created otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_and_its_wal_and_shm_files_are_private_after_a_publish(tmp_path: Path, lax_umask: None) -> None:
    db = tmp_path / "data" / "wire.db"  # the folder does not exist yet: newswire creates it
    wire = Wire.open(Settings(database_url=f"sqlite:///{db}"))
    try:
        assert wire.ingest(as_bytes(ninjs_story("en", uri="urn:modes:1"))).created
        files = [db, db.with_name("wire.db-wal"), db.with_name("wire.db-shm")]
        assert all(f.exists() for f in files)  # the engine is open: WAL mode keeps both
        assert {f.name: oct(mode(f)) for f in files} == {f.name: oct(0o600) for f in files}
        assert oct(mode(db.parent)) == oct(0o700)
    finally:
        wire.close()


def test_an_existing_folder_keeps_its_mode_and_the_new_database_is_still_private(
        tmp_path: Path, lax_umask: None) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    db = folder / "wire.db"
    wire = Wire.open(Settings(database_url=f"sqlite:///{db}"))
    try:
        wire.ingest(as_bytes(ninjs_story("en", uri="urn:modes:2")))
        assert oct(mode(folder)) == oct(0o755)  # not newswire's to change
        assert mode(db) == 0o600 and mode(db.with_name("wire.db-wal")) == 0o600
    finally:
        wire.close()

"""Large model tables are read from a file every process maps (issue 16: one copy per machine,
not per worker), identical to the table they were made from, and never from a damaged file."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from newswire.enrich import mapped


def _table() -> array[int]:
    return array("I", (i * 7919 % 104_583 for i in range(50_000)))


def test_the_mapped_table_reads_the_same_values_and_is_written_once(tmp_path: Path) -> None:
    table = _table()
    first = mapped.shared(table, "t", tmp_path)
    assert isinstance(first, memoryview)
    assert list(first) == list(table)
    (written,) = tmp_path.iterdir()
    stamp = written.stat().st_mtime_ns
    second = mapped.shared(table, "t", tmp_path)  # another process: maps the same file
    assert list(second) == list(table)
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    assert written.stat().st_mtime_ns == stamp


def test_a_damaged_file_is_rewritten_not_used(tmp_path: Path) -> None:
    table = _table()
    mapped.shared(table, "t", tmp_path)
    (written,) = tmp_path.iterdir()
    data = bytearray(written.read_bytes())
    data[100:104] = b"\xff\xff\xff\xff"
    written.write_bytes(bytes(data))
    assert list(mapped.shared(table, "t", tmp_path)) == list(table)
    written.write_bytes(b"\x00" * 12)  # cut short
    assert list(mapped.shared(table, "t", tmp_path)) == list(table)


def test_without_a_usable_directory_the_table_stays_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    table = _table()
    assert mapped.shared(table, "t", blocker / "cache") is table


def test_the_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSWIRE_CACHE_DIR", str(tmp_path / "c"))
    assert mapped.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("NEWSWIRE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert mapped.cache_dir() == tmp_path / "xdg" / "newswire"


def test_the_language_model_reads_its_transitions_from_the_mapped_file() -> None:
    from newswire.enrich.language import _identifier

    assert isinstance(_identifier().tk_nextmove, memoryview)

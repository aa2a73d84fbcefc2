"""Large read-only tables held once per machine, not once per process.

A model's biggest table (the language identifier's 39 MB of byte transitions) is written
once to a file in the cache directory and every process maps that file read-only: the pages
are the kernel's page cache, shared by every worker of every server on the machine, read
from disk only when a lookup first touches them, and dropped (not swapped) under memory
pressure. A freshly started server has touched almost none of them; one that has read stories
in many languages has touched about half, which it then shares with its sibling workers.

The file is named by the BLAKE2 digest of the table and checked against that digest before
it is mapped, so a partly written or altered file is rewritten, never used. The directory is
``NEWSWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/newswire``, else ``~/.cache/newswire``; it must
belong to the user running the server. Where it cannot be had, the table stays in the
process's memory, as before.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
from array import array
from collections.abc import Sequence
from pathlib import Path

from newswire.cachefiles import cache_dir, owned, write_whole

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


def _digest_of_file(path: Path) -> str:
    h = hashlib.blake2b(digest_size=20)
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def shared(table: array[int], name: str, directory: Path | None = None) -> Sequence[int]:
    """The same values as ``table``, read from a file mapped into memory and shared with every
    other process that maps it; ``table`` itself when no usable cache directory exists."""
    directory = directory or cache_dir()
    try:
        if not owned(directory):
            log.warning("%s belongs to another user; the %s table stays in memory", directory, name)
            return table
        with memoryview(table) as view, view.cast("B") as data:
            digest = hashlib.blake2b(data, digest_size=20).hexdigest()
            path = directory / f"{name}-{digest}.{table.typecode}{table.itemsize}"
            if not path.exists() or _digest_of_file(path) != digest:
                write_whole(path, data)
                if _digest_of_file(path) != digest:
                    return table
        with path.open("rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:
        log.warning("the %s table stays in memory: %s", name, exc)
        return table
    values: memoryview[int] = memoryview(mapped).cast(table.typecode)  # type: ignore[arg-type, assignment]
    if len(values) != len(table):  # replaced between the check and the mapping
        values.release()
        mapped.close()
        return table
    return values

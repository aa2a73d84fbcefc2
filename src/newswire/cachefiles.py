"""Files a process derives once and every later process on the machine reads instead of
deriving again (the language model's shared table, the built GeoNames index).

The directory is ``NEWSWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/newswire``, else
``~/.cache/newswire``; it must belong to the user running the server, or nothing is cached.
A file is written whole under a temporary name and renamed, so a process reading it at the
same moment sees the old file or the new one, never part of one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def cache_dir() -> Path:
    configured = os.environ.get("NEWSWIRE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newswire"


def owned(directory: Path) -> bool:
    """Make ``directory`` (private) if needed; True if it belongs to this user (raises OSError
    when it cannot be made)."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory.stat().st_uid == os.getuid()


def write_whole(path: Path, data: bytes | memoryview) -> None:
    """``data`` at ``path``, whole or not at all."""
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        with draft.open("xb") as out:
            out.write(data)
        os.replace(draft, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            draft.unlink()

"""The one way the build scripts write a generated file, or check that the shipped one is current."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, *, check: bool, script: str) -> int:
    """With ``check``: 0 when ``path`` holds ``text``, else 1 and a line on stderr naming the
    script that rebuilds it. Without: write ``text`` to ``path`` and return 0."""
    if check:
        current = path.read_text("utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date: run {script}", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return 0

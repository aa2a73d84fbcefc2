"""A watched drop folder (how agencies still receive FTP/SFTP deliveries).

A file is ingested once it is complete: its size and modification time are the same at two
polls in a row, and its name does not end in a transfer suffix (``.tmp``, ``.part``,
``.filepart``, ``.partial``, ``.crdownload``) nor start with a dot; an uploader that renames
``story.xml.tmp`` to ``story.xml`` when done is therefore ingested at the next polls. Then
the file moves to ``done/``, or to ``failed/`` with ``<name>.reason`` beside it saying why.

A node killed between publishing a file and moving it leaves the file in place; the next
poll ingests it again and the store appends nothing (same content, same uri).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newswire import formats
from newswire.formats.errors import FormatError
from newswire.sources.feeds import FeedError, Parsed, parse_g2_feed, parse_ninjs_feed, parse_syndication
from newswire.sources.ingest import Outcome, ingest_items
from newswire.sources.model import PartnerItem, Source
from newswire.wire import Wire

TRANSFER_SUFFIXES = (".tmp", ".part", ".filepart", ".partial", ".crdownload")
DONE = "done"
FAILED = "failed"


@dataclass
class FolderResult:
    state: dict[str, Any]
    outcome: Outcome
    done: list[str]
    failed: list[str]


def candidates(folder: Path) -> dict[str, list[float]]:
    """Files that may be stories: name -> [size, mtime]."""
    found: dict[str, list[float]] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.lower().endswith(TRANSFER_SUFFIXES) or name.endswith(".reason"):
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found[name] = [st.st_size, st.st_mtime]
    return found


def parse_file(data: bytes) -> Parsed:
    """A dropped file: ninjs (one or many), NewsML-G2 (item or message), NITF, RSS/Atom or wire text."""
    kind = formats.sniff(data)
    if kind == "ninjs":
        return parse_ninjs_feed(data)
    if kind == "newsml":
        head = data[:4096]
        if b"<rss" in head or b"<feed" in head:
            return parse_syndication(data)
        if b"newsMessage" in head or b"newsItem" in head:
            return parse_g2_feed(data)
    item = formats.parse(data, kind)  # NITF or wire text
    return Parsed([PartnerItem(item.uri, item)], [])


def poll_folder(wire: Wire, source: Source, state: dict[str, Any], *, max_bytes: int,
                max_items: int, keep_alive: Callable[[], None] | None = None) -> FolderResult:
    folder = Path(source.path or "")
    if not folder.is_dir():
        raise FeedError(f"{folder} is not a folder (or cannot be read)")
    seen = candidates(folder)
    before: dict[str, list[float]] = state.get("files", {})
    outcome = Outcome()
    done: list[str] = []
    failed: list[str] = []
    for name, stat in sorted(seen.items()):
        if before.get(name) != stat:
            continue  # new or still growing: look again at the next poll
        path = folder / name
        try:
            if stat[0] > max_bytes:
                raise FeedError(f"the file is {int(stat[0])} bytes; the limit is {max_bytes}")
            parsed = parse_file(path.read_bytes())
            if not parsed.items:
                raise FeedError("; ".join(parsed.errors) or "the file holds no item")
            if len(parsed.items) > max_items:
                raise FeedError(f"the file holds {len(parsed.items)} items; the limit is {max_items}")
            result = ingest_items(wire, source, parsed.items, keep_alive=keep_alive)
        except (FeedError, FormatError, OSError, UnicodeError) as exc:
            reason = exc.detail if isinstance(exc, FeedError) else str(exc)
            _move(path, folder / FAILED, reason)
            failed.append(name)
            outcome.errors.append(f"{name}: {reason}")
            continue
        for key in ("published", "updated", "unchanged", "held", "skipped"):
            setattr(outcome, key, getattr(outcome, key) + getattr(result, key))
        outcome.errors.extend(f"{name}: {e}" for e in result.errors + parsed.errors)
        _move(path, folder / DONE, None)
        done.append(name)
    remaining = {n: s for n, s in seen.items() if n not in done and n not in failed}
    return FolderResult({"files": remaining}, outcome, done, failed)


def _move(path: Path, target_dir: Path, reason: str | None) -> None:
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    n = 1
    while target.exists():
        target = target_dir / f"{path.stem}.{n}{path.suffix}"
        n += 1
    os.replace(path, target)
    if reason is not None:
        (target_dir / (target.name + ".reason")).write_text(reason.rstrip() + "\n", encoding="utf-8")



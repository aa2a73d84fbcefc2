"""The media rows: originals (assets), their renditions, and which original a version shows.

An asset is written in the same transaction as the picture's version (``record``, run by
``store.publish`` through its ``prepare`` hook), so there is never an item without its
original's row, nor a row without its item. The worker leases pending assets with a
conditional UPDATE, like webhook deliveries: any number of workers can run, and one killed
mid-rendition frees its asset when the lease runs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from newswire.model import utcnow
from newswire.store.engine import read_tx, write_tx
from newswire.store.tables import media_assets, media_renditions, media_versions

MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Asset:
    sha256: str
    content_type: str
    width: int
    height: int
    size: int
    state: str = "pending"


@dataclass(frozen=True, slots=True)
class Made:
    name: str
    blob: str
    content_type: str
    width: int
    height: int
    size: int


def record(conn: Connection, uri: str, version: int, asset: Asset) -> None:
    """In the publish transaction: the asset (once per original) and the version's link to it."""
    known = conn.execute(select(media_assets.c.sha256).where(media_assets.c.sha256 == asset.sha256)).first()
    if known is None:
        conn.execute(insert(media_assets).values(
            sha256=asset.sha256, content_type=asset.content_type, width=asset.width, height=asset.height,
            size=asset.size, state="pending", attempts=0, created_at=utcnow()))
    conn.execute(insert(media_versions).values(uri=uri, version=version, sha256=asset.sha256))


def known(engine: Engine, sha256: str) -> bool:
    with read_tx(engine) as conn:
        return conn.execute(select(media_assets.c.sha256).where(media_assets.c.sha256 == sha256)).first() is not None


def shown_by(engine: Engine, uri: str, version: int) -> Asset | None:
    """The original a version shows: its own upload's, or (a version stored without one, such
    as a withhold posted as ninjs) the latest earlier upload's."""
    with read_tx(engine) as conn:
        row = conn.execute(
            select(media_assets).join(media_versions, media_versions.c.sha256 == media_assets.c.sha256)
            .where(media_versions.c.uri == uri, media_versions.c.version <= version)
            .order_by(media_versions.c.version.desc()).limit(1)
        ).mappings().first()
    if row is None:
        return None
    return Asset(row["sha256"], row["content_type"], row["width"], row["height"], row["size"], row["state"])


def made(engine: Engine, sha256: str, name: str) -> Made | None:
    with read_tx(engine) as conn:
        row = conn.execute(select(media_renditions).where(
            media_renditions.c.sha256 == sha256, media_renditions.c.name == name)).mappings().first()
    if row is None:
        return None
    return Made(row["name"], row["blob"], row["content_type"], row["width"], row["height"], row["size"])


def remember(engine: Engine, sha256: str, made_: Made) -> Made:
    """Keep a file made from the original (the agency's signed copy of a rendition,
    ``media.provenance_sign``) unless one is kept under that name already: the one kept."""
    try:
        with write_tx(engine) as conn:
            conn.execute(insert(media_renditions).values(
                sha256=sha256, name=made_.name, blob=made_.blob, content_type=made_.content_type,
                width=made_.width, height=made_.height, size=made_.size))
    except IntegrityError:
        pass
    kept = made(engine, sha256, made_.name)
    assert kept is not None
    return kept


def claim(engine: Engine, lease: timedelta, now: datetime | None = None) -> Asset | None:
    """One pending asset, leased to this worker until ``now + lease``; None when none is due."""
    now = now or utcnow()
    due = and_(media_assets.c.state == "pending",
               or_(media_assets.c.locked_until.is_(None), media_assets.c.locked_until <= now))
    with read_tx(engine) as conn:
        candidates = conn.execute(select(media_assets).where(due).order_by(media_assets.c.created_at).limit(5)
                                  ).mappings().all()
    for row in candidates:
        with write_tx(engine) as conn:
            taken = conn.execute(update(media_assets).where(due, media_assets.c.sha256 == row["sha256"])
                                 .values(locked_until=now + lease, attempts=media_assets.c.attempts + 1)).rowcount
        if taken:
            return Asset(row["sha256"], row["content_type"], row["width"], row["height"], row["size"])
    return None


def finish(engine: Engine, sha256: str, renditions: list[Made]) -> None:
    with write_tx(engine) as conn:
        have = set(conn.execute(select(media_renditions.c.name).where(media_renditions.c.sha256 == sha256)).scalars())
        rows = [{"sha256": sha256, "name": m.name, "blob": m.blob, "content_type": m.content_type,
                 "width": m.width, "height": m.height, "size": m.size} for m in renditions if m.name not in have]
        if rows:
            conn.execute(insert(media_renditions), rows)
        conn.execute(update(media_assets).where(media_assets.c.sha256 == sha256)
                     .values(state="done", locked_until=None, error=None))


def fail(engine: Engine, sha256: str, error: str, retry_in: timedelta, now: datetime | None = None) -> None:
    """A failed attempt: retried after ``retry_in``, given up (``failed``) after MAX_ATTEMPTS."""
    now = now or utcnow()
    with write_tx(engine) as conn:
        attempts = conn.execute(select(media_assets.c.attempts).where(media_assets.c.sha256 == sha256)).scalar()
        final = (attempts or 0) >= MAX_ATTEMPTS
        conn.execute(update(media_assets).where(media_assets.c.sha256 == sha256).values(
            state="failed" if final else "pending", locked_until=None if final else now + retry_in,
            error=error[:2000]))

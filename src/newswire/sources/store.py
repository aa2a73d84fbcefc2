"""The sources' rows: declarations, the polling lease, validators, health figures, the
partner items seen and the items held for the desk."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, RowMapping, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from newswire.model import utcnow
from newswire.sources.model import Source, SourceError, check_declaration, guid_hash
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import held, items, source_items, sources, versions


@dataclass(frozen=True, slots=True)
class PollState:
    """What a poll needs besides the declaration: validators, failures, folder state."""

    source: Source
    etag: str | None
    last_modified: str | None
    failures: int
    state: dict[str, Any]
    credentials: str | None  # sealed


def _source(row: RowMapping) -> Source:
    return Source(
        name=row["name"], kind=row["kind"], url=row["url"], path=row["path"],
        interval_seconds=row["interval_seconds"], language=row["language"], hold=bool(row["hold"]),
        paused=bool(row["paused"]), created_at=as_utc(row["created_at"]) or utcnow(),
        has_credentials=row["credentials"] is not None,
    )


def add_source(engine: Engine, name: str, kind: str, *, url: str | None = None, path: str | None = None,
               interval: int | None = None, language: str | None = None, hold: bool = False,
               credentials: str | None = None, now: datetime | None = None) -> Source:
    """Declare a source (``credentials`` already sealed); polled at once."""
    seconds = check_declaration(name, kind, url, path, interval, language, credentials=credentials is not None)
    now = now or utcnow()
    try:
        with write_tx(engine) as conn:
            if conn.execute(select(sources.c.name).where(sources.c.name == name)).first():
                raise SourceError(f"A source named {name} exists.", status=409)
            conn.execute(insert(sources).values(
                name=name, kind=kind, url=url, path=path, interval_seconds=seconds, language=language,
                hold=hold, paused=False, credentials=credentials, created_at=now, next_poll_at=now,
                failures=0,
            ))
    except IntegrityError as exc:
        raise SourceError(f"A source named {name} exists.", status=409) from exc
    return get_source(engine, name)


def get_source(engine: Engine, name: str) -> Source:
    with read_tx(engine) as conn:
        row = conn.execute(select(sources).where(sources.c.name == name)).mappings().first()
    if row is None:
        raise SourceError(f"No source named {name}.", status=404)
    return _source(row)


def list_sources(engine: Engine) -> list[Source]:
    with read_tx(engine) as conn:
        return [_source(r) for r in conn.execute(select(sources).order_by(sources.c.name)).mappings()]


def set_paused(engine: Engine, name: str, paused: bool, now: datetime | None = None) -> Source:
    values: dict[str, Any] = {"paused": paused}
    if not paused:
        values["next_poll_at"] = now or utcnow()
        values["failures"] = 0
    with write_tx(engine) as conn:
        if conn.execute(update(sources).where(sources.c.name == name).values(**values)).rowcount != 1:
            raise SourceError(f"No source named {name}.", status=404)
    return get_source(engine, name)


def remove_source(engine: Engine, name: str) -> None:
    """Forget the declaration and its items' mapping; what was published stays on the wire."""
    with write_tx(engine) as conn:
        if conn.execute(delete(sources).where(sources.c.name == name)).rowcount != 1:
            raise SourceError(f"No source named {name}.", status=404)
        conn.execute(delete(source_items).where(source_items.c.source == name))


# -- the polling lease ---------------------------------------------------------------------

def claim_due(engine: Engine, owner: str, now: datetime, lease: timedelta, limit: int = 20) -> list[PollState]:
    """Sources due for a poll whose lease this node took.

    The lease (``leased_until``) is taken with a conditional UPDATE: of any number of nodes
    asking at once, exactly one sees its UPDATE match; a node killed mid-poll leaves the
    source to the others once the lease expires.
    """
    free = or_(sources.c.leased_until.is_(None), sources.c.leased_until < now)
    with read_tx(engine) as conn:
        names = list(conn.execute(
            select(sources.c.name).where(and_(sources.c.paused.is_(False), sources.c.next_poll_at <= now, free))
            .order_by(sources.c.next_poll_at).limit(limit)).scalars())
    claimed: list[PollState] = []
    for name in names:
        with write_tx(engine) as conn:
            taken = conn.execute(update(sources).where(and_(
                sources.c.name == name, sources.c.paused.is_(False), sources.c.next_poll_at <= now, free,
            )).values(lease_owner=owner, leased_until=now + lease)).rowcount
            if taken != 1:
                continue
            row = conn.execute(select(sources).where(sources.c.name == name)).mappings().one()
        claimed.append(PollState(
            source=_source(row), etag=row["etag"], last_modified=row["last_modified"],
            failures=row["failures"], state=json.loads(row["state"] or "{}"), credentials=row["credentials"],
        ))
    return claimed


def finish_poll(engine: Engine, name: str, owner: str, *, now: datetime, next_poll_at: datetime,
                ok: bool, error: str | None = None, etag: str | None = None, last_modified: str | None = None,
                state: dict[str, Any] | None = None, keep_validators: bool = False) -> bool:
    """Record a poll's outcome and release the lease (only if this node still holds it).

    ``error`` may be set on a successful poll too (a feed cut off at the item limit).
    """
    values: dict[str, Any] = {"lease_owner": None, "leased_until": None, "next_poll_at": next_poll_at}
    if ok:
        values.update(failures=0, last_success_at=now)
        if not keep_validators:
            values.update(etag=etag, last_modified=last_modified)
    else:
        values["failures"] = sources.c.failures + 1
    if error is not None:
        values.update(last_error=error[:2000], last_error_at=now)
    if state is not None:
        values["state"] = json.dumps(state)
    with write_tx(engine) as conn:
        done = conn.execute(update(sources).where(and_(
            sources.c.name == name, sources.c.lease_owner == owner)).values(**values)).rowcount
    return done == 1


def renew_lease(engine: Engine, name: str, owner: str, lease: timedelta, now: datetime | None = None) -> bool:
    """Extend this node's lease while a long poll runs; False when another node holds it now."""
    with write_tx(engine) as conn:
        return conn.execute(update(sources).where(and_(sources.c.name == name, sources.c.lease_owner == owner))
                            .values(leased_until=(now or utcnow()) + lease)).rowcount == 1


def record_error(engine: Engine, name: str, error: str, now: datetime | None = None) -> None:
    with write_tx(engine) as conn:
        conn.execute(update(sources).where(sources.c.name == name).values(
            last_error=error[:2000], last_error_at=now or utcnow()))


# -- partner items -------------------------------------------------------------------------

def current_input_hash(engine: Engine, uri: str) -> str | None:
    """The input hash of the wire item's current version (None: no such item)."""
    with read_tx(engine) as conn:
        found: str | None = conn.execute(select(versions.c.input_hash).select_from(
            versions.join(items, and_(items.c.uri == versions.c.uri, items.c.version == versions.c.version)))
            .where(versions.c.uri == uri)).scalar()
    return found


def note_item(engine: Engine, source: str, guid: str, uri: str, *, changed: bool, now: datetime) -> None:
    """Remember a partner item (its guid and wire uri); ``changed`` when a version was added."""
    key = guid_hash(guid)
    if not changed:
        with read_tx(engine) as conn:
            if conn.execute(select(source_items.c.guid_hash).where(and_(
                    source_items.c.source == source, source_items.c.guid_hash == key))).first() is not None:
                return
    with write_tx(engine) as conn:
        row = conn.execute(select(source_items.c.guid_hash).where(and_(
            source_items.c.source == source, source_items.c.guid_hash == key))).first()
        if row is None:
            conn.execute(insert(source_items).values(source=source, guid_hash=key, guid=guid[:4000], uri=uri,
                                                     first_seen_at=now, changed_at=now))
        elif changed:
            conn.execute(update(source_items).where(and_(
                source_items.c.source == source, source_items.c.guid_hash == key)).values(changed_at=now))


def items_since(engine: Engine, source: str, since: datetime) -> int:
    with read_tx(engine) as conn:
        return int(conn.execute(select(func.count()).select_from(source_items).where(and_(
            source_items.c.source == source, source_items.c.changed_at >= since))).scalar_one())


def hold_item(engine: Engine, source: str, uri: str, input_hash: str, payload: str,
              now: datetime) -> bool:
    """Keep a draft for the desk; False when the same content is already held."""
    with write_tx(engine) as conn:
        row = conn.execute(select(held.c.input_hash, held.c.revision).where(held.c.uri == uri)).first()
        if row is None:
            conn.execute(insert(held).values(uri=uri, source=source, input_hash=input_hash, payload=payload,
                                             revision=1, held_at=now))
            return True
        if row.input_hash == input_hash:
            return False
        conn.execute(update(held).where(held.c.uri == uri).values(
            input_hash=input_hash, payload=payload, revision=row.revision + 1, held_at=now))
        return True


def held_items(engine: Engine, source: str) -> list[dict[str, Any]]:
    with read_tx(engine) as conn:
        rows = conn.execute(select(held).where(held.c.source == source).order_by(held.c.held_at)).mappings()
        return [{"uri": r["uri"], "revision": r["revision"], "heldAt": as_utc(r["held_at"]),
                 "item": json.loads(r["payload"])} for r in rows]


def health_row(engine: Engine, name: str) -> RowMapping:
    with read_tx(engine) as conn:
        row = conn.execute(select(sources).where(sources.c.name == name)).mappings().first()
    if row is None:
        raise SourceError(f"No source named {name}.", status=404)
    return row

"""Items, their versions and the event log: the write path and its reads.

``publish`` is the one write: in a single transaction it takes the next event sequence
(locking the sequencer row), stores the new version, moves the item's current row and
appends the event. Nothing is ever overwritten; every version stays retrievable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import NamedTuple

from sqlalchemy import Connection, Engine, RowMapping, and_, bindparam, insert, select, update

from newswire.model import Item, kill_notice, utcnow
from newswire.store import codec, group
from newswire.store.engine import read_tx, write_tx
from newswire.store.index import reindex, store_signature
from newswire.store.prepared import Prepared
from newswire.store.tables import events, items, reached, recipients, sequencer, versions

EVENT_TYPES = ("published", "updated", "corrected", "withheld", "killed", "embargo_lifted")

# Given the connection and the stored version, the subscriber ids entitled to it. Supplied
# by routing; the store only records the answer in the same transaction.
RecipientsFn = Callable[[Connection, Item, "Event"], Iterable[int]]
# Given the connection and the numbered version about to be stored, the version to store: a
# picture's renditions name their version, and its media rows commit with it (newswire.media).
PrepareFn = Callable[[Connection, Item], Item]
# Given the connection and the version just stored (a kill notice too): rows that commit with
# it or not at all, such as the desk's audit of who made it (newswire.desk).
RecordFn = Callable[[Connection, Item], None]


class StoreConflict(Exception):
    """The write contradicts what is stored (an older version, a killed item)."""


class VersionMismatch(StoreConflict):
    """The writer named the version it changes (``expected_version``, the API's ``If-Match``)
    and the story is not at that version (or does not exist: ``current`` is None)."""

    def __init__(self, uri: str, current: int | None, expected: int) -> None:
        at = "does not exist" if current is None else f"is at version {current}"
        super().__init__(f"{uri} {at}, not at version {expected}.")
        self.current = current
        self.expected = expected


class NotFound(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    type: str
    uri: str
    version: int
    created_at: datetime
    public: bool
    embargoed: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PublishResult:
    created: bool
    item: Item
    event: Event | None


@dataclass(frozen=True, slots=True)
class VersionInfo:
    version: int
    version_created: datetime
    pub_status: str
    event_type: str | None
    seq: int | None


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def event_type_for(previous_status: str | None, item: Item) -> str:
    if item.pub_status == "canceled":
        return "killed"
    if item.pub_status == "withheld":
        return "withheld"
    if previous_status is None:
        return "published"
    if item.is_correction:
        return "corrected"
    return "updated"


def _event_from_row(row: RowMapping) -> Event:
    return Event(
        seq=row["seq"], type=row["type"], uri=row["uri"], version=row["version"],
        created_at=as_utc(row["created_at"]) or utcnow(), public=bool(row["public"]),
        embargoed=bool(row["embargoed"]), reason=row["reason"],
    )


class _Unchanged(Exception):
    def __init__(self, item: Item) -> None:
        self.item = item


class _AlreadyLifted(Exception):
    pass


# What publish_in raises before writing: an identical re-post, a refusal by the store.
_REFUSED = (_Unchanged, StoreConflict)


# The write path's statements, compiled once per dialect and run on the driver's cursor
# (store.prepared): through Connection.execute each cost more than SQLite takes to run it.
_NEXT_SEQ = Prepared(update(sequencer).where(sequencer.c.id == 1)
                     .values(last_seq=sequencer.c.last_seq + 1).returning(sequencer.c.last_seq))
_INSERT_EVENT = Prepared(insert(events), ("seq", "type", "uri", "version", "created_at", "public",
                                          "embargoed", "reason"))
_GIVE_BACK_SEQ = Prepared(update(sequencer).where(sequencer.c.id == 1)
                          .values(last_seq=sequencer.c.last_seq - 1))


def _next_seq(conn: Connection) -> int:
    seq: int = _NEXT_SEQ.scalar(conn)
    return seq


def _append_event(
    conn: Connection, *, seq: int, type: str, item: Item, now: datetime, embargoed: bool,
    reason: str | None = None, recipients_fn: RecipientsFn | None = None,
) -> Event:
    event = Event(seq, type, item.uri, item.version, now, item.public, embargoed, reason)
    _INSERT_EVENT.execute(conn, {
        "seq": seq, "type": type, "uri": item.uri, "version": item.version, "created_at": now,
        "public": item.public, "embargoed": embargoed, "reason": reason,
    })
    if recipients_fn is not None:
        _record_recipients(conn, item, seq, recipients_fn(conn, item, event))
    return event


_KNOWN_RECIPIENTS = Prepared(select(recipients.c.subscriber_id).where(recipients.c.uri == bindparam("uri")))
_INSERT_RECIPIENTS = Prepared(insert(recipients), ("uri", "subscriber_id", "first_seq"))
_HAD_REACHED = Prepared(select(reached.c.subscriber_id).where(
    reached.c.uri == bindparam("uri"), reached.c.version == bindparam("version")))
_INSERT_REACHED = Prepared(insert(reached), ("uri", "version", "subscriber_id", "seq"))


def _record_recipients(conn: Connection, item: Item, seq: int, subscriber_ids: Iterable[int]) -> None:
    """Who the event reached: per story (``recipients``: follow-ups reach them later) and per
    version (``reached``: the versions each subscriber may read back)."""
    wanted = set(subscriber_ids)
    if not wanted:
        return
    known = {sid for (sid,) in _KNOWN_RECIPIENTS.rows(conn, {"uri": item.uri})}
    new = wanted - known
    if new:
        _INSERT_RECIPIENTS.run_many(conn, [
            {"uri": item.uri, "subscriber_id": sid, "first_seq": seq} for sid in sorted(new)
        ])
    had = {sid for (sid,) in _HAD_REACHED.rows(conn, {"uri": item.uri, "version": item.version})} if known else set()
    fresh = wanted - had
    if fresh:
        _INSERT_REACHED.run_many(conn, [
            {"uri": item.uri, "version": item.version, "subscriber_id": sid, "seq": seq} for sid in sorted(fresh)
        ])


def publish(
    engine: Engine, item: Item, *, input_hash: str, now: datetime | None = None,
    recipients_fn: RecipientsFn | None = None, reason: str | None = None, signature: int | None = None,
    prepare: PrepareFn | None = None, record: RecordFn | None = None, expected_version: int | None = None,
) -> PublishResult:
    """Store ``item`` as a new version and append its event.

    ``item.version == 0`` means "the next version". Re-sending the latest version's
    content appends nothing (``created`` is False); an older version, or any write to a
    killed item, raises :class:`StoreConflict`. With ``expected_version``, a story not at
    that version (checked under the write lock) raises :class:`VersionMismatch`.

    Concurrent publications share one transaction (:mod:`newswire.store.group`), each with
    its own sequence number and event.
    """
    at = (now or utcnow()).replace(microsecond=0)  # ninjs times carry whole seconds

    def work(conn: Connection) -> PublishResult:
        return publish_in(conn, item, input_hash=input_hash, now=at, recipients_fn=recipients_fn,
                          reason=reason, signature=signature, prepare=prepare, record=record,
                          expected_version=expected_version)

    try:  # a publication without hooks fails only before it writes (and gives its number back)
        return group.run(engine, work, () if prepare or record else _REFUSED)
    except _Unchanged as unchanged:
        return PublishResult(False, unchanged.item, None)


@dataclass(frozen=True, slots=True)
class Publication:
    """One story of a :func:`publish_batch`: the enriched item, the hash of what was sent,
    its similarity signature."""

    item: Item
    input_hash: str
    signature: int | None = None


def publish_batch(
    engine: Engine, publications: Sequence[Publication], *, now: datetime | None = None,
    recipients_fn: RecipientsFn | None = None,
) -> list[PublishResult | StoreConflict]:
    """Several stories in one transaction (a bulk import), each with its own version,
    sequence number and event, as :func:`publish` would store them one by one; a story the
    store refuses is answered with its :class:`StoreConflict` and the others are stored.
    Any other error stores none of them and is raised."""
    at = (now or utcnow()).replace(microsecond=0)
    requests = [group.Request(partial(publish_in, item=p.item, input_hash=p.input_hash, now=at,
                                      recipients_fn=recipients_fn, signature=p.signature), _REFUSED)
                for p in publications]
    if requests:
        group.commit_batch(engine, requests)
    answers: list[PublishResult | StoreConflict] = []
    for request in requests:
        if isinstance(request.error, _Unchanged):
            answers.append(PublishResult(False, request.error.item, None))
        elif isinstance(request.error, StoreConflict):
            answers.append(request.error)
        else:
            answers.append(request.answer())
    return answers


class _Current(NamedTuple):
    """What the write path reads of a stored story's current row."""

    version: int
    pub_status: str
    first_created: datetime


_CURRENT = Prepared(select(items.c.version, items.c.pub_status, items.c.first_created)
                    .where(items.c.uri == bindparam("uri")))
_LATEST = Prepared(select(versions.c.input_hash, versions.c.payload).where(
    versions.c.uri == bindparam("uri"), versions.c.version == bindparam("version")))
_INSERT_VERSION = Prepared(insert(versions), ("uri", "version", "input_hash", "payload", "stored_at"))
_ITEM_COLUMNS = ("version", "pub_status", "type", "language", "urgency", "headline", "public",
                 "embargoed_until", "embargo_lifted", "first_created", "version_created", "last_seq")
_INSERT_ITEM = Prepared(insert(items), ("uri", *_ITEM_COLUMNS))
_UPDATE_ITEM = Prepared(update(items).where(items.c.uri == bindparam("key")), ("key", *_ITEM_COLUMNS))


def _current(conn: Connection, uri: str) -> _Current | None:
    found = _CURRENT.rows(conn, {"uri": uri})
    return _Current(*found[0]) if found else None


def _latest(conn: Connection, uri: str, version: int) -> tuple[str, str | bytes]:
    """The input hash and stored payload of a story's version."""
    (found,) = _LATEST.rows(conn, {"uri": uri, "version": version})
    return found[0], found[1]


def _admit(
    conn: Connection, item: Item, input_hash: str, now: datetime, expected_version: int | None,
) -> tuple[_Current | None, int, datetime, str | None]:
    """Whether the item may be stored, read under the write lock: the current row, the new
    version's number, its firstCreated and the previous status; or a refusal (``_REFUSED``)."""
    current = _current(conn, item.uri)
    if expected_version is not None and (current is None or current.version != expected_version):
        _raise_unless_unchanged(conn, item, current, input_hash)
        raise VersionMismatch(item.uri, None if current is None else current.version, expected_version)
    if current is None:
        return None, item.version or 1, (item.first_created or now).replace(microsecond=0), None
    latest_hash, latest_payload = _latest(conn, item.uri, current.version)
    if item.version in (0, current.version) and latest_hash == input_hash:
        raise _Unchanged(codec.decode(latest_payload))
    if current.pub_status == "canceled":
        raise StoreConflict(f"{item.uri} was killed; a killed story stays killed.")
    if item.version and item.version <= current.version:
        raise StoreConflict(
            f"{item.uri} is at version {current.version}; version {item.version} "
            "is not newer (omit the version to append the next one)."
        )
    version = item.version or current.version + 1
    return current, version, as_utc(current.first_created) or now, current.pub_status


def publish_in(
    conn: Connection, item: Item, *, input_hash: str, now: datetime,
    recipients_fn: RecipientsFn | None = None, reason: str | None = None, signature: int | None = None,
    prepare: PrepareFn | None = None, record: RecordFn | None = None, expected_version: int | None = None,
) -> PublishResult:
    """:func:`publish` inside the caller's write transaction (``now`` in whole seconds);
    raises ``_Unchanged`` for an identical re-post. A refusal (``_REFUSED``) is raised before
    anything is written but the sequencer's step, which it takes back: the transaction, shared
    with other writers (``store.group``), goes on as if it had not been tried."""
    seq = _next_seq(conn)
    try:
        current, version, first_created, previous_status = _admit(conn, item, input_hash, now, expected_version)
    except _REFUSED:
        _GIVE_BACK_SEQ.execute(conn)
        raise
    stored = item.evolve(
        version=version, version_created=item.version_created or now,
        first_created=first_created,
    )
    if stored.killed:
        stored = kill_notice(stored)
    elif prepare is not None:
        stored = prepare(conn, stored)
    embargoed = stored.embargoed_at(now)
    _INSERT_VERSION.execute(conn, {"uri": stored.uri, "version": version, "input_hash": input_hash,
                                   "payload": codec.encode(stored), "stored_at": now})
    row = {
        "version": version, "pub_status": stored.pub_status, "type": stored.type,
        "language": stored.language, "urgency": stored.urgency,
        "headline": stored.headline, "public": stored.public,
        "embargoed_until": stored.embargoed_until, "embargo_lifted": not embargoed,
        "first_created": first_created, "version_created": stored.version_created,
        "last_seq": seq,
    }
    if current is None:
        _INSERT_ITEM.execute(conn, {"uri": stored.uri, **row})
    else:
        _UPDATE_ITEM.execute(conn, {"key": stored.uri, **row})
    fresh = current is None  # a new story has no index rows to replace
    reindex(conn, stored, fresh=fresh)
    store_signature(conn, stored.uri, signature if stored.pub_status == "usable" else None, fresh=fresh)
    event = _append_event(
        conn, seq=seq, type=event_type_for(previous_status, stored), item=stored,
        now=now, embargoed=embargoed, reason=reason, recipients_fn=recipients_fn,
    )
    if record is not None:
        record(conn, stored)
    return PublishResult(True, stored, event)


def _raise_unless_unchanged(conn: Connection, item: Item, current: _Current | None, input_hash: str) -> None:
    """A write that is already stored (a retry whose first attempt succeeded) answers as
    unchanged even when its precondition no longer holds."""
    if current is None or item.version not in (0, current.version):
        return
    latest_hash, latest_payload = _latest(conn, item.uri, current.version)
    if latest_hash == input_hash:
        raise _Unchanged(codec.decode(latest_payload))


def kill(
    engine: Engine, uri: str, reason: str, *, now: datetime | None = None,
    recipients_fn: RecipientsFn | None = None, expected_version: int | None = None,
    record: RecordFn | None = None,
) -> PublishResult:
    """Append a kill: a new version with pubStatus ``canceled``, the reason, and no body.
    With ``expected_version``, a story that has moved on since is a :class:`StoreConflict`
    (the kill's version is fixed, so a version appended in between is one as well)."""
    stored = [item for _info, item in all_versions(engine, uri)]
    if not stored:
        raise NotFound(uri)
    current = stored[-1]
    if current.killed:
        return PublishResult(False, current, None)
    if expected_version is not None and current.version != expected_version:
        raise VersionMismatch(uri, current.version, expected_version)
    notice = f"KILL: {reason}".strip()
    # The notice goes at once to everyone who had the story: it takes its routing metadata
    # (places, topics, language...) from the newest version not under embargo, never from an
    # embargoed update they have not received.
    at = now or utcnow()
    base = next((item for item in reversed(stored) if not item.embargoed_at(at)), current)
    killed = base.evolve(
        version=current.version + 1, version_created=None, pub_status="canceled", ed_note=notice,
    )
    return publish(engine, killed, input_hash=codec.input_hash(killed), now=now,
                   recipients_fn=recipients_fn, reason=reason, record=record)


def stored_hashes(engine: Engine, uris: Iterable[str]) -> dict[str, tuple[int, str]]:
    """For each stored story among ``uris``: its current version and the hash of what was sent
    for it. A bulk import skips the stories it already stored (resuming after an interruption)
    without enriching them again."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(items.c.uri, items.c.version, versions.c.input_hash)
            .select_from(items.join(versions, and_(versions.c.uri == items.c.uri,
                                                   versions.c.version == items.c.version)))
            .where(items.c.uri.in_(wanted))
        ).all()
    return {uri: (version, digest) for uri, version, digest in rows}


def get_item(engine: Engine, uri: str) -> Item | None:
    with read_tx(engine) as conn:
        payload = conn.execute(
            select(versions.c.payload)
            .select_from(items.join(versions, and_(
                versions.c.uri == items.c.uri, versions.c.version == items.c.version)))
            .where(items.c.uri == uri)
        ).scalar()
    return codec.decode(payload) if payload is not None else None


def current_version(engine: Engine, uri: str) -> int | None:
    """The version the story is at (a kill notice included), or None for no such story."""
    with read_tx(engine) as conn:
        value: int | None = conn.execute(select(items.c.version).where(items.c.uri == uri)).scalar()
    return value


def get_version(engine: Engine, uri: str, version: int) -> Item | None:
    with read_tx(engine) as conn:
        payload = conn.execute(
            select(versions.c.payload).where(and_(versions.c.uri == uri, versions.c.version == version))
        ).scalar()
    return codec.decode(payload) if payload is not None else None


def list_versions(engine: Engine, uri: str) -> list[VersionInfo]:
    return [info for info, _item in all_versions(engine, uri)]


def last_seq(engine: Engine) -> int:
    with read_tx(engine) as conn:
        value: int = conn.execute(select(sequencer.c.last_seq).where(sequencer.c.id == 1)).scalar_one()
    return value


def events_after(engine: Engine, after: int, limit: int = 100) -> list[tuple[Event, Item]]:
    """Events with ``seq > after``, oldest first, each with the item version it names."""
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(events, versions.c.payload)
            .select_from(events.join(versions, and_(
                versions.c.uri == events.c.uri, versions.c.version == events.c.version)))
            .where(events.c.seq > after)
            .order_by(events.c.seq)
            .limit(limit)
        ).mappings().all()
    return [(_event_from_row(r), codec.decode(r["payload"])) for r in rows]


def recipients_of(engine: Engine, uris: Sequence[str]) -> dict[str, set[int]]:
    if not uris:
        return {}
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(recipients.c.uri, recipients.c.subscriber_id).where(recipients.c.uri.in_(uris))
        ).all()
    found: dict[str, set[int]] = {}
    for uri, sid in rows:
        found.setdefault(uri, set()).add(sid)
    return found


def reached_by(engine: Engine, subscriber_id: int, uris: Iterable[str]) -> dict[str, dict[int, int]]:
    """For each story, the versions that reached the subscriber, with the first event's seq."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(reached.c.uri, reached.c.version, reached.c.seq)
            .where(reached.c.subscriber_id == subscriber_id, reached.c.uri.in_(wanted))
        ).all()
    found: dict[str, dict[int, int]] = {}
    for uri, version, seq in rows:
        found.setdefault(uri, {})[version] = seq
    return found


def withdrawn_uris(engine: Engine, uris: Iterable[str] | None = None) -> set[str]:
    """Stories whose current version is killed or withheld (all of them, or among ``uris``)."""
    query = select(items.c.uri).where(items.c.pub_status != "usable")
    if uris is not None:
        wanted = sorted(set(uris))
        if not wanted:
            return set()
        query = query.where(items.c.uri.in_(wanted))
    with read_tx(engine) as conn:
        return set(conn.execute(query).scalars())


def all_versions(engine: Engine, uri: str) -> list[tuple[VersionInfo, Item]]:
    """Every stored version of a story, oldest first, with its first event."""
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(versions.c.version, versions.c.payload, events.c.type, events.c.seq)
            .select_from(versions.outerjoin(events, and_(
                events.c.uri == versions.c.uri, events.c.version == versions.c.version)))
            .where(versions.c.uri == uri)
            .order_by(versions.c.version, events.c.seq)
        ).all()
    out: dict[int, tuple[VersionInfo, Item]] = {}
    for row in rows:
        if row.version in out:
            continue
        item = codec.decode(row.payload)
        out[row.version] = (VersionInfo(row.version, item.version_created or utcnow(), item.pub_status,
                                        row.type, row.seq), item)
    return list(out.values())


def lift_due_embargoes(
    engine: Engine, now: datetime | None = None, *, recipients_fn: RecipientsFn | None = None
) -> list[Event]:
    """Append an ``embargo_lifted`` event for every item whose embargo time has come."""
    now = now or utcnow()
    lifted = []
    with read_tx(engine) as conn:
        due = conn.execute(
            select(items.c.uri).where(and_(
                items.c.embargo_lifted.is_(False), items.c.embargoed_until <= now))
        ).scalars().all()
    for uri in due:
        try:
            with write_tx(engine) as conn:
                seq = _next_seq(conn)  # the lock first: two nodes never lift twice
                current = conn.execute(
                    select(items.c.version, items.c.embargo_lifted).where(items.c.uri == uri)
                ).one()
                if current.embargo_lifted:
                    raise _AlreadyLifted
                payload = conn.execute(select(versions.c.payload).where(and_(
                versions.c.uri == uri, versions.c.version == current.version))).scalar_one()
                item = codec.decode(payload)
                conn.execute(update(items).where(items.c.uri == uri)
                             .values(embargo_lifted=True, last_seq=seq))
                lifted.append(_append_event(
                    conn, seq=seq, type="embargo_lifted", item=item, now=now, embargoed=False,
                    recipients_fn=recipients_fn))
        except _AlreadyLifted:
            continue
    return lifted


def next_embargo(engine: Engine) -> datetime | None:
    with read_tx(engine) as conn:
        value = conn.execute(
            select(items.c.embargoed_until).where(items.c.embargo_lifted.is_(False))
            .order_by(items.c.embargoed_until).limit(1)
        ).scalar()
    return as_utc(value)


def iter_current_items(engine: Engine, *, since: datetime | None = None, batch: int = 200) -> Iterator[Item]:
    """Every item's current version (optionally only those updated since a time), in pages."""
    last = ""
    while True:
        with read_tx(engine) as conn:
            query = (select(items.c.uri, versions.c.payload)
                     .select_from(items.join(versions, and_(versions.c.uri == items.c.uri,
                                                            versions.c.version == items.c.version)))
                     .where(items.c.uri > last).order_by(items.c.uri).limit(batch))
            if since is not None:
                query = query.where(items.c.version_created >= since)
            rows = conn.execute(query).all()
        if not rows:
            return
        for _uri, payload in rows:
            yield codec.decode(payload)
        last = rows[-1][0]

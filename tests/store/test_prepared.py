"""The publish path's statements run on the driver's cursor (store.prepared): they write what
Connection.execute writes, read back what it reads, raise its errors, and stay in the
caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from newswire.store.engine import make_engine, read_tx, write_tx
from newswire.store.migrate import upgrade
from newswire.store.prepared import Prepared
from newswire.store.tables import events, sequencer, versions

AT = datetime(2026, 12, 4, 10, 30, 5, tzinfo=UTC)
_EVENT = Prepared(insert(events), ("seq", "type", "uri", "version", "created_at", "public", "embargoed", "reason"))
_VERSION = Prepared(insert(versions), ("uri", "version", "input_hash", "payload", "stored_at"))
_READ = Prepared(select(events.c.created_at, events.c.public, events.c.reason).where(events.c.seq == bindparam("seq")))
_STEP = Prepared(update(sequencer).where(sequencer.c.id == 1)
                 .values(last_seq=sequencer.c.last_seq + 1).returning(sequencer.c.last_seq))


def event(seq: int) -> dict[str, object]:
    return {"seq": seq, "type": "published", "uri": f"urn:t:{seq}", "version": 1, "created_at": AT,
            "public": seq % 2 == 0, "embargoed": False, "reason": None if seq % 2 else "why"}


def test_a_prepared_statement_writes_and_reads_what_core_does(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with write_tx(engine) as conn:
        conn.execute(insert(events), event(1))
        _EVENT.execute(conn, event(2))
        _EVENT.run_many(conn, [event(3), event(4)])
        conn.execute(insert(versions), {"uri": "urn:t:1", "version": 1, "input_hash": "h",
                                        "payload": '{"a":1}', "stored_at": AT})
        _VERSION.execute(conn, {"uri": "urn:t:2", "version": 1, "input_hash": "h", "payload": '{"a":1}',
                                "stored_at": AT})
        assert _STEP.scalar(conn) == 1 and _STEP.scalar(conn) == 2  # a literal of the statement's own
        prepared_rows = [_READ.rows(conn, {"seq": seq})[0] for seq in (1, 2, 3, 4)]
    with read_tx(engine) as conn:
        core_rows = [tuple(conn.execute(select(events.c.created_at, events.c.public, events.c.reason)
                                        .where(events.c.seq == seq)).one()) for seq in (1, 2, 3, 4)]
        raw = conn.exec_driver_sql("SELECT created_at, public FROM events ORDER BY seq").all()
        payloads = conn.execute(select(versions.c.payload).order_by(versions.c.uri)).scalars().all()
    assert prepared_rows == core_rows
    assert core_rows[1] == (core_rows[1][0], True, "why") and core_rows[0][2] is None
    assert len(set(raw)) == 2  # the same stored form, written either way
    assert payloads[0] == payloads[1] and isinstance(payloads[0], bytes)  # packed alike
    engine.dispose()


def test_a_driver_error_is_sqlalchemys_and_undoes_the_transaction(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with write_tx(engine) as conn:
        _EVENT.execute(conn, event(1))
    with pytest.raises(IntegrityError), write_tx(engine) as conn:
        _EVENT.execute(conn, event(2))
        _EVENT.run_many(conn, [event(3), event(1)])
    with read_tx(engine) as conn:
        assert conn.execute(select(events.c.seq)).scalars().all() == [1]
    engine.dispose()


def test_a_savepoint_rolled_back_takes_its_prepared_writes(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with write_tx(engine) as conn:
        _EVENT.execute(conn, event(1))
        with pytest.raises(IntegrityError), conn.begin_nested():
            _EVENT.execute(conn, event(2))
            _EVENT.execute(conn, event(1))
        _EVENT.execute(conn, event(3))
    with read_tx(engine) as conn:
        assert conn.execute(select(events.c.seq).order_by(events.c.seq)).scalars().all() == [1, 3]
    engine.dispose()

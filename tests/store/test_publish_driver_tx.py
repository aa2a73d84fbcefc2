"""SQLite's write transaction is begun and ended on the driver's connection (store.engine
write_tx): whatever runs in it, on the driver (store.prepared) or through SQLAlchemy (a hook's
``conn.execute``, a savepoint), commits together or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, event, select, text
from sqlalchemy.exc import OperationalError

from newswire.model import Item, Text
from newswire.store import engine as engine_module
from newswire.store import items as store
from newswire.store.engine import make_engine, read_tx, write_tx
from newswire.store.migrate import upgrade
from newswire.store.prepared import Prepared
from newswire.store.tables import sequencer

_STEP = Prepared(text("UPDATE sequencer SET last_seq = last_seq + 1 WHERE id = 1"))
_MARK = text("UPDATE sequencer SET routing_generation = routing_generation + 1 WHERE id = 1")


class Boom(Exception):
    pass


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    found = make_engine(f"sqlite:///{tmp_path}/tx.db")
    upgrade(found)
    return found


def step(engine: Engine) -> Connection:
    """One write transaction that moves the sequence on; the connection it ran on."""
    with write_tx(engine) as conn:
        _STEP.execute(conn)
    return conn


def counters(engine: Engine) -> tuple[int, int]:
    with read_tx(engine) as conn:
        row = conn.execute(select(sequencer.c.last_seq, sequencer.c.routing_generation)).one()
    return row[0], row[1]


@pytest.mark.parametrize("through_sqlalchemy", [False, True])
def test_commits_what_ran_on_the_driver_and_through_sqlalchemy(engine: Engine, through_sqlalchemy: bool) -> None:
    with write_tx(engine) as conn:
        _STEP.execute(conn)
        if through_sqlalchemy:
            conn.execute(_MARK)
        _STEP.execute(conn)
    assert counters(engine) == (2, 1 if through_sqlalchemy else 0)
    engine.dispose()


@pytest.mark.parametrize("through_sqlalchemy", [False, True])
def test_an_error_stores_nothing(engine: Engine, through_sqlalchemy: bool) -> None:
    with pytest.raises(Boom), write_tx(engine) as conn:
        _STEP.execute(conn)
        if through_sqlalchemy:
            conn.execute(_MARK)
        raise Boom
    assert counters(engine) == (0, 0)
    step(engine)  # the connection was left with nothing open
    assert counters(engine) == (1, 0)
    engine.dispose()


def test_a_savepoint_undoes_its_own_part(engine: Engine) -> None:
    with write_tx(engine) as conn:
        _STEP.execute(conn)
        with pytest.raises(Boom), conn.begin_nested():
            conn.execute(_MARK)
            _STEP.execute(conn)
            raise Boom
        conn.execute(_MARK)
    assert counters(engine) == (1, 1)
    engine.dispose()


def test_a_busy_store_answers_as_sqlalchemy_did(engine: Engine, tmp_path: Path) -> None:
    @event.listens_for(engine, "connect")
    def _short(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=50")

    engine.dispose()
    other = sqlite3.connect(tmp_path / "tx.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(OperationalError, match="locked"), write_tx(engine):
        pass
    other.rollback()
    other.close()
    step(engine)
    assert counters(engine) == (1, 0)
    engine.dispose()


def test_a_hook_failing_after_sqlalchemy_wrote_leaves_no_half_publication(engine: Engine) -> None:
    def record(conn: Connection, _item: Item) -> None:
        conn.execute(_MARK)
        raise Boom

    item = Item(uri="urn:tx:1", headlines=(Text("A headline"),))
    with pytest.raises(Boom):
        store.publish(engine, item, input_hash="h1", record=record)
    assert store.get_item(engine, "urn:tx:1") is None
    assert counters(engine) == (0, 0)
    assert store.publish(engine, item, input_hash="h1").created
    assert counters(engine) == (1, 0)
    engine.dispose()


def test_the_writer_is_kept_between_transactions_and_closed_with_the_engine(engine: Engine) -> None:
    first = step(engine)
    assert step(engine) is first
    engine.dispose()
    assert first.closed
    assert step(engine) is not first
    assert counters(engine) == (3, 0)
    engine.dispose()


def test_a_writer_left_in_a_transaction_is_not_used_again(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    real = engine_module._driver_do

    def no_rollback(conn: Connection, sql: str) -> None:
        if sql == "ROLLBACK":
            raise OperationalError(sql, (), Exception("disk I/O error"))
        real(conn, sql)

    monkeypatch.setattr(engine_module, "_driver_do", no_rollback)
    with pytest.raises(OperationalError), write_tx(engine) as first:
        _STEP.execute(first)
        raise Boom
    monkeypatch.setattr(engine_module, "_driver_do", real)
    assert first.closed  # closing it rolled its transaction back
    assert step(engine) is not first
    assert counters(engine) == (1, 0)
    engine.dispose()


def test_a_forked_process_writes_with_its_own(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    parents = step(engine)
    monkeypatch.setattr(engine_module.os, "getpid", lambda: -1)
    assert step(engine) is not parents
    assert not parents.closed  # the parent's is never closed by the child
    monkeypatch.undo()
    assert counters(engine) == (2, 0)
    parents.close()
    engine.dispose()

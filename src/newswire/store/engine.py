"""Engines for SQLite (embedded) and PostgreSQL (scale-out), one code path."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError


def normalize_url(url: str) -> str:
    """``postgresql://`` means psycopg 3; a relative SQLite path gets its folder created."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            _private_database_file(Path(parsed.database))
        engine = create_engine(url, pool_size=20, max_overflow=20, pool_timeout=60)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)


def _private_database_file(path: Path) -> None:
    """Create the folder (0700) and the database file (0600) before SQLite opens it: the
    database holds embargoed stories, and SQLite gives its ``-wal``/``-shm`` files the
    database file's mode. An existing folder or file keeps the mode the operator gave it."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Autocommit at the driver level: we emit BEGIN ourselves (below), so that
        # writers can take the write lock up front and never deadlock on upgrade.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "engine_disposed")
    def _on_disposed(disposed: Engine) -> None:
        lock = _WRITE_LOCKS.get(id(disposed))
        if lock is None or not lock.acquire(blocking=False):  # a write is running: it keeps it to the end
            disposed.__dict__.pop(_WRITER, None)
            return
        try:
            _let_go(disposed)
        finally:
            lock.release()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # On the driver's connection: through exec_driver_sql the BEGIN cost some 20 us of
        # SQLAlchemy's statement set-up, in every transaction. A write transaction (write_tx)
        # has begun on the driver already: SQLAlchemy's own, begun by a statement run through
        # it, is that one.
        driver = conn.connection.driver_connection
        if not driver.in_transaction:  # type: ignore[union-attr]
            _driver_do(conn, "BEGIN IMMEDIATE" if conn.get_execution_options().get("newswire_write", False)
                       else "BEGIN")


def _driver_do(conn: Connection, sql: str) -> None:
    """``sql`` (BEGIN, COMMIT, ROLLBACK) on the SQLite connection's driver; its error raised as
    SQLAlchemy raises one (sqlalchemy.exc), a busy store's "database is locked" too."""
    try:
        conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, (), exc, sqlite3.Error, dialect=conn.dialect) from exc


_WRITE_LOCKS: dict[int, threading.Lock] = {}


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A write transaction: takes SQLite's write lock at BEGIN; commits on success.

    On SQLite, writers in this process also queue on a lock first: SQLite's own busy
    handler sleeps with back-off, which turns a few concurrent writers into long tails.
    """
    if is_sqlite(engine):
        lock = _WRITE_LOCKS.setdefault(id(engine), threading.Lock())
        with lock:
            conn = _writer(engine)
            try:
                yield from _driver_tx(conn)
            except BaseException:
                if conn.invalidated or conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
                    _let_go(engine)  # not as a writer expects it: the next one gets a new one
                raise
        return
    with engine.connect().execution_options(newswire_write=True) as conn, conn.begin():
        yield conn


_WRITER = "_newswire_writer"  # the engine's attribute: (process id, connection)


def _writer(engine: Engine) -> Connection:
    """SQLite: the connection this process writes with, kept from one write transaction to
    the next (used under the engine's write lock only). Taking a connection from the pool
    and giving it back cost ~60 us of a publication. The engine's disposal closes it; a
    process forked since opens its own."""
    held: tuple[int, Connection] | None = engine.__dict__.get(_WRITER)
    if held is not None and held[0] == os.getpid() and not held[1].closed and not held[1].invalidated:
        return held[1]
    if held is not None and held[0] != os.getpid():
        _FORKED.append(held[1])  # the parent's: never closed here
    conn = engine.connect().execution_options(newswire_write=True)
    engine.__dict__[_WRITER] = (os.getpid(), conn)
    return conn


_FORKED: list[Connection] = []


def _let_go(engine: Engine) -> None:
    held: tuple[int, Connection] | None = engine.__dict__.pop(_WRITER, None)
    if held is None:
        return
    if held[0] != os.getpid():
        _FORKED.append(held[1])
        return
    with suppress(Exception):
        held[1].close()


def _driver_tx(conn: Connection) -> Iterator[Connection]:
    """SQLite: the write transaction begun and ended on the driver's connection, not by
    ``Connection.begin()`` and its commit, whose bookkeeping cost ~0.1 ms of a publication
    that runs its statements on the driver (store.prepared). A statement run through
    SQLAlchemy (a hook's ``conn.execute``, a savepoint) begins SQLAlchemy's transaction
    within it (``_on_begin`` sees it begun), which then commits or rolls it back."""
    _driver_do(conn, "BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction():
            conn.rollback()
        elif conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
            _driver_do(conn, "ROLLBACK")
        raise
    if conn.in_transaction():
        conn.commit()
    else:
        _driver_do(conn, "COMMIT")


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn

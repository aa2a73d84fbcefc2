"""The publish path's statements, compiled once per dialect and run on the DBAPI cursor.

A publication runs about a dozen small statements; through ``Connection.execute`` each one
costs some 20 us of Python (cache key, execution context, parameter processing, result set-up)
where the driver takes 3 us, more than SQLite takes to run most of them. A :class:`Prepared`
statement is compiled by SQLAlchemy for the engine's dialect the first time it runs there
(the same SQL text and the same bind processing, so the rows written are the same) and then
goes straight to the driver's cursor of the connection's transaction: the same transaction,
its savepoints included. A driver error is raised as SQLAlchemy's (``sqlalchemy.exc``), as
``Connection.execute`` raises it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Dialect, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

Params = Mapping[str, Any]
_Convert = Callable[[Params], Any]


class _Compiled:
    __slots__ = ("convert", "error", "results", "sql")

    def __init__(self, statement: ClauseElement, keys: Sequence[str] | None, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(keys) if keys is not None else None)
        if not isinstance(compiled, SQLCompiler):
            raise TypeError(f"not a SQL statement: {statement}")
        if compiled.escaped_bind_names or compiled.post_compile_params:
            raise ValueError(f"not a plain statement: {compiled.string}")
        self.sql: str = compiled.string
        self.error: type[Exception] = dialect.loaded_dbapi.Error
        # A SELECT's values as Connection.execute hands them back (SQLite's datetimes parsed...)
        self.results: list[Any] | None = None
        if isinstance(statement, Select):
            results = [column.type.dialect_impl(dialect).result_processor(dialect, None)
                       for column in statement.selected_columns]
            self.results = results if any(results) else None
        processors: dict[str, Callable[[Any], Any] | None] = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for name, bind in compiled.binds.items()
        }
        # Values the statement holds itself (``last_seq + 1``), processed once.
        fixed = {name: bind.effective_value if processors[name] is None
                 else processors[name](bind.effective_value)  # type: ignore[misc]
                 for name, bind in compiled.binds.items() if bind.value is not None and not bind.required}
        positions = compiled.positiontup
        self.convert: _Convert
        if positions is not None:  # qmark (SQLite): a tuple in the statement's order
            order = [(name, processors.get(name)) for name in positions]
            if fixed:
                def convert_fixed(params: Params) -> tuple[Any, ...]:
                    return tuple([fixed[name] if name in fixed else params[name] if p is None else p(params[name])
                                  for name, p in order])
                self.convert = convert_fixed
            elif not any(p for _name, p in order):
                names = tuple(positions)
                self.convert = lambda params: tuple([params[name] for name in names])
            else:
                self.convert = lambda params: tuple([params[name] if p is None else p(params[name])
                                                     for name, p in order])
        else:  # pyformat (psycopg): a dict of the statement's parameters only
            given = [(name, processors[name]) for name in processors if name not in fixed]

            def convert(params: Params) -> dict[str, Any]:
                out = dict(fixed)
                for name, p in given:
                    out[name] = params[name] if p is None else p(params[name])
                return out
            self.convert = convert


class Prepared:
    """``statement`` (Core or ``text()``) with the parameters ``keys`` (an INSERT's or
    UPDATE's columns; None for the statement's own bind parameters), compiled per dialect.
    No expanding (``IN``) parameters, no Python-side column defaults: every value is given.
    Rows a statement returns are read only by :meth:`rows` and :meth:`scalar` (an INSERT
    whose new id nobody reads is best made ``.inline()``: no RETURNING on PostgreSQL)."""

    __slots__ = ("_by_dialect", "keys", "statement")

    def __init__(self, statement: ClauseElement, keys: Sequence[str] | None = None) -> None:
        self.statement = statement
        self.keys = tuple(keys) if keys is not None else None
        self._by_dialect: weakref.WeakKeyDictionary[Dialect, _Compiled] = weakref.WeakKeyDictionary()

    def _for(self, conn: Connection) -> _Compiled:
        dialect = conn.dialect
        found = self._by_dialect.get(dialect)
        if found is None:
            found = self._by_dialect[dialect] = _Compiled(self.statement, self.keys, dialect)
        return found

    def run(self, conn: Connection, params: Params | None = None) -> Any:
        """Execute once; the DBAPI cursor, for a statement that returns rows."""
        compiled = self._for(conn)
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        args = compiled.convert(params or {})
        try:
            cursor.execute(compiled.sql, args)
        except compiled.error as exc:
            raise _wrapped(conn, compiled, args, exc) from exc
        return cursor

    def run_many(self, conn: Connection, rows: Sequence[Params]) -> int:
        """Execute once per row (``executemany``); the number of rows written, all told."""
        if not rows:
            return 0
        compiled = self._for(conn)
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        convert = compiled.convert
        args = [convert(row) for row in rows]
        try:
            cursor.executemany(compiled.sql, args)
            count: int = cursor.rowcount
        except compiled.error as exc:
            raise _wrapped(conn, compiled, args, exc) from exc
        finally:
            cursor.close()
        return count

    def rows(self, conn: Connection, params: Params | None = None) -> list[tuple[Any, ...]]:
        """Every row the statement returns (a SELECT, or RETURNING): tuples, a SELECT's values
        processed by their column types as ``Connection.execute`` would."""
        cursor = self.run(conn, params)
        try:
            found = cursor.fetchall()
        finally:
            cursor.close()
        results = self._for(conn).results
        if results is None:
            return [tuple(row) for row in found]
        return [tuple([value if p is None else p(value) for p, value in zip(results, row, strict=True)])
                for row in found]

    def scalar(self, conn: Connection, params: Params | None = None) -> Any:
        """The first column of the one row the statement returns."""
        found = self.rows(conn, params)
        if len(found) != 1:
            raise LookupError(f"{len(found)} rows from {self.statement}")
        return found[0][0]

    def execute(self, conn: Connection, params: Params | None = None) -> None:
        self.run(conn, params).close()


def _wrapped(conn: Connection, compiled: _Compiled, args: Any, exc: Exception) -> BaseException:
    return DBAPIError.instance(compiled.sql, args, exc, compiled.error, dialect=conn.dialect)

"""Group commit: concurrent writes to one store share one transaction.

Every write to the log takes the sequencer's row lock (SQLite's write lock) up to its
commit, so writers queue anyway; a commit (the WAL append, FTS5 segment flushes) costs as
much for one story as for a dozen. A writer hands its work - a function of the open
connection - to :func:`run`. Whoever finds no transaction running leads: it takes every
waiting writer's work (at most ``MAX_BATCH``), runs them one after another in one write
transaction, commits, and wakes them; the others wait and find their answer ready.

Each work still takes its own sequence number and appends its own event: the batch only
shares the BEGIN and the COMMIT. A work that raises is undone - by itself, for the errors
it declares ``clean`` (a publication refused before it wrote: it gives its sequence number
back), else by running the batch again with a SAVEPOINT around each work - so the log stays
gap-free, its writer gets the exception and the others are unaffected. If the commit itself fails, every writer of the
batch gets that error: none of it was stored. A writer alone is served at once, without a
savepoint and without waiting for company.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Engine

from newswire.store.engine import write_tx

T = TypeVar("T")
Work = Callable[[Connection], Any]
MAX_BATCH = 64


class Request(Generic[T]):
    """One writer's work and, once its batch committed, its answer. ``clean``: exceptions
    the work raises only before it has written anything (or after undoing what it wrote),
    which therefore need no savepoint to leave the shared transaction as it was."""

    __slots__ = ("clean", "done", "error", "result", "work")

    def __init__(self, work: Callable[[Connection], T], clean: tuple[type[Exception], ...] = ()) -> None:
        self.work = work
        self.clean = clean
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None

    def answer(self) -> T:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


class _Unclean(Exception):
    """A work failed with what may have written part of it: the batch is run again with a
    savepoint for each work."""


def _run_all(engine: Engine, batch: Sequence[Request[Any]], savepoints: bool) -> None:
    with write_tx(engine) as conn:
        if len(batch) == 1:
            batch[0].result = batch[0].work(conn)
            return
        for request in batch:
            request.result, request.error = None, None
            if savepoints:
                try:
                    with conn.begin_nested():
                        request.result = request.work(conn)
                except Exception as exc:  # this writer's own failure: the others go on
                    request.error = exc
                continue
            try:
                request.result = request.work(conn)
            except request.clean as exc:  # nothing of it was written
                request.error = exc
            except Exception as exc:
                raise _Unclean from exc


def commit_batch(engine: Engine, batch: Sequence[Request[Any]]) -> None:
    """Run the works in one write transaction and commit; each request then holds its result
    or its exception. Works run one after another without savepoints (a SAVEPOINT costs
    about a sixth of a publication); one that fails with what is not ``clean`` for it rolls
    the whole transaction back, and the batch runs again with a savepoint for each."""
    try:
        try:
            _run_all(engine, batch, savepoints=False)
        except _Unclean:
            _run_all(engine, batch, savepoints=True)
    except BaseException as exc:
        for request in batch:  # nothing of the batch was stored
            if request.error is None:
                request.result, request.error = None, exc
        if not isinstance(exc, Exception):
            raise
    finally:
        for request in batch:
            request.done = True


class GroupCommit:
    def __init__(self, engine: Engine, max_batch: int = MAX_BATCH) -> None:
        self.engine = engine
        self.max_batch = max_batch
        self._waiting: deque[Request[Any]] = deque()
        self._queue_lock = threading.Lock()
        self._leader = threading.Lock()

    def run(self, work: Callable[[Connection], T], clean: tuple[type[Exception], ...] = ()) -> T:
        request: Request[T] = Request(work, clean)
        with self._queue_lock:
            self._waiting.append(request)
        while not request.done:
            with self._leader:
                if request.done:
                    break
                with self._queue_lock:
                    batch = [self._waiting.popleft() for _ in range(min(len(self._waiting), self.max_batch))]
                commit_batch(self.engine, batch)
        return request.answer()


_GROUPS: weakref.WeakKeyDictionary[Engine, GroupCommit] = weakref.WeakKeyDictionary()
_GROUPS_LOCK = threading.Lock()


def group_for(engine: Engine) -> GroupCommit:
    with _GROUPS_LOCK:
        group = _GROUPS.get(engine)
        if group is None:
            group = _GROUPS[engine] = GroupCommit(engine)
        return group


def run(engine: Engine, work: Callable[[Connection], T], clean: tuple[type[Exception], ...] = ()) -> T:
    """``work(conn)`` inside a write transaction shared with the writers waiting now."""
    return group_for(engine).run(work, clean)

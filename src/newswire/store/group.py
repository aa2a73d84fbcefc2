"""Group commit: concurrent writes to one store share one transaction.

Every write to the log takes the sequencer's row lock (SQLite's write lock) up to its
commit, so writers queue anyway; a commit (the WAL append, FTS5 segment flushes) costs as
much for one story as for a dozen. A writer hands its work - a function of the open
connection - to :func:`run`. Whoever finds no transaction running leads: it takes every
waiting writer's work (at most ``MAX_BATCH``), runs each in its own SAVEPOINT inside one
write transaction, commits, and wakes them; the others wait and find their answer ready.

Each work still takes its own sequence number and appends its own event: the batch only
shares the BEGIN and the COMMIT. A work that raises is rolled back to its savepoint (its
sequence number is handed to the next one, so the log stays gap-free) and its writer gets
the exception; the others are unaffected. If the commit itself fails, every writer of the
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
    """One writer's work and, once its batch committed, its answer."""

    __slots__ = ("done", "error", "result", "work")

    def __init__(self, work: Callable[[Connection], T]) -> None:
        self.work = work
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None

    def answer(self) -> T:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


def commit_batch(engine: Engine, batch: Sequence[Request[Any]]) -> None:
    """Run the works in one write transaction, each in its own savepoint (one alone in
    none), and commit; each request then holds its result or its exception."""
    try:
        with write_tx(engine) as conn:
            if len(batch) == 1:
                batch[0].result = batch[0].work(conn)
            else:
                for request in batch:
                    try:
                        with conn.begin_nested():
                            request.result = request.work(conn)
                    except Exception as exc:  # this writer's own failure: the others go on
                        request.error = exc
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

    def run(self, work: Callable[[Connection], T]) -> T:
        request: Request[T] = Request(work)
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


def run(engine: Engine, work: Callable[[Connection], T]) -> T:
    """``work(conn)`` inside a write transaction shared with the writers waiting now."""
    return group_for(engine).run(work)

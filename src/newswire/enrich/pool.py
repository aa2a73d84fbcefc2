"""Enrichment in worker processes, off the publishing thread and its interpreter lock.

Enrichment is pure (``Item -> Item``) and is most of a publication's CPU, so a server
hands it to a pool of processes, one per core (``NEWSWIRE_ENRICH_WORKERS``), and keeps
for itself what needs the store: the near-duplicate lookup and the transaction. A worker
also computes the story's SimHash signature, which is pure too.

Memory: the pool starts at the first publication, not at start-up (an idle or read-only
node never has one), and its workers are forked from the process that already loaded the
vocabularies and the language model (``Pipeline.warm_up``, run then if the server did not
run it at start-up: ``NEWSWIRE_LAZY_MODELS``), after ``gc.freeze()``: they share those
pages copy-on-write instead of loading their own copies. The workers run
only the pipeline (no store, no sockets), which is what makes forking a threaded server
safe enough; :meth:`EnrichPool.close` shuts them down when the server stops.

Failures behave as in-process enrichment: a step that raises is logged and skipped by
the pipeline inside the worker; a worker that dies (or an item that cannot cross to it)
is enriched in the calling thread instead and the pool is started afresh next time.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import stat
import threading
import time
from collections.abc import Collection
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime

from newswire.enrich.dedup import item_signature, signature
from newswire.enrich.pipeline import Pipeline
from newswire.model import MEDIA_TYPES, Item, utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Enriched:
    item: Item
    signature: int | None  # the story's SimHash (None: not a text story, or dedup is off)


def enrich(pipeline: Pipeline, item: Item, now: datetime | None = None, skip: Collection[str] = ()) -> Item:
    """Enrich as of the story's own date - its versionCreated or firstCreated, else the
    publish time (``now``) - so the diary resolves "tomorrow" and "next Tuesday" and tells
    past dates from future ones. The publish time is lent for enrichment only: the store
    stamps the version as before."""
    if item.version_created or item.first_created:
        return pipeline(item, skip)
    dated = pipeline(item.evolve(version_created=now or utcnow()), skip)
    return dated.evolve(version_created=None)


def has_signature(item: Item) -> bool:
    """A story's text is compared for near-duplicates; a picture's, a graphic's or a video's
    caption is not (a still's perceptual hash is: captions of one event's photos would all
    link as duplicates, and a story is never ``related`` to a caption)."""
    return bool(item.bodies) and item.type not in MEDIA_TYPES


def prepare(pipeline: Pipeline, item: Item, now: datetime | None, skip: Collection[str], dedup: bool) -> Enriched:
    enriched = enrich(pipeline, item, now, skip)
    return Enriched(enriched, item_signature(enriched) if dedup and has_signature(enriched) else None)


_worker_pipeline: Pipeline | None = None


def _start_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline
    _close_inherited_sockets()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _close_inherited_sockets() -> None:
    """A forked worker holds a copy of every socket the server had open at the fork (its
    listening socket, clients' connections, streams): while it does, the server's close of a
    connection sends nothing and the client waits. The worker needs none of them (its queues
    are pipes), so it closes them; stdin/stdout/stderr stay."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc: nothing to do it by
        return
    for fd in fds:
        if fd <= 2:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            continue


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (no shutdown) would wait for work forever: forked, it
    holds the task queue's write end too, so its read never sees the queue close."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _in_worker(item: Item, now: datetime | None, skip: tuple[str, ...], dedup: bool) -> Enriched:
    assert _worker_pipeline is not None, "the worker was started without a pipeline"
    return prepare(_worker_pipeline, item, now, skip, dedup)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class EnrichPool:
    """``workers`` processes running ``pipeline``; started lazily, closed by :meth:`close`."""

    def __init__(self, pipeline: Pipeline, workers: int | None = None) -> None:
        self.pipeline = pipeline
        self.workers = workers or default_workers()
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False

    def _pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._executor is None and not self._closed:
                self.pipeline.warm_up()  # loaded before the fork, not once in each worker
                signature("the workers hash stories")  # and numpy, which the hashes import at first use
                gc.freeze()  # what is loaded now stays shared with the forked workers
                context = multiprocessing.get_context("fork")
                self._executor = ProcessPoolExecutor(self.workers, mp_context=context,
                                                     initializer=_start_worker, initargs=(self.pipeline,))
            return self._executor

    def submit(self, item: Item, now: datetime | None = None, skip: Collection[str] = (),
               dedup: bool = True) -> Future[Enriched] | None:
        """The enrichment under way in a worker (None: the pool is closed)."""
        pool = self._pool()
        if pool is None:
            return None
        try:
            return pool.submit(_in_worker, item, now, tuple(skip), dedup)
        except (BrokenProcessPool, RuntimeError):  # a worker died (or shutdown began): start afresh
            self._reset(pool)
            return None

    def run(self, item: Item, now: datetime | None = None, skip: Collection[str] = (),
            dedup: bool = True) -> Enriched:
        return self.result(self.submit(item, now, skip, dedup), item, now, skip, dedup)

    def result(self, future: Future[Enriched] | None, item: Item, now: datetime | None = None,
               skip: Collection[str] = (), dedup: bool = True) -> Enriched:
        """What :meth:`submit` started for ``item``; enriched here if it could not be done there."""
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                log.warning("an enrichment worker died; %s is enriched in-process", item.uri)
                self._reset(self._executor)
            except Exception:  # the item or its answer could not cross between processes
                log.exception("enrichment in a worker failed on %s; enriched in-process", item.uri)
        return prepare(self.pipeline, item, now, skip, dedup)

    def _reset(self, broken: ProcessPoolExecutor | None) -> None:
        with self._lock:
            if broken is not None and self._executor is broken:
                self._executor = None
                broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

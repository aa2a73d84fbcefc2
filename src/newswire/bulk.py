"""Bulk import (``newswire ingest --jobs N``): stories enriched in N processes and stored in
batches, one transaction per batch, each story still with its own version and event.

The importing process reads and parses the files and keeps what needs the store (the
near-duplicate lookup and the transaction); the pool's workers enrich (``enrich.pool``).
While the workers enrich one batch, this process stores the one before.

Resumable: an import interrupted at any point (Ctrl-C, a killed process, a lost machine)
is simply run again over the same files. Each batch commits whole or not at all, and a
story whose stored version already holds what the file says (the identical re-post hash,
``codec.input_hash``) is counted unchanged without being enriched again, so the second run
costs a parse and a read for what the first stored, and stores each story exactly once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import islice

from newswire import formats
from newswire.enrich.pool import Enriched, EnrichPool
from newswire.formats.errors import FormatError
from newswire.model import Item
from newswire.store import codec
from newswire.store import items as store
from newswire.wire import Wire

Reader = Callable[[], bytes]
BATCH = 64


@dataclass
class Tally:
    published: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Pending:
    name: str
    item: Item
    digest: str
    work: Future[Enriched] | None


def _chunks(stories: Iterable[tuple[str, Reader]], size: int) -> Iterator[list[tuple[str, Reader]]]:
    it = iter(stories)
    while chunk := list(islice(it, size)):
        yield chunk


def import_stories(
    wire: Wire, stories: Iterable[tuple[str, Reader]], *, fmt: str = "auto", public: bool = False,
    jobs: int = 2, batch: int = BATCH, refused: tuple[type[Exception], ...] = (),
    advance: Callable[[int], None] = lambda n: None,
) -> Tally:
    """Import ``(name, read)`` stories; ``read`` raising one of ``refused`` skips the story
    (a link, a file too large), a bad file or a refusal by the store fails it; never stops."""
    tally = Tally()
    wire.pipeline.warm_up()  # loaded once, here: the workers fork from it and share its pages
    pool = EnrichPool(wire.pipeline, jobs)
    dedup = "dedup" not in wire.settings.enrich_disabled

    def start(chunk: list[tuple[str, Reader]]) -> list[_Pending]:
        parsed: list[tuple[str, Item]] = []
        for name, read in chunk:
            try:
                parsed.append((name, formats.parse(read(), fmt).evolve(public=public)))
            except refused as exc:
                tally.skipped.append((name, str(exc)))
                advance(1)
            except (FormatError, OSError) as exc:
                tally.failed.append((name, getattr(exc, "detail", None) or str(exc)))
                advance(1)
        stored = store.stored_hashes(wire.engine, [item.uri for _, item in parsed])
        pending = []
        for name, item in parsed:
            digest = codec.input_hash(item)
            version, stored_digest = stored.get(item.uri, (None, None))
            if stored_digest == digest and item.version in (0, version):
                tally.unchanged += 1  # stored by an earlier run: not enriched again
                advance(1)
                continue
            pending.append(_Pending(name, item, digest, pool.submit(item, dedup=dedup)))
        return pending

    def finish(pending: list[_Pending]) -> None:
        if not pending:
            return
        enriched = [(pool.result(p.work, p.item, dedup=dedup), p.digest) for p in pending]
        for p, result in zip(pending, wire.publish_batch(enriched), strict=True):
            if isinstance(result, store.StoreConflict):
                tally.failed.append((p.name, str(result)))
            elif result.created:
                tally.published += 1
            else:
                tally.unchanged += 1
        advance(len(pending))

    try:
        in_flight: list[_Pending] = []
        for chunk in _chunks(stories, batch):
            submitted = start(chunk)  # the workers enrich this batch while the last one is stored
            finish(in_flight)
            in_flight = submitted
        finish(in_flight)
    finally:
        pool.close()
    return tally

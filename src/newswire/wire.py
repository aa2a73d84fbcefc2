"""The running wire: one object the API, the CLI and the workers share.

It holds the store's engine, the enrichment pipeline and the bus, and runs the one flow:
bytes -> formats.parse -> Item -> enrich -> store.publish -> bus.notify.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, select

from newswire import formats
from newswire.config import Settings
from newswire.delivery.bus import Hub
from newswire.delivery.entitlements import on_event
from newswire.delivery.nats_bus import hub_for
from newswire.enrich import pool
from newswire.enrich.dedup import DuplicateIndex, item_signature, related_associations
from newswire.enrich.pipeline import Pipeline
from newswire.model import MEDIA_TYPES, Item
from newswire.store import codec
from newswire.store import items as store
from newswire.store.engine import make_engine, read_tx
from newswire.store.index import signatures_after
from newswire.store.migrate import upgrade
from newswire.store.tables import sequencer

_LAST_SEQ = select(sequencer.c.last_seq).where(sequencer.c.id == 1)


class SimilarStories:
    """Near-duplicate and related stories: a node-local LSH index of the stored SimHash
    signatures, caught up from the store before each lookup (other nodes write there too).

    The catch-up reads the store's sequence first: while it stands where this index knows
    every signature (``_known_seq``: the last catch-up's, moved on by :meth:`wrote` when this
    process wrote the very next event) the read of new signatures is skipped. Any other
    writer - another node, process or a write that bypasses :meth:`wrote` - moves the
    sequence past that mark, and the next lookup reads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.index = DuplicateIndex()
        self._seen_id = 0
        self._known_seq: int | None = None
        self._lock = threading.Lock()

    def _catch_up(self) -> None:
        first = True
        while True:
            with read_tx(self.engine) as conn:
                if first:
                    seq = int(conn.execute(_LAST_SEQ).scalar_one())
                    if seq == self._known_seq:
                        return
                    first = False
                rows = signatures_after(conn, self._seen_id)
            for row_id, uri, sig in rows:
                self.index.add(uri, sig)
                self._seen_id = row_id
            if len(rows) < 5000:
                self._known_seq = seq  # every signature of the events up to seq is read
                return

    def near(self, item: Item, sig: int | None = None) -> tuple[list[tuple[str, int]], int]:
        """The stories near the item's text, ``(uri, Hamming distance)`` nearest first, and its
        signature (computed unless given; the desk's suggestions list them too: ``desk.nearby``)."""
        sig = item_signature(item) if sig is None else sig
        with self._lock:
            self._catch_up()
            return self.index.near(sig, exclude=item.uri), sig

    def link(self, item: Item, sig: int | None = None) -> tuple[Item, int]:
        """The item with associations to its closest near matches (``dedup.MAX_LINKS``), and
        its signature."""
        matches, sig = self.near(item, sig)
        added = related_associations(item, matches)
        return (item.evolve(associations=item.associations + added) if added else item), sig

    def add(self, uri: str, sig: int) -> None:
        with self._lock:
            self.index.add(uri, sig)

    def wrote(self, result: store.PublishResult, signature: int | None) -> None:
        """This process stored ``result`` with ``signature``: the index takes the signature as
        the store keeps it (``store.publish`` keeps a usable story's; a media item's is not a
        story's), and, when its event is the one right after those the index knows, it
        knows the store up to that event without reading it."""
        if result.event is None:
            return
        item = result.item
        with self._lock:
            if signature is not None and item.pub_status == "usable" and item.type not in MEDIA_TYPES:
                self.index.add(item.uri, signature)
            if self._known_seq is not None and result.event.seq == self._known_seq + 1:
                self._known_seq = result.event.seq


@dataclass
class Wire:
    settings: Settings
    engine: Engine
    pipeline: Pipeline
    hub: Hub = field(default_factory=Hub)
    recipients_fn: store.RecipientsFn | None = None
    similar: SimilarStories = field(init=False)
    enrich_pool: pool.EnrichPool | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.similar = SimilarStories(self.engine)

    @classmethod
    def open(cls, settings: Settings | None = None, *, migrate: bool = True) -> Wire:
        settings = settings or Settings.from_env()
        engine = make_engine(settings.database_url)
        if migrate:
            upgrade(engine)
        return cls(settings, engine, Pipeline.default(settings.enrich_disabled), hub=hub_for(settings),
                   recipients_fn=on_event)

    def close(self) -> None:
        if self.enrich_pool is not None:
            self.enrich_pool.close()
            self.enrich_pool = None
        self.engine.dispose()

    def ingest(self, data: bytes, fmt: str = "auto", *, public: bool = False) -> store.PublishResult:
        return self.publish(formats.parse(data, fmt), public=public)

    def publish(
        self, item: Item, *, public: bool = False, now: datetime | None = None,
        prepare: store.PrepareFn | None = None, record: store.RecordFn | None = None,
        expected_version: int | None = None, signature: int | None = None, reviewed: Collection[str] = (),
    ) -> store.PublishResult:
        """``signature``: a picture's perceptual hash (``media.similar``), stored as its
        similarity signature; a story's is the SimHash of its text, computed here.
        ``reviewed``: enrichment steps an editor decided at the desk (not run again)."""
        received = item.evolve(public=public)
        digest = codec.input_hash(received)
        prepared = self.prepare(received, now, reviewed)
        enriched = prepared.item
        if prepared.signature is not None:  # a story's text (a media item's caption is not compared)
            enriched, signature = self.similar.link(enriched, prepared.signature)
        result = store.publish(
            self.engine, enriched, input_hash=digest, now=now,
            recipients_fn=self.recipients_fn, signature=signature, prepare=prepare, record=record,
            expected_version=expected_version,
        )
        self.similar.wrote(result, signature)
        self._announce(result)
        return result

    def publish_batch(self, stories: Sequence[tuple[pool.Enriched, str]],
                      now: datetime | None = None) -> list[store.PublishResult | store.StoreConflict]:
        """Enriched stories, each with the hash of what was sent (``codec.input_hash``),
        linked to their near-duplicates (earlier ones of the batch included) and stored in
        one transaction, each with its own version and event (``store.publish_batch``): a
        bulk import. A story the store refuses is answered with its conflict."""
        publications = []
        for prepared, digest in stories:
            item, sig = prepared.item, prepared.signature
            if sig is not None:
                item, sig = self.similar.link(item, sig)
                self.similar.add(item.uri, sig)
            publications.append(store.Publication(item, digest, sig))
        results = store.publish_batch(self.engine, publications, now=now, recipients_fn=self.recipients_fn)
        written = []
        for publication, result in zip(publications, results, strict=True):
            if isinstance(result, store.StoreConflict):
                if publication.signature is not None:
                    self.similar.index.remove(publication.item.uri)
            elif result.event is not None:
                written.append((result.event.seq, result, publication.signature))
        for _seq, result, sig in sorted(written, key=lambda w: w[0]):
            self.similar.wrote(result, sig)
        seqs = [r.event.seq for r in results if isinstance(r, store.PublishResult) and r.event is not None]
        if seqs:
            self.hub.notify(max(seqs))
        return results

    def enrich(self, item: Item, now: datetime | None = None, skip: Collection[str] = ()) -> Item:
        """The item enriched in this thread, as of its own date (``pool.enrich``)."""
        return pool.enrich(self.pipeline, item, now, skip)

    def prepare(self, item: Item, now: datetime | None = None, skip: Collection[str] = ()) -> pool.Enriched:
        """The item enriched, with its near-duplicate signature: in the enrichment pool's
        workers when the wire has one (:meth:`use_pool`), else in this thread."""
        dedup = "dedup" not in self.settings.enrich_disabled
        if self.enrich_pool is not None:
            return self.enrich_pool.run(item, now, skip, dedup)
        return pool.prepare(self.pipeline, item, now, skip, dedup)

    def use_pool(self, workers: int | None = None) -> pool.EnrichPool:
        """Enrich in ``workers`` processes from now on (None: one per core); the pool starts
        at the first publication and stops with :meth:`close`."""
        if self.enrich_pool is None:
            self.enrich_pool = pool.EnrichPool(self.pipeline, workers)
        return self.enrich_pool

    def store_version(self, item: Item, *, reason: str, expected_version: int | None = None,
                      record: store.RecordFn | None = None) -> store.PublishResult:
        """Store an already-enriched version as is (re-enrichment), with a reason on its event
        (only while the story is at ``expected_version``, when given)."""
        result = store.publish(self.engine, item, input_hash=codec.input_hash(item), reason=reason,
                               recipients_fn=self.recipients_fn, expected_version=expected_version,
                               record=record)
        self._announce(result)
        return result

    def kill(self, uri: str, reason: str, *, expected_version: int | None = None,
             record: store.RecordFn | None = None) -> store.PublishResult:
        result = store.kill(self.engine, uri, reason, recipients_fn=self.recipients_fn,
                            expected_version=expected_version, record=record)
        self._announce(result)
        return result

    def lift_embargoes(self, now: datetime | None = None) -> list[store.Event]:
        lifted = store.lift_due_embargoes(self.engine, now, recipients_fn=self.recipients_fn)
        if lifted:
            self.hub.notify(lifted[-1].seq)
        return lifted

    def _announce(self, result: store.PublishResult) -> None:
        if result.event is not None:
            self.hub.notify(result.event.seq)

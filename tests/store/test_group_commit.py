"""Publications that meet at the store share a transaction (group commit), and each keeps
its own version, sequence number and event; one the store refuses costs the others nothing."""

from __future__ import annotations

import threading
from functools import partial

from newswire.formats import parse
from newswire.model import utcnow
from newswire.store import codec, group
from newswire.store import items as store

from conftest import open_wire
from factories import as_bytes, ninjs_story

NO_ENRICHMENT = ("language", "dateline", "entities", "quotes", "topics", "summary", "planning", "dedup")


def publication(uri: str, marker: str = "") -> store.Publication:
    item = parse(as_bytes(ninjs_story("en", uri=uri, marker=marker)))
    return store.Publication(item, codec.input_hash(item))


def test_a_batch_stores_each_story_with_its_own_sequence_and_event(db_url: str) -> None:
    wire = open_wire(db_url, enrich_disabled=NO_ENRICHMENT)
    first = publication("urn:t:first")
    store.publish(wire.engine, first.item, input_hash=first.input_hash)
    wire.kill(wire.ingest(as_bytes(ninjs_story("en", uri="urn:t:killed"))).item.uri, "wrong")
    before = store.last_seq(wire.engine)

    answers = store.publish_batch(wire.engine, [
        publication("urn:t:a"),
        publication("urn:t:killed", marker="again"),  # refused: a killed story stays killed
        first,                                        # an identical re-post: nothing appended
        publication("urn:t:first", marker="update"),  # the next version of the same story
        publication("urn:t:b"),
    ])

    a, refused, same, update, b = answers
    assert isinstance(refused, store.StoreConflict)
    assert isinstance(same, store.PublishResult) and not same.created and same.event is None
    assert isinstance(a, store.PublishResult) and isinstance(update, store.PublishResult)
    assert isinstance(b, store.PublishResult)
    assert [r.event.seq for r in (a, update, b) if r.event] == [before + 1, before + 2, before + 3]
    assert (update.item.version, update.event.type if update.event else None) == (2, "updated")
    logged = [(e.seq, e.uri, e.version, e.type) for e, _ in store.events_after(wire.engine, before)]
    assert logged == [(before + 1, "urn:t:a", 1, "published"), (before + 2, "urn:t:first", 2, "updated"),
                      (before + 3, "urn:t:b", 1, "published")]
    assert store.current_version(wire.engine, "urn:t:killed") == 2
    wire.close()


def test_concurrent_publishers_each_get_their_own_event_in_order(db_url: str) -> None:
    writers = 8
    wire = open_wire(db_url, enrich_disabled=NO_ENRICHMENT)
    per_writer = 15
    results: dict[str, int] = {}
    lock = threading.Lock()

    def write(n: int) -> None:
        for i in range(per_writer):
            p = publication(f"urn:t:{n}:{i}")
            result = store.publish(wire.engine, p.item, input_hash=p.input_hash)
            assert result.event is not None
            with lock:
                results[p.item.uri] = result.event.seq

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = writers * per_writer
    assert sorted(results.values()) == list(range(1, total + 1))
    logged = store.events_after(wire.engine, 0, limit=total + 10)
    assert {e.uri: e.seq for e, _ in logged} == results
    assert all(item.uri == e.uri and item.version == 1 for e, item in logged)
    wire.close()


def test_a_publication_failing_after_it_wrote_is_undone_alone(db_url: str) -> None:
    """A hook (the desk's audit, a picture's media rows) may fail after the version is
    written: the batch runs again with a savepoint around each, so only that one is undone."""
    wire = open_wire(db_url, enrich_disabled=NO_ENRICHMENT)

    def failing_record(conn: object, item: object) -> None:
        raise RuntimeError("the audit row could not be written")

    def work(p: store.Publication, record: store.RecordFn | None = None) -> group.Request[store.PublishResult]:
        return group.Request(partial(store.publish_in, item=p.item, input_hash=p.input_hash, now=utcnow(),
                                     record=record), () if record else (store.StoreConflict,))

    batch = [work(publication("urn:t:one")), work(publication("urn:t:audited"), failing_record),
             work(publication("urn:t:two"))]
    group.commit_batch(wire.engine, batch)

    assert isinstance(batch[1].error, RuntimeError)
    assert [r.answer().event.seq for r in (batch[0], batch[2])] == [1, 2]  # type: ignore[union-attr]
    assert [(e.seq, e.uri) for e, _ in store.events_after(wire.engine, 0)] == [(1, "urn:t:one"), (2, "urn:t:two")]
    assert store.get_item(wire.engine, "urn:t:audited") is None
    wire.close()

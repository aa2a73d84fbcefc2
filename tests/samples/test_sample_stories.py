"""The sample stories `make run` loads: many languages, and every lifecycle case."""

from __future__ import annotations

from newswire.model import utcnow
from newswire.samples import load_samples
from newswire.store import items as store
from newswire.wire import Wire


def test_samples_load_cleanly_with_every_lifecycle_case(wire: Wire) -> None:
    report = load_samples(wire)
    assert report.failed == []
    assert report.published >= 12 and report.killed == 1
    events = store.events_after(wire.engine, 0, limit=500)
    types = [e.type for e, _ in events]
    assert {"published", "updated", "corrected", "killed"} <= set(types)
    languages = {item.language for _, item in events}
    assert {"en", "tr", "ar", "ru", "fr", "es"} <= languages
    embargoed = [item for e, item in events if e.embargoed]
    assert embargoed and embargoed[0].embargoed_at(utcnow())
    public = {item.uri for _, item in events if item.public}
    assert 0 < len(public) < len({item.uri for _, item in events})


def test_loading_twice_appends_nothing_new(wire: Wire) -> None:
    load_samples(wire)
    before = store.last_seq(wire.engine)
    second = load_samples(wire)
    # identical stories are unchanged; only the embargoed one differs (its time moved on)
    assert second.published <= 1 and second.killed == 0
    assert store.last_seq(wire.engine) - before <= 1

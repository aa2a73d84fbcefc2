"""Re-enrichment: new versions only where machine metadata would change."""

from __future__ import annotations

from newswire.enrich.pipeline import Pipeline
from newswire.enrich.report import reenrich_archive
from newswire.model import parse_time
from newswire.store import items as store

from conftest import open_wire
from factories import as_bytes, ninjs_story

SINCE = parse_time("2000-01-01")


def test_an_archive_enriched_by_the_same_pipeline_gets_no_new_versions(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSWIRE_TAGGER_MODEL", str(tmp_path / "no-model.json"))
    wire = open_wire(f"sqlite:///{tmp_path / 'w.db'}")
    for lang in ("en", "tr", "ru"):
        wire.ingest(as_bytes(ninjs_story(lang)))
    assert reenrich_archive(wire, SINCE) == (0, 3)
    assert store.last_seq(wire.engine) == 3
    wire.close()


def test_items_whose_machine_metadata_changes_get_a_version_with_a_reason(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSWIRE_TAGGER_MODEL", str(tmp_path / "no-model.json"))
    wire = open_wire(f"sqlite:///{tmp_path / 'w.db'}", enrich_disabled=("summary",))
    body = ("<p>The port authority opened a new container terminal on Monday in the northern harbour.</p>"
            "<p>The terminal doubles the harbour's capacity to four million containers a year.</p>"
            "<p>Officials said the project cost 800 million euros and took four years to build.</p>"
            "<p>Shipping lines have already booked most of the new berths for next year.</p>"
            "<p>A rail link to the terminal is due to open in the spring.</p>")
    doc = ninjs_story("en", bodies=[{"value": body}])
    wire.ingest(as_bytes(doc))
    assert store.get_item(wire.engine, doc["uri"]).summary is None  # type: ignore[union-attr]
    wire.pipeline = Pipeline.default()  # now with the summary step
    assert reenrich_archive(wire, SINCE, dry_run=True) == (1, 1)
    assert store.last_seq(wire.engine) == 1
    assert reenrich_archive(wire, SINCE) == (1, 1)
    [(event, item)] = store.events_after(wire.engine, 1)
    assert (event.type, event.reason, item.version) == ("updated", "re-enrichment", 2)
    assert item.summary
    wire.close()

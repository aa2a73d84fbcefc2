"""Near-duplicates: a story is linked to earlier stories of the same news on publish."""

from __future__ import annotations

from newswire.wire import Wire

from conftest import open_wire
from factories import as_bytes

BODY = ("<p>The central bank kept its policy rate unchanged at 40 percent on Thursday, citing a steady fall in "
        "inflation over the past four months and a stronger currency.</p><p>The committee said it would keep "
        "monetary policy tight until price stability was firmly established, and that it expected inflation "
        "to end the year close to its interim target.</p><p>Economists polled before the decision had "
        "expected no change, though several said a first cut could come early next year if the trend "
        "held.</p>")


def story(uri: str, body: str, headline: str = "Central bank holds rate at 40 percent") -> bytes:
    return as_bytes({"uri": uri, "language": "en", "headlines": [{"value": headline}],
                     "bodies": [{"value": body}]})


def test_a_rewrite_of_the_same_news_is_linked_and_other_news_is_not(wire: Wire) -> None:
    wire.ingest(story("urn:agency-a:rate", BODY))
    rewrite = BODY.replace("on Thursday", "on Thursday afternoon").replace("Economists", "Analysts")
    linked = wire.ingest(story("urn:agency-b:rate", rewrite, "Bank leaves key rate on hold"))
    assert [(a.uri, a.rel) for a in linked.item.associations] == [("urn:agency-a:rate", "duplicate")]
    other = wire.ingest(story("urn:agency-b:storm", "<p>A storm closed three ports on the Black Sea coast on "
                              "Friday as winds reached 110 km/h, and ferries to the islands were cancelled "
                              "until further notice.</p>", "Storm shuts Black Sea ports"))
    assert other.item.associations == ()


def test_another_node_sees_signatures_stored_by_the_first(db_url: str) -> None:
    first, second = open_wire(db_url), open_wire(db_url)
    first.ingest(story("urn:node-a:rate", BODY))
    linked = second.ingest(story("urn:node-b:rate", BODY.replace("Thursday", "Wednesday")))
    assert [a.uri for a in linked.item.associations] == ["urn:node-a:rate"]
    first.close()
    second.close()


def test_a_node_that_wrote_last_skips_the_read_and_still_sees_the_other_nodes_next_story(
        db_url: str, monkeypatch) -> None:
    from newswire import wire as wire_module

    reads = []
    real = wire_module.signatures_after
    monkeypatch.setattr(wire_module, "signatures_after", lambda *a, **k: reads.append(1) or real(*a, **k))
    first, second = open_wire(db_url), open_wire(db_url)
    try:
        second.ingest(story("urn:node-b:storm", "<p>A storm closed three ports on the Black Sea coast on "
                            "Friday as winds reached 110 km/h.</p>", "Storm shuts Black Sea ports"))
        second.ingest(story("urn:node-b:other", "<p>Parliament passed the budget bill late on Tuesday "
                            "after a twelve-hour debate.</p>", "Budget passes"))
        before = len(reads)
        second.ingest(story("urn:node-b:third", "<p>The football federation named a new national coach "
                            "on Monday.</p>", "New coach named"))
        assert len(reads) == before  # only its own writes since its last look: no read
        first.ingest(story("urn:node-a:rate", BODY))  # the other node writes
        linked = second.ingest(story("urn:node-b:rate", BODY.replace("Thursday", "Wednesday")))
        assert [a.uri for a in linked.item.associations] == ["urn:node-a:rate"]
        assert len(reads) > before
    finally:
        first.close()
        second.close()


def test_a_new_version_replaces_the_signature_in_the_writers_own_index(wire: Wire) -> None:
    other = ("<p>A storm closed three ports on the Black Sea coast on Friday as winds reached 110 km/h, "
             "and ferries to the islands were cancelled until further notice.</p>")
    wire.ingest(story("urn:agency-a:x", BODY))
    wire.ingest(story("urn:agency-a:x", other, "Storm shuts Black Sea ports"))  # version 2: another text
    linked = wire.ingest(story("urn:agency-b:storm", other, "Storm shuts ports"))
    assert [a.uri for a in linked.item.associations] == ["urn:agency-a:x"]
    fresh = wire.ingest(story("urn:agency-b:rate", BODY))
    assert "urn:agency-a:x" not in [a.uri for a in fresh.item.associations]

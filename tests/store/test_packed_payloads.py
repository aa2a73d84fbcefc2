"""Payloads are kept deflated, only the store knows it, and the site's translation lookup
reads clues instead of matching text in payloads (issue 16: store size, migration 0014)."""

from __future__ import annotations

import json

from sqlalchemy import Engine, text

from newswire.model import Association, Item, Text, utcnow
from newswire.store import codec
from newswire.store import items as store
from newswire.store.engine import make_engine
from newswire.store.migrate import downgrade, upgrade
from newswire.store.packing import pack, unpack
from newswire.wire import Wire

from factories import as_bytes, ninjs_story


def _payloads(engine: Engine) -> dict[tuple[str, int], str | bytes]:
    with engine.connect() as conn:
        return {(r[0], r[1]): r[2] for r in conn.execute(text("SELECT uri, version, payload FROM versions"))}


def _clues(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        return {(r[0], r[1]) for r in conn.execute(text("SELECT clue, uri FROM translation_clues"))}


def test_a_published_version_is_stored_deflated_and_reads_back_whole(wire: Wire) -> None:
    doc = ninjs_story("en", slugline="HARBOUR-STRIKE", marker="harbour " * 200)
    result = wire.ingest(as_bytes(doc))
    [stored] = _payloads(wire.engine).values()
    assert isinstance(stored, bytes)
    as_json = codec.encode(result.item).encode()
    assert len(stored) * 3 < len(as_json)  # repetitive text: deflate keeps well under a third
    assert unpack(stored).encode() == as_json
    read = store.get_version(wire.engine, doc["uri"], 1)
    assert read is not None and read.body_html == result.item.body_html and read.slugline == "HARBOUR-STRIKE"


def test_the_clues_follow_the_current_version_and_a_kill_removes_them(wire: Wire) -> None:
    english = ninjs_story("en", slugline="HARBOUR-STRIKE")
    french = ninjs_story("fr", associations=[{"uri": english["uri"], "rel": "translation"},
                                             {"uri": "urn:newswire:elsewhere", "rel": "related"}])
    wire.ingest(as_bytes(english))
    wire.ingest(as_bytes(french))
    assert _clues(wire.engine) == {("s:HARBOUR-STRIKE", english["uri"]), ("u:" + english["uri"], french["uri"])}
    wire.ingest(as_bytes({**english, "slugline": "  PORT-STRIKE "}))
    assert _clues(wire.engine) == {("s:PORT-STRIKE", english["uri"]), ("u:" + english["uri"], french["uri"])}
    wire.kill(french["uri"], "withdrawn")
    assert _clues(wire.engine) == {("s:PORT-STRIKE", english["uri"])}


def _insert(conn, item: Item, *, current: bool) -> None:  # type: ignore[no-untyped-def]
    conn.execute(text("INSERT INTO versions (uri, version, input_hash, payload, stored_at) "
                      "VALUES (:u, :v, 'h', :p, :t)"),
                 {"u": item.uri, "v": item.version, "p": codec.encode(item), "t": item.version_created})
    if current:
        conn.execute(text("INSERT INTO items (uri, version, pub_status, type, language, headline, public, "
                          "embargo_lifted, first_created, version_created, last_seq) VALUES "
                          "(:u, :v, :s, 'text', :l, :h, :pub, :lifted, :f, :t, 1)"),
                     {"u": item.uri, "v": item.version, "s": item.pub_status, "l": item.language,
                      "h": item.headline, "pub": True, "lifted": True, "f": item.first_created,
                      "t": item.version_created})


def test_migration_0014_packs_every_payload_files_the_clues_and_goes_back(blank_db_url: str) -> None:
    engine = make_engine(blank_db_url)
    upgrade(engine, "0013")
    now = utcnow().replace(microsecond=0)
    english = Item(uri="urn:t:en", version=1, language="en", slugline="HARBOUR-STRIKE",
                   headlines=(Text("Dockers strike"),), first_created=now, version_created=now)
    english2 = english.evolve(version=2, slugline="PORT-STRIKE", headlines=(Text("Dockers strike on"),))
    french = Item(uri="urn:t:fr", version=1, language="fr", headlines=(Text("Grève des dockers"),),
                  associations=(Association(uri="urn:t:en", rel="translation"),), first_created=now,
                  version_created=now)
    killed = Item(uri="urn:t:k", version=1, language="de", slugline="HARBOUR-STRIKE", pub_status="canceled",
                  headlines=(Text("Streik"),), first_created=now, version_created=now)
    originals = {(i.uri, i.version): codec.encode(i) for i in (english, english2, french, killed)}
    with engine.begin() as conn:
        _insert(conn, english, current=False)
        for item in (english2, french, killed):
            _insert(conn, item, current=True)
    upgrade(engine)
    packed = _payloads(engine)
    assert all(isinstance(p, bytes) and not p.startswith(b"{") for p in packed.values())
    assert {key: unpack(p) for key, p in packed.items()} == originals
    # the current version's clues only, and none for a killed story
    assert _clues(engine) == {("s:PORT-STRIKE", "urn:t:en"), ("u:urn:t:en", "urn:t:fr")}
    first = store.get_version(engine, "urn:t:en", 1)
    assert first is not None and first.slugline == "HARBOUR-STRIKE"
    downgrade(engine, "0013")
    assert _payloads(engine) == originals
    assert json.loads(originals[("urn:t:fr", 1)])["language"] == "fr"
    upgrade(engine)
    assert {key: unpack(p) for key, p in _payloads(engine).items()} == originals
    engine.dispose()


def test_a_payload_stored_as_json_text_still_decodes() -> None:
    item = Item(uri="urn:t:x", version=1, language="en", headlines=(Text("Ferry"),))
    as_text = codec.encode(item)
    for stored in (as_text, as_text.encode(), pack(as_text)):
        assert unpack(stored) == as_text
        assert codec.decode(stored).headline == "Ferry"

"""Search at archive scale: the index keeps no second copy of the text (SQLite), a story's
new version replaces its words, and ranking in blocks of the newest matches still pages
through every match exactly once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from newswire.model import Item, Text, utcnow
from newswire.store import codec, search
from newswire.store import items as store
from newswire.store.engine import make_engine, read_tx
from newswire.store.migrate import upgrade


def _story(uri: str, body: str, minutes: int = 0) -> Item:
    at = utcnow().replace(microsecond=0) - timedelta(hours=1) + timedelta(minutes=minutes)
    return Item(uri=uri, language="en", headlines=(Text("Weather news"),),
                bodies=(Text(f"<p>{body}</p>", content_type="text/html"),), version_created=at)


def _publish(engine: Engine, item: Item) -> None:
    store.publish(engine, item, input_hash=codec.input_hash(item))


def _found(engine: Engine, q: str, offset: int = 0, limit: int = 20) -> list[str]:
    with read_tx(engine) as conn:
        return [uri for uri, _score, _payload in search.find(conn, search.Query(q), offset=offset, limit=limit)]


def test_a_new_version_replaces_its_words_and_a_kill_removes_them(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    _publish(engine, _story("urn:t:harbour", "The harbour reopened after the storm."))
    assert _found(engine, "harbour") == ["urn:t:harbour"]
    _publish(engine, _story("urn:t:harbour", "The lighthouse reopened after the storm.").evolve(version=2))
    assert _found(engine, "harbour") == []
    assert _found(engine, "lighthouse") == ["urn:t:harbour"]
    store.kill(engine, "urn:t:harbour", "legal")
    assert _found(engine, "lighthouse") == []
    engine.dispose()


def test_paging_walks_every_match_once_across_ranking_blocks(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_BLOCK", 3)
    engine = make_engine(db_url)
    upgrade(engine)
    uris = [f"urn:t:{n}" for n in range(8)]
    for n, uri in enumerate(uris):
        _publish(engine, _story(uri, "ferry " * (1 + n % 3) + "crossing", minutes=n))
    pages = [_found(engine, "ferry", offset, 2) for offset in range(0, 10, 2)]
    seen = [uri for page in pages for uri in page]
    assert sorted(seen) == sorted(uris) and len(seen) == len(uris)
    assert set(pages[0]) <= set(uris[-3:])  # the first block holds the newest three matches
    assert _found(engine, "ferry", 0, 20) == seen
    engine.dispose()


def test_migration_0012_converts_the_index_and_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0011")
    item = _story("urn:t:old", "The harbour reopened.").evolve(version=1, first_created=utcnow())
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO versions (uri, version, input_hash, payload, stored_at) "
                          "VALUES (:u, 1, 'h', :p, :t)"), {"u": item.uri, "p": codec.encode(item), "t": utcnow()})
        conn.execute(text("INSERT INTO items (uri, version, pub_status, type, language, headline, public, "
                          "embargo_lifted, first_created, version_created, last_seq) VALUES "
                          "(:u, 1, 'usable', 'text', 'en', 'h', 0, 1, :t, :t, 1)"), {"u": item.uri, "t": utcnow()})
        conn.execute(text("INSERT INTO search_keys (id, uri) VALUES (7, :u)"), {"u": item.uri})
        conn.execute(text("INSERT INTO search_fts (rowid, uri, lang, terms) "
                          "VALUES (7, :u, 'en', 'the harbour reopen')"), {"u": item.uri})
    upgrade(engine)
    with engine.connect() as conn:
        columns = [row[1] for row in conn.execute(text("PRAGMA table_info(search_fts)"))]
        create = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'item_tags'")).scalar_one()
    assert columns == ["terms"] and "WITHOUT ROWID" in create
    assert _found(engine, "harbour") == ["urn:t:old"]
    upgrade_down(engine)
    with engine.connect() as conn:
        back = conn.execute(text("SELECT uri, lang FROM search_fts WHERE search_fts MATCH 'harbour'")).all()
    assert back == [("urn:t:old", "en")]
    engine.dispose()


def upgrade_down(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    from newswire.store.migrate import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(newswire_write=True) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0011")
        conn.commit()


def test_a_word_with_fewer_matches_than_a_block_is_ranked_from_the_index(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a rare word's matches are read from the full-text index first and, when
    they fit one block, ranked as that block (the planner's thousandfold overestimate had it walk
    every item of a million); the answer is the same as the walk's, best first."""
    monkeypatch.setattr(search, "RANK_BLOCK", 3)
    engine = make_engine(db_url)
    upgrade(engine)
    for n in range(6):
        _publish(engine, _story(f"urn:t:{n}", "ferry crossing", minutes=n))
    _publish(engine, _story("urn:t:q1", "quokka seen near the ferry", minutes=10))
    _publish(engine, _story("urn:t:q2", "quokka quokka quokka on the quay", minutes=11))
    assert _found(engine, "quokka") == ["urn:t:q2", "urn:t:q1"]  # more mentions rank first
    assert _found(engine, "quokka", offset=3) == []
    assert sorted(_found(engine, "ferry")) == sorted([f"urn:t:{n}" for n in range(6)] + ["urn:t:q1"])
    if engine.dialect.name == "postgresql":
        with read_tx(engine) as conn:
            few = search._few_matches(conn, search.Query("quokka", lang="en"))
            assert sorted(few or []) == ["urn:t:q1", "urn:t:q2"]
            assert search._few_matches(conn, search.Query("ferry", lang="en")) is None  # seven: more than a block
            assert conn.execute(text("SELECT current_setting('enable_seqscan')")).scalar_one() == "on"
    engine.dispose()


def test_a_slow_index_probe_gives_way_to_the_walk_with_the_same_answer(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the index takes longer than the probe's time limit (a common word at a million
    stories), the search walks the newest items as before: same answer, settings restored."""
    if not db_url.startswith("postgresql"):
        pytest.skip("the index probe is PostgreSQL's; SQLite's FTS5 has no such planner")
    engine = make_engine(db_url)
    upgrade(engine)
    for n in range(3):
        _publish(engine, _story(f"urn:t:{n}", "ferry crossing " * (n + 1), minutes=n))
    quick = _found(engine, "ferry")
    slow = "SELECT d.uri FROM search_docs d, pg_sleep(0.3) WHERE d.doc @@ ({tsq}) LIMIT :n"
    monkeypatch.setattr(search, "_PROBE", slow)
    monkeypatch.setattr(search, "PROBE_TIMEOUT_MS", 50)
    with read_tx(engine) as conn:
        assert search._few_matches(conn, search.Query("ferry", lang="en")) is None
        assert conn.execute(text("SELECT current_setting('statement_timeout')")).scalar_one() == "0"
        assert conn.execute(text("SELECT current_setting('enable_seqscan')")).scalar_one() == "on"
    assert _found(engine, "ferry") == quick == ["urn:t:2", "urn:t:1", "urn:t:0"]
    engine.dispose()

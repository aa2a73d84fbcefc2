"""A story is tagged by the ids of the tags the process has seen (store.index._tag); an id
remembered from a write that was undone never tags a story with another tag's id."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from newswire.model import Concept, Item, Text, utcnow
from newswire.store import codec
from newswire.store import items as store
from newswire.store.engine import make_engine, read_tx, write_tx
from newswire.store.index import _known_tags
from newswire.store.migrate import upgrade


class _Undo(Exception):
    pass


def _story(uri: str, *people: str) -> Item:
    return Item(uri=uri, language="en", headlines=(Text("Harbour news"),),
                bodies=(Text("<p>The harbour reopened.</p>", content_type="text/html"),),
                people=tuple(Concept(name=p) for p in people), version_created=utcnow().replace(microsecond=0))


def _tags_of(engine: Engine, uri: str) -> set[str]:
    with read_tx(engine) as conn:
        return set(conn.execute(text("SELECT t.label FROM item_tags i JOIN tags t ON t.id = i.tag_id "
                                     "WHERE i.uri = :u"), {"u": uri}).scalars())


def test_an_id_remembered_from_an_undone_write_is_not_used(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    story = _story("urn:t:undone", "Zed Alpha")
    with pytest.raises(_Undo), write_tx(engine) as conn:  # the tag is added, remembered, undone
        store.publish_in(conn, story, input_hash=codec.input_hash(story), now=utcnow().replace(microsecond=0))
        raise _Undo
    assert ("person", "zed-alpha", "Zed Alpha") in _known_tags[engine]
    other = _story("urn:t:other", "Yan Beta")  # on SQLite, takes the undone tag's id
    store.publish(engine, other, input_hash=codec.input_hash(other))
    again = _story("urn:t:again", "Zed Alpha", "Yan Beta")
    store.publish(engine, again, input_hash=codec.input_hash(again))
    assert _tags_of(engine, "urn:t:other") == {"Yan Beta"}
    assert _tags_of(engine, "urn:t:again") == {"Zed Alpha", "Yan Beta"}
    assert ("person", "zed-alpha", "Zed Alpha") not in _known_tags[engine]  # forgotten, then learnt again
    last = _story("urn:t:last", "Zed Alpha")
    store.publish(engine, last, input_hash=codec.input_hash(last))
    assert _tags_of(engine, "urn:t:last") == {"Zed Alpha"}
    with read_tx(engine) as conn:
        ids = dict(conn.execute(text("SELECT label, id FROM tags WHERE kind = 'person'")).all())
    assert _known_tags[engine][("person", "zed-alpha", "Zed Alpha")] == ids["Zed Alpha"]
    engine.dispose()


def test_known_tags_spare_the_lookups_and_tag_alike(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    for n in range(3):
        item = _story(f"urn:t:{n}", "Zed Alpha", "Yan Beta", *(["Xu Gamma"] if n else []))
        store.publish(engine, item, input_hash=codec.input_hash(item))
    assert [_tags_of(engine, f"urn:t:{n}") for n in range(3)] == [
        {"Zed Alpha", "Yan Beta"}, {"Zed Alpha", "Yan Beta", "Xu Gamma"}, {"Zed Alpha", "Yan Beta", "Xu Gamma"}]
    with read_tx(engine) as conn:
        assert conn.execute(text("SELECT count(*) FROM tags WHERE kind = 'person'")).scalar() == 3
    assert len(_known_tags[engine]) == 3
    engine.dispose()

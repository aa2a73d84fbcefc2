"""Tags are kept once, by id, and a story's tags are its rows of ids (issue 16: store size,
migration 0015): what a story is tagged with, the labels, the tag filters of the site and of
search are as they were."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, text

from newswire.model import MEDIATOPIC_URI, Concept, Item, Text, utcnow
from newswire.routing import Product
from newswire.site.queries import Filter, latest, sections_present
from newswire.store import codec, search
from newswire.store import items as store
from newswire.store.engine import make_engine, read_tx
from newswire.store.index import slug, tags_for
from newswire.store.migrate import downgrade, upgrade

ECONOMY, BUSINESS = "medtop:04000000", "medtop:20000349"  # a section, a topic below it
SPORT = "medtop:15000000"


def _topic(code: str) -> Concept:
    return Concept(uri=MEDIATOPIC_URI + code.split(":")[1])


def _story(uri: str, lang: str, *codes: str, people: tuple[str, ...] = (), minutes: int = 0) -> Item:
    at = utcnow().replace(microsecond=0) - timedelta(hours=1) + timedelta(minutes=minutes)
    return Item(uri=uri, language=lang, public=True, headlines=(Text("Harbour news"),),
                bodies=(Text("<p>The harbour reopened.</p>", content_type="text/html"),),
                subjects=tuple(_topic(c) for c in codes), people=tuple(Concept(name=p) for p in people),
                version_created=at)


def _publish(engine: Engine, item: Item) -> None:
    store.publish(engine, item, input_hash=codec.input_hash(item))


def _tagged(engine: Engine) -> set[tuple[str, str, str, str]]:
    """Every story's (uri, kind, key, label), whichever way the schema keeps them."""
    with engine.connect() as conn:
        by_id = conn.execute(text("SELECT COUNT(*) FROM alembic_version WHERE version_num >= '0015'")).scalar_one()
        sql = ("SELECT t.uri, g.kind, g.key, g.label FROM item_tags t JOIN tags g ON g.id = t.tag_id" if by_id
               else "SELECT uri, kind, key, label FROM item_tags")
        return {(r[0], r[1], r[2], r[3]) for r in conn.execute(text(sql))}


def _expected(*items: Item) -> set[tuple[str, str, str, str]]:
    return {(i.uri, t.kind, t.key, t.label) for i in items for t in tags_for(i)}


def _listed(engine: Engine, where: Filter) -> list[str]:
    with read_tx(engine) as conn:
        return [s.uri for s in latest(conn, Product(name="all"), utcnow(), where=where).stories]


def _searched(engine: Engine, *subjects: str) -> list[str]:
    with read_tx(engine) as conn:
        query = search.Query("harbour", subjects=subjects)
        return sorted(uri for uri, _score, _payload in search.find(conn, query, offset=0, limit=20))


def test_a_tag_is_kept_once_and_the_filters_find_its_stories(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    english = _story("urn:t:en", "en", BUSINESS, people=("Ana Brnabić",))
    french = _story("urn:t:fr", "fr", BUSINESS, people=("Ana Brnabic",), minutes=1)  # same slug, own spelling
    sport = _story("urn:t:sp", "en", SPORT, minutes=2)
    for item in (english, french, sport):
        _publish(engine, item)
    assert _tagged(engine) == _expected(english, french, sport)
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT kind, key, label FROM tags")).all()
    assert len(kept) == len(set(kept))  # once each; a topic's label per language, a name per spelling
    assert {label for kind, _key, label in kept if kind == "person"} == {"Ana Brnabić", "Ana Brnabic"}
    person = ("person", slug("Ana Brnabić"))
    assert sorted(_listed(engine, Filter(tag=person))) == ["urn:t:en", "urn:t:fr"]
    assert sorted(_listed(engine, Filter(section=ECONOMY))) == ["urn:t:en", "urn:t:fr"]
    assert _listed(engine, Filter(topic=SPORT)) == ["urn:t:sp"]
    assert _searched(engine, BUSINESS) == ["urn:t:en", "urn:t:fr"]
    with read_tx(engine) as conn:
        assert sections_present(conn, Product(name="all"), utcnow(), None) == {ECONOMY, SPORT}
    # a new version's tags replace the story's; a kill removes them; the tags stay
    _publish(engine, english.evolve(version=2, subjects=(_topic(SPORT),), people=()))
    store.kill(engine, "urn:t:fr", "legal")
    assert _tagged(engine) == _expected(english.evolve(subjects=(_topic(SPORT),), people=()), sport)
    assert _listed(engine, Filter(section=ECONOMY)) == [] and _searched(engine, BUSINESS) == []
    with read_tx(engine) as conn:
        assert sections_present(conn, Product(name="all"), utcnow(), None) == {SPORT}
        assert conn.execute(text("SELECT COUNT(*) FROM tags")).scalar_one() == len(kept)
    engine.dispose()


def test_migration_0015_keeps_every_story_s_tags_and_goes_back(blank_db_url: str) -> None:
    engine = make_engine(blank_db_url)
    upgrade(engine, "0014")
    now = utcnow().replace(microsecond=0)
    stories = [_story("urn:t:en", "en", BUSINESS, people=("Ana Brnabić",)),
               _story("urn:t:fr", "fr", BUSINESS, SPORT, people=("Ana Brnabic",)),
               _story("urn:t:de", "de", SPORT)]
    rows = [{"u": i.uri, "k": t.kind, "key": t.key, "l": t.label} for i in stories for t in tags_for(i)]
    with engine.begin() as conn:
        for n, item in enumerate(stories):
            conn.execute(text("INSERT INTO versions (uri, version, input_hash, payload, stored_at) "
                              "VALUES (:u, 1, 'h', :p, :t)"), {"u": item.uri, "p": codec.encode(item), "t": now})
            conn.execute(text("INSERT INTO items (uri, version, pub_status, type, language, headline, public, "
                              "embargo_lifted, first_created, version_created, last_seq) VALUES "
                              "(:u, 1, 'usable', 'text', :l, 'h', :pub, :pub, :t, :t, :n)"),
                         {"u": item.uri, "l": item.language, "pub": True, "t": now, "n": n + 1})
        conn.execute(text("INSERT INTO item_tags (uri, kind, key, label) VALUES (:u, :k, :key, :l)"), rows)
    before = _tagged(engine)
    assert before == _expected(*stories)
    upgrade(engine)
    assert _tagged(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM tags")).scalar_one() == len(
            {(r["k"], r["key"], r["l"]) for r in rows})
    assert sorted(_listed(engine, Filter(topic=BUSINESS))) == ["urn:t:en", "urn:t:fr"]
    # the store's next tag takes an id of its own (PostgreSQL: the sequence follows the copy)
    _publish(engine, _story("urn:t:new", "en", "medtop:11000000").evolve(version_created=now))
    assert _listed(engine, Filter(section="medtop:11000000")) == ["urn:t:new"]
    after = _tagged(engine)
    downgrade(engine, "0014")
    assert _tagged(engine) == after
    upgrade(engine)
    assert _tagged(engine) == after
    engine.dispose()

"""Secondary indexes of an item's current version, kept in the publish transaction:
tags (topics, sections, people, organisations, places), planning entries, translation clues,
search."""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, Engine, Select, bindparam, delete, insert, select, text

from newswire.model import MEDIA_TYPES, STILL_TYPES, Concept, Item
from newswire.store import search
from newswire.store.prepared import Prepared
from newswire.store.tables import item_tags, items, planning, signatures, tags, translation_clues
from newswire.vocab import mediatopics


@dataclass(frozen=True, slots=True)
class Tag:
    kind: str
    key: str
    label: str


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=16384)
def slug(text: str) -> str:
    """A URL-safe key for a name in any script: lower-case, accents dropped, words joined by -.
    Remembered: the same names come back in story after story, each publication slugs them."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("-", stripped.casefold()).strip("-")[:200] or "x"


def tags_for(item: Item) -> list[Tag]:
    found: dict[tuple[str, str], Tag] = {}
    lang = (item.language or "en").split("-")[0]
    for code in item.topic_codes():
        code = mediatopics.normalize(code)
        found[("topic", code)] = Tag("topic", code, mediatopics.label(code, lang) or code)
        top = mediatopics.top_level(code)
        if top:
            found[("section", top)] = Tag("section", top, mediatopics.label(top, lang) or top)
    for kind, concepts in (("person", item.people), ("org", item.organisations), ("place", item.places)):
        for c in concepts:
            name = _name(c)
            if name:
                key = slug(name)
                found.setdefault((kind, key), Tag(kind, key, name[:300]))
    return list(found.values())


def _name(c: Concept) -> str | None:
    return (c.name or c.literal or "").strip() or None


CLUE_LENGTH = 600  # translation_clues.clue; a longer slugline is cut (the site checks the story itself)


def translated_clue(uri: str) -> str:
    """The clue of the stories that name ``uri`` as a translation."""
    return ("u:" + uri)[:CLUE_LENGTH]


def slugline_clue(slugline: str) -> str:
    """The clue of the stories with this slugline (stripped)."""
    return ("s:" + slugline.strip())[:CLUE_LENGTH]


def clues_for(item: Item) -> list[str]:
    """What may link the item to its translations (``newswire.site.queries.translations``):
    the stories it names with rel ``translation``, and its slugline."""
    found = [translated_clue(a.uri) for a in item.associations
             if a.uri and (a.rel or "").lower() == "translation"]
    if (item.slugline or "").strip():
        found.append(slugline_clue(item.slugline or ""))
    return sorted(set(found))


def tag_query(kind: str, *keys: str) -> Select[int]:
    """The ids of the tags of this kind with one of these keys, whatever their label: what a
    filter on ``item_tags.tag_id`` asks for, as a subquery. For a tag of few stories: the
    planner takes it for an average tag's few rows, and gathers its stories first."""
    return select(tags.c.id).where(tags.c.kind == kind, tags.c.key.in_(keys))


def tag_ids(conn: Connection, kind: str, *keys: str) -> list[int]:
    """The ids :func:`tag_query` selects, read first, for a filter on a tag that may hold a
    good share of the archive (a section, a search's topics): given as values, they let
    the planner see in its statistics on ``item_tags.tag_id`` how many rows they have, and
    ask each candidate, newest first, rather than gather every story of the tag."""
    return list(conn.execute(tag_query(kind, *keys)).scalars())


_DELETE_TAGS = Prepared(delete(item_tags).where(item_tags.c.uri == bindparam("uri")))
_DELETE_PLANNING = Prepared(delete(planning).where(planning.c.uri == bindparam("uri")))
_DELETE_CLUES = Prepared(delete(translation_clues).where(translation_clues.c.uri == bindparam("uri")))
# A tag not seen before is added (its id is drawn only then: no gaps from known tags), then
# the story is tagged with the ids. Two statements, so the second sees a tag another writer
# added while the first waited on it.
_ADD_TAGS = Prepared(text(
    "INSERT INTO tags (kind, key, label) SELECT CAST(:kind AS VARCHAR), CAST(:key AS VARCHAR), "
    "CAST(:label AS VARCHAR) WHERE NOT EXISTS "
    "(SELECT 1 FROM tags WHERE kind = :kind AND key = :key AND label = :label) "
    "ON CONFLICT DO NOTHING"))
_INSERT_TAGS = Prepared(text("INSERT INTO item_tags (uri, tag_id) SELECT CAST(:uri AS VARCHAR), id FROM tags "
                             "WHERE kind = :kind AND key = :key AND label = :label"))
# Tags already seen: the story is tagged with the id remembered (_known_tags), found by the
# primary key, only if that row is still the tag (an id remembered from a write undone since
# matches no row, or another tag's).
_TAG_ID = Prepared(text("SELECT id FROM tags WHERE kind = :kind AND key = :key AND label = :label"))
_INSERT_TAGS_BY_ID = Prepared(text(
    "INSERT INTO item_tags (uri, tag_id) SELECT CAST(:uri AS VARCHAR), id FROM tags "
    "WHERE id = :id AND kind = :kind AND key = :key AND label = :label"))
TAG_IDS_KEPT = 100_000  # tag ids remembered per store; past that the memory starts afresh
_known_tags: weakref.WeakKeyDictionary[Engine, dict[tuple[str, str, str], int]] = weakref.WeakKeyDictionary()
# inline: no RETURNING of the new row's id (PostgreSQL), which nothing reads
_INSERT_PLANNING = Prepared(insert(planning).inline(), ("uri", "start", "name", "literal"))
_INSERT_CLUES = Prepared(insert(translation_clues), ("clue", "first_created", "uri"))


def reindex(conn: Connection, item: Item, *, fresh: bool = False) -> None:
    """Replace the item's tags, planning entries, translation clues and search document with
    its new version's (``fresh``: a story stored for the first time, with none to replace)."""
    if not fresh:
        _DELETE_TAGS.execute(conn, {"uri": item.uri})
        _DELETE_PLANNING.execute(conn, {"uri": item.uri})
        _DELETE_CLUES.execute(conn, {"uri": item.uri})
    if item.pub_status == "canceled":
        if not fresh:
            search.remove(conn, item.uri)
        return
    found = tags_for(item)
    if found:
        _tag(conn, item.uri, found)
    if item.planning:
        _INSERT_PLANNING.run_many(conn, [
            {"uri": item.uri, "start": p.start, "name": p.name[:2000], "literal": p.literal}
            for p in item.planning
        ])
    clues = clues_for(item)
    if clues and item.first_created is not None:
        _INSERT_CLUES.run_many(conn, [
            {"clue": clue, "first_created": item.first_created, "uri": item.uri} for clue in clues
        ])
    search.index(conn, item, fresh=fresh)


def _tag(conn: Connection, uri: str, found: list[Tag]) -> None:
    """Tag the story. A tag the process has not seen yet is added if the store lacks it and
    its id read and remembered; then the story is tagged by id. Should a remembered id no
    longer be its tag's (the write that added it was undone), the story's tags are written
    again as by the tags' names and the ids forgotten: what is stored never depends on the
    memory, which only spares the lookups of tags by name (a tags table of unchanging rows)."""
    known = _known_tags.get(conn.engine)
    if known is None:
        known = _known_tags.setdefault(conn.engine, {})
    rows: list[dict[str, object]] = [
        {"uri": uri, "kind": t.kind, "key": t.key, "label": t.label, "id": known.get((t.kind, t.key, t.label))}
        for t in found
    ]
    missing = [row for row in rows if row["id"] is None]
    if missing:
        _ADD_TAGS.run_many(conn, missing)
        if len(known) + len(missing) > TAG_IDS_KEPT:
            known.clear()
        for row in missing:
            ids = _TAG_ID.rows(conn, row)
            if ids:
                row["id"] = ids[0][0]
                known[(str(row["kind"]), str(row["key"]), str(row["label"]))] = ids[0][0]
    if _INSERT_TAGS_BY_ID.run_many(conn, rows) != len(rows):
        for row in rows:
            known.pop((str(row["kind"]), str(row["key"]), str(row["label"])), None)
        _DELETE_TAGS.execute(conn, {"uri": uri})
        _ADD_TAGS.run_many(conn, rows)
        _INSERT_TAGS.run_many(conn, rows)


@dataclass(frozen=True, slots=True)
class DiaryEntry:
    uri: str
    start: str
    name: str
    literal: str | None


def diary(conn: Connection, start: str, end: str, limit: int = 500) -> list[DiaryEntry]:
    """Planning entries whose date falls in [start, end] (ISO dates; a month-only entry
    ``YYYY-MM`` sorts before the days of its month)."""
    rows = conn.execute(
        select(planning.c.uri, planning.c.start, planning.c.name, planning.c.literal)
        .where(planning.c.start >= start, planning.c.start <= end + "~")
        .order_by(planning.c.start, planning.c.uri).limit(limit)
    ).all()
    return [DiaryEntry(*row) for row in rows]


def _signed(sig: int) -> int:
    return sig - (1 << 64) if sig >= 1 << 63 else sig


_DELETE_SIGNATURE = Prepared(delete(signatures).where(signatures.c.uri == bindparam("uri")))
_INSERT_SIGNATURE = Prepared(insert(signatures).inline(), ("uri", "sig"))


def store_signature(conn: Connection, uri: str, sig: int | None, *, fresh: bool = False) -> None:
    if not fresh:
        _DELETE_SIGNATURE.execute(conn, {"uri": uri})
    if sig is not None:
        _INSERT_SIGNATURE.execute(conn, {"uri": uri, "sig": _signed(sig)})


def signatures_after(conn: Connection, after_id: int, limit: int = 5000, *,
                     pictures: bool = False) -> list[tuple[int, str, int]]:
    """(id, uri, unsigned signature) stored after ``after_id``, oldest first: the stories'
    (SimHash of the text), or with ``pictures`` the stills' (pictures' and graphics'
    perceptual hash). Neither holds a media item's row (``model.MEDIA_TYPES``): a video
    stored by an older version with its caption's SimHash stays out of the stories'."""
    media = sorted(STILL_TYPES if pictures else MEDIA_TYPES)
    kind = items.c.type.in_(media) if pictures else items.c.type.not_in(media)
    rows = conn.execute(select(signatures.c.id, signatures.c.uri, signatures.c.sig)
                        .join(items, items.c.uri == signatures.c.uri)
                        .where(signatures.c.id > after_id, kind).order_by(signatures.c.id).limit(limit)).all()
    return [(row[0], row[1], row[2] & ((1 << 64) - 1)) for row in rows]

"""Secondary indexes of an item's current version, kept in the publish transaction:
tags (topics, sections, people, organisations, places), planning entries, translation clues,
search."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, insert, select

from newswire.model import MEDIA_TYPES, STILL_TYPES, Concept, Item
from newswire.store import search
from newswire.store.tables import item_tags, items, planning, signatures, translation_clues
from newswire.vocab import mediatopics


@dataclass(frozen=True, slots=True)
class Tag:
    kind: str
    key: str
    label: str


def slug(text: str) -> str:
    """A URL-safe key for a name in any script: lower-case, accents dropped, words joined by -."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", stripped.casefold()).strip("-")[:200] or "x"


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
                found.setdefault((kind, slug(name)), Tag(kind, slug(name), name[:300]))
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


_DELETE_TAGS = delete(item_tags).where(item_tags.c.uri == bindparam("uri"))
_DELETE_PLANNING = delete(planning).where(planning.c.uri == bindparam("uri"))
_DELETE_CLUES = delete(translation_clues).where(translation_clues.c.uri == bindparam("uri"))
_INSERT_TAGS = insert(item_tags)
_INSERT_PLANNING = insert(planning)
_INSERT_CLUES = insert(translation_clues)


def reindex(conn: Connection, item: Item, *, fresh: bool = False) -> None:
    """Replace the item's tags, planning entries, translation clues and search document with
    its new version's (``fresh``: a story stored for the first time, with none to replace)."""
    if not fresh:
        conn.execute(_DELETE_TAGS, {"uri": item.uri})
        conn.execute(_DELETE_PLANNING, {"uri": item.uri})
        conn.execute(_DELETE_CLUES, {"uri": item.uri})
    if item.pub_status == "canceled":
        if not fresh:
            search.remove(conn, item.uri)
        return
    tags = tags_for(item)
    if tags:
        conn.execute(_INSERT_TAGS, [
            {"uri": item.uri, "kind": t.kind, "key": t.key, "label": t.label} for t in tags
        ])
    if item.planning:
        conn.execute(_INSERT_PLANNING, [
            {"uri": item.uri, "start": p.start, "name": p.name[:2000], "literal": p.literal}
            for p in item.planning
        ])
    clues = clues_for(item)
    if clues and item.first_created is not None:
        conn.execute(_INSERT_CLUES, [
            {"clue": clue, "first_created": item.first_created, "uri": item.uri} for clue in clues
        ])
    search.index(conn, item, fresh=fresh)


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


_DELETE_SIGNATURE = delete(signatures).where(signatures.c.uri == bindparam("uri"))
_INSERT_SIGNATURE = insert(signatures)


def store_signature(conn: Connection, uri: str, sig: int | None, *, fresh: bool = False) -> None:
    if not fresh:
        conn.execute(_DELETE_SIGNATURE, {"uri": uri})
    if sig is not None:
        conn.execute(_INSERT_SIGNATURE, {"uri": uri, "sig": _signed(sig)})


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

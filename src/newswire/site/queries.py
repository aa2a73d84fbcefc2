"""The store reads the site needs (SQLAlchemy Core over the wire's tables).

SQL narrows the candidates (public, usable, out of embargo, in the site's languages) so a
page reads a page's worth of rows; every candidate is then decoded and passed through
:func:`newswire.site.story.visible`, i.e. :func:`newswire.routing.reaches`, which has the
last word. Nothing here returns an :class:`~newswire.model.Item` to the renderers: they get
:class:`~newswire.site.story.PublicStory` values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from newswire.media.attach import current_pictures, wire_pictures
from newswire.model import Item
from newswire.routing import Product
from newswire.site.i18n import primary
from newswire.site.story import PublicStory, partial, picture_product, visible
from newswire.store import codec
from newswire.store.index import slugline_clue, tag_ids, tag_query, translated_clue
from newswire.store.items import Event, as_utc
from newswire.store.search import Query, find, matching
from newswire.store.tables import events, item_tags, items, sequencer, tags, translation_clues, versions

TRANSLATION_WINDOW = timedelta(hours=72)
SEARCH_SCAN_LIMIT = 1000
_SEARCH_CHUNK = 50


@dataclass(frozen=True, slots=True)
class Listing:
    stories: list[PublicStory]
    has_next: bool


@dataclass(frozen=True, slots=True)
class Filter:
    """Which stories a listing wants, beyond the site's own product."""

    lang: str | None = None
    section: str | None = None  # a top-level Media Topic code
    topic: str | None = None  # any Media Topic code, as tagged
    tag: tuple[str, str] | None = None  # (kind, key): person, org or place
    since: datetime | None = None  # published (filed, or its embargo lifted) at or after


def _current() -> Select[Any]:
    return select(items.c.uri, versions.c.payload).select_from(items.join(
        versions, and_(versions.c.uri == items.c.uri, versions.c.version == items.c.version)))


def _narrow(query: Select[Any], product: Product, lang: str | None, now: datetime) -> Select[Any]:
    """The SQL half of the product: never narrower than routing, only cheaper."""
    query = query.where(
        items.c.pub_status == "usable",
        or_(items.c.embargoed_until.is_(None), items.c.embargoed_until <= now),
    )
    if product.public_only:
        query = query.where(items.c.public.is_(True))
    if product.types:
        query = query.where(items.c.type.in_(sorted(product.types)))
    languages = [lang] if lang else sorted(product.languages)
    if languages:
        language = func.lower(items.c.language)
        query = query.where(or_(*(or_(language == code, language.like(code + "-%")) for code in languages)))
    return query


def _visible(conn: Connection, rows: Iterable[Sequence[Any]], product: Product, now: datetime
             ) -> list[PublicStory]:
    shown = [item for item in (codec.decode(row[1]) for row in rows) if visible(item, product, now)]
    pictures = shown_pictures(conn, shown, product, now)
    return [partial(item, pictures) for item in shown]


def shown_pictures(conn: Connection, stories: Iterable[Item], product: Product, now: datetime
                   ) -> dict[str, Item]:
    """The wire pictures these stories associate that the site shows now, by URI: the
    picture itself is visible to the site (public, usable, not under embargo), as a story
    would have to be."""
    uris = {uri for story in stories for uri in wire_pictures(story)}
    shows = picture_product(product)
    return {uri: picture for uri, picture in current_pictures(conn, uris).items() if visible(picture, shows, now)}


def latest(conn: Connection, product: Product, now: datetime, *, where: Filter = Filter(),
           offset: int = 0, limit: int = 20) -> Listing:
    """Visible stories, most recently updated first."""
    query = _narrow(_current(), product, where.lang, now)
    if where.section:
        # A section holds a good share of the archive: asked per candidate, newest first (the
        # tag's primary key), rather than the section's every story gathered first.
        query = query.where(select(item_tags.c.uri).where(
            item_tags.c.uri == items.c.uri, item_tags.c.tag_id.in_(tag_ids(conn, "section", where.section))).exists())
    for kind, key in (("topic", where.topic), where.tag or ("", None)):
        if key:  # a topic, person, organisation or place: mostly few stories, gathered first
            query = query.where(items.c.uri.in_(
                select(item_tags.c.uri).where(item_tags.c.tag_id.in_(tag_query(kind, key)))))
    if where.since:  # a candidate: filed since, or under an embargo that ended since
        query = query.where(or_(
            items.c.first_created >= where.since, items.c.embargoed_until >= where.since,
            items.c.uri.in_(select(events.c.uri).where(
                events.c.type == "embargo_lifted", events.c.created_at >= where.since))))
    query = query.order_by(items.c.version_created.desc(), items.c.uri).offset(offset).limit(limit + 1)
    stories = _visible(conn, conn.execute(query).all(), product, now)
    return Listing(stories[:limit], len(stories) > limit)


_SHOWS = ("published", "updated", "corrected")


def with_published(conn: Connection, stories: Sequence[PublicStory]) -> list[PublicStory]:
    """The stories with ``published`` set to when the public could first see them: the first
    public event not under embargo, the first lift of an embargo on a public version, or the
    end of the current version's embargo (the site goes by the clock), whichever came first.
    A story filed under embargo is published at the lift, not when it was filed."""
    if not stories:
        return []
    rows = conn.execute(
        select(events.c.uri, func.min(events.c.created_at))
        .where(events.c.uri.in_(sorted({s.uri for s in stories})), events.c.public.is_(True),
               or_(events.c.type == "embargo_lifted",
                   and_(events.c.type.in_(_SHOWS), events.c.embargoed.is_(False))))
        .group_by(events.c.uri)
    ).all()
    first_seen = {uri: as_utc(at) for uri, at in rows}
    found = []
    for story in stories:
        times = [t for t in (first_seen.get(story.uri),) if t is not None]
        if story.embargoed_until is not None:
            times.append(max(story.first_created, story.embargoed_until))
        found.append(replace(story, published=min(times)) if times else story)
    return found


def current_item(conn: Connection, uri: str) -> Item | None:
    """The latest version of one story, whatever its state (the caller decides)."""
    payload = conn.execute(
        select(versions.c.payload).select_from(items.join(versions, and_(
            versions.c.uri == items.c.uri, versions.c.version == items.c.version)))
        .where(items.c.uri == uri)
    ).scalar()
    return codec.decode(payload) if payload is not None else None


def current_items(conn: Connection, uris: Iterable[str]) -> dict[str, Item]:
    """The latest version of several stories, whatever their state, by URI."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    rows = conn.execute(_current().where(items.c.uri.in_(wanted))).all()
    return {row[0]: codec.decode(row[1]) for row in rows}


def history(conn: Connection, uri: str) -> list[tuple[Event, Item]]:
    """A story's events, oldest first, each with the version it names."""
    rows = conn.execute(
        select(events, versions.c.payload)
        .select_from(events.join(versions, and_(
            versions.c.uri == events.c.uri, versions.c.version == events.c.version)))
        .where(events.c.uri == uri)
        .order_by(events.c.seq)
    ).mappings().all()
    return [
        (Event(seq=r["seq"], type=r["type"], uri=r["uri"], version=r["version"],
               created_at=as_utc(r["created_at"]) or datetime.min, public=bool(r["public"]),
               embargoed=bool(r["embargoed"]), reason=r["reason"]),
         codec.decode(r["payload"]))
        for r in rows
    ]


def stories_by_uri(conn: Connection, product: Product, now: datetime, uris: Sequence[str]
                   ) -> dict[str, PublicStory]:
    if not uris:
        return {}
    query = _narrow(_current(), product, None, now).where(items.c.uri.in_(list(uris)))
    return {s.uri: s for s in _visible(conn, conn.execute(query).all(), product, now)}


def translations(conn: Connection, product: Product, now: datetime, story: PublicStory
                 ) -> list[PublicStory]:
    """The same story in the site's other languages, one per language (see docs/site.md).

    Linked are: the stories this one names in an association with rel ``translation``;
    stories that name this one so; and stories with the same slugline, first published
    within :data:`TRANSLATION_WINDOW` of this one. Per language the nearest in time wins.
    The store's translation clues (``store.index.clues_for``) find the candidates
    without reading a payload; each candidate is then checked on the story itself.
    """
    found: dict[str, PublicStory] = dict(stories_by_uri(conn, product, now, story.translation_uris))
    clues = [translated_clue(story.uri)]
    if story.slugline:
        clues.append(slugline_clue(story.slugline))
    since, until = story.first_created - TRANSLATION_WINDOW, story.first_created + TRANSLATION_WINDOW
    candidates = select(translation_clues.c.uri).where(
        translation_clues.c.clue.in_(clues),
        translation_clues.c.first_created >= since,
        translation_clues.c.first_created <= until,
    )
    query = _narrow(_current(), product, None, now).where(
        items.c.uri != story.uri,
        items.c.first_created >= since,
        items.c.first_created <= until,
        items.c.uri.in_(candidates),
    )
    for row in conn.execute(query).all():
        item = codec.decode(row[1])
        linked = any((a.rel or "").lower() == "translation" and a.uri == story.uri for a in item.associations)
        same_slug = bool(story.slugline) and (item.slugline or "").strip() == story.slugline
        if (linked or same_slug) and visible(item, product, now):
            found.setdefault(item.uri, partial(item))
    best: dict[str, PublicStory] = {}
    for other in found.values():
        if other.language == story.language or other.uri == story.uri:
            continue
        gap = abs(other.first_created - story.first_created)
        held = best.get(other.language)
        if held is None or gap < abs(held.first_created - story.first_created):
            best[other.language] = other
    return sorted(best.values(), key=lambda s: s.language)


def search(conn: Connection, product: Product, now: datetime, q: str, *, lang: str | None,
           offset: int, limit: int) -> Listing:
    """Full-text search over visible stories, in what the site shows of them: the store's
    index (which holds the body too) ranks the candidates, routing filters them, and only
    those whose public text (:attr:`PublicStory.public_text`) matches the query, stemmed as
    the store stems it, are kept. A word that is only in the body finds nothing."""
    wanted = offset + limit + 1
    shown: list[PublicStory] = []
    scanned = 0
    while len(shown) < wanted and scanned < SEARCH_SCAN_LIMIT:
        hits = find(conn, Query(q, lang=lang), offset=scanned, limit=_SEARCH_CHUNK)
        if not hits:
            break
        scanned += len(hits)
        by_uri = stories_by_uri(conn, product, now, [hit[0] for hit in hits])
        ranked = [by_uri[hit[0]] for hit in hits if hit[0] in by_uri]
        public = matching(conn, q, lang, [(s.language, s.public_text) for s in ranked])
        shown.extend(s for s, match in zip(ranked, public, strict=True) if match)
        if len(hits) < _SEARCH_CHUNK:
            break
    page = shown[offset:offset + limit]
    return Listing(page, len(shown) > offset + limit)


def store_sequence(conn: Connection) -> int:
    """The last event's sequence as this transaction sees the store."""
    return int(conn.execute(select(sequencer.c.last_seq)).scalar() or 0)


def languages_present(conn: Connection, product: Product, now: datetime) -> set[str]:
    """Primary language codes that have at least one candidate story: the languages stored,
    read by skipping through the language index (one probe per language, not a scan of the
    items), each asked for one candidate."""
    language = func.lower(items.c.language)
    found = set()
    for code in _distinct(conn, language, items):
        if conn.execute(_narrow(select(items.c.uri).where(language == code), product, None, now).limit(1)).first():
            found.add(primary(code))
    return {code for code in found if code}


def sections_present(conn: Connection, product: Product, now: datetime, lang: str | None) -> set[str]:
    """Top-level Media Topic codes that have at least one candidate story: the sections tagged
    (skipping through the tags' index), each asked for one candidate."""
    found = set()
    for code in _distinct(conn, tags.c.key, tags, tags.c.kind == "section"):
        query = _narrow(select(items.c.uri).select_from(item_tags.join(items, items.c.uri == item_tags.c.uri))
                        .where(item_tags.c.tag_id.in_(tag_ids(conn, "section", code))), product, lang, now)
        if conn.execute(query.limit(1)).first():
            found.add(code)
    return found


def _distinct(conn: Connection, column: Any, table: Any, *where: Any) -> list[str]:
    """The distinct values of an indexed column, one index probe each (a skip scan: the
    smallest value above the last one found), for columns with few values in many rows."""
    values: list[str] = []
    value = conn.execute(select(func.min(column)).select_from(table).where(*where)).scalar()
    while value is not None:
        values.append(value)
        value = conn.execute(select(func.min(column)).select_from(table).where(*where, column > value)).scalar()
    return values

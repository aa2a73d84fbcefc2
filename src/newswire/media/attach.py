"""Stories with pictures: a story's associations that name the wire's own picture items.

At publication (:func:`checked`, run inside ``store.publish`` through its ``prepare`` hook)
an association to a picture must name a picture item the wire holds and has not killed; the
story keeps the association (uri, type, the editor's name, rel and headline) but never the
picture's hrefs: those depend on who reads.

At delivery (:func:`expanded`) each reader gets, per associated picture, the renditions of
the picture's current version when it may read that version (``routing.may_read``, the rule
of item reads and downloads); a picture it may not read — products without pictures, an
embargo not yet lifted for it, a withhold, a kill — is left out of the story altogether, so
no reader ever holds an href of a picture it may not open. Associations to remote files (a
partner feed's enclosures) are not the wire's pictures and pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Connection, Engine, and_, select

from newswire.enrich.text import body_text
from newswire.formats.errors import FormatError
from newswire.model import Item, utcnow
from newswire.routing import Product, cut_renditions, may_read, withdrawn
from newswire.store import codec
from newswire.store import items as store
from newswire.store.engine import read_tx
from newswire.store.tables import items, versions

PICTURE_TYPES = frozenset({"picture", "graphic"})


def remote(uri: str) -> bool:
    return uri.lower().startswith(("http://", "https://"))


def wire_pictures(item: Item) -> tuple[str, ...]:
    """The URIs of the wire's own pictures a stored story associates."""
    return tuple(dict.fromkeys(
        a.uri for a in item.associations if (a.type or "") in PICTURE_TYPES and not remote(a.uri)))


def checked(conn: Connection, story: Item) -> Item:
    """The story as stored: each association naming a picture item the wire holds is typed as
    that item and carries no renditions; a picture association (type ``picture`` or
    ``graphic``, not a remote URL) naming no such item, or a killed one, is refused (422)."""
    local = sorted({a.uri for a in story.associations if not remote(a.uri)})
    if not local:
        return story
    rows = conn.execute(select(items.c.uri, items.c.type, items.c.pub_status).where(items.c.uri.in_(local))).all()
    held = {uri: (kind, status) for uri, kind, status in rows}
    kept = []
    for a in story.associations:
        kind, status = held.get(a.uri, (None, None))
        declared = (a.type or "") in PICTURE_TYPES
        if kind in PICTURE_TYPES:
            if status == "canceled":
                raise FormatError(f"The associated picture {a.uri} was killed.", title="Killed picture")
            kept.append(replace(a, type=kind, renditions=()))
        elif declared and not remote(a.uri):
            what = f"names a {kind} item, not a picture" if kind else "names no picture item on this wire"
            raise FormatError(f"The association {a.uri} {what}; upload the picture with POST /v1/media first.",
                              title="Unknown picture")
        else:
            kept.append(a)
    return story.evolve(associations=tuple(kept))


def readable(current: Mapping[str, Item], products: Sequence[Product] | None,
             reached: Mapping[str, Mapping[int, int]], now: datetime) -> dict[str, Item]:
    """Of the pictures' current versions, those the reader may have: never a withdrawn one;
    for a subscriber (``products`` given) only what ``routing.may_read`` allows it, with only
    the renditions its products carry (``routing.cut_renditions``)."""
    return {uri: cut_renditions(picture, products) for uri, picture in current.items()
            if picture.type in PICTURE_TYPES and not withdrawn(picture)
            and (products is None or may_read(picture, picture, products,
                                              reached=picture.version in reached.get(uri, {}), now=now))}


def expanded(story: Item, pictures: Mapping[str, Item]) -> Item:
    """The story as one reader gets it: each associated wire picture it may read (``pictures``,
    by URI) with that version's renditions; the others left out."""
    own = set(wire_pictures(story))
    if not own:
        return story
    kept = []
    for a in story.associations:
        if a.uri not in own:
            kept.append(a)
        elif (picture := pictures.get(a.uri)) is not None:
            kept.append(replace(a, type=picture.type, headline=a.headline or picture.headline or None,
                                renditions=picture.renditions, caption=body_text(picture) or None,
                                credit=credit_line(picture)))
    return story.evolve(associations=tuple(kept))


def credit_line(picture: Item) -> str | None:
    """Who to credit for a picture: its byline and credit line ("Ayşe Yılmaz / Agency")."""
    credit = next((c.name for c in picture.info_sources if c.rel == "creditline" and c.name), None)
    return " / ".join(dict.fromkeys(p for p in (picture.by, credit) if p)) or None


def shown_pictures(story: Item, pictures: Mapping[str, Item]) -> tuple[tuple[str, int, tuple[str | None, ...]], ...]:
    """Which picture versions, with which renditions, :func:`expanded` puts in the story (a
    cache key for its bytes)."""
    return tuple((uri, pictures[uri].version, tuple(r.name for r in pictures[uri].renditions))
                 for uri in wire_pictures(story) if uri in pictures)


def current_pictures(conn: Connection, uris: Iterable[str]) -> dict[str, Item]:
    """The current version of each picture item among ``uris``."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    rows = conn.execute(
        select(items.c.uri, versions.c.payload)
        .select_from(items.join(versions, and_(versions.c.uri == items.c.uri, versions.c.version == items.c.version)))
        .where(items.c.uri.in_(wanted), items.c.type.in_(sorted(PICTURE_TYPES)))).all()
    return {uri: codec.decode(payload) for uri, payload in rows}


def pictures_for(engine: Engine, stories: Iterable[Item], subscriber_id: int | None,
                 products: Sequence[Product] | None, now: datetime | None = None) -> dict[str, Item]:
    """The pictures these stories associate that a reader may have (``products`` None: an
    editor), by URI: what :func:`expanded` needs."""
    uris = {uri for story in stories for uri in wire_pictures(story)}
    if not uris:
        return {}
    with read_tx(engine) as conn:
        current = current_pictures(conn, uris)
    reached = store.reached_by(engine, subscriber_id, current) if subscriber_id is not None and current else {}
    return readable(current, products, reached, now or utcnow())

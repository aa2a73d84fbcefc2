"""Stories with pictures and videos: a story's associations that name the wire's own
picture, graphic and video items (its "media" here).

At publication (:func:`checked`, run inside ``store.publish`` through its ``prepare`` hook)
an association to a picture or a video must name such an item the wire holds and has not
killed; the story keeps the association (uri, type, the editor's name, rel and headline) but
never the media's hrefs: those depend on who reads. :func:`associate` adds an upload to a
story as its next version (``POST /v1/media?associate=``).

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
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, and_, select

from newswire.enrich.text import body_text
from newswire.formats.errors import FormatError
from newswire.model import MEDIA_TYPES as MEDIA_TYPES  # what a story may associate as the wire's own
from newswire.model import SIGNAL_CORRECTION, Association, Item, utcnow
from newswire.routing import Product, cut_renditions, may_read, withdrawn
from newswire.store import codec
from newswire.store import items as store
from newswire.store.engine import read_tx
from newswire.store.tables import items, versions

if TYPE_CHECKING:
    from newswire.wire import Wire

ASSOCIATE_TRIES = 3  # an editor moving the story meanwhile: read it again, this many times


def remote(uri: str) -> bool:
    return uri.lower().startswith(("http://", "https://"))


def wire_pictures(item: Item) -> tuple[str, ...]:
    """The URIs of the wire's own pictures and videos a stored story associates."""
    return tuple(dict.fromkeys(
        a.uri for a in item.associations if (a.type or "") in MEDIA_TYPES and not remote(a.uri)))


def checked(conn: Connection, story: Item) -> Item:
    """The story as stored: each association naming a picture or video item the wire holds
    (typed as media, or untyped) is typed as that item and carries no renditions; a media
    association (type ``picture``, ``graphic`` or ``video``, not a remote URL) naming no such
    item, or a killed one, is refused (422). An association typed otherwise stays as it is
    (a near-duplicate link, type ``text``, to a video whose caption is like the story)."""
    local = sorted({a.uri for a in story.associations if not remote(a.uri)})
    if not local:
        return story
    rows = conn.execute(select(items.c.uri, items.c.type, items.c.pub_status).where(items.c.uri.in_(local))).all()
    held = {uri: (kind, status) for uri, kind, status in rows}
    kept = []
    for a in story.associations:
        kind, status = held.get(a.uri, (None, None))
        declared = (a.type or "") in MEDIA_TYPES
        if kind in MEDIA_TYPES and (declared or not a.type):  # a link typed otherwise (dedup's "text") stays one
            if status == "canceled":
                raise FormatError(f"The associated {kind} {a.uri} was killed.", title=f"Killed {kind}")
            kept.append(replace(a, type=kind, renditions=()))
        elif declared and not remote(a.uri):
            what = (f"names a {kind} item, not a picture or video" if kind
                    else f"names no {a.type} item on this wire")
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
            if picture.type in MEDIA_TYPES and not withdrawn(picture)
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
    """The current version of each picture or video item among ``uris``."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    rows = conn.execute(
        select(items.c.uri, versions.c.payload)
        .select_from(items.join(versions, and_(versions.c.uri == items.c.uri, versions.c.version == items.c.version)))
        .where(items.c.uri.in_(wanted), items.c.type.in_(sorted(MEDIA_TYPES)))).all()
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


def story_to_associate(engine: Engine, uri: str) -> Item:
    """The story an upload will be associated with, checked before the upload is stored: it
    must exist, be a story (not a picture or video) and not be killed (422 otherwise)."""
    story = store.get_item(engine, uri)
    if story is None:
        raise FormatError(f"associate names {uri}, which is no item on this wire.", title="Unknown story")
    if story.type in MEDIA_TYPES:
        raise FormatError(f"associate names {uri}, a {story.type} item: only a story associates media.",
                          title="Not a story")
    if story.killed:
        raise FormatError(f"associate names {uri}, which was killed.", title="Killed story")
    return story


def association_name(story: Item, kind: str) -> str:
    """``featureimage`` (a still) or ``featurevideo`` when the story has no association of
    that name yet, else the kind and a number (``picture2``, ``video3``)."""
    taken = {a.name for a in story.associations}
    first = "featurevideo" if kind == "video" else "featureimage"
    if first not in taken:
        return first
    return next(name for n in range(2, len(taken) + 3) if (name := f"{kind}{n}") not in taken)


def associate(wire: Wire, story_uri: str, media: Item) -> store.PublishResult:
    """The story's next version, associating ``media`` (a picture, graphic or video item the
    wire holds) after its other associations; nothing appended when it associates it already.
    Stored as is (the story's text did not change: no enrichment), checked by :func:`checked`
    in the same transaction, and only over the version read: an editor who moved the story
    meanwhile is read again (``ASSOCIATE_TRIES`` times, then the conflict is raised)."""
    for attempt in range(ASSOCIATE_TRIES):
        story = story_to_associate(wire.engine, story_uri)
        if any(a.uri == media.uri for a in story.associations):
            return store.PublishResult(False, story, None)
        link = Association(media.uri, name=association_name(story, media.type), type=media.type,
                           headline=media.headline or None)
        fresh = story.evolve(version=0, version_created=None, associations=(*story.associations, link),
                             signals=tuple(s for s in story.signals if s != SIGNAL_CORRECTION))  # not a correction
        try:
            result = store.publish(wire.engine, fresh, input_hash=codec.input_hash(fresh),
                                   recipients_fn=wire.recipients_fn, reason=f"associated {media.uri}",
                                   prepare=checked, expected_version=story.version)
        except store.VersionMismatch:
            if attempt + 1 == ASSOCIATE_TRIES:
                raise
            continue
        if result.event is not None:
            wire.hub.notify(result.event.seq)
        return result
    raise AssertionError("unreachable")

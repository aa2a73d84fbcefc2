"""What a subscriber's user sees: the live flow and a story's versions, through the one rule.

Every version shown is one :func:`newswire.routing.may_read` lets the organisation read (the
rule item reads in the API follow): a version that reached it, or one routing would deliver
to it now. A story none of whose versions it may read is not there at all.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from newswire.formats.sanitize import html_to_text
from newswire.media import attach
from newswire.model import Concept, Item
from newswire.routing import Product, cut_renditions, may_read
from newswire.store import items as store
from newswire.store import listing
from newswire.store.items import VersionInfo
from newswire.vocab import mediatopics

TYPES = ("text", "picture", "video", "audio", "graphic", "composite")
TAG_KINDS = ("place", "person", "org", "service")
PAGE_SIZE = 50
SCAN_LIMIT = 2000  # stories examined for one page: a narrow filter gets a short page and a link on
MAX_QUERY = 200


@dataclass(frozen=True, slots=True)
class Filters:
    """The flow's filter, held in the address (``?lang=``... would clash with the interface
    language, so the story language is ``language``)."""

    language: str | None = None
    type: str | None = None
    urgency: int | None = None  # at most this number (1 is the most urgent)
    q: str = ""
    topic: str | None = None  # a Media Topic code; admits its descendants
    place: str | None = None  # a place, person or organisation: its name or URI, any case
    person: str | None = None
    org: str | None = None
    service: str | None = None  # a service (the agency's wire, e.g. sport or economy): name or code

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        """Values that make no sense are dropped, never an error: the address is the user's."""
        language = (params.get("language") or "").strip().lower()
        kind = (params.get("type") or "").strip()
        urgency = (params.get("urgency") or "").strip()
        return cls(
            language=language if 2 <= len(language) <= 3 and language.isascii() and language.isalpha() else None,
            type=kind if kind in TYPES else None,
            urgency=int(urgency) if urgency.isascii() and urgency.isdigit() and 1 <= int(urgency) <= 9 else None,
            q=" ".join((params.get("q") or "").split())[:MAX_QUERY],
            topic=_topic(params.get("topic")),
            **{kind: _tag(params.get(kind)) for kind in TAG_KINDS},
        )

    def query(self) -> dict[str, str | None]:
        return {"language": self.language, "type": self.type,
                "urgency": str(self.urgency) if self.urgency else None, "q": self.q or None,
                "topic": self.topic, **{kind: getattr(self, kind) for kind in TAG_KINDS}}

    def tags(self) -> list[tuple[str, str]]:
        """The tag filters set, as (kind, value), for the page to show and undo one by one."""
        return [(kind, value) for kind in ("topic", *TAG_KINDS) if (value := getattr(self, kind))]

    @property
    def active(self) -> bool:
        return any(self.query().values())

    def narrowing(self) -> listing.Narrowing:
        return listing.Narrowing(self.language, self.type, self.urgency)

    def admits(self, item: Item) -> bool:
        language = (item.language or "").lower()
        if self.language and language != self.language and not language.startswith(self.language + "-"):
            return False
        if self.type and item.type != self.type:
            return False
        if self.urgency and (item.urgency if item.urgency is not None else 5) > self.urgency:
            return False
        if self.topic and not any(mediatopics.is_within(code, self.topic) for code in item.topic_codes()):
            return False
        for kind, concepts in tag_concepts(item):
            want = getattr(self, kind)
            if want and want not in names(concepts, item.located if kind == "place" else None):
                return False
        if self.q:
            words = self.q.casefold().split()
            text = searchable(item)
            return all(word in text for word in words)
        return True


def _topic(value: str | None) -> str | None:
    code = mediatopics.normalize((value or "").strip())
    number = code.removeprefix(mediatopics.PREFIX)
    return code if code.startswith(mediatopics.PREFIX) and number.isascii() and number.isdigit() \
        and len(number) <= 8 else None


def _tag(value: str | None) -> str | None:
    text = " ".join((value or "").split())[:MAX_QUERY]
    return text.casefold() or None


def tag_concepts(item: Item) -> tuple[tuple[str, tuple[Concept, ...]], ...]:
    """The story's concepts of each tag kind, in ``TAG_KINDS`` order."""
    return (("place", item.places), ("person", item.people), ("org", item.organisations),
            ("service", item.services))


def names(concepts: Iterable[Concept], also: str | None = None) -> set[str]:
    """The names and URIs a filter may name a concept by, case-folded."""
    found = {v.casefold() for c in concepts for v in (c.name, c.uri) if v}
    if also:
        found.add(also.casefold())
    return found


def searchable(item: Item) -> str:
    parts = [item.headline, item.slugline or "", item.standfirst or "", item.located or "", item.by or "",
             html_to_text(item.body_html)]
    return "\n".join(parts).casefold()


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the flow: the newest version the reader may read, and its marks."""

    seq: int
    item: Item
    embargoed: bool

    @property
    def marks(self) -> tuple[str, ...]:
        found = []
        if self.item.killed:
            found.append("killed")
        elif self.item.pub_status == "withheld":
            found.append("withheld")
        if self.item.is_correction:
            found.append("corrected")
        if self.embargoed:
            found.append("embargoed")
        return tuple(found)


@dataclass(frozen=True, slots=True)
class FlowPage:
    rows: list[Row]
    older: str | None  # the cursor of the next page, None at the end


def readable(found: list[tuple[VersionInfo, Item]], products: Iterable[Product], reached: Mapping[int, int],
             now: datetime) -> list[tuple[VersionInfo, Item]]:
    """The stored versions (oldest first) a reader holding ``products`` may read."""
    if not found:
        return []
    current, held = found[-1][1], tuple(products)
    return [(info, item) for info, item in found
            if may_read(item, current, held, reached=item.version in reached, now=now)]


def story_versions(engine: Engine, subscriber_id: int, products: Iterable[Product], uri: str,
                   now: datetime) -> list[tuple[VersionInfo, Item]]:
    found = store.all_versions(engine, uri)
    if not found:
        return []
    got = store.reached_by(engine, subscriber_id, [uri]).get(uri, {})
    held = tuple(products)
    shown = readable(found, held, got, now)
    # a story's pictures as this organisation gets them (never one it may not read, not even its uri),
    # a picture with only the renditions its products carry
    pictures = attach.pictures_for(engine, [item for _, item in shown], subscriber_id, held, now)
    return [(info, cut_renditions(attach.expanded(item, pictures), held)) for info, item in shown]


def shown(engine: Engine, subscriber_id: int, products: tuple[Product, ...], currents: list[Item],
          now: datetime) -> dict[str, Item]:
    """For each story (its current version given), the newest version the reader may read.
    The current version decides alone in the common case; a story whose current version the
    reader may not read is looked at version by version."""
    got = store.reached_by(engine, subscriber_id, [c.uri for c in currents])
    out: dict[str, Item] = {}
    for current in currents:
        reached = got.get(current.uri, {})
        if may_read(current, current, products, reached=current.version in reached, now=now):
            out[current.uri] = cut_renditions(current, products)
        elif current.version > 1 or reached:
            versions = readable(store.all_versions(engine, current.uri), products, reached, now)
            if versions:
                out[current.uri] = cut_renditions(versions[-1][1], products)
    return out


def flow_page(engine: Engine, subscriber_id: int, products: tuple[Product, ...], filters: Filters,
              before: int | None, now: datetime, limit: int = PAGE_SIZE) -> FlowPage:
    rows: list[Row] = []
    cursor, scanned = before, 0
    while len(rows) < limit and scanned < SCAN_LIMIT:
        batch = listing.latest(engine, filters.narrowing(), before=cursor, limit=200)
        if not batch:
            return FlowPage(rows, None)
        visible = shown(engine, subscriber_id, products, [item for _, item in batch], now)
        for seq, current in batch:
            scanned += 1
            cursor = seq
            item = visible.get(current.uri)
            if item is not None and filters.admits(item):
                rows.append(Row(seq, item, item.embargoed_at(now)))
                if len(rows) == limit:
                    break
    return FlowPage(rows, encode_cursor(cursor) if cursor is not None else None)


def rows_for(engine: Engine, subscriber_id: int, products: tuple[Product, ...], filters: Filters,
             events: list[tuple[int, str]], now: datetime) -> list[Row]:
    """The flow lines for stories that just had events (seq, uri), newest first, once each."""
    latest: dict[str, int] = {}
    for seq, uri in events:
        latest[uri] = max(seq, latest.get(uri, 0))
    currents = [item for item in (store.get_item(engine, uri) for uri in latest) if item is not None]
    visible = shown(engine, subscriber_id, products, currents, now)
    rows = [Row(latest[uri], item, item.embargoed_at(now)) for uri, item in visible.items() if filters.admits(item)]
    return sorted(rows, key=lambda r: r.seq, reverse=True)


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(str(seq).encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> int | None:
    if not value or len(value) > 40:
        return None
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 19 else None

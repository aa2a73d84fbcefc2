"""The one canonical story model, aligned with IPTC ninjs 3.2.

Every parser produces an :class:`Item`; every serializer consumes one. Items are
immutable values: enrichment steps return a changed copy (``dataclasses.replace``).
Field names follow ninjs 3.2 in snake_case; ``signals`` and ``public`` are the two
additions a wire needs that ninjs has no property for (see ARCHITECTURE.md).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from itertools import repeat
from operator import attrgetter
from typing import Literal

PubStatus = Literal["usable", "withheld", "canceled"]
ItemType = Literal[
    "text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning"
]
PUB_STATUSES: tuple[str, ...] = ("usable", "withheld", "canceled")
ITEM_TYPES: tuple[str, ...] = (
    "text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning"
)
# The wire's own media items (``media/``): a still's similarity signature is its perceptual
# hash, and no media item's caption is compared with stories' text (SimHash), so a story is
# never linked ``related``/``duplicate`` to a picture, a graphic or a video by its caption.
STILL_TYPES = frozenset({"picture", "graphic"})
MEDIA_TYPES = STILL_TYPES | {"video"}

MEDIATOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/"
SIGNAL_CORRECTION = "sig:correction"
SIGNAL_UPDATE = "sig:update"
MACHINE_CREATOR = "newswire-enrich"


@dataclass(frozen=True, slots=True)
class Text:
    """A headline, description or body: ninjs ``{role, contentType, value}``."""

    value: str
    role: str | None = None
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class Concept:
    """A subject, person, organisation, place or genre.

    ``creator`` and ``confidence`` say when a machine assigned it (``creator`` is
    ``MACHINE_CREATOR`` then); editors' concepts leave both empty.
    """

    name: str | None = None
    uri: str | None = None
    rel: str | None = None
    literal: str | None = None
    creator: str | None = None
    confidence: int | None = None
    relevance: int | None = None

    @property
    def machine_made(self) -> bool:
        return self.creator == MACHINE_CREATOR


@dataclass(frozen=True, slots=True)
class Rendition:
    href: str
    name: str | None = None
    content_type: str | None = None
    width: int | None = None
    height: int | None = None
    title: str | None = None
    size_in_bytes: int | None = None
    duration: float | None = None  # seconds, for video (ninjs ``duration``)
    video_codec: str | None = None  # as ninjs ``videoCodec``: "H.264", "H.265"
    frame_rate: float | None = None  # frames per second


@dataclass(frozen=True, slots=True)
class Association:
    """A related news object (a preview picture, an earlier story)."""

    uri: str
    name: str | None = None
    type: str | None = None
    rel: str | None = None
    headline: str | None = None
    renditions: tuple[Rendition, ...] = ()
    # The wire's own picture as delivered (``media.attach.expanded``), for formats that say
    # them beside the link (NITF ``media-caption``/``media-producer``, the portal); never stored.
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class ContentCredentials:
    """What a picture's C2PA manifest says and whether it validated, read from the original
    as uploaded (``newswire.media.provenance``); never taken from what an editor posts."""

    state: str  # trusted | valid | invalid | absent | unchecked (see media.provenance.STATES)
    signer: str | None = None  # the signing certificate's common name
    issuer: str | None = None  # the organisation the certificate names
    claim_generator: str | None = None  # the software that made the manifest
    signed_at: str | None = None  # the time-stamp's time, when the manifest carries one
    digital_source_type: str | None = None  # IPTC's URI (trainedAlgorithmicMedia: AI-generated)
    actions: tuple[str, ...] = ()  # c2pa.created, c2pa.edited, ...
    failures: tuple[str, ...] = ()  # validation failure codes
    note: str | None = None  # why it was not checked


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    """A future dated event found in a story (the planning diary)."""

    name: str
    start: str  # ISO date or datetime, as precise as the text says
    literal: str | None = None
    creator: str | None = None  # MACHINE_CREATOR when enrichment found it
    confidence: int | None = None  # 0..100, machine values only


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None = None
    speaker_uri: str | None = None  # the speaker's entity, when known
    language: str | None = None
    creator: str | None = None  # MACHINE_CREATOR when enrichment found it
    confidence: int | None = None  # 0..100, machine values only


@dataclass(frozen=True, slots=True)
class Item:
    uri: str
    version: int = 1
    version_created: datetime | None = None
    first_created: datetime | None = None
    content_created: datetime | None = None
    pub_status: PubStatus = "usable"
    embargoed_until: datetime | None = None
    type: ItemType = "text"
    urgency: int | None = None
    language: str | None = None
    headlines: tuple[Text, ...] = ()
    descriptions: tuple[Text, ...] = ()
    bodies: tuple[Text, ...] = ()
    located: str | None = None
    dateline_date: str | None = None
    by: str | None = None
    slugline: str | None = None
    ed_note: str | None = None
    copyright_holder: str | None = None
    copyright_notice: str | None = None
    usage_terms: str | None = None
    subjects: tuple[Concept, ...] = ()
    people: tuple[Concept, ...] = ()
    organisations: tuple[Concept, ...] = ()
    places: tuple[Concept, ...] = ()
    genres: tuple[Concept, ...] = ()
    services: tuple[Concept, ...] = ()
    info_sources: tuple[Concept, ...] = ()
    associations: tuple[Association, ...] = ()
    renditions: tuple[Rendition, ...] = ()
    signals: tuple[str, ...] = ()
    planning: tuple[PlannedEvent, ...] = ()
    quotes: tuple[Quote, ...] = ()
    credentials: ContentCredentials | None = None  # a picture's C2PA, as uploaded
    public: bool = False
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    # -- convenient views -------------------------------------------------
    @property
    def headline(self) -> str:
        found = _pick(self.headlines, None, "main")
        return found if found is not None else (self.headlines[0].value if self.headlines else "")

    @property
    def standfirst(self) -> str | None:
        return _pick(self.descriptions, "standfirst", None)

    @property
    def summary(self) -> str | None:
        return _pick(self.descriptions, "summary")

    @property
    def body_html(self) -> str:
        found = _pick(self.bodies, None, "main")
        return found if found is not None else (self.bodies[0].value if self.bodies else "")

    @property
    def is_correction(self) -> bool:
        return SIGNAL_CORRECTION in self.signals

    @property
    def killed(self) -> bool:
        return self.pub_status == "canceled"

    def embargoed_at(self, now: datetime) -> bool:
        return self.embargoed_until is not None and self.embargoed_until > now

    def topic_codes(self) -> list[str]:
        """Media Topic codes (``medtop:NNNNNNNN``) among the subjects."""
        codes = []
        for s in self.subjects:
            if s.uri and s.uri.startswith(MEDIATOPIC_URI):
                codes.append("medtop:" + s.uri[len(MEDIATOPIC_URI):].strip("/"))
        return codes

    def evolve(self, **changes: object) -> Item:
        """A copy with ``changes``: what ``dataclasses.replace`` gives, in about half its time.

        Every enrichment step ends with one, and ``replace`` walks the 36 fields in Python
        and goes through ``__init__`` by keyword. Here all the values are read in one call
        and written the way the frozen dataclass's own ``__init__`` writes them
        (``object.__setattr__``, field by field, in order), but in a loop that runs in C
        (``map`` drained by a zero-length ``deque``). ``Item`` has no ``__post_init__`` and
        no ``init=False`` field, so nothing ``__init__`` would do is skipped; a name that is
        not a field goes to ``replace`` for its usual TypeError."""
        if not _ITEM_FIELDS.issuperset(changes):
            return replace(self, **changes)  # type: ignore[arg-type]
        values = list(_item_values(self))
        for name, value in changes.items():
            values[_ITEM_INDEX[name]] = value
        new = object.__new__(type(self))
        deque(map(object.__setattr__, repeat(new), _ITEM_NAMES, values), maxlen=0)
        return new


# Item's fields in declaration order, for Item.evolve.
_ITEM_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Item))
_ITEM_FIELDS: frozenset[str] = frozenset(_ITEM_NAMES)
_ITEM_INDEX: dict[str, int] = {name: i for i, name in enumerate(_ITEM_NAMES)}
_item_values = attrgetter(*_ITEM_NAMES)


KILL_HEADLINE = "Withdrawn: do not use"


def kill_notice(item: Item) -> Item:
    """What a killed story's last version carries: who it is and why it was killed, never
    its text. Routing metadata (type, language, urgency, topics, services, places) stays, so
    the kill still finds the story's recipients; everything written in it, or derived from
    its text (headline, summary, quotes, people, diary, dateline, byline), goes."""
    return item.evolve(
        headlines=(Text(KILL_HEADLINE),), descriptions=(), bodies=(), located=None, dateline_date=None,
        by=None, slugline=None, people=(), organisations=(), planning=(), quotes=(), associations=(),
        renditions=(), genres=(), info_sources=(), embargoed_until=None, extra={}, credentials=None,
    )


def _pick(texts: tuple[Text, ...], *roles: str | None) -> str | None:
    """The value of the first text with the first role found, in the order given."""
    for role in roles:
        for t in texts:
            if t.role == role:
                return t.value
    return None


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_time(value: str) -> datetime:
    """ISO 8601 with any offset (or ``Z``) -> aware UTC datetime. Naive means UTC."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError as exc:  # 9999-12-31T23:59-01:00 is in year 10000 in UTC; callers expect ValueError
        raise ValueError(f"{value!r} is outside the years 1 to 9999 in UTC") from exc


def format_time(value: datetime) -> str:
    """Aware datetime -> UTC ISO 8601 with an explicit ``+00:00`` offset, no microseconds."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0).isoformat()

"""The desk's planning diary: events the desk adds by hand, edits, confirms and cancels, beside
the events enrichment finds in stories (:func:`newswire.store.index.diary`).

An event starts at a time in a time zone (an IANA name: the place's zone from the gazetteer when
none is given) and is listed under its day there. A found event the desk confirms or corrects
becomes a desk event linked to its story (``story_uri``) and to what was found
(``found_start``, ``found_name``); the diary then shows the desk's event instead of the found
one. Every change is one row of the desk's audit (:func:`newswire.desk.store.record`), against
the person, on the pseudo-URI ``diary:<id>``.

Who sees a desk event outside the desk (:func:`admits`): it is agency planning, so a product
admits it unless its filter names languages or topics the event is outside of (types, urgency,
services and places describe stories, not the diary); a product of the public site's portion
never does. Cancelled events stay listed, marked cancelled.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.engine import RowMapping

from newswire.desk.dateline import zone_name
from newswire.desk.store import record
from newswire.model import utcnow
from newswire.routing import Product
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import desk_events, users
from newswire.vocab import mediatopics, places

STATUSES = ("tentative", "confirmed", "cancelled")
MAX_TITLE, MAX_NOTES, MAX_PLACE = 300, 4000, 200
ACTIONS = ("event-add", "event-edit", "event-confirm", "event-cancel")  # their audit rows


def audit_uri(event_id: int) -> str:
    return f"diary:{event_id}"


@dataclass(frozen=True, slots=True)
class EventFields:
    """What the desk's form says about an event (checked by :func:`parse`)."""

    title: str
    starts_at: datetime  # UTC
    zone: str
    ends_at: datetime | None = None
    place: str | None = None
    place_uri: str | None = None
    language: str | None = None
    topic: str | None = None
    notes: str | None = None
    status: str = "tentative"

    @property
    def day(self) -> str:
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.zone)).date().isoformat()


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    fields: EventFields
    story_uri: str | None
    found_start: str | None
    found_name: str | None
    created_by: str
    updated_by: str
    updated_at: datetime

    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def status(self) -> str:
        return self.fields.status

    @property
    def day(self) -> str:
        return self.fields.day

    def local(self, when: datetime | None) -> str | None:
        """``when`` in the event's zone, ISO 8601 to the minute with its offset."""
        if when is None:
            return None
        return when.astimezone(zoneinfo.ZoneInfo(self.fields.zone)).isoformat(timespec="minutes")

    @property
    def start(self) -> str:
        return self.local(self.fields.starts_at) or ""

    @property
    def end(self) -> str | None:
        return self.local(self.fields.ends_at)


def _local(raw: str, zone: zoneinfo.ZoneInfo) -> datetime | None:
    """``YYYY-MM-DDTHH:MM`` (or a date alone: midnight) in ``zone``, as UTC; None if unreadable."""
    raw = raw.strip().replace(" ", "T")
    try:
        value = datetime.fromisoformat(raw) if "T" in raw else datetime.fromisoformat(raw + "T00:00")
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    if not 1900 <= value.year <= 2999:
        return None
    return value.astimezone(UTC)


def parse(form: Mapping[str, str], *, may_confirm: bool) -> tuple[EventFields | None, list[str]]:
    """The form's event, or the problems to show (a reporter proposes: tentative only)."""
    problems: list[str] = []
    title = " ".join(form.get("title", "").split())
    if not title:
        problems.append("An event needs a title.")
    elif len(title) > MAX_TITLE:
        problems.append(f"A title is at most {MAX_TITLE} characters.")
    place_text = " ".join(form.get("place", "").split())[:MAX_PLACE] or None
    found = places.lookup(place_text, form.get("language") or None) if place_text else []
    zone_text = form.get("zone", "").strip() or (zone_name(place_text) if place_text else "UTC")
    try:
        zone = zoneinfo.ZoneInfo(zone_text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(f"{zone_text[:64]!r} is not a time zone (write e.g. Europe/Amsterdam).")
        zone = zoneinfo.ZoneInfo("UTC")
    starts = _local(form.get("starts", ""), zone)
    if starts is None:
        problems.append("An event needs a start date (and time): YYYY-MM-DD HH:MM.")
    ends = _local(form["ends"], zone) if form.get("ends", "").strip() else None
    if form.get("ends", "").strip() and ends is None:
        problems.append("The end is not a date and time: YYYY-MM-DD HH:MM.")
    elif ends is not None and starts is not None and ends < starts:
        problems.append("The event ends before it starts.")
    language = form.get("language", "").strip().lower() or None
    if language and not (len(language) <= 16 and all(p.isascii() and p.isalnum() for p in language.split("-"))):
        problems.append("The language is a code such as en or pt-BR.")
    topic = form.get("topic", "").strip() or None
    if topic:
        topic = mediatopics.normalize(topic)
        if mediatopics.label(topic, "en") is None:
            problems.append("The topic is a Media Topic code such as medtop:11000000.")
    status = form.get("status", "tentative")
    if status not in STATUSES:
        problems.append("The status is tentative, confirmed or cancelled.")
    elif status != "tentative" and not may_confirm:
        problems.append("A reporter proposes events: an editor confirms or cancels them.")
    notes = form.get("notes", "").strip()[:MAX_NOTES] or None
    if problems or starts is None:
        return None, problems
    return EventFields(title, starts, zone.key, ends, found[0].name_in(language) if found else place_text,
                       found[0].uri if found else None, language, topic, notes, status), []


def _values(fields: EventFields) -> dict[str, object]:
    return {"title": fields.title, "day": fields.day, "starts_at": fields.starts_at, "ends_at": fields.ends_at,
            "zone": fields.zone, "place": fields.place, "place_uri": fields.place_uri, "language": fields.language,
            "topic": fields.topic, "notes": fields.notes, "status": fields.status}


def add(engine: Engine, user_id: int, fields: EventFields, *, story_uri: str | None = None,
        found_start: str | None = None, found_name: str | None = None) -> int:
    """A new desk event (``story_uri`` and ``found_*``: the found event it confirms), audited."""
    now = utcnow()
    with write_tx(engine) as conn:
        event_id: int = conn.execute(insert(desk_events).values(
            **_values(fields), story_uri=story_uri, found_start=found_start, found_name=found_name,
            created_by=user_id, updated_by=user_id, created_at=now, updated_at=now)
            .returning(desk_events.c.id)).scalar_one()
        detail = f"{fields.status}: {fields.title} ({fields.day})"
        if story_uri:
            detail += f"; found in {story_uri} as {found_name!r} ({found_start})"
        record(conn, user_id, "event-confirm" if story_uri else "event-add", audit_uri(event_id), None, detail, now)
    return event_id


def edit(engine: Engine, user_id: int, event_id: int, fields: EventFields) -> None:
    """The event as the form says (LookupError when there is no such event), audited."""
    now = utcnow()
    with write_tx(engine) as conn:
        done = conn.execute(update(desk_events).where(desk_events.c.id == event_id).values(
            **_values(fields), updated_by=user_id, updated_at=now)).rowcount
        if not done:
            raise LookupError(event_id)
        record(conn, user_id, "event-edit", audit_uri(event_id), None,
               f"{fields.status}: {fields.title} ({fields.day})", now)


def set_status(engine: Engine, user_id: int, event_id: int, status: str) -> None:
    """Confirm or cancel (or make tentative again) an event as it stands, audited."""
    if status not in STATUSES:
        raise ValueError(status)
    now = utcnow()
    with write_tx(engine) as conn:
        done = conn.execute(update(desk_events).where(desk_events.c.id == event_id).values(
            status=status, updated_by=user_id, updated_at=now)).rowcount
        if not done:
            raise LookupError(event_id)
        action = {"confirmed": "event-confirm", "cancelled": "event-cancel"}.get(status, "event-edit")
        record(conn, user_id, action, audit_uri(event_id), None, status, now)


# Core aliases, not sqlalchemy.orm's aliased(): the ORM (4 MB of a server) is not imported
_maker, _editor = users.alias(), users.alias()
_QUERY = (select(desk_events, _maker.c.email.label("maker"), _editor.c.email.label("editor"))
          .join(_maker, _maker.c.id == desk_events.c.created_by)
          .join(_editor, _editor.c.id == desk_events.c.updated_by))


def _event(r: RowMapping) -> Event:
    def utc(key: str) -> datetime | None:
        value = r[key]
        return as_utc(value) if isinstance(value, datetime) else None

    fields = EventFields(str(r["title"]), utc("starts_at") or utcnow(), str(r["zone"]), utc("ends_at"),
                         _opt(r["place"]), _opt(r["place_uri"]), _opt(r["language"]), _opt(r["topic"]),
                         _opt(r["notes"]), str(r["status"]))
    return Event(int(str(r["id"])), fields, _opt(r["story_uri"]), _opt(r["found_start"]), _opt(r["found_name"]),
                 str(r["maker"]), str(r["editor"]), utc("updated_at") or utcnow())


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def get(engine: Engine, event_id: int) -> Event | None:
    with read_tx(engine) as conn:
        row = conn.execute(_QUERY.where(desk_events.c.id == event_id)).mappings().first()
    return _event(row) if row is not None else None


def between(engine: Engine, start: str, end: str, limit: int = 1000) -> list[Event]:
    """The desk's events whose day falls in [start, end] (ISO dates, or ``YYYY-MM`` months)."""
    with read_tx(engine) as conn:
        rows = conn.execute(_QUERY.where(desk_events.c.day >= start, desk_events.c.day <= end + "~")
                            .order_by(desk_events.c.day, desk_events.c.starts_at, desk_events.c.id)
                            .limit(limit)).mappings().all()
    return [_event(row) for row in rows]


def confirmed_found(events: Iterable[Event]) -> set[tuple[str, str, str]]:
    """(story URI, found start, found name) of the found events the desk took over."""
    return {(e.story_uri, e.found_start or "", e.found_name or "") for e in events if e.story_uri}


def admits(product: Product, event: Event) -> bool:
    """Whether a product's subscribers see a desk event (see the module's documentation)."""
    if product.public_only:
        return False
    language = (event.fields.language or "").lower()
    if product.languages and language and language not in product.languages \
            and language.split("-")[0] not in product.languages:
        return False
    topic = event.fields.topic
    return not (product.topics and topic
                and not any(mediatopics.is_within(topic, want) for want in product.topics))

"""What the desk keeps beside the wire: drafts (never on the wire until published), the audit
of who did what, and the outgoing wire as the desk reads it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select, update

from newswire.desk.compose import Story
from newswire.model import utcnow
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import desk_audit, desk_drafts, items, recipients, users

WIRE_PAGE = 50


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    uri: str
    story: Story
    author: str
    updated_at: datetime
    published: bool


@dataclass(frozen=True, slots=True)
class WireRow:
    uri: str
    version: int
    headline: str
    pub_status: str
    urgency: int | None
    language: str | None
    embargoed_until: datetime | None
    embargoed: bool
    public: bool
    moved_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: datetime
    who: str
    action: str
    uri: str
    version: int | None
    detail: str | None


def save_draft(engine: Engine, author_id: int, uri: str, story: Story, draft_id: int | None = None) -> int:
    """Store the form as a draft (a new one, or over draft ``draft_id``); its id."""
    now = utcnow()
    data = json.dumps(story.to_json(), ensure_ascii=False)
    with write_tx(engine) as conn:
        if draft_id is not None:
            conn.execute(update(desk_drafts).where(desk_drafts.c.id == draft_id)
                         .values(fields=data, updated_at=now))
        else:
            draft_id = conn.execute(insert(desk_drafts).values(
                uri=uri, author_id=author_id, fields=data, created_at=now, updated_at=now)
                .returning(desk_drafts.c.id)).scalar_one()
        record(conn, author_id, "draft", uri, None, None, now)
    return draft_id


def _draft(row: object) -> Draft:
    r = row._mapping  # type: ignore[attr-defined]
    return Draft(r["id"], r["uri"], Story.from_json(json.loads(r["fields"])), r["email"],
                 as_utc(r["updated_at"]) or utcnow(), r["published_at"] is not None)


_DRAFT_QUERY = select(desk_drafts, users.c.email).join(users, users.c.id == desk_drafts.c.author_id)


def get_draft(engine: Engine, draft_id: int) -> Draft | None:
    with read_tx(engine) as conn:
        row = conn.execute(_DRAFT_QUERY.where(desk_drafts.c.id == draft_id)).first()
    return _draft(row) if row is not None else None


def open_drafts(engine: Engine, limit: int = WIRE_PAGE) -> list[Draft]:
    with read_tx(engine) as conn:
        rows = conn.execute(_DRAFT_QUERY.where(desk_drafts.c.published_at.is_(None))
                            .order_by(desk_drafts.c.updated_at.desc()).limit(limit)).all()
    return [_draft(row) for row in rows]


def mark_published(conn: Connection, uri: str, now: datetime) -> None:
    conn.execute(update(desk_drafts).where(desk_drafts.c.uri == uri, desk_drafts.c.published_at.is_(None))
                 .values(published_at=now))


def record(conn: Connection, user_id: int, action: str, uri: str, version: int | None, detail: str | None,
           now: datetime | None = None) -> None:
    conn.execute(insert(desk_audit).values(at=now or utcnow(), user_id=user_id, action=action, uri=uri,
                                           version=version, detail=detail))


def audit(engine: Engine, uri: str | None = None, limit: int = 200) -> list[AuditRow]:
    """The newest actions first, of one story or of the whole desk."""
    query = (select(desk_audit, users.c.email).join(users, users.c.id == desk_audit.c.user_id)
             .order_by(desk_audit.c.id.desc()).limit(limit))
    if uri is not None:
        query = query.where(desk_audit.c.uri == uri)
    with read_tx(engine) as conn:
        rows = conn.execute(query).mappings().all()
    return [AuditRow(as_utc(r["at"]) or utcnow(), r["email"], r["action"], r["uri"], r["version"], r["detail"])
            for r in rows]


def outgoing(engine: Engine, now: datetime | None = None, limit: int = WIRE_PAGE) -> list[WireRow]:
    """What the agency moved last, newest first (every story, every desk)."""
    now = now or utcnow()
    with read_tx(engine) as conn:
        rows = conn.execute(select(items).order_by(items.c.last_seq.desc()).limit(limit)).mappings().all()
    found = []
    for r in rows:
        until = as_utc(r["embargoed_until"])
        found.append(WireRow(r["uri"], r["version"], r["headline"] or "", r["pub_status"], r["urgency"],
                             r["language"], until, until is not None and until > now and not r["embargo_lifted"],
                             bool(r["public"]), as_utc(r["version_created"])))
    return found


def recipient_count(engine: Engine, uri: str) -> int:
    """How many subscribers the story reached: everyone a kill or a correction is sent to."""
    with read_tx(engine) as conn:
        return len(conn.execute(select(recipients.c.subscriber_id).where(recipients.c.uri == uri)).all())

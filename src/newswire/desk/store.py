"""What the desk keeps beside the wire: drafts (never on the wire until published), the audit
of who did what, and the outgoing wire as the desk reads it.

A draft's row holds the compose form as JSON (``fields``) with three keys of the desk's own
beside the form's: ``_rev`` (its version: every save adds one, and a save or a publication
naming another revision is a :class:`DraftConflict`), ``_state`` (``draft``, or ``submitted``
for approval by an editor) and ``_by`` (who saved it last). No migration: the row had room."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.engine import RowMapping

from newswire.desk.compose import Story
from newswire.model import utcnow
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import desk_audit, desk_drafts, items, recipients, users

WIRE_PAGE = 50
STATES = ("draft", "submitted", "approved")  # approved: by a chief (desk.approval)


class DraftConflict(Exception):
    """The draft was saved (or published) by someone since the revision the form was opened at."""

    def __init__(self, current: int, by: str, published: bool = False) -> None:
        super().__init__(f"The draft is at revision {current} (saved by {by})"
                         + (", and was published." if published else "."))
        self.current, self.by, self.published = current, by, published


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    uri: str
    story: Story
    author: str
    updated_at: datetime
    published: bool
    author_id: int = 0
    rev: int = 1
    state: str = "draft"
    saved_by: str = ""

    @property
    def submitted(self) -> bool:
        return self.state == "submitted"

    @property
    def approved(self) -> bool:
        return self.state == "approved"


@dataclass(frozen=True, slots=True)
class Saved:
    draft_id: int
    rev: int
    at: datetime


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


def _fields(story: Story, rev: int, state: str, by: str) -> str:
    return json.dumps({**story.to_json(), "_rev": rev, "_state": state, "_by": by}, ensure_ascii=False)


def _meta(fields: str) -> tuple[int, str, str]:
    data = json.loads(fields)
    rev, state, by = data.get("_rev", 1), data.get("_state", "draft"), data.get("_by", "")
    return (rev if isinstance(rev, int) else 1, state if state in STATES else "draft", str(by))


def save_draft(engine: Engine, user_id: int, uri: str, story: Story, draft_id: int | None = None, *,
               rev: int | None = None, state: str | None = None, action: str = "draft",
               by: str = "", detail: str | None = None) -> Saved:
    """Store the form as a draft (a new one, or over draft ``draft_id`` while it is at revision
    ``rev``, else :class:`DraftConflict`), with its audit row. ``state`` None keeps the draft's.
    Consecutive autosaves by one person are one audit row (the first of the run)."""
    now = utcnow()
    with write_tx(engine) as conn:
        if draft_id is None:
            new_state = state or "draft"
            draft_id = conn.execute(insert(desk_drafts).values(
                uri=uri, author_id=user_id, fields=_fields(story, 1, new_state, by), created_at=now,
                updated_at=now).returning(desk_drafts.c.id)).scalar_one()
            saved = Saved(draft_id, 1, now)
        else:
            row = conn.execute(select(desk_drafts).where(desk_drafts.c.id == draft_id)
                               .with_for_update()).mappings().one()
            current, old_state, last_by = _meta(row["fields"])
            if row["published_at"] is not None or (rev is not None and rev != current):
                raise DraftConflict(current, last_by, row["published_at"] is not None)
            saved = Saved(draft_id, current + 1, now)
            if state is None and old_state == "approved" and Story.from_json(json.loads(row["fields"])) != story:
                state = "submitted"  # the chief approved another text: it waits again
            conn.execute(update(desk_drafts).where(desk_drafts.c.id == draft_id).values(
                fields=_fields(story, saved.rev, state or old_state, by), updated_at=now))
        if action != "autosave" or not _autosaving(conn, uri, user_id):
            record(conn, user_id, action, uri, None, detail, now)
    return saved


def _autosaving(conn: Connection, uri: str, user_id: int) -> bool:
    """Whether the story's last audit row is an autosave by this person (a run goes on)."""
    last = conn.execute(select(desk_audit.c.action, desk_audit.c.user_id).where(desk_audit.c.uri == uri)
                        .order_by(desk_audit.c.id.desc()).limit(1)).first()
    return last is not None and last.action == "autosave" and last.user_id == user_id


def set_state(engine: Engine, user_id: int, draft_id: int, rev: int | None, state: str, action: str,
              detail: str | None = None) -> Saved:
    """Move a draft to ``state`` (submit it for approval, or hand it back) as it stands."""
    found = get_draft(engine, draft_id)
    if found is None:
        raise LookupError(draft_id)
    return save_draft(engine, user_id, found.uri, found.story, draft_id, rev=rev, state=state, action=action,
                      by=found.saved_by, detail=detail)


def _draft(row: object) -> Draft:
    r = row._mapping  # type: ignore[attr-defined]
    rev, state, by = _meta(r["fields"])
    return Draft(r["id"], r["uri"], Story.from_json(json.loads(r["fields"])), r["email"],
                 as_utc(r["updated_at"]) or utcnow(), r["published_at"] is not None, r["author_id"], rev, state,
                 by or r["email"])


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


def mark_published(conn: Connection, uri: str, now: datetime, rev: int | None = None) -> RowMapping | None:
    """End the story's open draft (in the publication's transaction): the draft as it was, or
    None. A publication from a form opened at another revision is a :class:`DraftConflict`,
    which rolls the publication back."""
    query = select(desk_drafts, users.c.email).join(users, users.c.id == desk_drafts.c.author_id)
    row = conn.execute(query.where(desk_drafts.c.uri == uri, desk_drafts.c.published_at.is_(None))
                       .with_for_update(of=desk_drafts)).mappings().first()
    if row is None:
        return None
    current, _state, last_by = _meta(row["fields"])
    if rev is not None and rev != current:
        raise DraftConflict(current, last_by or row["email"])
    conn.execute(update(desk_drafts).where(desk_drafts.c.id == row["id"]).values(published_at=now))
    return row


def draft_state(row: RowMapping) -> str:
    return _meta(row["fields"])[1]


def record(conn: Connection, user_id: int, action: str, uri: str, version: int | None, detail: str | None,
           now: datetime | None = None) -> None:
    conn.execute(insert(desk_audit).values(at=now or utcnow(), user_id=user_id, action=action, uri=uri,
                                           version=version, detail=detail))


def audit(engine: Engine, uri: str | None = None, limit: int = 200, *, who: str | None = None,
          action: str | None = None) -> list[AuditRow]:
    """The newest actions first, of one story or of the whole desk (of one person, of one kind)."""
    query = (select(desk_audit, users.c.email).join(users, users.c.id == desk_audit.c.user_id)
             .order_by(desk_audit.c.id.desc()).limit(limit))
    if uri is not None:
        query = query.where(desk_audit.c.uri == uri)
    if who is not None:
        query = query.where(users.c.email == who.strip().lower())
    if action is not None:
        query = query.where(desk_audit.c.action == action)
    with read_tx(engine) as conn:
        rows = conn.execute(query).mappings().all()
    return [AuditRow(as_utc(r["at"]) or utcnow(), r["email"], r["action"], r["uri"], r["version"], r["detail"])
            for r in rows]


def outgoing(engine: Engine, now: datetime | None = None, limit: int = WIRE_PAGE) -> list[WireRow]:
    """What the agency moved last, newest first (every story, every desk)."""
    return [row for _seq, row in moved_after(engine, None, now, limit)]


def moved_after(engine: Engine, after: int | None, now: datetime | None = None,
                limit: int = WIRE_PAGE) -> list[tuple[int, WireRow]]:
    """(the wire's sequence number, the row) of the stories moved after ``after``, newest first."""
    now = now or utcnow()
    query = select(items).order_by(items.c.last_seq.desc()).limit(limit)
    if after is not None:
        query = query.where(items.c.last_seq > after)
    with read_tx(engine) as conn:
        rows = conn.execute(query).mappings().all()
    found = []
    for r in rows:
        until = as_utc(r["embargoed_until"])
        found.append((r["last_seq"], WireRow(
            r["uri"], r["version"], r["headline"] or "", r["pub_status"], r["urgency"], r["language"], until,
            until is not None and until > now and not r["embargo_lifted"], bool(r["public"]),
            as_utc(r["version_created"]))))
    return found


def recipient_count(engine: Engine, uri: str) -> int:
    """How many subscribers the story reached: everyone a kill or a correction is sent to."""
    with read_tx(engine) as conn:
        return len(conn.execute(select(recipients.c.subscriber_id).where(recipients.c.uri == uri)).all())

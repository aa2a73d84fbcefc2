"""What portal users keep and follow (migration 0009): saved views of the flow, bookmarks,
follows of a story or a saved view, notifications and the outbox of their emails.

Everything here belongs to one user: every read and write names the user, so one user's
view, bookmark, follow or notification is never another's, whatever id an address names.
Who may be told what is decided by :mod:`newswire.portal.notify` (``routing.may_read``); the
store only keeps the answer, once per user and key, with the follower's place in the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, Select, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.expression import ColumnElement, Join

from newswire.model import Item, utcnow
from newswire.store import codec
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import (
    bookmarks,
    follows,
    items,
    keep_cursor,
    notifications,
    saved_views,
    sequencer,
    subscribers,
    users,
    versions,
)

MAX_NAME = 100
MAX_VIEWS = 50  # per user
MAX_BOOKMARKS = 2000
MAX_FOLLOWS = 500
MAX_NOTE = 500
EMAIL_ATTEMPTS = 5  # then the email is given up (the notification stays in the list)
CURSOR = "notify"


class KeepError(Exception):
    """A request the store refuses (``status``: the HTTP status it means)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class View:
    id: int
    name: str
    query: str  # the flow's filter as a query string (no leading "?")
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Follow:
    id: int
    target: str
    uri: str | None
    view_id: int | None
    view_name: str | None
    by_email: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Notification:
    id: int
    kind: str
    uri: str
    version: int
    headline: str
    detail: str | None
    embargoed_until: datetime | None
    sender: str | None  # who shared it
    created_at: datetime
    read_at: datetime | None


@dataclass(frozen=True, slots=True)
class Follower:
    """Someone following a story (``uri``) or a saved view (``query``), as the follower reads them."""

    user_id: int
    subscriber_id: int
    since_seq: int
    by_email: bool
    uri: str | None = None
    view_id: int | None = None
    view_name: str | None = None
    query: str | None = None


@dataclass(frozen=True, slots=True)
class NewNotification:
    user_id: int
    kind: str
    uri: str
    version: int
    headline: str
    dedupe: str | None
    email: bool
    detail: str | None = None
    embargoed_until: datetime | None = None
    seq: int | None = None
    from_user_id: int | None = None


@dataclass(frozen=True, slots=True)
class Email:
    """A notification to send by email, leased to one sender."""

    note: Notification
    to: str
    language: str | None
    attempts: int


def _active_users() -> Join:
    return users.join(subscribers, subscribers.c.id == users.c.subscriber_id)


def _is_active() -> ColumnElement[bool]:
    return and_(users.c.disabled_at.is_(None), subscribers.c.disabled_at.is_(None))


# -- saved views -------------------------------------------------------------------------------

def _view(row: object) -> View:
    r = row._mapping  # type: ignore[attr-defined]
    return View(r["id"], r["name"], r["query"], as_utc(r["created_at"]) or utcnow())


def clean_name(name: str) -> str:
    value = " ".join(name.split())
    if not value:
        raise KeepError("A saved view needs a name.")
    if len(value) > MAX_NAME:
        raise KeepError(f"A name has at most {MAX_NAME} characters.")
    return value


def save_view(engine: Engine, user_id: int, name: str, query: str) -> View:
    """Save the flow's filter under a name; the same name again replaces that view's filter."""
    value = clean_name(name)
    with write_tx(engine) as conn:
        found = conn.execute(select(saved_views.c.id).where(
            saved_views.c.user_id == user_id, saved_views.c.name == value)).scalar()
        if found is not None:
            conn.execute(update(saved_views).where(saved_views.c.id == found).values(query=query))
        else:
            count = conn.execute(select(func.count()).select_from(saved_views)
                                 .where(saved_views.c.user_id == user_id)).scalar_one()
            if count >= MAX_VIEWS:
                raise KeepError(f"At most {MAX_VIEWS} saved views; delete one first.", 409)
            found = conn.execute(insert(saved_views).values(user_id=user_id, name=value, query=query,
                                                            created_at=utcnow())
                                 .returning(saved_views.c.id)).scalar_one()
        row = conn.execute(select(saved_views).where(saved_views.c.id == found)).one()
    return _view(row)


def views_of(engine: Engine, user_id: int) -> list[View]:
    with read_tx(engine) as conn:
        rows = conn.execute(select(saved_views).where(saved_views.c.user_id == user_id)
                            .order_by(saved_views.c.name)).all()
    return [_view(row) for row in rows]


def delete_view(engine: Engine, user_id: int, view_id: int) -> bool:
    """Delete one of the user's views (and its follow); False when the user has no such view."""
    with write_tx(engine) as conn:
        owned = conn.execute(select(saved_views.c.id).where(
            saved_views.c.id == view_id, saved_views.c.user_id == user_id)).scalar()
        if owned is None:
            return False
        conn.execute(delete(follows).where(follows.c.view_id == view_id))
        conn.execute(delete(saved_views).where(saved_views.c.id == view_id))
    return True


# -- bookmarks ---------------------------------------------------------------------------------

def add_bookmark(engine: Engine, user_id: int, uri: str) -> None:
    with write_tx(engine) as conn:
        if conn.execute(select(bookmarks.c.uri).where(bookmarks.c.user_id == user_id,
                                                      bookmarks.c.uri == uri)).first():
            return
        count = conn.execute(select(func.count()).select_from(bookmarks)
                             .where(bookmarks.c.user_id == user_id)).scalar_one()
        if count >= MAX_BOOKMARKS:
            raise KeepError(f"At most {MAX_BOOKMARKS} bookmarks; remove some first.", 409)
        conn.execute(insert(bookmarks).values(user_id=user_id, uri=uri, created_at=utcnow()))


def remove_bookmark(engine: Engine, user_id: int, uri: str) -> bool:
    with write_tx(engine) as conn:
        gone = conn.execute(delete(bookmarks).where(bookmarks.c.user_id == user_id, bookmarks.c.uri == uri))
    return bool(gone.rowcount)


def bookmarks_of(engine: Engine, user_id: int) -> list[str]:
    """The stories the user bookmarked, the latest first."""
    with read_tx(engine) as conn:
        return list(conn.execute(select(bookmarks.c.uri).where(bookmarks.c.user_id == user_id)
                                 .order_by(bookmarks.c.created_at.desc(), bookmarks.c.uri)).scalars())


# -- follows -----------------------------------------------------------------------------------

def story_target(uri: str) -> str:
    return f"story:{uri}"


def view_target(view_id: int) -> str:
    return f"view:{view_id}"


def follow(engine: Engine, user_id: int, *, uri: str | None = None, view_id: int | None = None,
           by_email: bool, since_seq: int) -> bool:
    """Follow a story or one of the user's saved views (following again changes ``by_email``);
    False when the view is not the user's."""
    if (uri is None) == (view_id is None):
        raise ValueError("follow a story or a view")
    target = story_target(uri) if uri is not None else view_target(view_id or 0)
    with write_tx(engine) as conn:
        if view_id is not None and conn.execute(select(saved_views.c.id).where(
                saved_views.c.id == view_id, saved_views.c.user_id == user_id)).scalar() is None:
            return False
        found = conn.execute(select(follows.c.id).where(follows.c.user_id == user_id,
                                                        follows.c.target == target)).scalar()
        if found is not None:
            conn.execute(update(follows).where(follows.c.id == found).values(by_email=by_email))
            return True
        count = conn.execute(select(func.count()).select_from(follows)
                             .where(follows.c.user_id == user_id)).scalar_one()
        if count >= MAX_FOLLOWS:
            raise KeepError(f"At most {MAX_FOLLOWS} follows; stop following some first.", 409)
        conn.execute(insert(follows).values(user_id=user_id, target=target, uri=uri, view_id=view_id,
                                            by_email=by_email, since_seq=since_seq, created_at=utcnow()))
    return True


def unfollow(engine: Engine, user_id: int, target: str) -> bool:
    with write_tx(engine) as conn:
        gone = conn.execute(delete(follows).where(follows.c.user_id == user_id, follows.c.target == target))
    return bool(gone.rowcount)


def follows_of(engine: Engine, user_id: int) -> list[Follow]:
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(follows, saved_views.c.name.label("view_name"))
            .select_from(follows.outerjoin(saved_views, saved_views.c.id == follows.c.view_id))
            .where(follows.c.user_id == user_id).order_by(follows.c.created_at.desc(), follows.c.id.desc())
        ).mappings().all()
    return [Follow(r["id"], r["target"], r["uri"], r["view_id"], r["view_name"], bool(r["by_email"]),
                   as_utc(r["created_at"]) or utcnow()) for r in rows]


# -- notifications -----------------------------------------------------------------------------

def _notification(r: RowMapping) -> Notification:
    return Notification(r["id"], r["kind"], r["uri"], r["version"], r["headline"], r["detail"],
                        as_utc(r["embargoed_until"]), r["sender"], as_utc(r["created_at"]) or utcnow(),
                        as_utc(r["read_at"]))


def _with_sender(query_from: Join | None = None) -> Select[Any]:
    sender = users.alias("sender")
    joined = (query_from if query_from is not None else notifications).outerjoin(
        sender, sender.c.id == notifications.c.from_user_id)
    return select(notifications, sender.c.email.label("sender")).select_from(joined)


def notifications_of(engine: Engine, user_id: int, limit: int = 100) -> list[Notification]:
    with read_tx(engine) as conn:
        rows = conn.execute(_with_sender().where(notifications.c.user_id == user_id)
                            .order_by(notifications.c.id.desc()).limit(limit)).mappings().all()
    return [_notification(r) for r in rows]


def unread_count(engine: Engine, user_id: int) -> int:
    with read_tx(engine) as conn:
        count: int = conn.execute(select(func.count()).select_from(notifications).where(
            notifications.c.user_id == user_id, notifications.c.read_at.is_(None))).scalar_one()
    return count


def mark_read(engine: Engine, user_id: int, notification_id: int | None = None) -> int:
    """Mark one of the user's notifications read (all of them with None); how many changed."""
    where = [notifications.c.user_id == user_id, notifications.c.read_at.is_(None)]
    if notification_id is not None:
        where.append(notifications.c.id == notification_id)
    with write_tx(engine) as conn:
        done = conn.execute(update(notifications).where(*where).values(read_at=utcnow()))
    return int(done.rowcount)


def colleagues(engine: Engine, user_id: int, subscriber_id: int) -> list[tuple[int, str]]:
    """The other active users of the organisation: (id, email)."""
    with read_tx(engine) as conn:
        rows = conn.execute(select(users.c.id, users.c.email).select_from(_active_users()).where(
            users.c.subscriber_id == subscriber_id, users.c.id != user_id, _is_active())
            .order_by(users.c.email)).all()
    return [(row.id, row.email) for row in rows]


def share(engine: Engine, sender_id: int, subscriber_id: int, note: NewNotification) -> bool:
    """Put ``note`` in a colleague's notifications (``note.user_id``): only an active user of
    the same organisation (False otherwise, and nothing is written)."""
    with write_tx(engine) as conn:
        found = conn.execute(select(users.c.id).select_from(_active_users()).where(
            users.c.id == note.user_id, users.c.id != sender_id, users.c.subscriber_id == subscriber_id,
            _is_active())).scalar()
        if found is None:
            return False
        _insert(conn, [note], utcnow())
    return True


# -- the follower's side -----------------------------------------------------------------------

def cursor(engine: Engine) -> int:
    """Where the notification follower stands in the event log; a new deployment starts at
    the log's end (events before any follow notify no one)."""
    with read_tx(engine) as conn:
        found = conn.execute(select(keep_cursor.c.last_seq).where(keep_cursor.c.name == CURSOR)).scalar()
    if found is not None:
        return int(found)
    try:
        with write_tx(engine) as conn:
            last = conn.execute(select(sequencer.c.last_seq).where(sequencer.c.id == 1)).scalar_one()
            conn.execute(insert(keep_cursor).values(name=CURSOR, last_seq=last))
            return int(last)
    except IntegrityError:  # another follower made it first
        return cursor(engine)


def current_items(engine: Engine, uris: Iterable[str]) -> dict[str, Item]:
    """The current version of each of these stories, in one read."""
    wanted = sorted(set(uris))
    if not wanted:
        return {}
    with read_tx(engine) as conn:
        rows = conn.execute(select(items.c.uri, versions.c.payload).select_from(items.join(versions, and_(
            versions.c.uri == items.c.uri, versions.c.version == items.c.version)))
            .where(items.c.uri.in_(wanted))).all()
    return {row.uri: codec.decode(row.payload) for row in rows}


def story_followers(engine: Engine, uris: Iterable[str]) -> list[Follower]:
    wanted = sorted(set(uris))
    if not wanted:
        return []
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(follows.c.user_id, users.c.subscriber_id, follows.c.since_seq, follows.c.by_email,
                   follows.c.uri)
            .select_from(follows.join(_active_users(), users.c.id == follows.c.user_id))
            .where(follows.c.uri.in_(wanted), _is_active())
        ).all()
    return [Follower(r.user_id, r.subscriber_id, r.since_seq, bool(r.by_email), uri=r.uri) for r in rows]


def view_followers(engine: Engine) -> list[Follower]:
    with read_tx(engine) as conn:
        rows = conn.execute(
            select(follows.c.user_id, users.c.subscriber_id, follows.c.since_seq, follows.c.by_email,
                   saved_views.c.id, saved_views.c.name, saved_views.c.query)
            .select_from(follows.join(saved_views, saved_views.c.id == follows.c.view_id)
                         .join(_active_users(), users.c.id == follows.c.user_id))
            .where(_is_active())
        ).all()
    return [Follower(r.user_id, r.subscriber_id, r.since_seq, bool(r.by_email), view_id=r.id, view_name=r.name,
                     query=r.query) for r in rows]


def advance(engine: Engine, old: int, new: int, notes: Sequence[NewNotification], now: datetime | None = None
            ) -> bool:
    """Move the follower's cursor from ``old`` to ``new`` and store ``notes`` with it, in one
    transaction; False (nothing stored) when another follower moved it first."""
    try:
        with write_tx(engine) as conn:
            moved = conn.execute(update(keep_cursor).where(keep_cursor.c.name == CURSOR,
                                                           keep_cursor.c.last_seq == old).values(last_seq=new))
            if moved.rowcount != 1:
                raise _Moved
            _insert(conn, notes, now or utcnow())
    except _Moved:
        return False
    return True


class _Moved(Exception):
    pass


def _insert(conn: Connection, notes: Sequence[NewNotification], now: datetime) -> None:
    """Insert notifications, skipping a key the user already has (once per user and key)."""
    keys = sorted({n.dedupe for n in notes if n.dedupe})
    who = sorted({n.user_id for n in notes if n.dedupe})
    held: set[tuple[int, str]] = set()
    for start in range(0, len(keys), 500):  # the (user_id, dedupe) index answers
        held |= {(row.user_id, row.dedupe) for row in conn.execute(
            select(notifications.c.user_id, notifications.c.dedupe).where(
                notifications.c.user_id.in_(who), notifications.c.dedupe.in_(keys[start:start + 500])))}
    rows = []
    for n in notes:
        if n.dedupe:
            if (n.user_id, n.dedupe) in held:
                continue
            held.add((n.user_id, n.dedupe))
        rows.append({"user_id": n.user_id, "kind": n.kind, "uri": n.uri, "version": n.version,
                     "headline": n.headline, "detail": n.detail, "embargoed_until": n.embargoed_until,
                     "from_user_id": n.from_user_id, "dedupe": n.dedupe, "seq": n.seq, "created_at": now,
                     "read_at": None, "email_state": "pending" if n.email else None, "email_attempts": 0,
                     "email_next_at": now if n.email else None, "email_error": None})
    if rows:
        conn.execute(insert(notifications), rows)


# -- the email outbox --------------------------------------------------------------------------

def claim_emails(engine: Engine, now: datetime, lease: timedelta, limit: int = 20) -> list[Email]:
    """Pending emails that are due, each leased to this sender until ``now + lease`` (a
    sender killed mid-send leaves it to be retried then)."""
    with read_tx(engine) as conn:
        due = conn.execute(select(notifications.c.id).where(
            notifications.c.email_state == "pending", notifications.c.email_next_at <= now)
            .order_by(notifications.c.email_next_at).limit(limit)).scalars().all()
    claimed: list[Email] = []
    for note_id in due:
        with write_tx(engine) as conn:
            got = conn.execute(update(notifications).where(
                notifications.c.id == note_id, notifications.c.email_state == "pending",
                notifications.c.email_next_at <= now).values(
                email_next_at=now + lease, email_attempts=notifications.c.email_attempts + 1))
            if got.rowcount != 1:
                continue
            r = conn.execute(_with_sender(notifications.join(users, users.c.id == notifications.c.user_id))
                             .add_columns(users.c.email.label("to"), users.c.language)
                             .where(notifications.c.id == note_id)).mappings().one()
        claimed.append(Email(_notification(r), r["to"], r["language"], r["email_attempts"]))
    return claimed


def email_done(engine: Engine, email: Email, *, error: str | None, now: datetime) -> None:
    """Record a send: sent, retried later with back-off, or given up after a few attempts."""
    if error is None:
        values: dict[str, object] = {"email_state": "sent", "email_error": None, "email_next_at": None}
    elif email.attempts >= EMAIL_ATTEMPTS:
        values = {"email_state": "failed", "email_error": error[:500], "email_next_at": None}
    else:
        values = {"email_error": error[:500], "email_next_at": now + timedelta(seconds=30 * 2 ** email.attempts)}
    with write_tx(engine) as conn:
        conn.execute(update(notifications).where(notifications.c.id == email.note.id).values(**values))

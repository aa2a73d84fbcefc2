"""Notifications of what portal users follow, produced from the event log, and their emails.

The follower reads the event log after its cursor (``keep_cursor``), like the feed does for
a subscriber, and for each event asks who follows the story — or, for a story new to the
wire, whose followed saved view it matches. A user is told of a version only when
:func:`newswire.routing.may_read` lets the user's organisation read it *now*: an embargoed
update tells only those who see embargoed copy early, the others when the embargo lifts (the
``embargo_lifted`` event); a kill tells those who had the story, with the kill notice. A
notification carries the headline of the version (the kill notice's for a kill), never
body text. One notification per user and version of a story (or story and saved view), so a
follower that lags behind the embargo clock does not tell twice.

The cursor moves in the transaction that stores the notifications, only from where this
follower read it: any number of followers (serve's embedded worker, ``newswire worker``)
may run; one of them wins each batch. Batches that tell no one move it only now and then
(:class:`Follower`), so following costs no write per event.

Emails go out when ``NEWSWIRE_SMTP_URL`` is set: the notification row is the outbox, leased
like a webhook delivery, sent with the standard library's SMTP client off the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from sqlalchemy import Engine

from newswire.config import Settings
from newswire.model import Item, utcnow
from newswire.portal import flow, i18n
from newswire.routing import Product, may_read
from newswire.store import items as store
from newswire.store import keep
from newswire.store.accounts import subscriptions
from newswire.store.engine import read_tx
from newswire.store.items import Event
from newswire.wire import Wire

log = logging.getLogger(__name__)

NEW_ITEM_EVENTS = frozenset({"published", "embargo_lifted"})  # when a story may be new to a reader
BATCH = 200
SMTP_TIMEOUT = 20.0
EMAIL_LEASE = timedelta(seconds=120)


def story_key(uri: str, version: int) -> str:
    return f"story:{uri}:{version}"


class Entitlement:
    """What each organisation may read, for one batch of events: products, the stories'
    current versions and what reached each organisation read once for the batch."""

    def __init__(self, engine: Engine, uris: Iterable[str], now: datetime) -> None:
        self.engine, self.now, self.uris = engine, now, sorted(set(uris))
        with read_tx(engine) as conn:
            self.products: dict[int, list[Product]] = subscriptions(conn)
        self.current = keep.current_items(engine, self.uris)
        self._reached: dict[int, dict[str, dict[int, int]]] = {}

    def may_read(self, subscriber_id: int, version: Item) -> bool:
        current = self.current.get(version.uri)
        if current is None:
            return False
        if subscriber_id not in self._reached:
            self._reached[subscriber_id] = store.reached_by(self.engine, subscriber_id, self.uris)
        reached = self._reached[subscriber_id].get(version.uri, {})
        return may_read(version, current, self.products.get(subscriber_id, []),
                        reached=version.version in reached, now=self.now)


def note_for(user_id: int, kind: str, item: Item, now: datetime, *, dedupe: str | None, email: bool,
             seq: int | None = None, detail: str | None = None, from_user_id: int | None = None
             ) -> keep.NewNotification:
    """A notification of a version: its headline (a kill notice's has no text of the story),
    the kill notice or correction note, and the embargo it is still under."""
    return keep.NewNotification(
        user_id=user_id, kind=kind, uri=item.uri, version=item.version, headline=item.headline[:1000],
        dedupe=dedupe, email=email, seq=seq, from_user_id=from_user_id,
        detail=detail if detail is not None else (item.ed_note if item.killed or item.is_correction else None),
        embargoed_until=item.embargoed_until if item.embargoed_at(now) else None)


def notes_for(engine: Engine, batch: list[tuple[Event, Item]], now: datetime, *, email: bool
              ) -> list[keep.NewNotification]:
    """The notifications a batch of events makes (oldest first)."""
    followers = keep.story_followers(engine, {event.uri for event, _ in batch})
    views = keep.view_followers(engine) if any(e.type in NEW_ITEM_EVENTS for e, _ in batch) else []
    if not followers and not views:
        return []
    rules = Entitlement(engine, [event.uri for event, _ in batch], now)
    by_story: dict[str, list[keep.Follower]] = {}
    for f in followers:
        by_story.setdefault(f.uri or "", []).append(f)
    by_filter: dict[str, list[keep.Follower]] = {}  # a filter is tried once per story, whoever saved it
    for f in views:
        by_filter.setdefault(f.query or "", []).append(f)
    filters = {query: flow.Filters.from_query(dict(parse_qsl(query))) for query in by_filter}
    notes = []
    for event, item in batch:
        for f in by_story.get(event.uri, ()):
            if f.since_seq < event.seq and rules.may_read(f.subscriber_id, item):
                notes.append(note_for(f.user_id, event.type, item, now, dedupe=story_key(item.uri, item.version),
                                      email=email and f.by_email, seq=event.seq))
        if event.type not in NEW_ITEM_EVENTS or item.pub_status != "usable":
            continue
        for query, group in by_filter.items():
            if not filters[query].admits(item):
                continue
            for f in group:
                if f.since_seq < event.seq and rules.may_read(f.subscriber_id, item):
                    notes.append(note_for(f.user_id, "match", item, now, dedupe=f"view:{f.view_id}:{item.uri}",
                                          email=email and f.by_email, seq=event.seq, detail=f.view_name))
    return notes


class Follower:
    """Reads the event log after the stored cursor and stores what it notifies.

    A batch that notifies no one moves only this follower's place in memory; the stored cursor
    follows at the next batch that notifies someone, or ``persist_every`` seconds later, so
    the wire's write lock is not taken once per event for nothing. (After a restart, the few
    events since are read again: their notifications are keyed, so nothing is told twice.)
    Another follower having moved the cursor meanwhile makes this one drop its batch and read
    on from there."""

    def __init__(self, engine: Engine, *, email: bool, persist_every: float = 0.0) -> None:
        self.engine, self.email, self.persist_every = engine, email, persist_every
        self.position: int | None = None  # read up to here
        self.saved = 0  # the stored cursor, as this follower last saw it
        self.saved_at = 0.0

    def step(self, now: datetime | None = None, limit: int = BATCH) -> int:
        """One batch; the number of events read (0: at the log's end, or the batch was lost
        to another follower)."""
        if self.position is None:
            self.position = self.saved = keep.cursor(self.engine)
            self.saved_at = time.monotonic()
        batch = store.events_after(self.engine, self.position, limit)
        if not batch:
            return 0
        last = batch[-1][0].seq
        notes = notes_for(self.engine, batch, now or utcnow(), email=self.email)
        if not notes and time.monotonic() - self.saved_at < self.persist_every:
            self.position = last
            return len(batch)
        if keep.advance(self.engine, self.saved, last, notes, now):
            self.position = self.saved = last
            self.saved_at = time.monotonic()
            return len(batch)
        self.position = None  # read on from where the other follower stored it
        return 0


def follow_once(engine: Engine, *, email: bool, now: datetime | None = None, limit: int = BATCH) -> int:
    """One batch after the stored cursor, stored at once (what tests and scripts call)."""
    return Follower(engine, email=email).step(now, limit)


# -- email ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SmtpServer:
    host: str
    port: int
    security: str  # "none", "starttls", "tls"
    username: str | None = None
    password: str | None = None


SCHEMES = {"smtp": ("none", 25), "smtp+starttls": ("starttls", 587), "smtps": ("tls", 465)}


def smtp_server(url: str) -> SmtpServer:
    """``smtp://``, ``smtp+starttls://`` or ``smtps://``, ``[user:password@]host[:port]``."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise ValueError("NEWSWIRE_SMTP_URL: smtp://, smtp+starttls:// or smtps:// and a host")
    security, port = SCHEMES[parts.scheme]
    return SmtpServer(parts.hostname, parts.port or port, security,
                      unquote(parts.username) if parts.username else None,
                      unquote(parts.password) if parts.password else None)


def compose(email: keep.Email, settings: Settings) -> EmailMessage:
    """The email of a notification, in the user's language: what happened, the headline, the
    kill notice or note, the embargo, a link. Never the story's text."""
    t, note = i18n.strings(email.language or "en"), email.note
    what = t.get(f"event_{note.kind}", note.kind)
    link = f"{settings.base_url}/portal/items/{quote(note.uri, safe=':@')}"
    lines = [f"{what}: {note.headline}"]
    if note.detail:
        lines.append(note.detail)
    if note.embargoed_until is not None:
        lines.append(t["embargo_banner"].format(t=note.embargoed_until.strftime("%Y-%m-%d %H:%M UTC")))
    lines += ["", link, "", "-- ", t["email_footer"].format(link=f"{settings.base_url}/portal/notifications")]
    message = EmailMessage()
    message["Subject"] = f"{what}: {note.headline}"[:200]
    message["From"] = settings.smtp_from
    message["To"] = email.to
    message["Message-ID"] = make_msgid(domain="newswire")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content("\n".join(lines) + "\n")
    return message


def send(server: SmtpServer, message: EmailMessage, timeout: float = SMTP_TIMEOUT) -> None:
    """Send one message (blocking: run it in a thread)."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if server.security == "tls":
        client = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=timeout)
    with client:
        if server.security == "starttls":
            client.starttls(context=context)
        if server.username:
            client.login(server.username, server.password or "")
        client.send_message(message)


def send_due(engine: Engine, settings: Settings, now: datetime | None = None) -> int:
    """Send the emails that are due; how many went out."""
    if not settings.smtp_url:
        return 0
    server = smtp_server(settings.smtp_url)
    sent = 0
    now = now or utcnow()
    for email in keep.claim_emails(engine, now, EMAIL_LEASE):
        error = None
        try:
            send(server, compose(email, settings))
            sent += 1
        except (OSError, smtplib.SMTPException) as exc:
            error = f"{exc.__class__.__name__}: {exc}"
            log.warning("notification email %s could not be sent: %s", email.note.id, error)
        keep.email_done(engine, email, error=error, now=now)
    return sent


class Notifier:
    """The follower and the email sender, woken by the hub (or every ``poll`` seconds)."""

    def __init__(self, wire: Wire, poll: float = 0.5, persist_every: float = 2.0) -> None:
        self.wire, self.poll = wire, poll
        if wire.settings.smtp_url:
            smtp_server(wire.settings.smtp_url)  # a wrong URL stops the start, not every send
        self.follower = Follower(wire.engine, email=bool(wire.settings.smtp_url), persist_every=persist_every)

    def run_once(self) -> int:
        read = self.follower.step()
        send_due(self.wire.engine, self.wire.settings)
        return read

    async def run(self) -> None:
        while True:
            try:
                read = await asyncio.to_thread(self.run_once)
            except Exception:
                log.warning("notification follower could not reach the store", exc_info=True)
                read = 0
            if not read:
                await self.wire.hub.wait_beyond(self.wire.hub.latest, self.poll)

"""The desk's planning diary under ``/desk/diary``: the coming weeks by day, the events the desk
made by hand (:mod:`newswire.store.diary`) beside those enrichment found in stories
(:func:`newswire.store.index.diary`).

Staff add an event (a reporter proposes it: tentative only), an editor, chief or admin edits,
confirms or cancels it, and confirms a found event as it is or corrects it first: either way it
becomes a desk event linked to its story, shown instead of the found one. Every form carries the
session's CSRF token (:meth:`newswire.portal.web.Web.form`); every change is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newswire.model import Item, utcnow
from newswire.portal.web import FormRefused
from newswire.routing import withdrawn
from newswire.store import diary as events
from newswire.store import items as store
from newswire.store.engine import read_tx
from newswire.store.index import DiaryEntry
from newswire.store.index import diary as found_entries
from newswire.store.users import Session

if TYPE_CHECKING:
    from newswire.desk.routes import Desk

PATH = "/desk/diary"
DAYS = 31  # how far ahead the page looks


@dataclass(frozen=True, slots=True)
class Found:
    entry: DiaryEntry
    item: Item


@dataclass(slots=True)
class Day:
    day: str
    made: list[events.Event] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)


def upcoming(engine: Engine, first: date | None = None, days_ahead: int = DAYS) -> list[Day]:
    """The days from ``first`` (the earliest zone's today) that have events: the desk's, and
    those found in stories still on the wire that the desk has not taken over."""
    first = first or (utcnow() - timedelta(hours=14)).date()
    start, end = first.isoformat(), (first + timedelta(days=days_ahead)).isoformat()
    made = events.between(engine, start, end)
    taken = events.confirmed_found(made)
    with read_tx(engine) as conn:
        entries = found_entries(conn, start, end)
    days: dict[str, Day] = {}
    for event in made:
        days.setdefault(event.day, Day(event.day)).made.append(event)
    items: dict[str, Item | None] = {}
    for entry in entries:
        if (entry.uri, entry.start, entry.name) in taken:
            continue
        if entry.uri not in items:
            items[entry.uri] = store.get_item(engine, entry.uri)
        item = items[entry.uri]
        if item is not None and not withdrawn(item):
            days.setdefault(entry.start[:10], Day(entry.start[:10])).found.append(Found(entry, item))
    return [days[key] for key in sorted(days)]


def first_day(raw: str) -> date | None:
    """``?day=YYYY-MM-DD``: the page starts there (another value: today)."""
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None
    return day if day is not None and 1900 <= day.year <= 2999 else None


def may_confirm(session: Session) -> bool:
    from newswire.desk.routes import may_move

    return may_move(session)


def event_id(request: Request) -> int | None:
    raw = request.path_params.get("id", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


class Diary:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.engine = desk.wire.engine

    def listing(self, request: Request, session: Session, *, status: int = 200, form: Mapping[str, str] | None = None,
                problems: list[str] | None = None) -> Response:
        days = upcoming(self.engine, first_day(request.query_params.get("day", "")))
        return self.desk.page(request, "diary.html", session, status, days=days, form=form or {},
                              problems=problems or [], statuses=self.statuses(session),
                              may_confirm=may_confirm(session), event=None)

    def statuses(self, session: Session) -> tuple[str, ...]:
        return events.STATUSES if may_confirm(session) else ("tentative",)

    async def form(self, request: Request, session: Session) -> dict[str, str] | Response:
        try:
            return await self.desk.web.form(request, session)
        except FormRefused:
            return self.desk.refused(request, session)

    async def page(self, request: Request, session: Session) -> Response:
        """``GET /desk/diary`` (``?uri=&start=&name=``: the add form filled from a found event)."""
        params = request.query_params
        form = {key: params.get(key, "")[:2000] for key in ("uri", "start", "name")} if params.get("uri") else None
        if form is not None:
            item = await run_in_threadpool(store.get_item, self.engine, form["uri"])
            form = found_form(form, item)
        return await run_in_threadpool(lambda: self.listing(request, session, form=form))

    async def add(self, request: Request, session: Session) -> Response:
        """``POST /desk/diary``: a new event (or a found event as the desk corrected it)."""
        fields = await self.form(request, session)
        if isinstance(fields, Response):
            return fields
        uri = fields.get("uri", "").strip()[:512] or None
        if uri is not None and not may_confirm(session):
            return self.desk.forbidden(request, session)
        parsed, problems = events.parse(fields, may_confirm=may_confirm(session))
        if parsed is None:
            return await run_in_threadpool(lambda: self.listing(request, session, status=400, form=fields,
                                                                problems=problems))
        await run_in_threadpool(lambda: events.add(
            self.engine, session.user.id, parsed, story_uri=uri,
            found_start=fields.get("start", "")[:32] if uri else None,
            found_name=fields.get("name", "")[:2000] if uri else None))
        return RedirectResponse(f"{PATH}?day={parsed.day}", status_code=303)

    async def confirm_found(self, request: Request, session: Session) -> Response:
        """``POST /desk/diary/found``: a found event confirmed as it is (it needs a day)."""
        fields = await self.form(request, session)
        if isinstance(fields, Response):
            return fields
        if not may_confirm(session):
            return self.desk.forbidden(request, session)
        item = await run_in_threadpool(store.get_item, self.engine, fields.get("uri", "")[:512])
        if item is None:
            return self.desk.message(request, session, 404, "No such story", link=PATH)
        form = {**found_form(fields, item), "status": "confirmed"}
        parsed, problems = events.parse(form, may_confirm=True)
        if parsed is None:  # a month without a day, say: the desk corrects it first
            return await run_in_threadpool(lambda: self.listing(request, session, status=400, form=form,
                                                                problems=problems))
        await run_in_threadpool(lambda: events.add(self.engine, session.user.id, parsed, story_uri=item.uri,
                                                   found_start=form["start"], found_name=form["name"]))
        return RedirectResponse(f"{PATH}?day={parsed.day}", status_code=303)

    async def event(self, request: Request, session: Session) -> Response:
        """``GET /desk/diary/{id}``: the event's form."""
        found = await self.find(request)
        if found is None:
            return self.desk.message(request, session, 404, "No such event", link=PATH)
        return self.desk.page(request, "diary_event.html", session, event=found, form=event_form(found),
                              problems=[], statuses=self.statuses(session), may_confirm=may_confirm(session))

    async def find(self, request: Request) -> events.Event | None:
        number = event_id(request)
        return None if number is None else await run_in_threadpool(events.get, self.engine, number)

    async def editing(self, request: Request,
                      session: Session) -> tuple[dict[str, str], events.Event] | Response:
        """The POSTed form and the event it changes, or the answer (403, 404) when either is wrong."""
        fields = await self.form(request, session)
        if isinstance(fields, Response):
            return fields
        if not may_confirm(session):
            return self.desk.forbidden(request, session)
        found = await self.find(request)
        if found is None:
            return self.desk.message(request, session, 404, "No such event", link=PATH)
        return fields, found

    async def edit(self, request: Request, session: Session) -> Response:
        """``POST /desk/diary/{id}``: the event as the form says (an editor's)."""
        checked = await self.editing(request, session)
        if isinstance(checked, Response):
            return checked
        fields, found = checked
        parsed, problems = events.parse(fields, may_confirm=True)
        if parsed is None:
            return self.desk.page(request, "diary_event.html", session, 400, event=found, form=fields,
                                  problems=problems, statuses=self.statuses(session), may_confirm=True)
        await run_in_threadpool(events.edit, self.engine, session.user.id, found.id, parsed)
        return RedirectResponse(f"{PATH}?day={parsed.day}", status_code=303)

    async def status(self, request: Request, session: Session) -> Response:
        """``POST /desk/diary/{id}/status``: confirm or cancel the event as it stands."""
        checked = await self.editing(request, session)
        if isinstance(checked, Response):
            return checked
        fields, found = checked
        status = fields.get("status", "")
        if status not in events.STATUSES:
            return self.desk.message(request, session, 400, "Unknown status",
                                     "An event is tentative, confirmed or cancelled.", PATH)
        await run_in_threadpool(events.set_status, self.engine, session.user.id, found.id, status)
        return RedirectResponse(f"{PATH}?day={found.day}", status_code=303)


def found_form(fields: Mapping[str, str], item: Item | None) -> dict[str, str]:
    """The add form filled from a found event (``uri``, ``start``, ``name``) and its story."""
    start = fields.get("start", "")
    return {"uri": fields.get("uri", ""), "start": start, "name": fields.get("name", ""),
            "title": fields.get("name", ""), "starts": start.replace("T", " ")[:16] if len(start) >= 10 else "",
            "place": (item.located or "") if item else "", "language": (item.language or "") if item else "",
            "status": "confirmed"}


def event_form(event: events.Event) -> dict[str, str]:
    f = event.fields
    return {"title": f.title, "starts": event.start[:16].replace("T", " "),
            "ends": (event.end or "")[:16].replace("T", " "), "zone": f.zone, "place": f.place or "",
            "language": f.language or "", "topic": f.topic or "", "notes": f.notes or "", "status": f.status}


def routes(desk: Desk) -> list[Route]:
    diary = Diary(desk)
    return [
        Route(PATH, desk.staff(diary.page), methods=["GET"]),
        Route(PATH, desk.staff(diary.add), methods=["POST"]),
        Route(PATH + "/found", desk.staff(diary.confirm_found), methods=["POST"]),
        Route(PATH + "/{id}", desk.staff(diary.event), methods=["GET"]),
        Route(PATH + "/{id}", desk.staff(diary.edit), methods=["POST"]),
        Route(PATH + "/{id}/status", desk.staff(diary.status), methods=["POST"]),
    ]

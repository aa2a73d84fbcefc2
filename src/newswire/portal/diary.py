"""The planning diary in the portal: a month or a week of dated events, as a calendar.

The entries are the API's ``/v1/planning`` entries (:func:`newswire.store.index.diary`, the
future dated events enrichment found in stories), each linking to its story. An entry is
shown only when the organisation may read the story's current version by the portal's one
rule (:func:`newswire.portal.flow.shown`): the diary is indexed from the current version, so
an organisation that may read only an earlier one does not learn the later one's dates.
Killed and withheld stories have no entries here, as in the API. An entry dated to a month
but no day is listed under its month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from newswire.model import Item, utcnow
from newswire.portal import flow, i18n
from newswire.portal.web import query_string
from newswire.routing import Product, withdrawn
from newswire.site.i18n import month_name
from newswire.store import diary as events
from newswire.store import items as store
from newswire.store.engine import read_tx
from newswire.store.index import diary
from newswire.store.users import Session

if TYPE_CHECKING:
    from newswire.portal.routes import Portal

VIEWS = ("month", "week")
MAX_ENTRIES = 1000  # diary rows read for one page
FIRST_YEAR, LAST_YEAR = 1900, 2999  # days the diary shows; another means today


@dataclass(frozen=True, slots=True)
class Entry:
    when: str  # as stored: YYYY-MM, YYYY-MM-DD or a date-time
    name: str
    literal: str | None
    item: Item | None  # None: a desk event without a story the organisation may read
    status: str | None = None  # a desk event's (newswire.store.diary): tentative, confirmed, cancelled

    @property
    def day(self) -> str:
        return self.when[:10]

    @property
    def clock(self) -> str | None:
        """HH:MM when the entry has a time of day."""
        return self.when[11:16] if len(self.when) >= 16 and self.when[10] == "T" else None


@dataclass(slots=True)
class Day:
    date: date
    inside: bool  # in the month shown (a month grid starts and ends with the neighbours' days)
    today: bool
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Window:
    view: str
    anchor: date

    @property
    def first(self) -> date:
        if self.view == "week":
            return self.anchor - timedelta(days=self.anchor.weekday())
        return self.anchor.replace(day=1)

    @property
    def last(self) -> date:
        if self.view == "week":
            return self.first + timedelta(days=6)
        following = (self.first + timedelta(days=32)).replace(day=1)
        return following - timedelta(days=1)

    def grid(self) -> tuple[date, date]:
        """The Monday before the first day and the Sunday after the last."""
        return self.first - timedelta(days=self.first.weekday()), self.last + timedelta(days=6 - self.last.weekday())

    def previous(self) -> date:
        if self.view == "week":
            return self.first - timedelta(days=7)
        return (self.first - timedelta(days=1)).replace(day=1)

    def next(self) -> date:
        return self.last + timedelta(days=1)


def window(params: dict[str, str], today: date) -> Window:
    """The view and the day it shows (``date=YYYY-MM-DD`` or ``YYYY-MM``); nonsense means today."""
    view = params.get("view") if params.get("view") in VIEWS else "month"
    raw = (params.get("date") or "").strip()
    try:
        anchor = date.fromisoformat(raw + "-01" if len(raw) == 7 else raw) if len(raw) in (7, 10) else today
    except ValueError:
        anchor = today
    if not FIRST_YEAR <= anchor.year <= LAST_YEAR:  # the neighbours of year 9999 are not dates
        anchor = today
    return Window(view or "month", anchor)


def entries(engine: Engine, subscriber_id: int, products: tuple[Product, ...], first: date, last: date,
            now: datetime) -> list[Entry]:
    """The diary entries between two days (and those of their months with no day) that the
    organisation may see, in date order."""
    with read_tx(engine) as conn:
        rows = diary(conn, first.isoformat()[:7], last.isoformat(), limit=MAX_ENTRIES)
    currents = [item for item in (store.get_item(engine, uri) for uri in dict.fromkeys(r.uri for r in rows))
                if item is not None and not withdrawn(item)]
    visible = flow.shown(engine, subscriber_id, products, currents, now)
    current = {item.uri: item.version for item in currents}
    months = {first.isoformat()[:7], last.isoformat()[:7]}
    made = events.between(engine, first.isoformat(), last.isoformat(), limit=MAX_ENTRIES)
    taken = events.confirmed_found(made)
    out = [Entry(e.start[:16], e.title, None, _current(visible, current, e.story_uri), e.status) for e in made
           if any(events.admits(product, e) for product in products)]
    for row in rows:
        item = visible.get(row.uri)
        if item is None or item.version != current[row.uri] or (row.uri, row.start, row.name) in taken:
            continue
        if (len(row.start) == 7 and row.start in months) or first.isoformat() <= row.start[:10] <= last.isoformat():
            out.append(Entry(row.start, row.name, row.literal, item))
    return sorted(out, key=lambda entry: entry.when)


def _current(visible: dict[str, Item], current: dict[str, int], uri: str | None) -> Item | None:
    item = visible.get(uri or "")
    return item if item is not None and item.version == current.get(item.uri) else None


class Diary:
    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.base = portal.web.prefix + "/diary"

    def href(self, view: str, day: date) -> str:
        return self.base + query_string({"view": view if view != "month" else None, "date": day.isoformat()})

    async def page(self, request: Request, session: Session, lang: str) -> Response:
        today = utcnow().date()
        shown = window(dict(request.query_params), today)
        sid = session.user.subscriber_id
        assert sid is not None
        products = await self.portal.products(sid)
        found = await run_in_threadpool(entries, self.portal.wire.engine, sid, products, shown.first, shown.last,
                                        utcnow())
        start, end = shown.grid() if shown.view == "month" else (shown.first, shown.last)
        days: dict[str, Day] = {}
        day = start
        while day <= end:
            days[day.isoformat()] = Day(day, shown.first <= day <= shown.last, day == today)
            day += timedelta(days=1)
        undated = []
        for entry in found:
            if entry.day in days:
                days[entry.day].entries.append(entry)
            elif len(entry.when) == 7:
                undated.append(entry)
        t = i18n.strings(lang)
        weeks = [list(days.values())[n:n + 7] for n in range(0, len(days), 7)]
        if shown.view == "month":
            title = f"{month_name(shown.first.month, lang)} {shown.first.year}"
        else:
            title = t["diary_week_of"].format(d=f"{shown.first.day} {month_name(shown.first.month, lang)} "
                                              f"{shown.first.year}")
        return self.portal.page(
            request, "diary.html", lang, session, view=shown.view, title=title, weeks=weeks, undated=undated,
            count=len(found), weekdays=[t[f"weekday_{n}"] for n in range(7)], month_name=month_name,
            previous=self.href(shown.view, shown.previous()), following=self.href(shown.view, shown.next()),
            this=self.href(shown.view, today),
            other=self.href("week" if shown.view == "month" else "month",
                            today if shown.first <= today <= shown.last else shown.first))


def routes(portal: Portal) -> list[Route]:
    page = Diary(portal)
    return [Route(page.base, portal.reading(page.page), methods=["GET"])]

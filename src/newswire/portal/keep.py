"""Keep and follow, in the portal: saved views of the flow, bookmarks, follows, notifications
and sharing with a colleague (issue 11).

Every page and form here is a signed-in user's own: what it lists and changes is looked up
with the user's id, so an id guessed in an address or a form names nothing of anyone else
(404). A story is bookmarked, followed or shared only when the user may read it (the flow's
rule, :func:`newswire.portal.flow.story_versions`), and listed only as the version the user
may read now. Every form is a POST with the session's CSRF token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newswire.model import Item, utcnow
from newswire.portal import flow, i18n
from newswire.portal.notify import note_for
from newswire.portal.routes import PREFIX, Portal, safe_next
from newswire.portal.web import FormRefused, query_string
from newswire.store import items as store
from newswire.store import keep as kept
from newswire.store.users import Session

NOTICES = ("shared",)  # ?kept=... after a form, said on the page it returns to
LISTED = 200  # bookmarks and follows listed on a page
MAX_ID = 2**31 - 1  # an id in an address past this names nothing (and never reaches the store)


@dataclass(frozen=True, slots=True)
class StoryKeep:
    bookmarked: bool
    following: bool
    by_email: bool
    colleagues: list[tuple[int, str]]


@dataclass(frozen=True, slots=True)
class KeepPage:
    """What a signed-in page shows of the user's keeping (``keep`` in the templates)."""

    unread: int
    email: bool  # SMTP is configured: a follow may also go by email
    here: str  # this page's address, to come back to after a form
    stars: bool = False  # the flow's rows carry a bookmark button
    bookmarked: frozenset[str] = frozenset()
    views: list[kept.View] = field(default_factory=list)
    query: str = ""  # the flow's filter, as saved views hold it
    filter_fields: list[tuple[str, str]] = field(default_factory=list)
    story: StoryKeep | None = None
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class Listed:
    """A notification as listed: the snapshot, or the kill notice once the story is killed."""

    note: kept.Notification
    headline: str
    detail: str | None


def filter_query(filters: flow.Filters) -> str:
    return query_string(filters.query()).removeprefix("?")


class Keep:
    def __init__(self, portal: Portal) -> None:
        self.portal, self.wire, self.web = portal, portal.wire, portal.web

    @property
    def engine(self) -> Engine:
        return self.wire.engine

    # -- what every page shows -----------------------------------------------------------------
    async def context(self, request: Request, session: Session) -> dict[str, object]:
        path = request.url.path
        if request.method != "GET" and path != PREFIX + "/updates":
            return {}
        user = session.user
        assert user.subscriber_id is not None
        here = path + (f"?{request.url.query}" if request.url.query else "")
        uri = request.path_params.get("uri") if path.startswith(PREFIX + "/items/") else None
        flow_page = path in (PREFIX + "/", PREFIX + "/updates", PREFIX + "/bookmarks")
        live = path == PREFIX + "/updates"  # rows only: the header's unread count is not in them
        filters = flow.Filters.from_query(request.query_params)
        notice = request.query_params.get("kept")

        def load() -> KeepPage:
            engine = self.engine
            story = None
            if uri:
                follows = {f.target: f for f in kept.follows_of(engine, user.id)}
                mine = follows.get(kept.story_target(uri))
                story = StoryKeep(uri in kept.bookmarks_of(engine, user.id), mine is not None,
                                  mine.by_email if mine else True,
                                  kept.colleagues(engine, user.id, user.subscriber_id or 0))
            return KeepPage(
                unread=0 if live else kept.unread_count(engine, user.id),
                email=bool(self.wire.settings.smtp_url), here=here,
                stars=flow_page, bookmarked=frozenset(kept.bookmarks_of(engine, user.id)) if flow_page else frozenset(),
                views=kept.views_of(engine, user.id) if path == PREFIX + "/" else [],
                query=filter_query(filters),
                filter_fields=[(k, v) for k, v in filters.query().items() if v],
                story=story, notice=notice if notice in NOTICES else None)

        return {"keep": await run_in_threadpool(load)}

    # -- helpers -------------------------------------------------------------------------------
    async def readable(self, session: Session, uri: str) -> Item | None:
        """The newest version of the story the user may read (None: not for this user)."""
        found = await self.portal.versions_of(session, uri) if uri else []
        return self.portal.chosen(found, None) if found else None

    async def visible(self, session: Session, uris: list[str]) -> dict[str, Item]:
        """Of these stories, the newest version the user may read, for those it may read."""
        sid = session.user.subscriber_id
        assert sid is not None
        products = await self.portal.products(sid)

        def load() -> dict[str, Item]:
            currents = [item for item in (store.get_item(self.engine, uri) for uri in uris) if item is not None]
            return flow.shown(self.engine, sid, products, currents, utcnow())

        return await run_in_threadpool(load)

    async def form(self, request: Request, session: Session, lang: str) -> dict[str, str] | Response:
        try:
            return await self.web.form(request, session)
        except FormRefused:
            return self.portal.refused(request, lang, session)

    def back(self, fields: dict[str, str], notice: str | None = None) -> Response:
        target = safe_next(fields.get("next"))
        if notice:
            target += ("&" if "?" in target else "?") + f"kept={notice}"
        return RedirectResponse(target, status_code=303)

    def refusal(self, request: Request, session: Session, lang: str, text: str, status: int = 400) -> Response:
        t = i18n.strings(lang)
        return self.portal.page(request, "message.html", lang, session, status, title=t["keep_refused"], text=text,
                                link=PREFIX + "/")

    # -- bookmarks -----------------------------------------------------------------------------
    async def bookmarks(self, request: Request, session: Session, lang: str) -> Response:
        uris = (await run_in_threadpool(kept.bookmarks_of, self.engine, session.user.id))[:LISTED]
        visible = await self.visible(session, uris)
        now = utcnow()
        rows = [flow.Row(0, visible[uri], visible[uri].embargoed_at(now)) for uri in uris if uri in visible]
        return self.portal.page(request, "bookmarks.html", lang, session, rows=rows)

    async def bookmark(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        uri = fields.get("uri", "")
        if await self.readable(session, uri) is None:
            return self.portal.not_found(request, lang, session)
        try:
            await run_in_threadpool(kept.add_bookmark, self.engine, session.user.id, uri)
        except kept.KeepError as exc:
            return self.refusal(request, session, lang, str(exc), exc.status)
        return self.back(fields)

    async def unbookmark(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        await run_in_threadpool(kept.remove_bookmark, self.engine, session.user.id, fields.get("uri", ""))
        return self.back(fields)

    # -- saved views ---------------------------------------------------------------------------
    async def views(self, request: Request, session: Session, lang: str) -> Response:
        found = await run_in_threadpool(kept.views_of, self.engine, session.user.id)
        follows = await run_in_threadpool(kept.follows_of, self.engine, session.user.id)
        followed = {f.view_id: f for f in follows if f.view_id is not None}
        return self.portal.page(request, "views.html", lang, session, views=found, followed=followed)

    async def save_view(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        query = filter_query(flow.Filters.from_query(fields))
        try:
            await run_in_threadpool(kept.save_view, self.engine, session.user.id, fields.get("name", ""), query)
        except kept.KeepError as exc:
            return self.refusal(request, session, lang, str(exc), exc.status)
        return RedirectResponse(PREFIX + "/" + (f"?{query}" if query else ""), status_code=303)

    async def delete_view(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        view_id = request.path_params["view_id"]
        if view_id > MAX_ID or not await run_in_threadpool(kept.delete_view, self.engine, session.user.id, view_id):
            return self.portal.not_found(request, lang, session)
        return RedirectResponse(PREFIX + "/views", status_code=303)

    # -- follows -------------------------------------------------------------------------------
    def target_of(self, fields: dict[str, str]) -> tuple[str | None, int | None] | None:
        """A form names a story (``uri``) or a saved view (``view``: its id); None when neither."""
        view, uri = fields.get("view", ""), fields.get("uri", "")
        if view:
            return (None, int(view)) if view.isascii() and view.isdigit() and len(view) <= 9 else None
        return (uri, None) if uri else None

    async def follow(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        target = self.target_of(fields)
        if target is None or (target[0] is not None and await self.readable(session, target[0]) is None):
            return self.portal.not_found(request, lang, session)
        uri, view_id = target
        since = await run_in_threadpool(store.last_seq, self.engine)
        by_email = fields.get("email") == "1" and bool(self.wire.settings.smtp_url)
        try:
            done = await run_in_threadpool(lambda: kept.follow(self.engine, session.user.id, uri=uri,
                                                               view_id=view_id, by_email=by_email, since_seq=since))
        except kept.KeepError as exc:
            return self.refusal(request, session, lang, str(exc), exc.status)
        return self.back(fields) if done else self.portal.not_found(request, lang, session)

    async def unfollow(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        target = self.target_of(fields)
        if target is None:
            return self.portal.not_found(request, lang, session)
        uri, view_id = target
        name = kept.story_target(uri) if uri is not None else kept.view_target(view_id or 0)
        await run_in_threadpool(kept.unfollow, self.engine, session.user.id, name)
        return self.back(fields)

    # -- sharing -------------------------------------------------------------------------------
    async def share(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        item = await self.readable(session, fields.get("uri", ""))
        if item is None:
            return self.portal.not_found(request, lang, session)
        to = fields.get("to", "")
        text = " ".join(fields.get("note", "").split())[:kept.MAX_NOTE] or None
        user = session.user
        shared = False
        if to.isascii() and to.isdigit() and len(to) <= 9:
            note = note_for(int(to), "shared", item, utcnow(), dedupe=None, email=False, detail=text,
                            from_user_id=user.id)
            shared = await run_in_threadpool(kept.share, self.engine, user.id, user.subscriber_id or 0, note)
        if not shared:
            return self.refusal(request, session, lang, i18n.strings(lang)["no_colleague"], 404)
        return self.back(fields, "shared")

    # -- notifications -------------------------------------------------------------------------
    async def notifications(self, request: Request, session: Session, lang: str) -> Response:
        engine, user_id = self.engine, session.user.id
        notes = await run_in_threadpool(kept.notifications_of, engine, user_id)
        follows = (await run_in_threadpool(kept.follows_of, engine, user_id))[:LISTED]
        uris = list(dict.fromkeys([n.uri for n in notes] + [f.uri for f in follows if f.uri]))
        visible = await self.visible(session, uris)
        listed = []
        for n in notes:
            now_killed = visible.get(n.uri)
            if now_killed is not None and now_killed.killed:  # a kill takes the story's words back
                listed.append(Listed(n, now_killed.headline, now_killed.ed_note))
            else:
                listed.append(Listed(n, n.headline, n.detail))
        stories = [(f, visible.get(f.uri or "")) for f in follows if f.uri]
        views = [f for f in follows if f.view_id is not None]
        return self.portal.page(request, "notifications.html", lang, session, listed=listed, stories=stories,
                                followed_views=views, stamp_of=_stamp, now=utcnow())

    async def mark_read(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.form(request, session, lang)
        if isinstance(fields, Response):
            return fields
        raw = fields.get("id", "")
        if raw and not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
            return self.portal.not_found(request, lang, session)
        await run_in_threadpool(kept.mark_read, self.engine, session.user.id, int(raw) if raw else None)
        return RedirectResponse(PREFIX + "/notifications", status_code=303)


def _stamp(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def install(app: FastAPI, portal: Portal) -> None:
    """The keep-and-follow pages and forms, and what every portal page shows of them."""
    keep = Keep(portal)
    portal.page_context.append(keep.context)
    reading = portal.reading
    app.router.routes.extend([
        Route(PREFIX + "/bookmarks", reading(keep.bookmarks), methods=["GET"]),
        Route(PREFIX + "/bookmarks/add", reading(keep.bookmark), methods=["POST"]),
        Route(PREFIX + "/bookmarks/remove", reading(keep.unbookmark), methods=["POST"]),
        Route(PREFIX + "/views", reading(keep.views), methods=["GET"]),
        Route(PREFIX + "/views", reading(keep.save_view), methods=["POST"]),
        Route(PREFIX + "/views/{view_id:int}/delete", reading(keep.delete_view), methods=["POST"]),
        Route(PREFIX + "/follow", reading(keep.follow), methods=["POST"]),
        Route(PREFIX + "/unfollow", reading(keep.unfollow), methods=["POST"]),
        Route(PREFIX + "/share", reading(keep.share), methods=["POST"]),
        Route(PREFIX + "/notifications", reading(keep.notifications), methods=["GET"]),
        Route(PREFIX + "/notifications/read", reading(keep.mark_read), methods=["POST"]),
    ])

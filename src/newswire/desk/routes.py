"""The editor's desk under ``/desk/``: staff sign in, compose, save drafts, publish, correct, kill.

It stands on the portal's web foundation (:class:`newswire.portal.web.Web`: sessions, CSRF,
CSP, forms). Every move goes through the same ``Wire`` operation as the API
(``Wire.publish`` as ``POST /v1/items``, ``Wire.kill`` as ``POST /v1/items/{uri}/kill``) and
is recorded in the desk's audit against the signed-in person.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from fastapi import FastAPI
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newswire.desk import compose
from newswire.desk import store as desk_store
from newswire.desk.compose import Story
from newswire.model import Item, utcnow
from newswire.portal.web import (
    CSRF_COOKIE,
    FormRefused,
    Web,
    format_stamp,
)
from newswire.store import items as store
from newswire.store.items import StoreConflict
from newswire.store.users import Session
from newswire.wire import Wire

PREFIX = "/desk"
LANG = "en"  # the desk's interface is English in this first increment
MOVERS = ("editor", "chief", "admin")  # who may publish, correct and kill; a reporter saves drafts
MAX_FIELD = 200_000  # a story body, pasted HTML included
MAX_NOTE = 1000
Handler = Callable[[Request, Session], Awaitable[Response]]


def item_path(uri: str) -> str:
    return f"{PREFIX}/items/" + quote(uri, safe=":@")


def safe_next(value: str | None) -> str:
    if value and value.startswith(PREFIX + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return PREFIX + "/"


def may_move(session: Session) -> bool:
    return session.user.role in MOVERS


def audited(session: Session, action: str, detail: str | None) -> store.RecordFn:
    """The audit row of a move (and the end of its draft), written in the version's own
    transaction: a version on the wire always says who moved it."""
    user_id = session.user.id

    def record(conn: Connection, stored: Item) -> None:
        now = utcnow()
        desk_store.record(conn, user_id, action, stored.uri, stored.version, detail, now)
        desk_store.mark_published(conn, stored.uri, now)

    return record


class Desk:
    def __init__(self, wire: Wire) -> None:
        self.wire = wire
        self.web = Web(wire, "newswire.desk", PREFIX, max_field=MAX_FIELD)
        self.web.env.globals.update(item_path=item_path, stamp=format_stamp)

    # -- helpers ---------------------------------------------------------------------------
    def page(self, request: Request, template: str, session: Session | None, status: int = 200,
             **context: object) -> Response:
        token, new = self.web.form_token(request, session)
        response = self.web.page(request, template, LANG, status, session=session, csrf=token,
                                 may_move=session is not None and may_move(session), **context)
        if new:
            self.web.set_cookie(request, response, CSRF_COOKIE, token, max_age=7200)
        return response

    def message(self, request: Request, session: Session | None, status: int, title: str, text: str = "",
                link: str = PREFIX + "/") -> Response:
        return self.page(request, "message.html", session, status, title=title, text=text, link=link)

    def refused(self, request: Request, session: Session | None) -> Response:
        return self.message(request, session, 403, "This form has expired",
                            "Open the page again and repeat what you did.", request.url.path)

    def forbidden(self, request: Request, session: Session) -> Response:
        return self.message(request, session, 403, "Not allowed",
                            f"A {session.user.role} may save drafts; an editor publishes, corrects and kills.")

    def conflict(self, request: Request, session: Session, uri: str, edited: int, current: int) -> Response:
        return self.message(request, session, 409, "Someone changed this story meanwhile",
                            f"You edited version {edited}; the story is now at version {current}. "
                            "Open it again to see the newest version, then repeat your change.", item_path(uri))

    def staff(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        """A page for signed-in staff; anyone else goes to the desk's sign-in page."""

        async def page(request: Request) -> Response:
            session = await self.web.session(request)
            if session is None or not session.user.staff:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(f"{PREFIX}/login?next={quote(target, safe='')}", status_code=303,
                                        headers={"cache-control": "no-store"})
            return await handler(request, session)

        return page

    # -- sign in and out -------------------------------------------------------------------
    async def login_form(self, request: Request) -> Response:
        session = await self.web.session(request)
        notice = "You are signed out." if request.query_params.get("signed_out") else None
        return self.page(request, "login.html", session, error=None, notice=notice, email="",
                         next=safe_next(request.query_params.get("next")))

    async def login(self, request: Request) -> Response:
        session = await self.web.session(request)
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        email, password = fields.get("email", "").strip(), fields.get("password", "")
        target = safe_next(fields.get("next"))
        found = await self.web.sign_in(request, email, password, lambda user: user.staff)  # others: the portal
        if found.wait:
            response = self.page(request, "login.html", None, 429, notice=None, email=email, next=target,
                                 error=f"Too many failed attempts: try again in {found.wait} seconds.")
            response.headers["retry-after"] = str(found.wait)
            return response
        if found.user is None:
            return self.page(request, "login.html", None, 401, notice=None, email=email, next=target,
                             error="The email or the password is wrong.")
        response = RedirectResponse(target, status_code=303)
        await self.web.switch_session(request, response, session, found.user.id)
        return response

    async def logout(self, request: Request) -> Response:
        session = await self.web.session(request)
        try:
            await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        response = RedirectResponse(f"{PREFIX}/login?signed_out=1", status_code=303)
        await self.web.end_session(request, response)
        return response

    # -- the outgoing wire -----------------------------------------------------------------
    async def home(self, request: Request, session: Session) -> Response:
        engine = self.wire.engine
        rows = await run_in_threadpool(desk_store.outgoing, engine)
        drafts = await run_in_threadpool(desk_store.open_drafts, engine)
        return self.page(request, "wire.html", session, rows=rows, drafts=drafts)

    async def audit(self, request: Request, session: Session) -> Response:
        uri = request.query_params.get("uri") or None
        rows = await run_in_threadpool(desk_store.audit, self.wire.engine, uri)
        return self.page(request, "audit.html", session, rows=rows, uri=uri)

    # -- compose ---------------------------------------------------------------------------
    def compose_page(self, request: Request, session: Session, story: Story, *, status: int = 200,
                     draft_id: int | None = None, problems: list[str] | None = None,
                     saved: bool = False) -> Response:
        return self.page(request, "compose.html", session, status, story=story, draft_id=draft_id,
                         problems=problems or [], saved=saved, urgencies=tuple(compose.URGENCIES))

    async def new(self, request: Request, session: Session) -> Response:
        return self.compose_page(request, session, Story())

    async def draft(self, request: Request, session: Session) -> Response:
        raw = request.path_params["id"]
        found = await run_in_threadpool(desk_store.get_draft, self.wire.engine, int(raw)) \
            if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None
        if found is None:
            return self.message(request, session, 404, "No such draft")
        if found.published:
            return RedirectResponse(item_path(found.uri), status_code=303)
        return self.compose_page(request, session, found.story, draft_id=found.id,
                                 saved=bool(request.query_params.get("saved")))

    async def compose(self, request: Request, session: Session) -> Response:
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        story = Story.from_form(fields)
        publishing = fields.get("action") == "publish"
        raw = fields.get("draft", "")
        existing = await run_in_threadpool(desk_store.get_draft, self.wire.engine, int(raw)) \
            if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None
        if existing is not None and existing.published:
            return self.message(request, session, 409, "This draft was published meanwhile",
                                "Open the story to correct it.", item_path(existing.uri))
        draft_id = existing.id if existing is not None else None
        if publishing and not may_move(session):
            return self.forbidden(request, session)
        problems = story.problems(publishing=publishing)
        if problems:
            return self.compose_page(request, session, story, status=400, draft_id=draft_id, problems=problems)
        uri = existing.uri if existing is not None else compose.new_uri()
        if not publishing:
            saved = await run_in_threadpool(desk_store.save_draft, self.wire.engine, session.user.id, uri, story,
                                            draft_id)
            return RedirectResponse(f"{PREFIX}/drafts/{saved}?saved=1", status_code=303)
        try:
            result = await self.move(session, compose.first_version(story, uri), story.public, "publish", None)
        except StoreConflict:
            return self.message(request, session, 409, "This story is on the wire already",
                                "Open it to correct it.", item_path(uri))
        return RedirectResponse(item_path(result.item.uri), status_code=303)

    async def move(self, session: Session, item: Item, public: bool, action: str,
                   detail: str | None) -> store.PublishResult:
        """Publish through ``Wire.publish`` (as ``POST /v1/items``)."""
        record = audited(session, action, detail)
        return await run_in_threadpool(lambda: self.wire.publish(item, public=public, record=record))

    # -- a published story -----------------------------------------------------------------
    async def versions(self, uri: str) -> list[Item]:
        return [item for _info, item in await run_in_threadpool(store.all_versions, self.wire.engine, uri)]

    def story_page(self, request: Request, session: Session, found: list[Item], *, status: int = 200,
                   story: Story | None = None, problems: list[str] | None = None, note: str = "",
                   reason: str = "") -> Response:
        current = found[-1]
        return self.page(request, "story.html", session, status, item=current, versions=found,
                         story=story or Story.from_item(current), problems=problems or [], note=note,
                         reason=reason, urgencies=tuple(compose.URGENCIES), body=current.body_html)

    async def story(self, request: Request, session: Session) -> Response:
        found = await self.versions(request.path_params["uri"])
        if not found:
            return self.message(request, session, 404, "No such story")
        return self.story_page(request, session, found)

    async def story_form(self, request: Request, session: Session) -> tuple[list[Item], dict[str, str]] | Response:
        """The story's versions and the POSTed form, or the answer when either is wrong."""
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        if not may_move(session):
            return self.forbidden(request, session)
        uri = request.path_params["uri"]
        found = await self.versions(uri)
        if not found:
            return self.message(request, session, 404, "No such story")
        raw = fields.get("version", "")
        edited = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else 0
        if edited != found[-1].version:
            return self.conflict(request, session, uri, edited, found[-1].version)
        if found[-1].killed:
            return self.message(request, session, 409, "This story was killed", "A killed story stays killed.",
                                item_path(uri))
        return found, fields

    async def correct(self, request: Request, session: Session) -> Response:
        checked = await self.story_form(request, session)
        if isinstance(checked, Response):
            return checked
        found, fields = checked
        story = Story.from_form(fields)
        note = " ".join(fields.get("note", "").split())[:MAX_NOTE]
        problems = story.problems(publishing=True)
        if not note:
            problems.append("A correction needs a note saying what was corrected.")
        if problems:
            return self.story_page(request, session, found, status=400, story=story, problems=problems, note=note)
        current = found[-1]
        try:
            await self.move(session, compose.correction(story, current, note), story.public, "correct", note)
        except StoreConflict:
            newest = await self.versions(current.uri)
            return self.conflict(request, session, current.uri, current.version, newest[-1].version)
        return RedirectResponse(item_path(current.uri), status_code=303)

    async def kill(self, request: Request, session: Session) -> Response:
        """A kill asks first, saying how many subscribers it will reach; then ``Wire.kill``."""
        checked = await self.story_form(request, session)
        if isinstance(checked, Response):
            return checked
        found, fields = checked
        current = found[-1]
        reason = " ".join(fields.get("reason", "").split())[:MAX_NOTE]
        if not reason:
            return self.story_page(request, session, found, status=400, reason=reason,
                                   problems=["A kill needs a reason."])
        engine = self.wire.engine
        if fields.get("confirm") != "yes":
            reach = await run_in_threadpool(desk_store.recipient_count, engine, current.uri)
            return self.page(request, "kill.html", session, item=current, reason=reason, reach=reach)
        try:
            await run_in_threadpool(lambda: self.wire.kill(current.uri, reason, expected_version=current.version,
                                                           record=audited(session, "kill", reason)))
        except StoreConflict:
            newest = await self.versions(current.uri)
            return self.conflict(request, session, current.uri, current.version, newest[-1].version)
        return RedirectResponse(item_path(current.uri), status_code=303)


def install(app: FastAPI) -> None:
    """Mount the desk on the app (before the public site's catch-all language routes)."""
    desk = Desk(app.state.wire)
    app.state.desk = desk

    async def to_home(request: Request) -> Response:
        return RedirectResponse(PREFIX + "/", status_code=308)

    app.router.routes.extend([
        Route(PREFIX, to_home),
        Route(PREFIX + "/", desk.staff(desk.home)),
        Route(PREFIX + "/login", desk.login_form, methods=["GET"]),
        Route(PREFIX + "/login", desk.login, methods=["POST"]),
        Route(PREFIX + "/logout", desk.logout, methods=["POST"]),
        Route(PREFIX + "/audit", desk.staff(desk.audit)),
        Route(PREFIX + "/new", desk.staff(desk.new)),
        Route(PREFIX + "/compose", desk.staff(desk.compose), methods=["POST"]),
        Route(PREFIX + "/drafts/{id}", desk.staff(desk.draft)),
        Route(PREFIX + "/items/{uri:path}/correct", desk.staff(desk.correct), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}/kill", desk.staff(desk.kill), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}", desk.staff(desk.story)),
        Route(PREFIX + "/static/{name}", desk.web.static),
    ])

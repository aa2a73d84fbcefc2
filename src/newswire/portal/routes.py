"""The subscriber portal under ``/portal/``: sign-in, the live flow, stories, downloads.

A signed-in user of a subscriber organisation reads what the organisation's products allow,
version by version (:mod:`newswire.portal.flow`); what it reads in full or downloads is
recorded in the usage audit, against ``user:<id>`` where the API records a key.
"""

from __future__ import annotations

import asyncio
import io
import re
import zipfile
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from newswire import formats
from newswire.api.head import long_poll_wait
from newswire.api.problems import problem_response
from newswire.delivery import feed
from newswire.delivery.reader import Reader
from newswire.formats.sanitize import clean_html, html_to_text
from newswire.model import Item, utcnow
from newswire.portal import diff, flow, i18n, pictures
from newswire.portal.live_rows import SharedRows
from newswire.portal.web import (
    CHALLENGE_COOKIE,
    CSRF_COOKIE,
    PAGE_HEADERS,
    SESSION_COOKIE,
    FormRefused,
    Web,
    format_clock,
    format_stamp,
    query_string,
)
from newswire.routing import Product
from newswire.site.i18n import language_name, topic_name
from newswire.store import usage as usage_store
from newswire.store import users
from newswire.store.accounts import AccountError
from newswire.store.items import VersionInfo
from newswire.store.users import Session
from newswire.wire import Wire

PREFIX = "/portal"
DOWNLOADS = {"ninjs": ("json", "application/json"), "newsml": ("xml", "application/vnd.iptc.g2.newsitem+xml"),
             "nitf": ("xml", "application/xml"), "text": ("txt", "text/plain; charset=utf-8")}
MAX_BUNDLE = 50  # stories in one zip
UPDATE_WAIT = 25.0  # seconds an update request waits for news before answering empty
Reading = Callable[[Request, Session, str], Awaitable[Response]]  # (request, session, interface language)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def item_path(uri: str) -> str:
    return f"{PREFIX}/items/" + quote(uri, safe=":@")


def download_path(uri: str) -> str:
    return f"{PREFIX}/download/" + quote(uri, safe=":@")


def plain_text(item: Item) -> str:
    """A story as plain text: headline, standfirst, dateline and byline, then the body."""
    head = [item.headline, item.standfirst or "",
            " ".join(p for p in (item.located, item.dateline_date) if p), item.by or ""]
    lines = [line for line in head if line]
    body = html_to_text(item.body_html)
    notes = [item.ed_note] if item.ed_note else []
    return "\n\n".join(["\n".join(lines), body, *notes]).strip() + "\n"


def story_tags(item: Item, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the story is about, each a link to the flow filtered by it: (kind, [(label, href)])."""
    found = [("topic", [(topic_name(code, lang), PREFIX + "/" + query_string({"topic": code}))
                        for code in dict.fromkeys(item.topic_codes())])]
    for kind, concepts in flow.tag_concepts(item):
        labels = dict.fromkeys(c.name or c.uri for c in concepts if c.name or c.uri)
        found.append((kind, [(label, PREFIX + "/" + query_string({kind: label})) for label in labels if label]))
    return [(kind, links) for kind, links in found if links]


def rendition(item: Item, fmt: str) -> bytes:
    return plain_text(item).encode() if fmt == "text" else formats.serialize(item, fmt)


def file_name(item: Item, fmt: str) -> str:
    stem = _UNSAFE_NAME.sub("-", item.uri.rsplit("/", 1)[-1]).strip("-")[:80] or "story"
    return f"{stem}-v{item.version}.{DOWNLOADS[fmt][0]}"


def zipped(items: list[Item], fmt: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            archive.writestr(file_name(item, fmt), rendition(item, fmt))
    return out.getvalue()


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a portal path only, never another site."""
    if value and value.startswith(PREFIX + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return PREFIX + "/"


class Portal:
    def __init__(self, app: FastAPI, wire: Wire) -> None:
        self.app, self.wire = app, wire
        self.web = Web(wire, "newswire.portal", PREFIX)
        self.live_rows = SharedRows()
        self.web.env.globals.update(item_path=item_path, download_path=download_path, clock=format_clock,
                                    stamp=format_stamp, language_name=language_name, qs=query_string,
                                    direction=i18n.direction)
        # Async hooks adding what every signed-in page shows (the keep module: the unread
        # count, bookmarks, saved views), run before the page's own handler.
        self.page_context: list[Callable[[Request, Session], Awaitable[dict[str, object]]]] = []

    # -- helpers ---------------------------------------------------------------------------
    async def products(self, subscriber_id: int) -> tuple[Product, ...]:
        found: tuple[Product, ...] = await self.app.state.subscriptions.products(subscriber_id)
        return found

    def record(self, session: Session, item: Item, channel: str) -> None:
        assert session.user.subscriber_id is not None
        self.app.state.usage.record(session.user.subscriber_id, f"user:{session.user.id}",
                                    [(item.uri, item.version)], channel)

    def page(self, request: Request, template: str, lang: str, session: Session | None, status: int = 200,
             **context: object) -> Response:
        token, new = self.web.form_token(request, session)
        context = {**getattr(request.state, "page_context", {}), **context}
        response = self.web.page(request, template, lang, status, session=session, csrf=token, **context)
        if new:
            self.web.set_cookie(request, response, CSRF_COOKIE, token, max_age=7200)
        self.web.remember_language(request, response, lang)
        return response

    def refused(self, request: Request, lang: str, session: Session | None) -> Response:
        return self.page(request, "message.html", lang, session, 403, title=i18n.strings(lang)["form_expired"],
                         text="", link=request.url.path)

    def not_found(self, request: Request, lang: str, session: Session) -> Response:
        t = i18n.strings(lang)
        return self.page(request, "message.html", lang, session, 404, title=t["not_found_title"],
                         text=t["not_found_text"], link=PREFIX + "/")

    async def hooked_context(self, request: Request, session: Session) -> dict[str, object]:
        return {k: v for hook in self.page_context for k, v in (await hook(request, session)).items()}

    def reading(self, handler: Reading) -> Callable[[Request], Awaitable[Response]]:
        """A page for the signed-in user of a subscriber; anyone else goes to the sign-in page."""

        async def page(request: Request) -> Response:
            session = await self.web.session(request)
            if session is None or session.user.subscriber_id is None:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(f"{PREFIX}/login?next={quote(target, safe='')}", status_code=303,
                                        headers={"cache-control": "no-store"})
            lang = self.web.language(request, session)
            if request.query_params.get("lang") == lang != session.user.language:  # the user's choice, kept
                await run_in_threadpool(users.set_language, self.wire.engine, session.user.id, lang)
            request.state.page_context = await self.hooked_context(request, session)
            return await handler(request, session, lang)

        return page

    # -- sign in and out -------------------------------------------------------------------
    async def login_form(self, request: Request) -> Response:
        session = await self.web.session(request)
        lang = self.web.language(request, session)
        t = i18n.strings(lang)
        notice = t["signed_out"] if request.query_params.get("signed_out") else (
            t["password_set"] if request.query_params.get("password_set") else None)
        return self.page(request, "login.html", lang, session, error=None, notice=notice, email="",
                         next=safe_next(request.query_params.get("next")))

    async def login(self, request: Request) -> Response:
        session = await self.web.session(request)
        lang = self.web.language(request, session)
        t = i18n.strings(lang)
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, lang, session)
        email = fields.get("email", "").strip()
        target = safe_next(fields.get("next"))
        found = await self.web.check_sign_in(request, fields, lambda user: not user.staff)  # staff: the desk
        if found is None:  # the code came too late, or without a password first
            response = self.page(request, "login.html", lang, None, 401, error=t["code_expired"], notice=None,
                                 email="", next=target)
            self.web.forget_cookie(request, response, CHALLENGE_COOKIE)
            return response
        asking = found.challenge is not None
        if found.wait:
            response = self.page(request, "login.html", lang, None, 429, error=t["throttled"].format(n=found.wait),
                                 notice=None, email=email, next=target, code_step=asking)
            response.headers["retry-after"] = str(found.wait)
            return response
        if found.user is None:
            error = (t["code_wrong"] if "code" in fields else None) if asking else t["sign_in_failed"]
            response = self.page(request, "login.html", lang, None, 401 if error else 200, error=error,
                                 notice=None, email=email, next=target, code_step=asking)
            self.web.hold_challenge(request, response, found)
            return response
        response = RedirectResponse(target, status_code=303)
        self.web.hold_challenge(request, response, found)
        await self.web.switch_session(request, response, session, found.user.id)
        return response

    async def logout(self, request: Request) -> Response:
        session = await self.web.session(request)
        lang = self.web.language(request, session)
        try:
            await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, lang, session)
        response = RedirectResponse(f"{PREFIX}/login?signed_out=1", status_code=303)
        await self.web.end_session(request, response)
        return response

    async def set_password(self, request: Request) -> Response:
        session = await self.web.session(request)
        lang = self.web.language(request, session)
        t = i18n.strings(lang)
        token = request.query_params.get("token", "")
        engine = self.wire.engine
        user = await run_in_threadpool(users.link_user, engine, token)
        if user is None:
            return self.page(request, "message.html", lang, session, 404, title=t["link_invalid"], text="",
                             link=f"{PREFIX}/login")
        error = None
        if request.method == "POST":
            try:
                fields = await self.web.form(request, session)
            except FormRefused:
                return self.refused(request, lang, session)
            password = fields.get("password", "")
            if password != fields.get("password_again", ""):
                error = t["passwords_differ"]
            else:
                try:
                    done = await run_in_threadpool(users.redeem_link, engine, token, password)
                except AccountError:
                    error = t["set_password_for"].format(email=user.email, n=users.MIN_PASSWORD)
                else:
                    if done is None:
                        return self.page(request, "message.html", lang, session, 404, title=t["link_invalid"],
                                         text="", link=f"{PREFIX}/login")
                    return RedirectResponse(f"{PREFIX}/login?password_set=1", status_code=303)
        return self.page(request, "set_password.html", lang, session, 400 if error else 200, error=error,
                         user=user, min_length=users.MIN_PASSWORD, token=token)

    # -- reading ---------------------------------------------------------------------------
    async def home(self, request: Request, session: Session, lang: str) -> Response:
        filters = flow.Filters.from_query(request.query_params)
        before = flow.decode_cursor(request.query_params.get("before"))
        assert session.user.subscriber_id is not None
        products = await self.products(session.user.subscriber_id)
        after = self.wire.hub.latest  # read first: an event after it comes through the updates
        page = await run_in_threadpool(flow.flow_page, self.wire.engine, session.user.subscriber_id, products,
                                       filters, before, utcnow())
        query = filters.query()
        tag_filters = [(kind, topic_name(value, lang) if kind == "topic" else value,
                        PREFIX + "/" + query_string({**query, kind: None})) for kind, value in filters.tags()]
        return self.page(request, "flow.html", lang, session, rows=page.rows, filters=filters, types=flow.TYPES,
                         tag_filters=tag_filters,
                         older=(PREFIX + "/" + query_string({**query, "before": page.older}))
                         if page.older else None,
                         newest=(PREFIX + "/" + query_string(query)) if before is not None else None,
                         live=before is None, after=after,
                         updates=PREFIX + "/updates" + query_string(query))

    async def updates(self, request: Request) -> Response:
        session = await self.web.session(request)
        if session is None or session.user.subscriber_id is None:
            return problem_response(401, "Unauthorized", "Sign in again.")
        raw = request.query_params.get("after", "")
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 19):
            return problem_response(400, "Invalid cursor", "after must be the number the page gave.")
        hub = self.wire.hub
        after = min(int(raw), hub.latest)
        sid = session.user.subscriber_id
        subscriptions = self.app.state.subscriptions
        reader = Reader(sid, None, await self.products(sid))

        async def now() -> Reader | None:
            found: Reader | None = await subscriptions.reader(sid, None)
            return found

        waiting = asyncio.ensure_future(feed.page(self.wire.engine, self.app.state.event_cache, hub, reader,
                                                  after=after, limit=200, wait=long_poll_wait(UPDATE_WAIT),
                                                  current=now))
        while not waiting.done():  # a closed tab stops its wait within a second
            await asyncio.wait({waiting}, timeout=1.0)
            if not waiting.done() and await request.is_disconnected():
                waiting.cancel()
                return Response(status_code=204)
        try:
            page = waiting.result()
        except feed.Revoked:
            return problem_response(401, "Unauthorized", "The organisation's access has ended.")
        # The wait may have outlived the session (signed out, user disabled): ask again.
        if await run_in_threadpool(users.find_session, self.wire.engine, request.cookies.get(SESSION_COOKIE, "")) \
                is None:
            return problem_response(401, "Unauthorized", "Sign in again.")
        filters = flow.Filters.from_query(request.query_params)
        events = [(e.event.seq, e.event.uri) for e in page.entries]
        rows = await self.live_rows.get(  # one read for all the flows this news wakes
            (sid, reader.products, filters, tuple(events)), lambda: asyncio.ensure_future(run_in_threadpool(
                flow.rows_for, self.wire.engine, sid, reader.products, filters, events, utcnow()))) if events else []
        lang = self.web.language(request, session)
        template = self.web.env.get_template("row.html")
        extra = await self.hooked_context(request, session) if rows else {}
        rendered = [{"uri": row.item.uri, "seq": row.seq,
                     "html": template.render(row=row, t=i18n.strings(lang), prefix=PREFIX, **extra)} for row in rows]
        return JSONResponse({"next": page.next, "rows": rendered}, headers={"cache-control": "no-store"})

    async def versions_of(self, session: Session, uri: str) -> list[tuple[VersionInfo, Item]]:
        assert session.user.subscriber_id is not None
        products = await self.products(session.user.subscriber_id)
        return await run_in_threadpool(flow.story_versions, self.wire.engine, session.user.subscriber_id,
                                       products, uri, utcnow())

    @staticmethod
    def chosen(found: list[tuple[VersionInfo, Item]], asked: str | None) -> Item | None:
        """The version to show: the one asked for, else the newest. Of a killed story only
        the kill notice, whatever version is asked for."""
        newest = found[-1][1]
        if newest.killed or not asked:
            return newest
        if not (asked.isascii() and asked.isdigit() and len(asked) <= 9):
            return None
        return next((item for _info, item in found if item.version == int(asked)), None)

    async def story(self, request: Request, session: Session, lang: str) -> Response:
        uri = request.path_params["uri"]
        found = await self.versions_of(session, uri)
        item = self.chosen(found, request.query_params.get("version")) if found else None
        if item is None:
            return self.not_found(request, lang, session)
        self.record(session, item, "portal")
        now = utcnow()
        killed = found[-1][1].killed
        earlier = [v for _, v in found if v.version < item.version]
        changed = diff.changes(earlier[-1], item) if earlier and not killed else []
        return self.page(request, "story.html", lang, session, item=item, versions=[info for info, _ in found],
                         killed=killed, embargoed=item.embargoed_at(now),
                         body=clean_html(item.body_html), formats=tuple(DOWNLOADS),
                         embargo_time=format_stamp(item.embargoed_until),
                         changes=changed, changed_from=earlier[-1].version if changed else None,
                         tags=story_tags(item, lang), plain=plain_text(item))

    async def download(self, request: Request, session: Session, lang: str) -> Response:
        fmt = request.query_params.get("format", "ninjs")
        uri = request.path_params["uri"]
        found = await self.versions_of(session, uri) if fmt in DOWNLOADS else []
        item = self.chosen(found, request.query_params.get("version")) if found else None
        if item is None:
            return self.not_found(request, lang, session)
        self.record(session, item, "download")
        signed = pictures.PictureLinks(self.wire.settings, session).signed(item)  # its pictures' links
        return Response(rendition(signed, fmt), media_type=DOWNLOADS[fmt][1], headers={
            **PAGE_HEADERS, "content-disposition": f'attachment; filename="{file_name(item, fmt)}"'})

    async def bundle(self, request: Request, session: Session, lang: str) -> Response:
        """Several stories in one zip, each as its newest version the user may read; a story
        the user may not read is left out, as if it did not exist."""
        fmt = request.query_params.get("format", "ninjs")
        uris = list(dict.fromkeys(request.query_params.getlist("uri")))[:MAX_BUNDLE]
        picked: list[Item] = []
        for uri in uris if fmt in DOWNLOADS else []:
            found = await self.versions_of(session, uri)
            item = self.chosen(found, None) if found else None
            if item is not None:
                picked.append(item)
        if not picked:
            return self.not_found(request, lang, session)
        signer = pictures.PictureLinks(self.wire.settings, session)
        body = await run_in_threadpool(zipped, [signer.signed(item) for item in picked], fmt)
        for item in picked:
            self.record(session, item, "download")
        name = f"stories-{utcnow().strftime('%Y%m%d-%H%M')}.zip"
        return Response(body, media_type="application/zip",
                        headers={**PAGE_HEADERS, "content-disposition": f'attachment; filename="{name}"'})

    async def usage(self, request: Request, session: Session, lang: str) -> Response:
        """The organisation's usage this month, by channel: for its managers."""
        if session.user.role != "manager":
            return self.not_found(request, lang, session)
        assert session.user.subscriber_id is not None
        await run_in_threadpool(self.app.state.usage.flush)
        month = await run_in_threadpool(usage_store.month_summary, self.wire.engine, session.user.subscriber_id)
        return self.page(request, "usage.html", lang, session, month=utcnow().strftime("%Y-%m"),
                         channels=sorted(month.items()), total=sum(month.values()))


def install(app: FastAPI) -> None:
    """Mount the portal on the app (before the public site's catch-all language routes)."""
    portal = Portal(app, app.state.wire)
    app.state.portal = portal
    from newswire.portal.keep import install as install_keep  # it builds on this module

    install_keep(app, portal)
    from newswire.portal import tools  # search, diary, developers (they import this module)

    tools.install(app, portal)
    from newswire.portal import access  # the account (second factor) and a manager's team

    app.router.routes.extend(access.routes(portal))

    async def to_home(request: Request) -> Response:
        return RedirectResponse(PREFIX + "/", status_code=308)

    app.router.routes.extend([
        Route(PREFIX, to_home),
        Route(PREFIX + "/", portal.reading(portal.home)),
        Route(PREFIX + "/login", portal.login_form, methods=["GET"]),
        Route(PREFIX + "/login", portal.login, methods=["POST"]),
        Route(PREFIX + "/logout", portal.logout, methods=["POST"]),
        Route(PREFIX + "/set-password", portal.set_password, methods=["GET", "POST"]),
        Route(PREFIX + "/updates", portal.updates),
        Route(PREFIX + "/usage", portal.reading(portal.usage)),
        Route(PREFIX + "/zip", portal.reading(portal.bundle)),
        Route(PREFIX + "/items/{uri:path}", portal.reading(portal.story)),
        Route(PREFIX + "/download/{uri:path}", portal.reading(portal.download)),
        Route(PREFIX + "/static/{name}", portal.web.static),
    ])

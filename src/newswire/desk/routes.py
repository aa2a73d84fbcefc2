"""The editor's desk under ``/desk/``: staff sign in, compose, save drafts (by hand and by
themselves), submit them for approval, publish, update, correct, withhold, release, kill.

It stands on the portal's web foundation (:class:`newswire.portal.web.Web`: sessions, CSRF,
CSP, forms). Every move goes through the same ``Wire`` operation as the API
(``Wire.publish`` as ``POST /v1/items``, ``Wire.kill`` as ``POST /v1/items/{uri}/kill``) and
is recorded in the desk's audit against the signed-in person.

Roles: a reporter writes, saves and submits its own drafts; an editor, chief or admin also
edits anyone's draft, publishes (a submitted draft's publication is its approval), hands a
draft back, and moves published stories. Every action checks the role first (403).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from sqlalchemy import Connection
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from newswire.api.problems import problem_response
from newswire.desk import (
    approval,
    compose,
    flash,
    i18n_desk,  # noqa: F401 (merges the desk's words into the portal's)
    i18n_messages,
    i18n_pages,  # noqa: F401 (the kill and audit pages' words)
    live,
    nearby,
    reach,
    suggest,
    zones,
)
from newswire.desk import store as desk_store
from newswire.desk.compose import Story
from newswire.desk.dateline import agency_dateline, dateline_date, zone_name
from newswire.desk.store import Draft, DraftConflict
from newswire.formats.sanitize import html_to_text
from newswire.model import Item, format_time, utcnow
from newswire.portal import access, diff, i18n
from newswire.portal.web import (
    CSRF_COOKIE,
    FormRefused,
    Web,
    format_stamp,
    load_assets,
)
from newswire.store import diary as diary_events
from newswire.store import items as store
from newswire.store.items import StoreConflict
from newswire.store.users import Session
from newswire.wire import Wire

PREFIX = "/desk"
MOVERS = ("editor", "chief", "admin")  # who may publish and move stories; a reporter writes drafts
MAX_FIELD = 200_000  # a story body, pasted HTML included
MAX_NOTE = 1000
AUDIT_ACTIONS = ("draft", "autosave", "submit", "return", "approve", "publish", "enrich", "update", "correct",
                 "withhold", "release", "kill", *diary_events.ACTIONS)  # the diary's own rows too
DRAFT_ACTIONS = {"draft": None, "submit": "submitted", "return": "draft", "publish": None,  # -> the state
                 "approve": "approved",  # by a chief (desk.approval)
                 "suggest": None}  # suggest: the page again with the pipeline's findings, nothing saved
Handler = Callable[[Request, Session], Awaitable[Response]]
Suggested = tuple[list[suggest.Suggestion], list[nearby.Nearby]]  # the pipeline's findings, the wire's near stories


def item_path(uri: str) -> str:
    return f"{PREFIX}/items/" + quote(uri, safe=":@")


def safe_next(value: str | None) -> str:
    if value and value.startswith(PREFIX + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return PREFIX + "/"


def may_move(session: Session) -> bool:
    return session.user.role in MOVERS


def may_edit(session: Session, draft: Draft | None) -> bool:
    """A reporter changes its own drafts; an editor anyone's."""
    return draft is None or may_move(session) or draft.author_id == session.user.id


def number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def audited(session: Session, action: str, detail: str | None, draft_rev: int | None = None) -> store.RecordFn:
    """The audit row of a move (and the end of its draft), written in the version's own
    transaction: a version on the wire always says who moved it. Publishing a submitted draft
    approves it (a row of its own); a draft saved since the form was opened at ``draft_rev``
    is a :class:`DraftConflict`, and nothing is published."""
    user_id = session.user.id

    def record(conn: Connection, stored: Item) -> None:
        now = utcnow()
        draft = desk_store.mark_published(conn, stored.uri, now, draft_rev)
        if draft is not None and desk_store.draft_state(draft) == "submitted":
            desk_store.record(conn, user_id, "approve", stored.uri, stored.version,
                              f"written by {draft['email']}", now)
        desk_store.record(conn, user_id, action, stored.uri, stored.version, detail, now)

    return record


class Desk:
    def __init__(self, wire: Wire) -> None:
        self.wire = wire
        self.web = Web(wire, "newswire.desk", PREFIX, max_field=MAX_FIELD)
        self.web.assets["portal.js"] = load_assets("newswire.portal")["portal.js"]  # the live flow's script
        # the portal's templates under "portal/" (the account page's second factor is one form for both)
        self.web.env.loader = ChoiceLoader([PackageLoader("newswire.desk", "templates"), PrefixLoader(
            {"portal": PackageLoader("newswire.portal", "templates")})])
        self.web.env.globals.update(item_path=item_path, stamp=format_stamp, agency=wire.settings.agency_name,
                                    agency_dateline=agency_dateline)
        self.approval_rules()  # a wrong NEWSWIRE_DESK_APPROVAL stops the start

    def approval_rules(self) -> approval.Rules:
        return approval.parse(self.wire.settings.desk_approval)

    def unapproved(self, request: Request, session: Session, story: Story, existing: Draft | None) -> Response | None:
        """403 when the story needs a chief's approval (``NEWSWIRE_DESK_APPROVAL``) and this
        text was not approved: publishing waits, whoever asks."""
        rules = self.approval_rules()
        if not approval.needs(rules, story):
            return None
        if existing is not None and existing.approved and existing.story == story:
            return None
        return self.message(request, session, 403, "Waiting for a chief editor's approval",
                            "On this desk {rules} need a chief editor's approval before they move. "
                            "Save the draft and submit it; it waits in the approval queue on the outgoing wire "
                            "(a change after the approval needs a new one).",
                            f"{PREFIX}/drafts/{existing.id}" if existing is not None else PREFIX + "/",
                            rules=rules.describe())

    # -- helpers ---------------------------------------------------------------------------
    def page(self, request: Request, template: str, session: Session | None, status: int = 200,
             **context: object) -> Response:
        token, new = self.web.form_token(request, session)
        lang = self.web.language(request, session)
        response = self.web.page(request, template, lang, status, session=session, csrf=token,
                                 may_move=session is not None and may_move(session), **context)
        if new:
            self.web.set_cookie(request, response, CSRF_COOKIE, token, max_age=7200)
        self.web.remember_language(request, response, lang)
        return response

    def message(self, request: Request, session: Session | None, status: int, title: str, text: str = "",
                link: str = PREFIX + "/", **values: object) -> Response:
        """A page saying ``title`` and ``text`` (English sentences, ``{name}`` filled from
        ``values``) in the page's language (:mod:`newswire.desk.i18n_messages`)."""
        lang = self.web.language(request, session)
        return self.page(request, "message.html", session, status, title=i18n_messages.say(lang, title),
                         text=i18n_messages.say(lang, text, **values) if text else "", link=link)

    def say(self, request: Request, session: Session | None, english: str, **values: object) -> str:
        return i18n_messages.say(self.web.language(request, session), english, **values)

    def refused(self, request: Request, session: Session | None) -> Response:
        return self.message(request, session, 403, "This form has expired",
                            "Open the page again and repeat what you did.", request.url.path)

    def forbidden(self, request: Request, session: Session) -> Response:
        return self.message(request, session, 403, "Not allowed",
                            "A {role} writes, saves and submits its own drafts; an editor "
                            "publishes, approves and moves stories.", role=session.user.role)

    def draft_conflict(self, request: Request, session: Session, draft_id: int, exc: DraftConflict) -> Response:
        if exc.published:
            return self.message(request, session, 409, "This draft was published meanwhile",
                                "Open the story to correct it.", f"{PREFIX}/drafts/{draft_id}")
        return self.message(request, session, 409, "Someone saved this draft meanwhile",
                            "The draft is now at revision {current}, saved by {by}. Open it again to "
                            "see their text, then repeat your change.", f"{PREFIX}/drafts/{draft_id}",
                            current=exc.current, by=exc.by)

    def conflict(self, request: Request, session: Session, uri: str, edited: int, current: int) -> Response:
        return self.message(request, session, 409, "Someone changed this story meanwhile",
                            "You edited version {edited}; the story is now at version {current}. "
                            "Open it again to see the newest version, then repeat your change.", item_path(uri),
                            edited=edited, current=current)

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
        notice = self.say(request, session, "You are signed out.") if request.query_params.get("signed_out") else None
        return self.page(request, "login.html", session, error=None, notice=notice, email="",
                         next=safe_next(request.query_params.get("next")))

    async def login(self, request: Request) -> Response:
        session = await self.web.session(request)
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        email = fields.get("email", "").strip()
        target = safe_next(fields.get("next"))
        found = await self.web.check_sign_in(request, fields, lambda user: user.staff)  # others: the portal
        if found is None:  # the second factor's code came too late: start again
            return self.page(request, "login.html", None, 401, notice=None, email="", next=target,
                             error=self.say(request, None, "Sign in again: the code came too late."))
        asking = found.challenge is not None  # a second factor is on (newswire.store.twofactor)
        if found.wait:
            response = self.page(request, "login.html", None, 429, notice=None, email=email, next=target,
                                 error=self.say(request, None, "Too many failed attempts: try again in {wait} seconds.",
                                                wait=found.wait),
                                 code_step=asking)
            response.headers["retry-after"] = str(found.wait)
            return response
        if found.user is None:
            error = (self.say(request, None, "The code is not right.") if "code" in fields else None) if asking \
                else self.say(request, None, "The email or the password is wrong.")
            response = self.page(request, "login.html", None, 401 if error else 200, notice=None, email=email,
                                 next=target, error=error, code_step=asking)
            self.web.hold_challenge(request, response, found)
            return response
        response = RedirectResponse(target, status_code=303)
        self.web.hold_challenge(request, response, found)
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

    # -- the account: the second factor, as on the portal's account page ------------------
    async def account(self, request: Request, session: Session, status: int = 200,
                      **context: object) -> Response:
        """``GET /desk/account``: two-step sign-in on or off (:mod:`newswire.portal.access`)."""
        context = {"error": None, "notice": None, "recovery": None, **context,
                   **await access.account_context(self.wire, session.user)}
        return self.page(request, "account.html", session, status, **context)

    async def two_step(self, request: Request, session: Session) -> Response:
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        did = await access.two_step_move(self.wire, self.web, request, session.user, fields,
                                         self.web.language(request, session))
        if did.again:
            return RedirectResponse(f"{PREFIX}/account", status_code=303)
        return await self.account(request, session, did.status, error=did.error, notice=did.notice,
                                  recovery=did.recovery)

    # -- the outgoing wire -----------------------------------------------------------------
    async def home(self, request: Request, session: Session) -> Response:
        engine = self.wire.engine
        after = self.wire.hub.latest  # read first: what moves after it comes through the updates
        rows = await run_in_threadpool(desk_store.outgoing, engine)
        drafts = await run_in_threadpool(desk_store.open_drafts, engine)
        rules = self.approval_rules()
        queue = [d for d in drafts if not d.approved and approval.needs(rules, d.story)]
        return self.page(request, "wire.html", session, rows=rows, drafts=drafts, after=after,
                         updates=PREFIX + "/updates", queue=queue)

    async def updates(self, request: Request) -> Response:
        """``GET /desk/updates?after=N``: the outgoing wire's rows moved after the page's
        point, as the portal's flow gets its own (a long poll on the wire's hub, read by the
        portal's script)."""
        session = await self.web.session(request)
        if session is None or not session.user.staff:
            return problem(request, 401, "Not signed in", "Sign in to the desk again.")
        return await live.updates(request, self.wire, self.web.env.get_template("wire_row.html"),
                                  item_path=item_path, stamp=format_stamp,
                                  t=i18n.strings(self.web.language(request, session)))

    async def audit(self, request: Request, session: Session) -> Response:
        params = request.query_params
        uri, who = params.get("uri", "")[:512] or None, params.get("who", "")[:320] or None
        action = params.get("action") if params.get("action") in AUDIT_ACTIONS else None
        rows = await run_in_threadpool(lambda: desk_store.audit(self.wire.engine, uri, who=who, action=action))
        return self.page(request, "audit.html", session, rows=rows, uri=uri, who=who or "", action=action or "",
                         actions=AUDIT_ACTIONS)

    # -- compose ---------------------------------------------------------------------------
    def compose_page(self, request: Request, session: Session, story: Story, *, status: int = 200,
                     draft: Draft | None = None, rev: int | None = None, problems: list[str] | None = None,
                     saved: str = "", found: list[suggest.Suggestion] | None = None,
                     near: list[nearby.Nearby] | None = None) -> Response:
        preview = ""
        if story.dateline:
            date = dateline_date(story.dateline, story.embargo_until() or utcnow())
            preview = (f"{agency_dateline(story.dateline, date, self.web.settings.agency_name)}"
                       f" ({zone_name(story.dateline)})")
        if rev is None and draft is not None:
            rev = draft.rev
        return self.page(request, "compose.html", session, status, story=story, draft=draft,
                         draft_id=draft.id if draft else None, rev=rev if rev is not None else "",
                         problems=problems or [], saved=saved, urgencies=tuple(compose.URGENCIES),
                         preview=preview, may_edit=may_edit(session, draft), **self.suggested(story, found, near),
                         needs_approval=approval.needs(self.approval_rules(), story),
                         embargo_zones=zones.embargo_times(story.embargo_until(), story.dateline,
                                                           zones.editor_zone(request)),
                         may_approve=approval.may_approve(session.user.role))

    def suggested(self, story: Story, found: list[suggest.Suggestion] | None,
                  near: list[nearby.Nearby] | None = None) -> dict[str, object]:
        """The suggestions panel's context: the accepted findings ticked, new ones (``found``,
        after the editor asked) beside them, the stories on the wire like it (``near``); what
        was reviewed so far is kept."""
        ran = {name for name, _step in self.wire.pipeline.steps}
        reviewed = story.reviewed if found is None else ",".join(s for s in suggest.REVIEWABLE if s in ran)
        return {"choices": suggest.choices(story.accepted(), found or []), "reviewed": reviewed,
                "asked": found is not None, "nearby": near or []}

    async def find_suggestions(self, story: Story,
                               uri: str | None) -> tuple[list[suggest.Suggestion], list[nearby.Nearby]]:
        """What ``Wire.enrich`` finds in the story as typed (before any accepted value), and the
        stories on the wire near its text."""
        bare = compose.first_version(replace(story, machine="", reviewed=""), uri or compose.new_uri(), utcnow())
        found = await run_in_threadpool(suggest.suggestions, lambda item: self.wire.enrich(item, utcnow()), bare)
        return found, await run_in_threadpool(nearby.moved_like, self.wire, bare)

    async def script_form(self, request: Request, unsaved: str) -> tuple[Session, dict[str, str]] | Response:
        """The signed-in staff member and the form desk.js posted, or the problem (401, 403)."""
        session = await self.web.session(request)
        if session is None or not session.user.staff:
            return problem(request, 401, "Not signed in", "Sign in to the desk again." + unsaved)
        try:
            return session, await self.web.form(request, session)
        except FormRefused:
            return problem(request, 403, "Form refused", "The form has expired: reload the page." + unsaved)

    async def suggest(self, request: Request) -> Response:
        """``POST /desk/suggest`` (desk.js, the compose form with its CSRF token): the
        suggestions panel as an HTML fragment, and the findings as JSON."""
        checked = await self.script_form(request, "")
        if isinstance(checked, Response):
            return checked
        session, fields = checked
        story = Story.from_form(fields)
        if not html_to_text(story.body_html()).strip() and not story.headline:
            return problem(request, 400, "Nothing to enrich", "Write a headline or a body first.")
        found, near = await self.find_suggestions(story, None)
        lang = self.web.language(request, session)
        context = self.suggested(story, found, near)
        fragment = self.web.env.get_template("suggestions.html").render(t=i18n.strings(lang), lang=lang, **context)
        return JSONResponse({"html": fragment, "reviewed": context["reviewed"],
                             "suggestions": [{"kind": one.kind, "label": one.label, "confidence": one.confidence,
                                              "value": one.value()} for one in found],
                             "nearby": [{"uri": one.uri, "headline": one.headline, "rel": one.rel,
                                         "minutesAgo": one.minutes, "href": item_path(one.uri)} for one in near]},
                            headers={"cache-control": "no-store"})

    async def new(self, request: Request, session: Session) -> Response:
        return self.compose_page(request, session, Story())

    async def find_draft(self, raw: str | None) -> Draft | None:
        found = number(raw)
        return None if found is None else await run_in_threadpool(desk_store.get_draft, self.wire.engine, found)

    async def draft(self, request: Request, session: Session) -> Response:
        found = await self.find_draft(request.path_params["id"])
        if found is None:
            return self.message(request, session, 404, "No such draft")
        if found.published:
            return RedirectResponse(item_path(found.uri), status_code=303)
        return self.compose_page(request, session, found.story, draft=found,
                                 saved=request.query_params.get("saved", "")[:16])

    async def compose(self, request: Request, session: Session) -> Response:
        """The compose form's buttons: save a draft, submit it for approval, hand it back, publish."""
        try:
            fields = await self.web.form(request, session)
        except FormRefused:
            return self.refused(request, session)
        story = Story.from_form(fields)
        action = fields.get("action", "draft")
        if action not in DRAFT_ACTIONS:
            return self.message(request, session, 400, "Unknown action", "{action} is not a button here.",
                                action=repr(action[:40]))
        existing = await self.find_draft(fields.get("draft"))
        if existing is not None and existing.published:
            return self.message(request, session, 409, "This draft was published meanwhile",
                                "Open the story to correct it.", item_path(existing.uri))
        if not may_edit(session, existing) or (action in ("publish", "return") and not may_move(session)):
            return self.forbidden(request, session)
        if action == "approve" and not approval.may_approve(session.user.role):
            return self.message(request, session, 403, "Not allowed", "Only a chief editor approves a story.")
        if action in ("return", "approve") and existing is None:
            return self.message(request, session, 400, "Nothing to hand back", "Only a saved draft goes back.")
        rev = number(fields.get("rev")) if existing is not None else None
        if action == "suggest":
            found, near = await self.find_suggestions(story, existing.uri if existing else None)
            return self.compose_page(request, session, story, draft=existing, rev=rev, found=found, near=near)
        sentences = story.problem_sentences(publishing=action in ("publish", "submit", "approve"))
        problems = [self.say(request, session, english, **values) for english, values in sentences]
        if problems:
            return self.compose_page(request, session, story, status=400, draft=existing, rev=rev, problems=problems)
        uri = existing.uri if existing is not None else compose.new_uri()
        draft_id = existing.id if existing is not None else None
        if action == "publish" and (waiting := self.unapproved(request, session, story, existing)) is not None:
            return waiting
        if action != "publish":
            try:
                saved = await run_in_threadpool(lambda: desk_store.save_draft(
                    self.wire.engine, session.user.id, uri, story, draft_id, rev=rev, state=DRAFT_ACTIONS[action],
                    action=action, by=session.user.email))
            except DraftConflict as exc:
                return self.draft_conflict(request, session, draft_id or 0, exc)
            return RedirectResponse(f"{PREFIX}/drafts/{saved.draft_id}?saved={action}", status_code=303)
        try:
            result = await self.move(session, compose.first_version(story, uri, utcnow()), story.public, "publish",
                                     None, draft_rev=rev, reviewed=flash.skipped_at_publish(self.wire, story))
        except DraftConflict as exc:
            return self.draft_conflict(request, session, draft_id or 0, exc)
        except StoreConflict:
            return self.message(request, session, 409, "This story is on the wire already",
                                "Open it to correct it.", item_path(uri))
        later = BackgroundTask(run_in_threadpool, flash.follow_up, self.wire, result.item.uri, result.item.version,
                               story.reviewed_steps(), session.user.id) if flash.is_flash(story) else None
        return RedirectResponse(item_path(result.item.uri), status_code=303, background=later)

    async def autosave(self, request: Request) -> Response:
        """``POST /desk/autosave`` (desk.js, as the editor types): the compose form, CSRF token
        included, saved over the draft at the revision it names; JSON, problems as problem+json."""
        checked = await self.script_form(request, " Nothing was saved.")
        if isinstance(checked, Response):
            return checked
        session, fields = checked
        existing = await self.find_draft(fields.get("draft"))
        if fields.get("draft") and existing is None:
            return problem(request, 404, "No such draft")
        if not may_edit(session, existing):
            return problem(request, 403, "Not allowed", "A reporter changes its own drafts only.")
        rev = number(fields.get("rev"))
        if existing is not None and rev is None:
            return problem(request, 400, "Revision required", "Name the draft's revision the form was opened at.")
        story = Story.from_form(fields)
        problems = story.problems(publishing=False)
        if problems:
            return problem(request, 400, "Not saved", " ".join(problems), problems=problems)
        uri = existing.uri if existing is not None else compose.new_uri()
        try:
            saved = await run_in_threadpool(lambda: desk_store.save_draft(
                self.wire.engine, session.user.id, uri, story, existing.id if existing else None, rev=rev,
                action="autosave", by=session.user.email))
        except DraftConflict as exc:
            return problem(request, 409, "Draft changed meanwhile", str(exc), currentRev=exc.current,
                           savedBy=exc.by, published=exc.published)
        return JSONResponse({"draft": saved.draft_id, "rev": saved.rev, "savedAt": format_time(saved.at),
                             "location": f"{PREFIX}/drafts/{saved.draft_id}"}, headers={"cache-control": "no-store"})

    async def move(self, session: Session, item: Item, public: bool, action: str, detail: str | None, *,
                   expected_version: int | None = None, draft_rev: int | None = None,
                   reviewed: tuple[str, ...] = ()) -> store.PublishResult:
        """Publish through ``Wire.publish`` (as ``POST /v1/items``, ``If-Match`` as ``expected_version``);
        the enrichment steps whose suggestions the editor decided (``reviewed``) do not run again."""
        record = audited(session, action, detail, draft_rev)
        return await run_in_threadpool(lambda: self.wire.publish(item, public=public, record=record,
                                                                 expected_version=expected_version,
                                                                 reviewed=reviewed))

    # -- a published story -----------------------------------------------------------------
    async def versions(self, uri: str) -> list[Item]:
        return [item for _info, item in await run_in_threadpool(store.all_versions, self.wire.engine, uri)]

    async def story_page(self, request: Request, session: Session, found: list[Item], *, status: int = 200,
                         story: Story | None = None, problems: list[str] | None = None, note: str = "",
                         reason: str = "", merge: dict[str, object] | None = None,
                         suggested: Suggested | None = None) -> Response:
        current = found[-1]
        story = story or Story.from_item(current)
        reached = await run_in_threadpool(reach.story_reach, self.wire.engine, current.uri)
        return self.page(request, "story.html", session, status, item=current, versions=found,
                         **self.suggested(story, *(suggested or (None, None))),
                         story=story, problems=problems or [], note=note,
                         reason=reason, urgencies=tuple(compose.URGENCIES), body=current.body_html,
                         reach=reached, empty=reach.VersionReach(0), merge=merge, changes=version_changes(found),
                         embargo_zones=zones.embargo_times(current.embargoed_until, current.located or "",
                                                           zones.editor_zone(request)))

    async def merge_page(self, request: Request, session: Session, found: list[Item], edited: Item,
                         fields: dict[str, str]) -> Response:
        """A text saved against a version the story has left: 409, with both sides to merge —
        what the others changed since ``edited``, and what this editor changed — and the
        editor's text kept in the form, which now edits the newest version."""
        current = found[-1]
        story = Story.from_form(fields)
        problems = [self.say(request, session, "Someone changed this story meanwhile. You edited version {edited}; the "
                             "story is now at version {current}. Your text is kept below: merge what they changed "
                             "and send it again.", edited=edited.version, current=current.version)]
        merge = {"edited": edited.version, "theirs": diff.changes(edited, current),
                 "mine": diff.changes(edited, story.apply(edited))}
        return await self.story_page(request, session, found, status=409, story=story, problems=problems,
                                     note=" ".join(fields.get("note", "").split())[:MAX_NOTE], merge=merge)

    async def story(self, request: Request, session: Session) -> Response:
        found = await self.versions(request.path_params["uri"])
        if not found:
            return self.message(request, session, 404, "No such story")
        return await self.story_page(request, session, found)

    async def story_form(self, request: Request, session: Session,
                         action: str) -> tuple[list[Item], dict[str, str]] | Response:
        """The story's versions and the POSTed form, or the answer when either is wrong (or
        when ``action`` does not apply to the story as it is: a withheld story is released
        before it is updated or corrected)."""
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
        edited = number(fields.get("version")) or 0
        if edited != found[-1].version:
            base = next((item for item in found if item.version == edited), None)
            if action in ("update", "correct") and base is not None and found[-1].pub_status == "usable":
                return await self.merge_page(request, session, found, base, fields)
            return self.conflict(request, session, uri, edited, found[-1].version)
        if found[-1].killed:
            return self.message(request, session, 409, "This story was killed", "A killed story stays killed.",
                                item_path(uri))
        withheld = found[-1].pub_status == "withheld"
        if withheld and action in ("update", "correct", "withhold"):
            return self.message(request, session, 409, "This story is withheld",
                                "Release it first, then update or correct it.", item_path(uri))
        if not withheld and action == "release":
            return self.message(request, session, 409, "This story is not withheld", "There is nothing to release.",
                                item_path(uri))
        return found, fields

    async def moved(self, session: Session, current: Item, item: Item, public: bool, action: str,
                    detail: str | None, request: Request, reviewed: tuple[str, ...] = ()) -> Response:
        """Move the next version of a published story (only while it is at ``current``'s version)."""
        try:
            await self.move(session, item, public, action, detail, expected_version=current.version,
                            reviewed=reviewed)
        except StoreConflict:
            newest = await self.versions(current.uri)
            return self.conflict(request, session, current.uri, current.version, newest[-1].version)
        return RedirectResponse(item_path(current.uri), status_code=303)

    async def edit(self, request: Request, session: Session, action: str) -> Response:
        """Correct (a note is required) or update (a note is optional) with the form's text."""
        checked = await self.story_form(request, session, action)
        if isinstance(checked, Response):
            return checked
        found, fields = checked
        story = Story.from_form(fields)
        note = " ".join(fields.get("note", "").split())[:MAX_NOTE]
        if fields.get("action") == "suggest":  # the suggestions button without the script: nothing moves
            suggested = await self.find_suggestions(story, found[-1].uri)
            return await self.story_page(request, session, found, story=story, note=note, suggested=suggested)
        problems = story.problems(publishing=True)
        if action == "correct" and not note:
            problems.append(self.say(request, session, "A correction needs a note saying what was corrected."))
        if problems:
            return await self.story_page(request, session, found, status=400, story=story, problems=problems,
                                         note=note)
        current = found[-1]
        item = (compose.correction(story, current, note) if action == "correct"
                else compose.update(story, current, note, utcnow()))
        return await self.moved(session, current, item, story.public, action, note or None, request,
                                story.reviewed_steps())

    async def correct(self, request: Request, session: Session) -> Response:
        return await self.edit(request, session, "correct")

    async def update(self, request: Request, session: Session) -> Response:
        return await self.edit(request, session, "update")

    async def status_move(self, request: Request, session: Session, action: str) -> Response:
        """Withhold the story as it stands (a reason is required: those who had it are told to
        stop using it for now), or release it (a note is optional)."""
        checked = await self.story_form(request, session, action)
        if isinstance(checked, Response):
            return checked
        found, fields = checked
        withholding = action == "withhold"
        text = " ".join(fields.get("reason" if withholding else "note", "").split())[:MAX_NOTE]
        if withholding and not text:
            return await self.story_page(request, session, found, status=400,
                                         problems=[self.say(request, session, "Withholding needs a reason.")])
        current = found[-1]
        item = compose.withheld(current, text) if withholding else compose.released(current, text)
        return await self.moved(session, current, item, current.public, action, text or None, request)

    async def withhold(self, request: Request, session: Session) -> Response:
        return await self.status_move(request, session, "withhold")

    async def release(self, request: Request, session: Session) -> Response:
        return await self.status_move(request, session, "release")

    async def kill(self, request: Request, session: Session) -> Response:
        """A kill asks first, saying whom it will reach; then ``Wire.kill``."""
        checked = await self.story_form(request, session, "kill")
        if isinstance(checked, Response):
            return checked
        found, fields = checked
        current = found[-1]
        reason = " ".join(fields.get("reason", "").split())[:MAX_NOTE]
        if not reason:
            return await self.story_page(request, session, found, status=400, reason=reason,
                                         problems=[self.say(request, session, "A kill needs a reason.")])
        engine = self.wire.engine
        if fields.get("confirm") != "yes":
            names = await run_in_threadpool(reach.recipient_names, engine, current.uri)
            return self.page(request, "kill.html", session, item=current, reason=reason, reach=len(names),
                             names=names)
        try:
            await run_in_threadpool(lambda: self.wire.kill(current.uri, reason, expected_version=current.version,
                                                           record=audited(session, "kill", reason)))
        except StoreConflict:
            newest = await self.versions(current.uri)
            return self.conflict(request, session, current.uri, current.version, newest[-1].version)
        return RedirectResponse(item_path(current.uri), status_code=303)


def version_changes(versions: list[Item]) -> dict[int, list[diff.Change]]:
    """What each version changed in the text against the one before it (a kill's version shows
    no text to compare)."""
    return {new.version: diff.changes(old, new) for old, new in pairwise(versions)
            if not new.killed}


def problem(request: Request, status: int, title: str, detail: str | None = None, **extra: Any) -> Response:
    return problem_response(status, title, detail, instance=request.url.path,
                            headers={"cache-control": "no-store"}, **extra)


def install(app: FastAPI) -> None:
    """Mount the desk on the app (before the public site's catch-all language routes)."""
    desk = Desk(app.state.wire)
    app.state.desk = desk
    from newswire.desk import diary  # the planning diary's pages (that module imports this one)
    app.router.routes.extend(diary.routes(desk))

    async def to_home(request: Request) -> Response:
        return RedirectResponse(PREFIX + "/", status_code=308)

    app.router.routes.extend([
        Route(PREFIX, to_home),
        Route(PREFIX + "/", desk.staff(desk.home)),
        Route(PREFIX + "/login", desk.login_form, methods=["GET"]),
        Route(PREFIX + "/login", desk.login, methods=["POST"]),
        Route(PREFIX + "/logout", desk.logout, methods=["POST"]),
        Route(PREFIX + "/audit", desk.staff(desk.audit)),
        Route(PREFIX + "/account", desk.staff(desk.account), methods=["GET"]),
        Route(PREFIX + "/account/two-step", desk.staff(desk.two_step), methods=["POST"]),
        Route(PREFIX + "/new", desk.staff(desk.new)),
        Route(PREFIX + "/compose", desk.staff(desk.compose), methods=["POST"]),
        Route(PREFIX + "/autosave", desk.autosave, methods=["POST"]),
        Route(PREFIX + "/suggest", desk.suggest, methods=["POST"]),
        Route(PREFIX + "/updates", desk.updates),
        Route(PREFIX + "/drafts/{id}", desk.staff(desk.draft)),
        Route(PREFIX + "/items/{uri:path}/correct", desk.staff(desk.correct), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}/update", desk.staff(desk.update), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}/withhold", desk.staff(desk.withhold), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}/release", desk.staff(desk.release), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}/kill", desk.staff(desk.kill), methods=["POST"]),
        Route(PREFIX + "/items/{uri:path}", desk.staff(desk.story)),
        Route(PREFIX + "/static/{name}", desk.web.static),
    ])

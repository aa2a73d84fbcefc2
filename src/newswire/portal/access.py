"""A user's account page (the optional second factor) and a manager's team page (invite a
colleague, reset a member's access, disable or enable a member) — of their own organisation
only: a user of another organisation is answered as if it did not exist.

An invitation or a reset makes a one-time link to set the password (:func:`users.issue_link`).
It goes out by email when ``NEWSWIRE_SMTP_URL`` is set (:func:`newswire.portal.notify.send`),
and is shown to the manager otherwise, or when the email could not be sent.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newswire.portal import i18n, notify
from newswire.portal.cli import set_password_link
from newswire.portal.web import FormRefused
from newswire.store import twofactor, users
from newswire.store.accounts import AccountError
from newswire.store.secrets import box_for
from newswire.store.users import Session, User

if TYPE_CHECKING:
    from newswire.portal.routes import Portal
    from newswire.portal.web import Web
    from newswire.wire import Wire

log = logging.getLogger(__name__)


def invitation(settings_from: str, to: str, org: str, link: str, lang: str) -> EmailMessage:
    t = i18n.strings(lang)
    hours = int(users.LINK_TTL.total_seconds() // 3600)
    message = EmailMessage()
    message["Subject"] = t["invite_subject"].format(org=org)[:200]
    message["From"] = settings_from
    message["To"] = to
    message["Message-ID"] = make_msgid(domain="newswire")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(t["invite_body"].format(org=org, hours=hours) + "\n\n" + link + "\n")
    return message


@dataclass(frozen=True, slots=True)
class TwoStepAnswer:
    """What a second-factor form did, for the account page that shows it (the portal's or the
    desk's): ``again`` the page afresh (a key was made), else the page with this status and
    these words, and the recovery codes to show once."""

    again: bool = False
    status: int = 200
    error: str | None = None
    notice: str | None = None
    recovery: list[str] | None = None


async def account_context(wire: Wire, user: User) -> dict[str, object]:
    """The account page's second-factor state, and the key to enrol while one is pending."""
    engine = wire.engine
    state = await run_in_threadpool(twofactor.status, engine, user.id)
    enrolment = None
    if state.pending:
        secret = await run_in_threadpool(twofactor.pending_secret, engine, box_for(wire.settings), user.id)
        if secret:
            enrolment = twofactor.enrolment(secret, user.email, wire.settings.agency_name)
    return {"state": state, "enrolment": enrolment}


async def two_step_move(wire: Wire, web: Web, request: Request, user: User, fields: dict[str, str],
                        lang: str) -> TwoStepAnswer:
    """POST ``action``: start (a new pending key), confirm (with a code), off, recovery."""
    t = i18n.strings(lang)
    engine, box, action, code = wire.engine, box_for(wire.settings), fields.get("action", ""), fields.get("code", "")
    if action == "start":
        with contextlib.suppress(AccountError):  # already on: the page says so
            await run_in_threadpool(twofactor.begin, engine, box, user.id)
        return TwoStepAnswer(again=True)
    if action == "confirm":
        codes = await run_in_threadpool(twofactor.confirm, engine, box, user.id, code)
        if codes is None:
            return TwoStepAnswer(status=400, error=t["code_wrong"])
        return TwoStepAnswer(notice=t["two_step_enabled"], recovery=codes)
    if action not in ("off", "recovery"):
        return TwoStepAnswer(status=400)
    # Turning off or renewing asks for a code, throttled as sign-in is: a session left open
    # on a shared computer does not hand the factor over.
    subjects = web.throttled(request, user.email)
    wait = await run_in_threadpool(users.throttle_wait, engine, list(subjects))
    if wait > 0:
        return TwoStepAnswer(status=429, error=t["throttled"].format(n=max(1, round(wait + 0.49))))
    if not await run_in_threadpool(twofactor.check, engine, box, user.id, code):
        await run_in_threadpool(users.record_failure, engine, subjects)
        return TwoStepAnswer(status=400, error=t["code_wrong"])
    if action == "off":
        await run_in_threadpool(twofactor.remove, engine, user.id)
        return TwoStepAnswer(notice=t["two_step_disabled"])
    return TwoStepAnswer(recovery=await run_in_threadpool(twofactor.new_recovery_codes, engine, user.id))


class Access:
    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.wire = portal.wire

    # -- the account: second factor ------------------------------------------------------------
    async def account_page(self, request: Request, session: Session, lang: str, status: int = 200,
                           **context: object) -> Response:
        context = {"error": None, "notice": None, "recovery": None, **context,
                   **await account_context(self.wire, session.user)}
        return self.portal.page(request, "account.html", lang, session, status, **context)

    async def account(self, request: Request, session: Session, lang: str) -> Response:
        return await self.account_page(request, session, lang)

    async def two_step(self, request: Request, session: Session, lang: str) -> Response:
        """POST ``action``: start (a new pending key), confirm (with a code), off, recovery."""
        try:
            fields = await self.portal.web.form(request, session)
        except FormRefused:
            return self.portal.refused(request, lang, session)
        did = await two_step_move(self.wire, self.portal.web, request, session.user, fields, lang)
        if did.again:
            return RedirectResponse(f"{self.portal_prefix}/account", status_code=303)
        return await self.account_page(request, session, lang, did.status, error=did.error, notice=did.notice,
                                       recovery=did.recovery)

    @property
    def portal_prefix(self) -> str:
        return self.portal.web.prefix

    # -- the team: a manager's colleagues -------------------------------------------------------
    async def team_page(self, request: Request, session: Session, lang: str, status: int = 200,
                        **context: object) -> Response:
        members = await run_in_threadpool(users.list_users, self.wire.engine, session.user.subscriber)
        context = {"error": None, "notice": None, "link": None, "email": "", "role": "member", **context}
        return self.portal.page(request, "team.html", lang, session, status, members=members,
                                roles=users.SUBSCRIBER_ROLES, **context)

    async def team(self, request: Request, session: Session, lang: str) -> Response:
        if session.user.role != "manager":
            return self.portal.not_found(request, lang, session)
        return await self.team_page(request, session, lang)

    async def deliver(self, user: User, lang: str) -> tuple[str, str | None]:
        """Make the user's one-time link and email it: (what to tell the manager, the link
        when the manager must hand it over)."""
        t = i18n.strings(lang)
        settings = self.wire.settings
        token = await run_in_threadpool(users.issue_link, self.wire.engine, user.id)
        link = set_password_link(settings, token)
        shown = t["link_show"].format(email=user.email, hours=int(users.LINK_TTL.total_seconds() // 3600))
        if not settings.smtp_url:
            return shown, link
        message = invitation(settings.smtp_from, user.email, user.subscriber or "", link, user.language or lang)
        try:
            await run_in_threadpool(notify.send, notify.smtp_server(settings.smtp_url), message)
        except (OSError, smtplib.SMTPException, ValueError) as exc:
            log.warning("the one-time link for user %s could not be emailed: %s", user.id, exc)
            return t["link_not_sent"] + " " + shown, link
        return t["link_emailed"].format(email=user.email), None

    async def invite(self, request: Request, session: Session, lang: str) -> Response:
        if session.user.role != "manager":
            return self.portal.not_found(request, lang, session)
        t = i18n.strings(lang)
        try:
            fields = await self.portal.web.form(request, session)
        except FormRefused:
            return self.portal.refused(request, lang, session)
        email, role = fields.get("email", "").strip(), fields.get("role", "member")
        try:
            created = await run_in_threadpool(users.create_user, self.wire.engine, email,
                                              subscriber=session.user.subscriber, role=role, language=lang)
        except AccountError as exc:
            return await self.team_page(request, session, lang, exc.status if exc.status in (404, 409) else 400,
                                        error=t["invite_failed"].format(reason=str(exc)), email=email, role=role)
        told, link = await self.deliver(created, lang)
        return await self.team_page(request, session, lang, 201,
                                    notice=t["invited"].format(email=created.email) + " " + told, link=link)

    async def colleague(self, request: Request, session: Session, lang: str) -> tuple[User | None, Response | None]:
        """The organisation's user a manager's POST names (never the manager), or the answer."""
        if session.user.role != "manager":
            return None, self.portal.not_found(request, lang, session)
        try:
            fields = await self.portal.web.form(request, session)
        except FormRefused:
            return None, self.portal.refused(request, lang, session)
        raw = fields.get("user", "")
        found = None
        if raw.isascii() and raw.isdigit() and len(raw) <= 9:
            try:
                found = await run_in_threadpool(users.get_user, self.wire.engine, None, id=int(raw))
            except AccountError:
                found = None
        if found is None or found.subscriber_id != session.user.subscriber_id or found.id == session.user.id:
            return None, self.portal.not_found(request, lang, session)
        request.state.access_fields = fields
        return found, None

    async def reset(self, request: Request, session: Session, lang: str) -> Response:
        """A new one-time link for a member: their sessions end and their second factor is
        removed (the link is how they get back in when both were lost)."""
        member, answer = await self.colleague(request, session, lang)
        if member is None:
            assert answer is not None
            return answer
        engine = self.wire.engine
        await run_in_threadpool(twofactor.remove, engine, member.id)
        await run_in_threadpool(twofactor.end_sessions, engine, member.id)
        told, link = await self.deliver(member, lang)
        t = i18n.strings(lang)
        return await self.team_page(request, session, lang, notice=t["access_reset"].format(email=member.email)
                                    + " " + told, link=link)

    async def disable(self, request: Request, session: Session, lang: str) -> Response:
        member, answer = await self.colleague(request, session, lang)
        if member is None:
            assert answer is not None
            return answer
        off = request.state.access_fields.get("disabled", "1") == "1"
        await run_in_threadpool(users.set_user_disabled, self.wire.engine, member.email, off)
        t = i18n.strings(lang)
        return await self.team_page(request, session, lang,
                                    notice=t["user_disabled" if off else "user_enabled"].format(email=member.email))


def routes(portal: Portal) -> list[Route]:
    access = Access(portal)
    prefix = portal.web.prefix
    return [
        Route(prefix + "/account", portal.reading(access.account), methods=["GET"]),
        Route(prefix + "/account/two-step", portal.reading(access.two_step), methods=["POST"]),
        Route(prefix + "/team", portal.reading(access.team), methods=["GET"]),
        Route(prefix + "/team/invite", portal.reading(access.invite), methods=["POST"]),
        Route(prefix + "/team/reset", portal.reading(access.reset), methods=["POST"]),
        Route(prefix + "/team/disable", portal.reading(access.disable), methods=["POST"]),
    ]

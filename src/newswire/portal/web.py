"""The web foundation the portal (and later the desk) stand on: pages, cookies, sessions,
CSRF, static assets, forms.

- Sessions are server-side (:mod:`newswire.store.users`): the cookie holds a random token,
  ``HttpOnly``, ``SameSite=Lax``, ``Secure`` when the request came over https or
  ``NEWSWIRE_SECURE_COOKIES`` says TLS ends in front of the server.
- Every form carries a CSRF token: the session's own, or before sign-in a random one also
  set in a cookie (double submit). A POST whose token does not match, or whose ``Origin``
  is another site's, is refused (403) before anything else happens.
- Every page goes out with a strict Content-Security-Policy (scripts and styles from this
  origin only, no inline code), ``no-store`` and no framing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from newswire.config import Settings
from newswire.portal import i18n
from newswire.store import twofactor, users
from newswire.store.secrets import box_for
from newswire.store.users import ACCOUNT_POLICY, ADDRESS_POLICY, Session, User
from newswire.wire import Wire

SESSION_COOKIE = "nw_session"
CSRF_COOKIE = "nw_csrf"
LANG_COOKIE = "nw_lang"
CHALLENGE_COOKIE = "nw_2fa"  # between a right password and the second factor's code
COOKIE_PATH = "/"  # the desk will live beside the portal under the same session
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
PAGE_HEADERS = {
    "content-security-policy": CSP,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}
STATIC_TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                "svg": "image/svg+xml"}
MAX_FIELD = 4096  # a form field longer than this is refused


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    media_type: str
    version: str


def load_assets(package: str) -> dict[str, Asset]:
    found = {}
    for entry in resources.files(package).joinpath("static").iterdir():
        kind = entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and kind in STATIC_TYPES:
            body = entry.read_bytes()
            found[entry.name] = Asset(body, STATIC_TYPES[kind], hashlib.blake2b(body, digest_size=6).hexdigest())
    return found


@dataclass(frozen=True, slots=True)
class SignIn:
    """A sign-in's outcome: the user, or (None) refused; ``wait`` seconds when throttled;
    ``challenge`` when the password was right and the second factor's code is wanted."""

    user: User | None
    wait: int = 0
    challenge: str | None = None


class FormRefused(Exception):
    """A POST without the right CSRF token, from another origin, or not a form."""


@dataclass
class Web:
    """One web application's templates, assets and session rules (``prefix``: ``/portal``)."""

    wire: Wire
    package: str
    prefix: str
    max_field: int = MAX_FIELD  # the desk's story bodies are longer than any portal field
    assets: dict[str, Asset] = field(init=False)
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.assets = load_assets(self.package)
        self.env = Environment(loader=PackageLoader(self.package, "templates"), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals["asset"] = self.asset_url

    @property
    def settings(self) -> Settings:
        return self.wire.settings

    def asset_url(self, name: str) -> str:
        return f"{self.prefix}/static/{name}?v={self.assets[name].version}"

    # -- pages -----------------------------------------------------------------------------
    def page(self, request: Request, template: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
        t = i18n.strings(lang)
        body = self.env.get_template(template).render(
            lang=lang, dir=i18n.direction(lang), t=t, prefix=self.prefix,
            languages=[(code, i18n.native_name(code), self.switch_language(request, code)) for code in i18n.LANGUAGES],
            **context)
        return HTMLResponse(body, status_code=status, headers=PAGE_HEADERS)

    @staticmethod
    def switch_language(request: Request, lang: str) -> str:
        """This page in another interface language (its filters kept)."""
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
        return request.url.path + "?" + urlencode([*kept, ("lang", lang)])

    def language(self, request: Request, session: Session | None) -> str:
        return i18n.choose(request.query_params.get("lang"), session.user.language if session else None,
                           request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))

    # -- cookies ---------------------------------------------------------------------------
    def secure(self, request: Request) -> bool:
        return (request.url.scheme == "https" or self.settings.secure_cookies
                or self.settings.base_url.startswith("https://"))

    def set_cookie(self, request: Request, response: Response, name: str, value: str,
                   max_age: int | None = None) -> None:
        response.set_cookie(name, value, max_age=max_age, path=COOKIE_PATH, httponly=True, samesite="lax",
                            secure=self.secure(request))

    def forget_cookie(self, request: Request, response: Response, name: str) -> None:
        response.delete_cookie(name, path=COOKIE_PATH, httponly=True, samesite="lax", secure=self.secure(request))

    def remember_language(self, request: Request, response: Response, lang: str) -> None:
        if request.query_params.get("lang") == lang:
            self.set_cookie(request, response, LANG_COOKIE, lang, max_age=365 * 86400)

    # -- sessions --------------------------------------------------------------------------
    async def session(self, request: Request) -> Session | None:
        found = getattr(request.state, "web_session", None)
        if found is None:
            token = request.cookies.get(SESSION_COOKIE, "")
            found = await run_in_threadpool(users.find_session, self.wire.engine, token) if token else None
            request.state.web_session = found
        return found

    async def start_session(self, request: Request, response: Response, user_id: int) -> None:
        hours = self.settings.session_hours
        token, _csrf = await run_in_threadpool(users.create_session, self.wire.engine, user_id,
                                               timedelta(hours=hours))
        self.set_cookie(request, response, SESSION_COOKIE, token, max_age=int(hours * 3600))
        self.forget_cookie(request, response, CSRF_COOKIE)

    async def end_session(self, request: Request, response: Response) -> None:
        token = request.cookies.get(SESSION_COOKIE, "")
        if token:
            await run_in_threadpool(users.end_session, self.wire.engine, token)
        self.forget_cookie(request, response, SESSION_COOKIE)

    @staticmethod
    def throttled(request: Request, email: str) -> dict[str, users.ThrottlePolicy]:
        return {f"account:{email.strip().lower()[:320]}": ACCOUNT_POLICY,
                f"address:{client_address(request)}": ADDRESS_POLICY}

    async def sign_in(self, request: Request, email: str, password: str, admits: Callable[[User], bool]) -> SignIn:
        """Check a sign-in, throttled per account name and per client address; a user this
        application does not ``admits`` fails as a wrong password would. A user with a second
        factor gets a challenge instead (:meth:`second_factor` finishes the sign-in)."""
        subjects = self.throttled(request, email)
        engine = self.wire.engine
        wait = await run_in_threadpool(users.throttle_wait, engine, list(subjects))
        if wait > 0:
            return SignIn(None, max(1, round(wait + 0.49)))
        user = await run_in_threadpool(users.authenticate, engine, email, password)
        if user is None or not admits(user):
            await run_in_threadpool(users.record_failure, engine, subjects)
            return SignIn(None)
        if user.second_factor:  # failures are forgiven once the code is right too
            return SignIn(None, challenge=await run_in_threadpool(twofactor.new_challenge, engine, user.id))
        await run_in_threadpool(users.clear_failures, engine, next(iter(subjects)))
        return SignIn(user)

    async def second_factor(self, request: Request, code: str, admits: Callable[[User], bool]) -> SignIn | None:
        """Finish a sign-in with the code (or a recovery code) for the challenge the browser
        holds; a wrong code counts as a failed sign-in. None: no live challenge (start again)."""
        engine = self.wire.engine
        token = request.cookies.get(CHALLENGE_COOKIE, "")
        user_id = await run_in_threadpool(twofactor.challenge_user, engine, token)
        user = await run_in_threadpool(users.get_user, engine, None, id=user_id) if user_id is not None else None
        if user is None or user.disabled or not admits(user):
            return None
        subjects = self.throttled(request, user.email)
        wait = await run_in_threadpool(users.throttle_wait, engine, list(subjects))
        if wait > 0:
            return SignIn(None, max(1, round(wait + 0.49)), challenge=token)
        if not await run_in_threadpool(twofactor.check, engine, box_for(self.settings), user.id, code):
            await run_in_threadpool(users.record_failure, engine, subjects)
            return SignIn(None, challenge=token)
        await run_in_threadpool(twofactor.end_challenge, engine, token)
        await run_in_threadpool(users.clear_failures, engine, next(iter(subjects)))
        return SignIn(user)

    async def check_sign_in(self, request: Request, fields: Mapping[str, str], admits: Callable[[User], bool]
                            ) -> SignIn | None:
        """The sign-in form's step: email and password, or (a ``code`` field) the second factor."""
        if "code" in fields:
            return await self.second_factor(request, fields["code"], admits)
        return await self.sign_in(request, fields.get("email", "").strip(), fields.get("password", ""), admits)

    def hold_challenge(self, request: Request, response: Response, found: SignIn) -> None:
        """Keep the challenge in the browser while the code is asked for; drop it once done."""
        if found.challenge:
            self.set_cookie(request, response, CHALLENGE_COOKIE, found.challenge,
                            max_age=int(twofactor.CHALLENGE_TTL.total_seconds()))
        elif request.cookies.get(CHALLENGE_COOKIE):
            self.forget_cookie(request, response, CHALLENGE_COOKIE)

    async def switch_session(self, request: Request, response: Response, session: Session | None,
                             user_id: int) -> None:
        """Start the user's session; whoever was signed in on this browser is signed out first."""
        if session is not None:
            await run_in_threadpool(users.end_session, self.wire.engine, request.cookies.get(SESSION_COOKIE, ""))
        await self.start_session(request, response, user_id)

    # -- static assets ---------------------------------------------------------------------
    async def static(self, request: Request) -> Response:
        asset = self.assets.get(request.path_params["name"])
        if asset is None:
            return Response("not found\n", status_code=404, media_type="text/plain")
        fresh = request.query_params.get("v") == asset.version
        return Response(asset.body, media_type=asset.media_type, headers={
            "cache-control": "public, max-age=31536000, immutable" if fresh else "public, max-age=300",
            "x-content-type-options": "nosniff"})

    # -- CSRF ------------------------------------------------------------------------------
    def form_token(self, request: Request, session: Session | None) -> tuple[str, bool]:
        """The CSRF token a form carries, and whether it is new (then set it as a cookie)."""
        if session is not None:
            return session.csrf, False
        held = request.cookies.get(CSRF_COOKIE, "")
        if 20 <= len(held) <= 100:
            return held, False
        return secrets.token_urlsafe(32), True

    async def form(self, request: Request, session: Session | None) -> dict[str, str]:
        """A POSTed form, once its origin and CSRF token are checked (else :class:`FormRefused`)."""
        if not same_origin(request):
            raise FormRefused
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/x-www-form-urlencoded":
            raise FormRefused
        fields = parse_form(await request.body(), self.max_field)
        expected = session.csrf if session is not None else request.cookies.get(CSRF_COOKIE, "")
        given = fields.get("csrf", "")
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise FormRefused
        return fields


def parse_form(body: bytes, max_field: int = MAX_FIELD) -> dict[str, str]:
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                          max_num_fields=50)
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormRefused from exc
    fields: dict[str, str] = {}
    for name, value in pairs:
        if len(value) > max_field:
            raise FormRefused
        fields.setdefault(name, value)
    return fields


def same_origin(request: Request) -> bool:
    """A browser names the page a POST came from (``Origin``, else ``Referer``); one from
    another site is refused. Without either (old clients, privacy settings) the CSRF token
    alone decides."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return source is None
    parts = urlsplit(source)
    return parts.netloc.lower() == (request.headers.get("host") or "").lower()


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def format_clock(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%H:%M")


def format_stamp(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def query_string(params: Mapping[str, str | None]) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return ("?" + urlencode(kept)) if kept else ""

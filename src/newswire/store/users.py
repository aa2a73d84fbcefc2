"""People who sign in to the web applications: users, sessions, one-time links, throttling.

A user belongs either to a subscriber organisation (roles ``member``, ``manager``) or to the
agency's staff (no subscriber; roles ``reporter``, ``editor``, ``chief``, ``admin``, for the
desk). Passwords are argon2id hashes; session and link tokens carry 256 random bits, so the
store keeps only their SHA-256 (like API keys, :mod:`newswire.store.tokens`).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from newswire.model import utcnow
from newswire.store.accounts import AccountError
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.tables import login_throttle, subscribers, user_links, user_sessions, users

SUBSCRIBER_ROLES = ("member", "manager")
STAFF_ROLES = ("reporter", "editor", "chief", "admin")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 hashes any length; a bound keeps a request's cost bounded
LINK_TTL = timedelta(hours=72)
SESSION_TTL = timedelta(hours=12)

# Module-level so tests can swap in a cheap hasher; argon2-cffi's defaults (RFC 9106 low-memory
# profile: t=3, 64 MiB, p=4) otherwise. At most two hashes run at once per process: a burst
# of sign-ins queues instead of exhausting memory.
HASHER = PasswordHasher()
_HASHING = threading.BoundedSemaphore(2)


@dataclass(frozen=True, slots=True)
class User:
    id: int
    email: str
    role: str
    subscriber_id: int | None
    subscriber: str | None  # the organisation's name; None for staff
    language: str | None
    has_password: bool
    disabled: bool
    created_at: datetime
    last_login_at: datetime | None
    second_factor: bool = False  # TOTP on: sign-in asks for a code after the password

    @property
    def staff(self) -> bool:
        return self.subscriber_id is None


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf: str
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_email(email: str) -> str:
    value = email.strip().lower()
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or len(value) > 320 or any(c.isspace() for c in value) \
            or "@" in domain:
        raise AccountError(f"{email!r} is not an email address.")
    return value


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"A password may have at most {MAX_PASSWORD} characters.")


def hash_password(password: str) -> str:
    with _HASHING:
        return HASHER.hash(password)


def _verify(stored: str | None, password: str) -> bool:
    with _HASHING:
        try:
            # Without a stored hash, verify against a throw-away one: an unknown or unset
            # account takes as long to refuse as a wrong password.
            return HASHER.verify(stored or _DUMMY.get(), password)
        except (VerificationError, InvalidHashError):
            return False


class _Dummy:
    def __init__(self) -> None:
        self._value: tuple[PasswordHasher, str] | None = None

    def get(self) -> str:
        if self._value is None or self._value[0] is not HASHER:
            self._value = (HASHER, HASHER.hash(secrets.token_urlsafe(16)))
        return self._value[1] + "x"  # never verifies


_DUMMY = _Dummy()

# -- users -----------------------------------------------------------------------------------

_USER_COLUMNS = (users.c.id, users.c.email, users.c.role, users.c.subscriber_id, subscribers.c.name,
                 users.c.language, users.c.password_hash, users.c.disabled_at, users.c.created_at,
                 users.c.last_login_at, subscribers.c.disabled_at.label("subscriber_disabled_at"),
                 users.c.totp_enabled_at)
_USER_FROM = users.outerjoin(subscribers, subscribers.c.id == users.c.subscriber_id)


def _user(row: object) -> User:
    r = row._mapping  # type: ignore[attr-defined]
    return User(r["id"], r["email"], r["role"], r["subscriber_id"], r["name"], r["language"],
                r["password_hash"] is not None,
                r["disabled_at"] is not None or r["subscriber_disabled_at"] is not None,
                as_utc(r["created_at"]) or utcnow(), as_utc(r["last_login_at"]), r["totp_enabled_at"] is not None)


def create_user(engine: Engine, email: str, *, subscriber: str | None, role: str,
                password: str | None = None, language: str | None = None) -> User:
    """A user of a subscriber organisation (``subscriber`` named) or of the staff (None)."""
    address = normalize_email(email)
    allowed = SUBSCRIBER_ROLES if subscriber is not None else STAFF_ROLES
    if role not in allowed:
        whose = "a subscriber's user" if subscriber is not None else "a staff user"
        raise AccountError(f"The role of {whose} is one of: {', '.join(allowed)}.")
    if password is not None:
        check_password_policy(password)
    hashed = hash_password(password) if password is not None else None
    with write_tx(engine) as conn:
        sid = None
        if subscriber is not None:
            sid = conn.execute(select(subscribers.c.id).where(subscribers.c.name == subscriber)).scalar()
            if sid is None:
                raise AccountError(f"No subscriber {subscriber!r}.", 404)
        if conn.execute(select(users.c.id).where(users.c.email == address)).first():
            raise AccountError(f"A user {address} exists.", 409)
        conn.execute(insert(users).values(email=address, subscriber_id=sid, role=role, password_hash=hashed,
                                          language=language, created_at=utcnow()))
    return get_user(engine, address)


def get_user(engine: Engine, email: str | None = None, *, id: int | None = None) -> User:
    which = users.c.email == email.strip().lower() if email is not None else users.c.id == id
    query = select(*_USER_COLUMNS).select_from(_USER_FROM).where(which)
    with read_tx(engine) as conn:
        row = conn.execute(query).first()
    if row is None:
        raise AccountError(f"No user {email or id!r}.", 404)
    return _user(row)


def list_users(engine: Engine, subscriber: str | None = None) -> list[User]:
    query = select(*_USER_COLUMNS).select_from(_USER_FROM).order_by(users.c.email)
    if subscriber is not None:
        query = query.where(subscribers.c.name == subscriber)
    with read_tx(engine) as conn:
        return [_user(row) for row in conn.execute(query)]


def set_user_disabled(engine: Engine, email: str, disabled: bool) -> User:
    """Disable (or enable) a user; disabling ends every session and unused link at once."""
    user = get_user(engine, email)
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(disabled_at=utcnow() if disabled else None))
        if disabled:
            conn.execute(delete(user_sessions).where(user_sessions.c.user_id == user.id))
            conn.execute(delete(user_links).where(user_links.c.user_id == user.id, user_links.c.used_at.is_(None)))
    return get_user(engine, email)


def set_password(engine: Engine, user_id: int, password: str) -> None:
    """Set a password directly (scripts, the demo); every session of the user ends."""
    check_password_policy(password)
    hashed = hash_password(password)
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.id == user_id).values(password_hash=hashed))
        conn.execute(delete(user_sessions).where(user_sessions.c.user_id == user_id))


def set_language(engine: Engine, user_id: int, language: str) -> None:
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.id == user_id).values(language=language))


def authenticate(engine: Engine, email: str, password: str) -> User | None:
    """The user whose email and password these are, if enabled; else None (one answer for
    every reason: unknown, wrong, disabled, no password yet)."""
    if len(password) > MAX_PASSWORD or len(email) > 320:
        return None
    query = select(*_USER_COLUMNS).select_from(_USER_FROM).where(users.c.email == email.strip().lower())
    with read_tx(engine) as conn:
        row = conn.execute(query).first()
    stored = row._mapping["password_hash"] if row is not None else None
    if not _verify(stored, password) or row is None:
        return None
    user = _user(row)
    if user.disabled:
        return None
    values: dict[str, object] = {"last_login_at": utcnow()}
    if stored is not None and HASHER.check_needs_rehash(stored):
        values["password_hash"] = hash_password(password)
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(**values))
    return user


# -- one-time links --------------------------------------------------------------------------

def issue_link(engine: Engine, user_id: int, *, purpose: str = "set-password", ttl: timedelta = LINK_TTL) -> str:
    """A one-time token to set the user's password; earlier unused links of the user stop working."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with write_tx(engine) as conn:
        conn.execute(delete(user_links).where(user_links.c.user_id == user_id, user_links.c.purpose == purpose,
                                              user_links.c.used_at.is_(None)))
        conn.execute(insert(user_links).values(token_hash=_digest(token), user_id=user_id, purpose=purpose,
                                               created_at=now, expires_at=now + ttl))
    return token


def link_user(engine: Engine, token: str, now: datetime | None = None) -> User | None:
    """Whose unused, unexpired link this is (the link is not consumed)."""
    if not token or len(token) > 200:
        return None
    with read_tx(engine) as conn:
        row = conn.execute(select(user_links.c.user_id, user_links.c.expires_at, user_links.c.used_at)
                           .where(user_links.c.token_hash == _digest(token),
                                  user_links.c.purpose == "set-password")).first()
    if row is None or row.used_at is not None or (as_utc(row.expires_at) or utcnow()) <= (now or utcnow()):
        return None
    user = get_user(engine, id=row.user_id)
    return None if user.disabled else user


def redeem_link(engine: Engine, token: str, password: str) -> User | None:
    """Set the password through a one-time link, once; every session of the user ends."""
    check_password_policy(password)
    if link_user(engine, token) is None:
        return None
    hashed = hash_password(password)
    now = utcnow()
    with write_tx(engine) as conn:
        used = conn.execute(update(user_links).where(
            user_links.c.token_hash == _digest(token), user_links.c.used_at.is_(None),
            user_links.c.purpose == "set-password", user_links.c.expires_at > now)
            .values(used_at=now).returning(user_links.c.user_id)).first()
        if used is None:  # consumed by a concurrent request in between
            return None
        conn.execute(update(users).where(users.c.id == used.user_id).values(password_hash=hashed))
        conn.execute(delete(user_sessions).where(user_sessions.c.user_id == used.user_id))
    return get_user(engine, id=used.user_id)


# -- sessions --------------------------------------------------------------------------------

def create_session(engine: Engine, user_id: int, ttl: timedelta = SESSION_TTL) -> tuple[str, str]:
    """(cookie token, CSRF token) of a new session."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    with write_tx(engine) as conn:
        conn.execute(delete(user_sessions).where(user_sessions.c.expires_at <= now))  # keep the table small
        conn.execute(insert(user_sessions).values(token_hash=_digest(token), user_id=user_id, csrf=csrf,
                                                  created_at=now, expires_at=now + ttl))
    return token, csrf


def find_session(engine: Engine, token: str, now: datetime | None = None) -> Session | None:
    """The live session a cookie names, with its user (None when expired or the user or
    their organisation is disabled)."""
    if not token or len(token) > 200:
        return None
    with read_tx(engine) as conn:
        row = conn.execute(select(*_USER_COLUMNS, user_sessions.c.csrf, user_sessions.c.expires_at)
                           .select_from(_USER_FROM.join(user_sessions, user_sessions.c.user_id == users.c.id))
                           .where(user_sessions.c.token_hash == _digest(token))).first()
    if row is None:
        return None
    expires = as_utc(row.expires_at) or utcnow()
    user = _user(row)
    if expires <= (now or utcnow()) or user.disabled:
        return None
    return Session(user, row.csrf, expires)


def end_session(engine: Engine, token: str) -> None:
    with write_tx(engine) as conn:
        conn.execute(delete(user_sessions).where(user_sessions.c.token_hash == _digest(token)))


# -- sign-in throttling ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """Failures past ``free`` each double a refusal window (from ``base`` up to ``most``);
    a subject quiet for ``forget`` starts again from nothing."""

    free: int
    base: float = 1.0
    most: float = 900.0
    forget: timedelta = timedelta(hours=1)

    def window(self, failures: int) -> float:
        if failures <= self.free:
            return 0.0
        return min(self.base * 2 ** (failures - self.free - 1), self.most)


ACCOUNT_POLICY = ThrottlePolicy(free=3)
ADDRESS_POLICY = ThrottlePolicy(free=20)  # many people may share an office's address


def throttle_wait(engine: Engine, subjects: Iterable[str], now: datetime | None = None) -> float:
    """Seconds until a sign-in for these subjects may be tried again (0: now)."""
    wanted = sorted(set(subjects))
    now = now or utcnow()
    with read_tx(engine) as conn:
        rows = conn.execute(select(login_throttle.c.blocked_until)
                            .where(login_throttle.c.subject.in_(wanted))).scalars().all()
    waits = [((as_utc(until) or now) - now).total_seconds() for until in rows if until is not None]
    return max([0.0, *waits])


def record_failure(engine: Engine, subjects: dict[str, ThrottlePolicy], now: datetime | None = None) -> None:
    now = now or utcnow()
    for subject, policy in subjects.items():
        for attempt in range(2):
            try:
                _record_one(engine, subject, policy, now)
                break
            except IntegrityError:  # two first failures at once: the other inserted the row
                if attempt:
                    raise


def _record_one(engine: Engine, subject: str, policy: ThrottlePolicy, now: datetime) -> None:
    with write_tx(engine) as conn:
        row = conn.execute(select(login_throttle.c.failures, login_throttle.c.last_failure_at)
                           .where(login_throttle.c.subject == subject).with_for_update()).first()
        quiet = row is None or (as_utc(row.last_failure_at) or now) < now - policy.forget
        failures = 1 if quiet or row is None else row.failures + 1
        window = policy.window(failures)
        values = {"failures": failures, "last_failure_at": now,
                  "blocked_until": now + timedelta(seconds=window) if window else None}
        if row is None:
            # Names tried once and forgotten since are of no use: a new one clears them away.
            conn.execute(delete(login_throttle).where(login_throttle.c.last_failure_at < now - policy.forget,
                                                      login_throttle.c.subject.like(subject.split(":")[0] + ":%")))
            conn.execute(insert(login_throttle).values(subject=subject, **values))
        else:
            conn.execute(update(login_throttle).where(login_throttle.c.subject == subject).values(**values))


def clear_failures(engine: Engine, subject: str) -> None:
    with write_tx(engine) as conn:
        conn.execute(delete(login_throttle).where(login_throttle.c.subject == subject))

"""The optional second factor of web sign-in: TOTP (RFC 6238) and recovery codes.

- The secret (160 random bits, base32 for authenticator apps) is stored sealed with the
  deployment's keys, like webhook secrets (:mod:`newswire.store.secrets`); it is *pending*
  until the user proves the app has it by entering a code, then ``totp_enabled_at`` is set.
- A code is 6 digits of HMAC-SHA1 over the 30-second time step; the step before and after
  are accepted too (clock drift). A code is good once: the store keeps the last accepted step
  and accepts only later ones (an atomic compare in the UPDATE, so two requests racing with
  the same code cannot both win).
- Ten recovery codes, each good once, are made when the factor is turned on and shown once;
  the store keeps their SHA-256 (they carry 50 random bits and are tried only behind the
  sign-in throttle, so a fast hash is enough).
- Between the password and the code, the browser holds a short-lived challenge: a one-time
  token in ``user_links`` (purpose ``second-factor``, 5 minutes), SHA-256 in the store.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode

from sqlalchemy import Engine, delete, func, insert, select, update

from newswire.model import utcnow
from newswire.store.accounts import AccountError
from newswire.store.engine import read_tx, write_tx
from newswire.store.items import as_utc
from newswire.store.secrets import SecretBox, SecretKeyError
from newswire.store.tables import user_links, user_recovery_codes, user_sessions, users

STEP = 30  # seconds
DIGITS = 6
DRIFT = 1  # steps accepted either side of now
RECOVERY_CODES = 10
CHALLENGE = "second-factor"
CHALLENGE_TTL = timedelta(minutes=5)
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read off paper
CLOCK: Callable[[], float] = time.time  # module-level so tests can hold the clock still


# -- RFC 6238 ------------------------------------------------------------------------------------

def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def code_at(secret: str, step: int) -> str:
    """The code of a time step (RFC 4226's dynamic truncation of HMAC-SHA1)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** DIGITS).zfill(DIGITS)


def step_of(moment: float | None = None) -> int:
    return int((CLOCK() if moment is None else moment) // STEP)


def matching_step(secret: str, code: str, moment: float | None = None) -> int | None:
    """The time step whose code this is, within the drift allowed; else None."""
    if len(code) != DIGITS or not code.isascii() or not code.isdigit():
        return None
    now = step_of(moment)
    found = None
    for step in range(now - DRIFT, now + DRIFT + 1):  # every step compared: no early exit to time
        if hmac.compare_digest(code_at(secret, step), code):
            found = step
    return found


def otpauth_uri(secret: str, account: str, issuer: str) -> str:
    label = quote(f"{issuer}:{account}", safe=":@")
    return f"otpauth://totp/{label}?" + urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1",
                                                    "digits": DIGITS, "period": STEP})


def qr_data_uri(uri: str) -> str | None:
    """The URI as a QR code (an SVG ``data:`` URI), when segno is installed."""
    try:
        import segno
    except ImportError:
        return None
    return str(segno.make(uri, error="m").svg_data_uri(scale=5, border=2))


def normalize(code: str) -> str:
    return "".join(c for c in code.strip().lower() if c not in " -")[:40]


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


# -- the user's factor ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Enrolment:
    secret: str
    uri: str
    qr: str | None  # data: URI of an SVG QR code


@dataclass(frozen=True, slots=True)
class Status:
    enabled: bool
    pending: bool
    recovery_left: int


def status(engine: Engine, user_id: int) -> Status:
    with read_tx(engine) as conn:
        row = conn.execute(select(users.c.totp_secret, users.c.totp_enabled_at).where(users.c.id == user_id)).one()
        left = conn.execute(select(func.count()).select_from(user_recovery_codes).where(
            user_recovery_codes.c.user_id == user_id, user_recovery_codes.c.used_at.is_(None))).scalar_one()
    enabled = row.totp_enabled_at is not None
    return Status(enabled, row.totp_secret is not None and not enabled, int(left) if enabled else 0)


def enrolment(secret: str, account: str, issuer: str) -> Enrolment:
    uri = otpauth_uri(secret, account, issuer)
    return Enrolment(secret, uri, qr_data_uri(uri))


def begin(engine: Engine, box: SecretBox, user_id: int) -> str:
    """A new pending secret for the user (replacing a pending one); refused once enabled."""
    secret = new_secret()
    with write_tx(engine) as conn:
        done = conn.execute(update(users).where(users.c.id == user_id, users.c.totp_enabled_at.is_(None))
                            .values(totp_secret=box.seal(secret), totp_last_step=None)).rowcount
    if not done:
        raise AccountError("The second factor is already on.", 409)
    return secret


def pending_secret(engine: Engine, box: SecretBox, user_id: int) -> str | None:
    with read_tx(engine) as conn:
        row = conn.execute(select(users.c.totp_secret, users.c.totp_enabled_at).where(users.c.id == user_id)).one()
    return box.open(row.totp_secret) if row.totp_secret and row.totp_enabled_at is None else None


def new_recovery_codes(engine: Engine, user_id: int) -> list[str]:
    """Ten fresh recovery codes (earlier ones stop working), as the user reads them."""
    codes = ["".join(secrets.choice(_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODES)]
    now = utcnow()
    with write_tx(engine) as conn:
        conn.execute(delete(user_recovery_codes).where(user_recovery_codes.c.user_id == user_id))
        conn.execute(insert(user_recovery_codes), [{"user_id": user_id, "code_hash": _digest(code),
                                                    "created_at": now} for code in codes])
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def confirm(engine: Engine, box: SecretBox, user_id: int, code: str, moment: float | None = None) -> list[str] | None:
    """Turn the pending factor on with a code from the app: the recovery codes, or None when
    the code is not right."""
    secret = pending_secret(engine, box, user_id)
    step = matching_step(secret, normalize(code), moment) if secret else None
    if step is None:
        return None
    with write_tx(engine) as conn:
        done = conn.execute(update(users).where(users.c.id == user_id, users.c.totp_enabled_at.is_(None))
                            .values(totp_enabled_at=utcnow(), totp_last_step=step)).rowcount
    return new_recovery_codes(engine, user_id) if done else None


def check(engine: Engine, box: SecretBox, user_id: int, code: str, moment: float | None = None) -> bool:
    """Whether ``code`` (an app's code or a recovery code) proves the factor; each is good once."""
    given = normalize(code)
    if not given:
        return False
    with read_tx(engine) as conn:
        row = conn.execute(select(users.c.totp_secret, users.c.totp_enabled_at).where(users.c.id == user_id)).first()
    if row is None or row.totp_enabled_at is None or not row.totp_secret:
        return False
    if given.isdigit() and len(given) == DIGITS:  # else a recovery code (which may be all digits)
        try:
            step = matching_step(box.open(row.totp_secret), given, moment)
        except SecretKeyError:
            return False
        if step is None:
            return False
        with write_tx(engine) as conn:
            newer = (users.c.totp_last_step.is_(None)) | (users.c.totp_last_step < step)
            return bool(conn.execute(update(users).where(users.c.id == user_id, newer)
                                     .values(totp_last_step=step)).rowcount)
    with write_tx(engine) as conn:
        return bool(conn.execute(update(user_recovery_codes).where(
            user_recovery_codes.c.user_id == user_id, user_recovery_codes.c.code_hash == _digest(given),
            user_recovery_codes.c.used_at.is_(None)).values(used_at=utcnow())).rowcount)


def remove(engine: Engine, user_id: int) -> None:
    """Turn the factor off (the user, with a code; or a manager resetting access)."""
    with write_tx(engine) as conn:
        conn.execute(update(users).where(users.c.id == user_id)
                     .values(totp_secret=None, totp_enabled_at=None, totp_last_step=None))
        conn.execute(delete(user_recovery_codes).where(user_recovery_codes.c.user_id == user_id))


def enabled(engine: Engine, user_id: int) -> bool:
    with read_tx(engine) as conn:
        return conn.execute(select(users.c.totp_enabled_at).where(users.c.id == user_id)).scalar() is not None


def rotate_secrets(engine: Engine, box: SecretBox) -> tuple[int, list[int]]:
    """Re-seal every TOTP secret with ``box``'s first key: (rewritten, ids of users no key opens)."""
    rotated, unreadable = 0, []
    with write_tx(engine) as conn:
        rows = conn.execute(select(users.c.id, users.c.totp_secret).where(users.c.totp_secret.is_not(None))).all()
        for user_id, stored in rows:
            try:
                fresh = box.rotate(stored)
            except SecretKeyError:
                unreadable.append(user_id)
                continue
            conn.execute(update(users).where(users.c.id == user_id).values(totp_secret=fresh))
            rotated += 1
    return rotated, unreadable


# -- between the password and the code -------------------------------------------------------------

def new_challenge(engine: Engine, user_id: int, ttl: timedelta = CHALLENGE_TTL) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with write_tx(engine) as conn:
        conn.execute(delete(user_links).where(user_links.c.purpose == CHALLENGE, user_links.c.expires_at <= now))
        conn.execute(insert(user_links).values(token_hash=_digest(token), user_id=user_id, purpose=CHALLENGE,
                                               created_at=now, expires_at=now + ttl))
    return token


def challenge_user(engine: Engine, token: str, now: datetime | None = None) -> int | None:
    """Whose live challenge this is (it stays live until the right code or its expiry)."""
    if not token or len(token) > 200:
        return None
    with read_tx(engine) as conn:
        row = conn.execute(select(user_links.c.user_id, user_links.c.expires_at, user_links.c.used_at).where(
            user_links.c.token_hash == _digest(token), user_links.c.purpose == CHALLENGE)).first()
    if row is None or row.used_at is not None or (as_utc(row.expires_at) or utcnow()) <= (now or utcnow()):
        return None
    return int(row.user_id)


def end_challenge(engine: Engine, token: str) -> None:
    with write_tx(engine) as conn:
        conn.execute(delete(user_links).where(user_links.c.token_hash == _digest(token)))


def end_sessions(engine: Engine, user_id: int) -> None:
    with write_tx(engine) as conn:
        conn.execute(delete(user_sessions).where(user_sessions.c.user_id == user_id))

"""Time-limited signed rendition URLs.

A signature is an HMAC-SHA256 over (item, version, rendition, subscriber, key id, expiry),
so a URL opens one rendition of one version for one subscriber's key until it expires, and
stops working when that key is revoked or the subscriber disabled. The signature only says
who asks: whether that subscriber may have that version is decided again on every download
(``routing.may_read``), so an embargo, a withhold or a kill applies to URLs already handed out.

The HMAC keys: derived from ``NEWSWIRE_SECRET_KEYS`` when set (every node shares them; the
first signs, all verify, so rotation works as for webhook secrets), else a random key in
``<data dir>/media-url.key`` made with mode 0600 on first use (a single node).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from newswire.config import Settings

KEY_FILE = "media-url.key"


@dataclass(frozen=True, slots=True)
class Grant:
    subscriber_id: int
    token_id: str
    expires: int  # unix seconds


def _message(uri: str, version: int, name: str, grant: Grant) -> bytes:
    return "\n".join((uri, str(version), name, str(grant.subscriber_id), grant.token_id,
                      str(grant.expires))).encode()


def signature(key: bytes, uri: str, version: int, name: str, grant: Grant) -> str:
    mac = hmac.new(key, _message(uri, version, name, grant), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def query(keys: tuple[bytes, ...], uri: str, version: int, name: str, grant: Grant) -> str:
    return urlencode({"sub": grant.subscriber_id, "key": grant.token_id, "exp": grant.expires,
                      "sig": signature(keys[0], uri, version, name, grant)})


def verify(keys: tuple[bytes, ...], uri: str, version: int, name: str, grant: Grant, sig: str, now: float) -> bool:
    if grant.expires < now:
        return False
    return any(hmac.compare_digest(signature(k, uri, version, name, grant), sig) for k in keys)


def _derived(secret: str) -> bytes:
    return hmac.new(secret.strip().encode(), b"newswire media url signing", hashlib.sha256).digest()


def _read_or_create(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32) + "\n")
    text = path.read_text().strip()
    if not text:  # a concurrent creator has not written yet
        text = path.read_text().strip()
    return bytes.fromhex(text.splitlines()[0])


@functools.lru_cache(maxsize=8)
def _keys(secret_keys: tuple[str, ...], data_dir: str) -> tuple[bytes, ...]:
    if secret_keys:
        return tuple(_derived(k) for k in secret_keys)
    return (_read_or_create(Path(data_dir) / KEY_FILE),)


def keys_for(settings: Settings) -> tuple[bytes, ...]:
    return _keys(tuple(settings.secret_keys), str(settings.data_dir.resolve()))

"""Webhook secrets at rest: encrypted with Fernet keys from the environment (or a key file).

Stored form: ``fernet:<token>`` (AES-128-CBC + HMAC-SHA256, :mod:`cryptography`). The keys:

- ``NEWSWIRE_SECRET_KEYS``: comma-separated Fernet keys. The first encrypts; every one of
  them decrypts. All nodes and workers of a deployment must share the same list.
- Without it, a single-node install keeps its keys in ``<data dir>/secret.key`` (one key a
  line, first encrypts), created with mode 0600 the first time a secret is needed.

Rotation: make a key (``newswire secrets new-key``), put it *first* in the list on every
node with the old key after it, restart, run ``newswire secrets rotate`` (re-encrypts every
secret with the first key), then drop the old key. A secret stored before encryption
(plain ``whsec_...``) is still read, and ``secrets rotate`` encrypts it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.config import Settings

if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet

# cryptography (about 9 MB resident once imported) is imported where a key is first used, not
# when this module is: a server whose subscribers register no webhook secret never needs it.

PREFIX = "fernet:"
KEY_FILE = "secret.key"


class SecretKeyError(RuntimeError):
    """The configured keys are unusable, or none of them opens a stored secret."""


def new_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode("ascii")


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


class SecretBox:
    """Seals and opens secrets with an ordered list of keys (the first one seals)."""

    def __init__(self, keys: Sequence[str], *, source: str = "NEWSWIRE_SECRET_KEYS") -> None:
        self.source = source
        if not keys:
            raise SecretKeyError(f"{source} holds no key.")
        from cryptography.fernet import Fernet, MultiFernet

        fernets = []
        for n, key in enumerate(keys, 1):
            try:
                fernets.append(Fernet(key.strip().encode("ascii")))
            except (ValueError, TypeError, UnicodeError):
                raise SecretKeyError(
                    f"{source}: key {n} is not a Fernet key (32 random bytes, url-safe base64; "
                    "make one with `newswire secrets new-key`).") from None
        self._keys: MultiFernet = MultiFernet(fernets)

    def seal(self, secret: str) -> str:
        return PREFIX + self._keys.encrypt(secret.encode()).decode("ascii")

    def open(self, stored: str) -> str:
        """The secret; a legacy plaintext secret is returned as it is."""
        if not is_sealed(stored):
            return stored
        from cryptography.fernet import InvalidToken

        try:
            return self._keys.decrypt(stored[len(PREFIX):].encode("ascii")).decode()
        except (InvalidToken, UnicodeError):
            raise SecretKeyError(
                f"A stored webhook secret cannot be decrypted with the keys in {self.source}: the key "
                "that encrypted it is not among them (were the keys changed without rotating?).") from None

    def rotate(self, stored: str) -> str:
        """``stored`` sealed with the first key (legacy plaintext is sealed for the first time)."""
        if not is_sealed(stored):
            return self.seal(stored)
        from cryptography.fernet import InvalidToken

        try:
            return PREFIX + self._keys.rotate(stored[len(PREFIX):].encode("ascii")).decode("ascii")
        except (InvalidToken, UnicodeError):
            raise SecretKeyError(
                f"A stored webhook secret cannot be decrypted with the keys in {self.source}.") from None


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def _read_or_create(path: Path) -> list[str]:
    """The key file's keys, made with one new key if there is none. The file is written in
    full under a temporary name and linked into place, so no reader ever sees it empty, and
    of several first users (threads, processes) exactly one key wins."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "w") as out:
                    out.write(new_key() + "\n")
                with contextlib.suppress(FileExistsError):  # another first user's key won
                    os.link(draft, path)
            finally:
                draft.unlink()
        text = path.read_text()
    except OSError as exc:
        raise SecretKeyError(f"Cannot read or create the key file {path} ({exc.strerror}); "
                             "set NEWSWIRE_SECRET_KEYS instead.") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


@functools.lru_cache(maxsize=8)
def _box(keys: tuple[str, ...], data_dir: str) -> SecretBox:
    if keys:
        return SecretBox(keys)
    path = key_file(Path(data_dir))
    return SecretBox(_read_or_create(path), source=str(path))


def box_for(settings: Settings) -> SecretBox:
    """The keys of this deployment: ``NEWSWIRE_SECRET_KEYS``, else the data dir's key file."""
    return _box(tuple(settings.secret_keys), str(settings.data_dir.resolve()))

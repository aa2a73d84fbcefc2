"""The stored form of a version's payload (migration 0014): its UTF-8 JSON deflated by zlib.

Kept apart from the codec so the schema (``store.tables``) can pack what is written to the
payload column without importing the ninjs mapping.
"""

from __future__ import annotations

import zlib

PACK_LEVEL = 6  # zlib's default: level 9 saves under 0.1% on stories and costs more to write


def pack(payload: str) -> bytes:
    """The stored form of a payload: its UTF-8 JSON, deflated."""
    return zlib.compress(payload.encode(), PACK_LEVEL)


def unpack(stored: str | bytes | memoryview) -> str:
    """A payload's JSON from its stored form: deflated bytes, or JSON that was stored as it
    is (text, or its UTF-8 bytes: a JSON object starts with ``{``, a zlib stream never does)."""
    if isinstance(stored, str):
        return stored
    data = bytes(stored)
    return data.decode() if data[:1] == b"{" else zlib.decompress(data).decode()

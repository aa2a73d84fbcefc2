"""``ETag`` and ``If-Match`` for items: optimistic concurrency in the standard HTTP way.

An item read answers with an ``ETag`` naming the item and the version it shows. An editor's
update (``POST /v1/items``) or kill (``POST /v1/items/{uri}/kill``) that sends it back in
``If-Match`` is applied only while the story is still at that version; otherwise ``412``.
It says what a ninjs ``version`` in the body says (``409`` when it is not newer), without
having to know the next number, and it covers kills, which carry no version.

The tag names a version, not a byte sequence: every format of one version has the same tag,
and a ``W/`` tag (the compression middleware weakens tags of bodies it compresses) names the
same version, so it matches as well.
"""

from __future__ import annotations

import hashlib
import re

from newswire.api.problems import Problem

ANY = -1  # ``If-Match: *``: the story must exist, at whatever version
_TAG = re.compile(r'\s*(?:W/)?"(\d{1,10})\.([0-9a-f]{16})"\s*')


def _digest(uri: str) -> str:
    return hashlib.sha256(uri.encode()).hexdigest()[:16]


def item_etag(uri: str, version: int) -> str:
    return f'"{version}.{_digest(uri)}"'


def if_match_versions(header: str | None, uri: str) -> set[int] | None:
    """The versions of ``uri`` an ``If-Match`` header names (``{ANY}`` for ``*``); None without
    the header. Tags of another item, and anything that is not a tag, name no version, so a
    header naming nothing of this item cannot match (``412``)."""
    if header is None:
        return None
    if header.strip() == "*":
        return {ANY}
    wanted = _digest(uri)
    found = set()
    for part in header.split(","):
        match = _TAG.fullmatch(part)
        if match is not None and match[2] == wanted:
            found.add(int(match[1]))
    return found


def expected_version(uri: str, named: set[int], current: int | None) -> int | None:
    """The version a write must find (None: any), given what ``If-Match`` named and the
    version the story is at now (None: no such story), or :class:`PreconditionFailed`.

    A story at another version than the one named is left to the store to refuse under its
    write lock: a retry of a write that went through is answered as unchanged there."""
    if current is None or not named:
        raise PreconditionFailed(uri, current)
    if ANY in named:
        return None
    return current if current in named else max(named)


class PreconditionFailed(Problem):
    """``412``; the item's current ``ETag`` goes with it, so a client sees where the story is."""

    def __init__(self, uri: str, current: int | None) -> None:
        if current is None:
            super().__init__(412, "Precondition failed", "There is no such item.")
            return
        super().__init__(412, "Precondition failed",
                         f"The item is at version {current}; If-Match names another version. "
                         "Read it again (its ETag) and repeat the change if it still applies.",
                         headers={"ETag": item_etag(uri, current)}, currentVersion=current)

"""Text no store can keep, refused at the door of every API route.

PostgreSQL's text cannot hold NUL (U+0000): a name or value holding one reached the database and
failed there (a 500), while SQLite stored or looked it up. A lone surrogate (JSON's ``\\ud800``)
cannot be encoded as UTF-8 by either store's driver. Neither can be part of anything the wire
names, so:

- a path holding a NUL (``%00``) names nothing: ``404``; a query parameter the route reads
  holding one is a ``422`` naming the parameter (:func:`storable_url`, a dependency of every API
  route; ``POST /v1/media`` checks its fields itself: ``400``). Decoded URLs hold no lone
  surrogates (invalid UTF-8 decodes to U+FFFD);
- a JSON body holding either, in a key or a value, is a ``422`` naming where
  (:func:`unstorable_at`, run by :class:`newswire.api.schemas.RequestBody`).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, Request

from newswire.api.problems import Problem
from newswire.formats.errors import UNSTORABLE_CHARS

NUL_IN_PATH = "Nothing on this wire is named with a NUL character (%00)."


def why_unstorable(text: str) -> str | None:
    """What makes a string unstorable (a NUL, a lone surrogate), or None."""
    found = UNSTORABLE_CHARS.search(text)
    if found is None:
        return None
    return "holds a NUL character (U+0000)" if found[0] == "\x00" else "holds a lone surrogate (half a \\u pair)"


def unstorable_at(value: Any, where: str = "") -> str | None:
    """The first key or string value in a decoded JSON document that no store can keep, said as
    ``where.key[0]: why`` (walked without recursion), or None."""
    stack: list[tuple[str, Any]] = [(where, value)]
    while stack:
        at, node = stack.pop()
        if isinstance(node, str):
            if (why := why_unstorable(node)) is not None:
                return f"{at or 'the body'} {why}"
        elif isinstance(node, dict):
            for key, child in node.items():
                if isinstance(key, str) and (why := why_unstorable(key)) is not None:
                    return f"a key of {at or 'the body'} {why}"
                stack.append((f"{at}.{key}" if at else str(key), child))
        elif isinstance(node, list):
            stack.extend((f"{at}[{i}]", child) for i, child in enumerate(node))
    return None


def declared_query(request: Request) -> frozenset[str]:
    """The query parameters the matched route reads (the others it ignores)."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    return frozenset(f.alias for f in getattr(dependant, "query_params", ()))


async def storable_url(request: Request) -> None:
    """Every API route's first dependency: no NUL in the path (404) or in a query parameter the
    route reads (422, the status of every other invalid parameter)."""
    if "\x00" in request.scope["path"]:
        raise Problem(404, "Not found", NUL_IN_PATH)
    declared = declared_query(request)
    for name, value in request.query_params.multi_items():
        if name in declared and "\x00" in value:
            raise Problem(422, "Invalid request",
                          f"The query parameter {name} holds a NUL character (%00), which no value can carry.")


async def no_body(request: Request) -> None:
    """For a POST that takes no body (its options, if any, are query parameters): a body holding
    something is refused (422, naming its keys), not ignored — ``{"after": 100}`` sent to a
    replay would otherwise replay everything from the start. An empty body, ``{}`` or ``null``
    is fine however it is spaced (a pretty-printer's ``{ }``)."""
    body = await request.body()
    if not body.strip():
        return
    try:
        sent = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
        sent = body
    if sent is None or sent == {}:
        return
    keys = ", ".join(repr(k) for k in sent) if isinstance(sent, dict) else ""
    said = f"Unknown key {keys} in the body" if keys and len(sent) == 1 else (
        f"Unknown keys {keys} in the body" if keys else "A body")
    raise Problem(422, "Invalid request", f"{said}: this route takes no body (its options are query parameters).")


# A parameter placed after the route's caller (``_: Admin``, ``who: Subscriber``): FastAPI solves a
# route's ``dependencies=[...]`` before its parameters, which answered a caller who may not use the
# route at all with this 422 instead of its 403.
NoBody = Annotated[None, Depends(no_body)]

"""Bearer-token authentication: who is calling, and may they?"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from newswire.api.problems import Problem
from newswire.store.tokens import Principal, authenticate

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="newswire"'}


async def bearer_principal(engine: Engine, header: str) -> Principal:
    """Who an ``Authorization`` header names, or a 401 problem."""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(401, "Unauthorized", "Send 'Authorization: Bearer <token>'.", CHALLENGE)
    found = await run_in_threadpool(authenticate, engine, token.strip())
    if found is None:
        raise Problem(401, "Unauthorized", "The token is unknown or revoked.", CHALLENGE)
    return found


async def principal(request: Request) -> Principal:
    # A request that came with a body was authenticated by api.limits before it was read.
    found = getattr(request.state, "principal", None)
    if not isinstance(found, Principal):
        found = await bearer_principal(request.app.state.wire.engine, request.headers.get("authorization", ""))
        request.state.principal = found
    if found.role == "subscriber":
        await rate_limit(request, found)
    return found


async def rate_limit(request: Request, who: Principal) -> None:
    """One budget per subscriber, whichever key, process or node the request reaches."""
    verdict = await request.app.state.rate_limiter.acquire(f"subscriber:{who.subscriber_id}", who.rate_limit)
    request.state.ratelimit = verdict
    if not verdict.allowed:
        raise Problem(429, "Too many requests",
                      f"This subscriber may make {verdict.limit} requests a minute, all its keys together.",
                      verdict.headers())


def require(*roles: str) -> Callable[[Request], Awaitable[Principal]]:
    async def check(request: Request) -> Principal:
        who = await principal(request)
        if who.role not in roles:
            needed = " or ".join(roles)
            raise Problem(403, "Forbidden", f"This needs {'an' if needed[0] in 'aeiou' else 'a'} {needed} token.")
        return who

    return check

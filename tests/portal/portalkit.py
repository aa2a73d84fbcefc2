"""The portal over real HTTP for tests: organisations, users, a browser-like client that
carries cookies and the forms' CSRF tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from newswire.store import accounts, users

from conftest import (
    LiveServer,
    PgDatabases,
    headless_chromium,
    module_db_url,
    open_wire,
    start_server,
)
from factories import as_bytes, ninjs_story

PASSWORD = "correct horse battery"
# Hashing at argon2's defaults costs ~0.3 s here and tests sign in dozens of times; one test
# checks what production stores.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def organisation(live: LiveServer, name: str, filters: dict[str, Any] | None = None) -> int:
    """A subscriber holding one product (made once: the portal's server is shared by its tests)."""
    try:
        return accounts.get_subscriber(live.wire.engine, name).id
    except accounts.AccountError:
        accounts.create_product(live.wire.engine, f"{name}-product", filters or {})
        return accounts.create_subscriber(live.wire.engine, name, [f"{name}-product"]).id


def person(live: LiveServer, email: str, org: str, *, role: str = "member", password: str | None = PASSWORD
           ) -> users.User:
    return users.create_user(live.wire.engine, email, subscriber=org, role=role, password=password)


def member(live: LiveServer, email: str, org: str) -> users.User:
    """A user with the test password, made once (fixtures run before every test)."""
    try:
        return users.get_user(live.wire.engine, email)
    except accounts.AccountError:
        return person(live, email, org)


def readers(live: LiveServer, orgs: dict[str, dict[str, Any]]) -> None:
    """Organisations (name: product filter), each with a member ``reader@<name>.example``."""
    for name, filters in orgs.items():
        organisation(live, name, filters)
        member(live, f"reader@{name}.example", name)


@dataclass
class Visitor:
    """Someone with a browser: cookies kept, redirects not followed (tests look at them)."""

    client: httpx.Client

    @classmethod
    def at(cls, live: LiveServer, **headers: str) -> Visitor:
        return cls(httpx.Client(base_url=live.url, follow_redirects=False, timeout=30, headers=headers))

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, **kw)

    def csrf(self, path: str = "/portal/login") -> str:
        page = self.get(path)
        found = _CSRF.search(page.text)
        assert found, page.text
        return found.group(1)

    def post(self, path: str, data: dict[str, str], *, csrf_from: str | None = None, **kw: Any) -> httpx.Response:
        if csrf_from is not None:
            data = {"csrf": self.csrf(csrf_from), **data}
        return self.client.post(path, data=data, **kw)

    def sign_in(self, email: str, password: str = PASSWORD) -> httpx.Response:
        return self.post("/portal/login", {"email": email, "password": password}, csrf_from="/portal/login")

    def signed_in(self, email: str, password: str = PASSWORD) -> Visitor:
        answer = self.sign_in(email, password)
        assert answer.status_code == 303, answer.text
        return self

    def close(self) -> None:
        self.client.close()


def reader(live: LiveServer, org: str) -> Visitor:
    """The member :func:`readers` made, signed in."""
    return Visitor.at(live).signed_in(f"reader@{org}.example")


_SHARED: dict[str, tuple[LiveServer, ExitStack]] = {}
_USERS: dict[str, int] = {}


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         pg_databases: PgDatabases) -> Iterator[LiveServer]:
    """One portal server per database for all portal test modules (each starts in seconds).

    Every module imports this fixture, so pytest holds one definition per module: the server
    is kept here and stopped when the last of them is done (before ``pg_databases`` drops
    the database under it). Modules prepare what they need with function-scoped fixtures
    made idempotent: a module-scoped fixture on ``live`` would make pytest order the tests
    module by module."""
    kind = request.param
    if kind not in _SHARED:
        stack = ExitStack()
        _SHARED[kind] = (stack.enter_context(portal_server(module_db_url(request, tmp_path_factory))), stack)
    _USERS[kind] = _USERS.get(kind, 0) + 1
    try:
        yield _SHARED[kind][0]
    finally:
        _USERS[kind] -= 1
        if _USERS[kind] == 0:
            _SHARED.pop(kind)[1].close()


@pytest.fixture
def browser(live: LiveServer) -> Iterator[object]:
    """Debian's Chromium, headless (the SQLite run only)."""
    sqlite_only(live, "the browser is the subject")  # before Chromium starts
    with headless_chromium() as b:
        yield b


def sqlite_only(live: LiveServer, why: str) -> None:
    """Skip the PostgreSQL run of a test whose subject is not the database. (A parametrize mark
    narrowing ``live`` instead would make pytest restart the shared servers between modules.)"""
    if not live.wire.settings.database_url.startswith("sqlite"):
        pytest.skip(f"one database is enough: {why}")


@contextmanager
def portal_server(url: str, **settings: object) -> Iterator[LiveServer]:
    """A wire with the portal on loopback, hashing passwords cheaply while it runs."""
    real, users.HASHER = users.HASHER, CHEAP_HASHER
    # Enrichment in-process: workers forked from the test process would inherit the browser
    # driver's pipes, and Chromium's shutdown would wait on them (the pool has its own tests).
    settings.setdefault("enrich_workers", 0)
    wire = open_wire(url, **settings)
    live = start_server(wire)
    try:
        yield live
    finally:
        live.stop()
        wire.close()
        users.HASHER = real


def publish(live: LiveServer, lang: str = "en", **fields: Any) -> str:
    doc = ninjs_story(lang, **fields)
    live.wire.ingest(as_bytes(doc))
    return str(doc["uri"])

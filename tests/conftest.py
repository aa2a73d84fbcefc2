"""Shared fixtures: real databases (SQLite file, PostgreSQL when reachable) and a real
HTTP server on loopback."""

from __future__ import annotations

import asyncio
import os
import queue
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn

from newswire.config import Settings
from newswire.wire import Wire

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PG_ADMIN_URL = os.environ.get("NEWSWIRE_TEST_PG", "postgresql://127.0.0.1:5432/test")
CHROMIUM = Path(os.environ.get("NEWSWIRE_CHROMIUM", "/usr/bin/chromium"))
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: no browser to drive")


@contextmanager
def headless_chromium() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (never Playwright's own browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield browser
        finally:
            browser.close()


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the IPTC source files ../shared are not beside the repo")
    return path


def _pg_reachable() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=2):
            return None
    except Exception as exc:
        return f"PostgreSQL at {PG_ADMIN_URL} is not reachable ({exc.__class__.__name__})"


_PG_SKIP = _pg_reachable()


@dataclass
class PgDatabases:
    """Creates throw-away databases on the test server and drops them when their test ends.

    Each is a copy of a template migrated once per session (a copy takes ~50 ms; running the
    migrations into every fresh database took ~300 ms, hundreds of times a run). ``blank``
    gives an empty database, for tests of the migrations themselves. Drops run on a thread of
    their own while the next tests run (dropping them all at the end of the session took ~35 s
    per worker)."""

    created: list[str]
    template: str | None = None
    _doomed: queue.Queue[str | None] = field(default_factory=queue.Queue)
    _dropper: threading.Thread | None = None

    def create(self, blank: bool = False) -> str:
        import psycopg

        name = f"newswire_test_{uuid.uuid4().hex[:12]}"
        source = "" if blank else f' TEMPLATE "{self._template()}"'
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{source}')
        self.created.append(name)
        return _pg_url(name)

    def _template(self) -> str:
        if self.template is None:
            from newswire.store.engine import make_engine
            from newswire.store.migrate import upgrade

            name = self.create(blank=True).rsplit("/", 1)[1]
            engine = make_engine(_pg_url(name))
            upgrade(engine)
            engine.dispose()  # a template may have no open connection while it is copied
            self.template = name
        return self.template

    def drop_soon(self, url: str) -> None:
        if self._dropper is None:
            self._dropper = threading.Thread(target=self._drop_queued, name="pg-dropper", daemon=True)
            self._dropper.start()
        self._doomed.put(url.rsplit("/", 1)[1])

    def _drop_queued(self) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            while (name := self._doomed.get()) is not None:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                self.created.remove(name)

    def drop_all(self) -> None:
        import psycopg

        if self._dropper is not None:
            self._doomed.put(None)
            self._dropper.join()
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def no_archive() -> Iterator[None]:
    """The entity finder without the organisations archive (learned from the evaluation sets'
    annotations), so a rule is tested on its own; the shipped archive again afterwards."""
    from newswire.vocab import people_orgs

    people_orgs.use_archive(None)
    yield
    people_orgs.use_archive(people_orgs.ARCHIVE_PATH)


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    dbs = PgDatabases([])
    yield dbs
    if dbs.created:
        dbs.drop_all()


def _database(request: pytest.FixtureRequest, tmp_path: Path, *, blank: bool = False) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wire.db'}"
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    url = dbs.create(blank=blank)
    request.addfinalizer(lambda: dbs.drop_soon(url))
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _database(request, tmp_path)


def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """For a module-scoped fixture parametrized over ["sqlite", "postgresql"]: a database of
    its own for the whole module (skips the PostgreSQL variant where it is unreachable)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('module') / 'wire.db'}"
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    url = dbs.create()
    request.addfinalizer(lambda: dbs.drop_soon(url))
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Like ``db_url``, but an empty database that no migration has touched."""
    return _database(request, tmp_path, blank=True)


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, pg_databases: PgDatabases) -> str:
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    url = pg_databases.create()
    request.addfinalizer(lambda: pg_databases.drop_soon(url))
    return url


LONG_SUITES = os.environ.get("NEWSWIRE_LONG_SUITES", "").strip() in ("1", "true", "yes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "long: a slow variant that runs only in make suite-long "
                            "(NEWSWIRE_LONG_SUITES=1), keeping make test under its time budget")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if LONG_SUITES:
        return
    skip = pytest.mark.skip(reason="slow variant: runs in make suite-long (NEWSWIRE_LONG_SUITES=1)")
    for item in items:
        if item.get_closest_marker("long"):
            item.add_marker(skip)


def only_in_long_suite(db_url: str, database: str) -> None:
    """Keep ``make test`` under its time budget: this test's ``database`` variant runs only in
    ``make suite-long`` (the other variant runs every time)."""
    if database in db_url.split(":", 1)[0] and not LONG_SUITES:
        pytest.skip(f"the {database} variant of this multi-process test runs in make suite-long")


def open_wire(url: str, **overrides: object) -> Wire:
    # a data folder of its own (the webhook secret key file lives there), never the repo's
    overrides.setdefault("data_dir", Path(tempfile.mkdtemp(prefix="newswire-data-")))
    # In-process servers load the models as they start (once per test process: the caches are
    # the modules'), so a test's first POST does not wait for them; tests/enrich/test_lazy_models.py
    # and tests/ops/test_startup_imports.py cover the lazy default.
    overrides.setdefault("lazy_models", False)
    settings = Settings(database_url=url, **overrides)  # type: ignore[arg-type]
    return Wire.open(settings)


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    w = open_wire(db_url)
    yield w
    w.close()


@dataclass
class LiveServer:
    url: str
    wire: Wire
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_server(wire: Wire, **app_options: object) -> LiveServer:
    from newswire.api.app import create_app

    config = uvicorn.Config(create_app(wire, **app_options), host="127.0.0.1", port=0,  # type: ignore[arg-type]
                            log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return LiveServer(f"http://127.0.0.1:{port}", wire, server, thread)


@pytest.fixture
def live(wire: Wire) -> Iterator[LiveServer]:
    srv = start_server(wire)
    yield srv
    srv.stop()


@dataclass
class S3Server:
    """moto's S3 API server on a free loopback port, in a process of its own (a real HTTP server
    speaking S3, not a mock of the client; its memory is not the test's): the S3 media store's
    tests run against it."""

    endpoint: str
    client: object  # a boto3 S3 client, to look inside the buckets

    def bucket(self) -> str:
        name = f"media-{uuid.uuid4().hex[:16]}"
        self.client.create_bucket(Bucket=name)  # type: ignore[attr-defined]
        return name

    def keys(self, bucket: str) -> list[str]:
        found = self.client.list_objects_v2(Bucket=bucket).get("Contents", [])  # type: ignore[attr-defined]
        return sorted(o["Key"] for o in found)


_MOTO = """import logging, sys
from moto.server import ThreadedMotoServer
logging.getLogger("werkzeug").setLevel(logging.ERROR)
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()  # until the test process closes the pipe (or dies)
server.stop()
"""


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    import subprocess
    import sys

    try:
        import boto3
        from botocore.config import Config
        from moto.server import ThreadedMotoServer  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"{exc.name} is not installed (make install brings moto[server] and boto3): "
                    "no S3 API server to test the S3 media store against")
    with pytest.MonkeyPatch.context() as env:
        for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                            "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": "/nonexistent",
                            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent", "AWS_EC2_METADATA_DISABLED": "true",
                            "NO_PROXY": "127.0.0.1,localhost"}.items():
            env.setenv(name, value)
        for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_SESSION_TOKEN"):
            env.delenv(name, raising=False)
        proc = subprocess.Popen([sys.executable, "-c", _MOTO], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True)
        try:
            assert proc.stdout is not None
            port = int(proc.stdout.readline())
            endpoint = f"http://127.0.0.1:{port}"
            yield S3Server(endpoint, boto3.client("s3", endpoint_url=endpoint,
                                                  config=Config(s3={"addressing_style": "path"})))
        finally:
            assert proc.stdin is not None
            proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


TopicExample = tuple[str, str, list[str]]  # (text, language, Media Topic codes)


@pytest.fixture
def use_tagger(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[Sequence[TopicExample]], None]:
    """Train a topic tagger on (text, language, codes) examples and make it the one the topic
    step loads (``$NEWSWIRE_TAGGER_MODEL``) for this test.

    It lives here, not in ``tests/enrich/conftest.py``: a second module named ``conftest``
    shadows this one for the test modules that ``from conftest import ...``."""
    from newswire.enrich.tagger import train
    from newswire.enrich.topics import MODEL_ENV

    def install(examples: Sequence[TopicExample]) -> None:
        path = tmp_path / "tagger.json"
        train(list(examples)).save(path)
        monkeypatch.setenv(MODEL_ENV, str(path))

    return install

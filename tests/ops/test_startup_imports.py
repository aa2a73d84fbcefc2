"""A started server (application built, enrichment warmed up, on a store at the latest schema)
has not imported what only some requests need (issue 16: each stays resident for the life of
the process once imported): Pillow and pillow-heif until a picture is opened, cryptography
until a webhook secret is sealed or opened, Alembic and Mako unless the schema has to move,
c2pa until a picture's credentials are read (serve's start-up check of the C2PA settings
loads nothing when none are set), feedparser until a feed is read, SQLAlchemy's ORM never
(Pygments is not among them: httpx imports it for its command line). Until it publishes, a
server has not imported numpy either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LAZY = ("PIL", "pillow_heif", "cryptography", "alembic", "mako", "c2pa", "feedparser", "sqlalchemy.orm")


def _started_server_imports(tmp_path: Path, lazy: tuple[str, ...], warm: bool) -> str:
    """Which of ``lazy`` a process holds once it has built the application (and warmed up)."""
    url = f"sqlite:///{tmp_path / 'wire.db'}"
    migrate = ("from newswire.store.engine import make_engine\n"
               "from newswire.store.migrate import upgrade\n"
               f"upgrade(make_engine({url!r}))\n")
    subprocess.run([sys.executable, "-c", migrate], check=True, timeout=120)
    probe = ("import sys\n"
             "from pathlib import Path\n"
             "from newswire.api.app import create_app\n"
             "from newswire.cli import _content_credentials\n"
             "from newswire.config import Settings\n"
             "from newswire.wire import Wire\n"
             f"wire = Wire.open(Settings(database_url={url!r}, data_dir=Path({str(tmp_path)!r})))\n"
             "create_app(wire)\n"
             "_content_credentials(wire.settings)\n"
             + ("wire.pipeline.warm_up()\n" if warm else "")
             + f"print(sorted(m for m in {lazy!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_start_up_leaves_the_heavy_optional_modules_unimported(tmp_path: Path) -> None:
    assert _started_server_imports(tmp_path, LAZY, warm=True) == "[]"


def test_a_server_that_has_published_nothing_has_not_loaded_numpy(tmp_path: Path) -> None:
    """The models load at the first publication (NEWSWIRE_LAZY_MODELS, on by default), and the
    near-duplicate hashes of stories and pictures import numpy only when they first hash."""
    assert _started_server_imports(tmp_path, ("numpy",), warm=False) == "[]"

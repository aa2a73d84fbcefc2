"""A started server (application built, enrichment warmed up, on a store at the latest schema)
has not imported what only some requests need (issue 16: each stays resident for the life of
the process once imported): Pillow and pillow-heif until a picture is opened, cryptography
until a webhook secret is sealed or opened, Alembic and Mako unless the schema has to move,
c2pa until a picture's credentials are read (serve's start-up check of the C2PA settings
loads nothing when none are set), feedparser until a feed is read, SQLAlchemy's ORM never
(Pygments is not among them: httpx imports it for its command line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LAZY = ("PIL", "pillow_heif", "cryptography", "alembic", "mako", "c2pa", "feedparser", "sqlalchemy.orm")


def test_start_up_leaves_the_heavy_optional_modules_unimported(tmp_path: Path) -> None:
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
             "wire.pipeline.warm_up()\n"
             f"print(sorted(m for m in {LAZY!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

"""A started server (application built, enrichment warmed up, on a store at the latest schema)
has not imported what only some requests need (issue 16: each stays resident for the life of
the process once imported): Pillow and pillow-heif until a picture is opened, cryptography
until a webhook secret is sealed or opened, Alembic and Mako unless the schema has to move
(Pygments is not among them: httpx imports it for its command line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LAZY = ("PIL", "pillow_heif", "cryptography", "alembic", "mako")


def test_start_up_leaves_the_heavy_optional_modules_unimported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wire.db'}"
    migrate = ("from newswire.store.engine import make_engine\n"
               "from newswire.store.migrate import upgrade\n"
               f"upgrade(make_engine({url!r}))\n")
    subprocess.run([sys.executable, "-c", migrate], check=True, timeout=120)
    probe = ("import sys\n"
             "from pathlib import Path\n"
             "from newswire.api.app import create_app\n"
             "from newswire.config import Settings\n"
             "from newswire.wire import Wire\n"
             f"wire = Wire.open(Settings(database_url={url!r}, data_dir=Path({str(tmp_path)!r})))\n"
             "create_app(wire)\n"
             "wire.pipeline.warm_up()\n"
             f"print(sorted(m for m in {LAZY!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

"""A store already at the latest schema is opened without importing Alembic (issue 16: with
Mako it stays resident for the life of a server), and one that is behind is still upgraded by
Alembic."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from newswire.store.engine import make_engine
from newswire.store.migrate import MIGRATIONS, at_head, shipped_heads, upgrade


def test_the_heads_read_from_the_scripts_are_alembics() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert shipped_heads() == frozenset(ScriptDirectory.from_config(config).get_heads())


def test_a_store_behind_is_upgraded_and_then_found_at_head(blank_db_url: str) -> None:
    engine = make_engine(blank_db_url)
    assert not at_head(engine)  # no version table at all
    upgrade(engine, "0002")
    assert not at_head(engine)
    upgrade(engine)
    assert at_head(engine)
    with engine.connect() as conn:
        assert set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars()) == shipped_heads()
    engine.dispose()


def test_opening_a_store_at_head_does_not_import_alembic(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)  # a new SQLite file: migrated here, by Alembic
    engine.dispose()
    probe = ("import sys\n"
             "from newswire.config import Settings\n"
             "from newswire.wire import Wire\n"
             f"Wire.open(Settings(database_url={db_url!r})).close()\n"
             "print(sorted(m for m in ('alembic', 'mako') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"

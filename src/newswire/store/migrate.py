"""``newswire db upgrade``: run the Alembic migrations shipped inside the package.

Every ``Wire.open`` upgrades, so every server start would import Alembic (and through it
Mako and Pygments' lexers: about 10 MB resident that a server keeps for its whole life) only to find
the store already at the latest revision. :func:`upgrade` first compares the store's
``alembic_version`` with the heads of the shipped scripts, read from their text; Alembic is
imported only when there is something to run, or when a script is not of the plain shape
that check reads (then Alembic decides, as before).
"""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

MIGRATIONS = Path(__file__).parent / "migrations"
_FIELDS = ("revision", "down_revision", "branch_labels", "depends_on")


def _script_fields(path: Path) -> dict[str, object]:
    fields: dict[str, object] = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in _FIELDS):
            fields[node.targets[0].id] = ast.literal_eval(node.value)
    return fields


def shipped_heads() -> frozenset[str] | None:
    """The head revisions of the shipped migration scripts, or None when one of them is not
    a plain ``revision = "..."`` / ``down_revision = ...`` script without branch labels or
    dependencies (Alembic alone can read those)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for path in sorted((MIGRATIONS / "versions").glob("*.py")):
            if path.name == "__init__.py":
                continue
            fields = _script_fields(path)
            revision, down = fields.get("revision"), fields.get("down_revision")
            if not isinstance(revision, str) or fields.get("branch_labels") or fields.get("depends_on"):
                return None
            if isinstance(down, str):
                parents.add(down)
            elif isinstance(down, tuple) and all(isinstance(d, str) for d in down):
                parents.update(down)
            elif down is not None:
                return None
            revisions.add(revision)
    except (OSError, SyntaxError, ValueError):
        return None
    heads = revisions - parents
    return frozenset(heads) if heads else None


def at_head(engine: Engine) -> bool:
    """True when the store's schema is at the shipped heads (a new store is not)."""
    heads = shipped_heads()
    if heads is None:
        return False
    try:
        with engine.connect() as conn:
            stored = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except SQLAlchemyError:  # no version table: a store never migrated
        return False
    return stored == heads


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and at_head(engine):
        return
    _alembic(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Back to ``revision`` (tests of the migrations, an operator's way back)."""
    _alembic(engine, "downgrade", revision)


def _alembic(engine: Engine, direction: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(newswire_write=True) as conn:
        config.attributes["connection"] = conn
        getattr(command, direction)(config, revision)
        conn.commit()

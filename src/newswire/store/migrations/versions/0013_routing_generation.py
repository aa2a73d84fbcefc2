"""Routing generation (issue 16, write path): ``sequencer.routing_generation`` moves on with
every change to what routing reads (products, subscribers, their subscriptions), by triggers,
so that whoever writes those tables - the accounts module, a test, an operator's SQL - is
seen. The publish transaction keeps the subscriptions it routes with, keyed by this value,
instead of querying them for every event (``delivery.entitlements``). The counter lives in
the sequencer's row: a change to subscriptions waits for a publication in flight and the
other way round, as the subscriptions query inside the publish transaction did.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BUMP = "UPDATE sequencer SET routing_generation = routing_generation + 1 WHERE id = 1"
# (table, columns whose update matters: None for every column)
_WATCHED = (("products", "name, filter, disabled_at"), ("subscribers", "disabled_at"),
            ("subscriber_products", None))


def _triggers() -> list[tuple[str, str, str]]:
    out = []
    for table, columns in _WATCHED:
        for op_name in ("INSERT", "UPDATE", "DELETE"):
            what = f"UPDATE OF {columns}" if op_name == "UPDATE" and columns else op_name
            out.append((f"tr_routing_gen_{table}_{op_name.lower()}", table, what))
    return out


def upgrade() -> None:
    op.add_column("sequencer", sa.Column("routing_generation", sa.BigInteger(), nullable=False,
                                         server_default="0"))
    if op.get_bind().dialect.name == "sqlite":
        for name, table, what in _triggers():
            op.execute(f"CREATE TRIGGER {name} AFTER {what} ON {table} BEGIN {_BUMP}; END")
        return
    op.execute("CREATE FUNCTION routing_generation_bump() RETURNS trigger LANGUAGE plpgsql AS "
               f"$$ BEGIN {_BUMP}; RETURN NULL; END $$")
    for name, table, what in _triggers():
        op.execute(f"CREATE TRIGGER {name} AFTER {what} ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION routing_generation_bump()")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, table, _ in _triggers():
        op.execute(f"DROP TRIGGER {name}" if sqlite else f"DROP TRIGGER {name} ON {table}")
    if not sqlite:
        op.execute("DROP FUNCTION routing_generation_bump()")
    with op.batch_alter_table("sequencer") as batch:
        batch.drop_column("routing_generation")

"""Wire core: items, versions, gap-safe events, tokens, products, subscribers.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sequencer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO sequencer (id, last_seq) VALUES (1, 0)")
    op.create_table(
        "items",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("pub_status", sa.String(16), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("urgency", sa.Integer),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("public", sa.Boolean, nullable=False),
        sa.Column("embargoed_until", TZ),
        sa.Column("embargo_lifted", sa.Boolean, nullable=False),
        sa.Column("first_created", TZ, nullable=False),
        sa.Column("version_created", TZ, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_items_embargo_pending", "items", ["embargo_lifted", "embargoed_until"])
    op.create_index("ix_items_version_created", "items", ["version_created"])
    op.create_table(
        "versions",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("input_hash", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("stored_at", TZ, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("type", sa.String(24), nullable=False),
        sa.Column("uri", sa.String(512), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("public", sa.Boolean, nullable=False),
        sa.Column("embargoed", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_events_uri", "events", ["uri", "seq"])
    op.create_table(
        "subscribers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("rate_limit", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("disabled_at", TZ),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("filter", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("disabled_at", TZ),
    )
    op.create_table(
        "subscriber_products",
        sa.Column("subscriber_id", sa.Integer, sa.ForeignKey("subscribers.id"), primary_key=True),
        sa.Column("product_id", sa.Integer, sa.ForeignKey("products.id"), primary_key=True),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("subscriber_id", sa.Integer, sa.ForeignKey("subscribers.id")),
        sa.Column("label", sa.String(200)),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("revoked_at", TZ),
    )
    op.create_table(
        "recipients",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("subscriber_id", sa.Integer, sa.ForeignKey("subscribers.id"), primary_key=True),
        sa.Column("first_seq", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    for table in ("recipients", "tokens", "subscriber_products", "products", "subscribers",
                  "events", "versions", "items", "sequencer"):
        op.drop_table(table)

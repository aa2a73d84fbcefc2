"""Partner sources: declarations with a polling lease, the items seen, items held for the desk.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("interval_seconds", sa.Integer, nullable=False),
        sa.Column("language", sa.String(32)),
        sa.Column("hold", sa.Boolean, nullable=False),
        sa.Column("paused", sa.Boolean, nullable=False),
        sa.Column("credentials", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("leased_until", sa.DateTime(timezone=True)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_success_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.DateTime(timezone=True)),
        sa.Column("state", sa.Text),
    )
    op.create_table(
        "source_items",
        sa.Column("source", sa.String(64), primary_key=True),
        sa.Column("guid_hash", sa.String(64), primary_key=True),
        sa.Column("guid", sa.Text, nullable=False),
        sa.Column("uri", sa.String(512), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_source_items_changed", "source_items", ["source", "changed_at"])
    op.create_table(
        "held",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("input_hash", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_held_source", "held", ["source"])


def downgrade() -> None:
    op.drop_table("held")
    op.drop_index("ix_source_items_changed", table_name="source_items")
    op.drop_table("source_items")
    op.drop_table("sources")

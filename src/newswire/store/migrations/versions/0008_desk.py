"""The editor's desk: drafts private to the desk, and the audit of who did what.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uri", sa.String(512), nullable=False, unique=True),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "desk_audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("uri", sa.String(512), nullable=False),
        sa.Column("version", sa.Integer),
        sa.Column("detail", sa.Text),
    )
    op.create_index("ix_desk_audit_user_id", "desk_audit", ["user_id"])
    op.create_index("ix_desk_audit_uri", "desk_audit", ["uri"])


def downgrade() -> None:
    op.drop_index("ix_desk_audit_uri", table_name="desk_audit")
    op.drop_index("ix_desk_audit_user_id", table_name="desk_audit")
    op.drop_table("desk_audit")
    op.drop_table("desk_drafts")

"""What portal users keep and follow: saved views, bookmarks, follows, notifications (and the
outbox of their emails), and the notification follower's place in the event log.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_views",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_saved_views_user_name", "saved_views", ["user_id", "name"], unique=True)
    op.create_table(
        "bookmarks",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("target", sa.String(600), nullable=False),
        sa.Column("uri", sa.String(512)),
        sa.Column("view_id", sa.Integer, sa.ForeignKey("saved_views.id")),
        sa.Column("by_email", sa.Boolean, nullable=False),
        sa.Column("since_seq", sa.BigInteger, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_follows_uri", "follows", ["uri"])
    op.create_index("ix_follows_view_id", "follows", ["view_id"])
    op.create_index("ix_follows_user_target", "follows", ["user_id", "target"], unique=True)
    op.create_table(
        "notifications",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("uri", sa.String(512), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("embargoed_until", sa.DateTime(timezone=True)),
        sa.Column("from_user_id", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("dedupe", sa.String(600)),
        sa.Column("seq", sa.BigInteger),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True)),
        sa.Column("email_state", sa.String(16)),
        sa.Column("email_attempts", sa.Integer, nullable=False),
        sa.Column("email_next_at", sa.DateTime(timezone=True)),
        sa.Column("email_error", sa.Text),
    )
    op.create_index("ix_notifications_user_read", "notifications", ["user_id", "read_at"])
    op.create_index("ix_notifications_user_dedupe", "notifications", ["user_id", "dedupe"], unique=True)
    op.create_index("ix_notifications_email_due", "notifications", ["email_state", "email_next_at"])
    op.create_table(
        "keep_cursor",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("keep_cursor")
    op.drop_index("ix_notifications_email_due", table_name="notifications")
    op.drop_index("ix_notifications_user_dedupe", table_name="notifications")
    op.drop_index("ix_notifications_user_read", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index("ix_follows_user_target", table_name="follows")
    op.drop_index("ix_follows_view_id", table_name="follows")
    op.drop_index("ix_follows_uri", table_name="follows")
    op.drop_table("follows")
    op.drop_table("bookmarks")
    op.drop_index("ix_saved_views_user_name", table_name="saved_views")
    op.drop_table("saved_views")

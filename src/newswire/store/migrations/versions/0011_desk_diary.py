"""The desk's planning diary: events the desk adds, edits, confirms or cancels by hand, and
the events found in stories that the desk confirmed or corrected (linked to their story).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True)),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("place_uri", sa.String(200)),
        sa.Column("language", sa.String(16)),
        sa.Column("topic", sa.String(64)),
        sa.Column("notes", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("story_uri", sa.String(512)),
        sa.Column("found_start", sa.String(32)),
        sa.Column("found_name", sa.Text),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("updated_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_desk_events_day", "desk_events", ["day"])
    op.create_index("ix_desk_events_story_uri", "desk_events", ["story_uri"])


def downgrade() -> None:
    op.drop_index("ix_desk_events_story_uri", table_name="desk_events")
    op.drop_index("ix_desk_events_day", table_name="desk_events")
    op.drop_table("desk_events")

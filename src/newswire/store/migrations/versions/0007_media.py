"""Pictures as wire items: stored originals, their renditions, which original each version
shows, and the rendition in the usage audit.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_assets",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True)),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_media_assets_state", "media_assets", ["state", "locked_until"])
    op.create_table(
        "media_renditions",
        sa.Column("sha256", sa.String(64), sa.ForeignKey("media_assets.sha256"), primary_key=True),
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("blob", sa.String(64), nullable=False),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "media_versions",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("media_assets.sha256"), nullable=False),
    )
    op.add_column("usage", sa.Column("rendition", sa.String(32)))


def downgrade() -> None:
    op.drop_column("usage", "rendition")
    op.drop_table("media_versions")
    op.drop_table("media_renditions")
    op.drop_index("ix_media_assets_state", table_name="media_assets")
    op.drop_table("media_assets")

"""Trust: who each version reached, and webhook secrets that fit their encrypted form.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reached",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("subscriber_id", sa.Integer, sa.ForeignKey("subscribers.id"), primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    # Versions published before this table existed reached whoever `recipients` records.
    op.execute(
        "INSERT INTO reached (uri, version, subscriber_id, seq) "
        "SELECT e.uri, e.version, r.subscriber_id, MIN(e.seq) FROM events e "
        "JOIN recipients r ON r.uri = e.uri AND e.seq >= r.first_seq "
        "GROUP BY e.uri, e.version, r.subscriber_id"
    )
    with op.batch_alter_table("webhook_endpoints") as batch:
        batch.alter_column("secret", type_=sa.Text, existing_type=sa.String(100), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("webhook_endpoints") as batch:
        batch.alter_column("secret", type_=sa.String(100), existing_type=sa.Text, existing_nullable=False)
    op.drop_table("reached")

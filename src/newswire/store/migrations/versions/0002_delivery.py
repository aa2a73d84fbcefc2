"""Delivery: item tags, planning diary, search index, webhooks outbox, usage audit.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
BIGID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "item_tags",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("label", sa.String(300), nullable=False),
    )
    op.create_index("ix_item_tags_kind_key", "item_tags", ["kind", "key"])
    op.create_table(
        "planning",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uri", sa.String(512), nullable=False),
        sa.Column("start", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("literal", sa.Text),
    )
    op.create_index("ix_planning_uri", "planning", ["uri"])
    op.create_index("ix_planning_start", "planning", ["start"])
    op.create_table(
        "signatures",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("uri", sa.String(512), nullable=False, unique=True),
        sa.Column("sig", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("subscriber_id", sa.Integer, sa.ForeignKey("subscribers.id"), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("secret", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("disabled_at", TZ),
        sa.Column("disabled_reason", sa.Text),
        sa.Column("deleted_at", TZ),
    )
    op.create_index("ix_webhook_endpoints_subscriber_id", "webhook_endpoints", ["subscriber_id"])
    op.create_table(
        "deliveries",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("endpoint_id", sa.String(32), sa.ForeignKey("webhook_endpoints.id"), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("locked_until", TZ),
        sa.Column("delivered_at", TZ),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_deliveries_due", "deliveries", ["status", "next_attempt_at"])
    op.create_index("ix_deliveries_endpoint_seq", "deliveries", ["endpoint_id", "seq"])
    op.create_index("ix_deliveries_pending_head", "deliveries", ["status", "endpoint_id", "seq"])
    op.create_table(
        "delivery_attempts",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("delivery_id", sa.BigInteger, sa.ForeignKey("deliveries.id"), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("status_code", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("duration_ms", sa.Integer, nullable=False),
    )
    op.create_index("ix_delivery_attempts_delivery_id", "delivery_attempts", ["delivery_id"])
    op.create_table(
        "usage",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("subscriber_id", sa.Integer, nullable=False),
        sa.Column("token_id", sa.String(32)),
        sa.Column("uri", sa.String(512), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_usage_subscriber_at", "usage", ["subscriber_id", "at"])
    if op.get_bind().dialect.name == "sqlite":
        # Text is stemmed per language in Python (store/search.py) before it lands here.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "uri UNINDEXED, lang UNINDEXED, terms, tokenize='unicode61 remove_diacritics 2')"
        )
        # FTS5 cannot index the uri column; this maps each uri to its FTS rowid.
        op.execute("CREATE TABLE search_keys (id INTEGER PRIMARY KEY AUTOINCREMENT, uri VARCHAR(512) UNIQUE NOT NULL)")
    else:
        op.execute(
            "CREATE TABLE search_docs (uri VARCHAR(512) PRIMARY KEY, lang VARCHAR(16), "
            "doc TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_search_docs_doc ON search_docs USING GIN (doc)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
        op.execute("DROP TABLE search_keys")
    else:
        op.execute("DROP TABLE search_docs")
    for table in ("usage", "delivery_attempts", "deliveries", "webhook_endpoints", "signatures",
                  "planning", "item_tags"):
        op.drop_table(table)

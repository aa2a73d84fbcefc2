"""The schema (SQLAlchemy Core). Migrations in ``store/migrations`` create exactly this."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# One row: the last event sequence handed out. Writers lock it (UPDATE ... RETURNING) in
# their transaction, so events commit in sequence order and a reader never sees a gap
# that is later filled (see ARCHITECTURE.md, "gap-safe").
sequencer = Table(
    "sequencer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("pub_status", String(16), nullable=False),
    Column("type", String(16), nullable=False),
    Column("language", String(16)),
    Column("urgency", Integer),
    Column("headline", Text, nullable=False),
    Column("public", Boolean, nullable=False),
    Column("embargoed_until", DateTime(timezone=True)),
    Column("embargo_lifted", Boolean, nullable=False),
    Column("first_created", DateTime(timezone=True), nullable=False),
    Column("version_created", DateTime(timezone=True), nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Index("ix_items_embargo_pending", "embargo_lifted", "embargoed_until"),
    Index("ix_items_version_created", "version_created"),
)

versions = Table(
    "versions",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("input_hash", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("type", String(24), nullable=False),
    Column("uri", String(512), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("public", Boolean, nullable=False),
    Column("embargoed", Boolean, nullable=False),
    Column("reason", Text),
    Index("ix_events_uri", "uri", "seq"),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("secret_hash", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id")),
    Column("label", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

products = Table(
    "products",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("filter", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
)

subscribers = Table(
    "subscribers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("rate_limit", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
)

subscriber_products = Table(
    "subscriber_products",
    metadata,
    Column("subscriber_id", Integer, ForeignKey("subscribers.id"), primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), primary_key=True),
)

# Who has been entitled to a version of an item: a kill or correction reaches them even
# after their products change. Written in the publish transaction.
recipients = Table(
    "recipients",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id"), primary_key=True),
    Column("first_seq", BigInteger, nullable=False),
)

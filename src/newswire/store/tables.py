"""The schema (SQLAlchemy Core). Migrations in ``store/migrations`` create exactly this."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

from newswire.store.packing import pack

metadata = MetaData()


class PackedPayload(TypeDecorator[str | bytes]):
    """A payload deflated by :func:`newswire.store.packing.pack` (BLOB, bytea) when written as
    JSON text. Read, the stored value comes back as it is, for :func:`~newswire.store.codec.decode`
    (whose cache is keyed by it): bytes, or text in a row stored uncompressed."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: str | bytes | None, dialect: Dialect) -> bytes | None:
        return pack(value) if isinstance(value, str) else value

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], str | bytes | None]:
        return _as_stored


def _as_stored(value: Any) -> str | bytes | None:
    return bytes(value) if isinstance(value, memoryview) else value

# One row: the last event sequence handed out. Writers lock it (UPDATE ... RETURNING) in
# their transaction, so events commit in sequence order and a reader never sees a gap
# that is later filled (see ARCHITECTURE.md, "gap-safe").
sequencer = Table(
    "sequencer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
    # Moves on with every change to products, subscribers and subscriptions (triggers,
    # migration 0013): the key of the subscriptions routing keeps (delivery.entitlements).
    Column("routing_generation", BigInteger, nullable=False, server_default="0"),
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
    # 0012 (archive scale); also ix_items_language on lower(language) and ix_items_withdrawn,
    # partial: pub_status <> 'usable'
    Index("ix_items_first_created", "first_created"),
)

versions = Table(
    "versions",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("input_hash", String(64), nullable=False),
    Column("payload", PackedPayload, nullable=False),  # 0014: deflated (store.packing)
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

# -- 0003: every (version, subscriber) an event delivered: the per-version read rule
reached = Table(
    "reached",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id"), primary_key=True),
    Column("seq", BigInteger, nullable=False),
)

# -- 0015: each tag an item can carry, once: its kind (topic, section, person, org, place), key
# and display label (a topic's label is in the story's language, a name as the story spells
# it). Rows are added by the publish transaction and never removed, so an id stays valid.
tags = Table(
    "tags",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("key", String(300), nullable=False),
    Column("label", String(300), nullable=False),
    UniqueConstraint("kind", "key", "label", name="uq_tags_kind_key_label"),
)

# -- 0002: what the current version of each item is tagged with, for listings and filters;
# 0015: by the tag's id (it repeated kind, key and label in every story's row and kind and
# key again in an index). No foreign key: tags are never deleted, and on PostgreSQL the
# check would lock a popular tag's row in every publish. SQLite: WITHOUT ROWID (0012), the
# primary key is the row. PostgreSQL: no primary key but ix_item_tags_uri, not unique: a
# unique index holds every (uri, tag_id) in full, where this one holds each story's URI once
# with its rows (deduplicated), 0.8 KB a story less. A story's rows are unique all the same:
# store.index.reindex deletes them before it inserts the tags of the new version, one row
# per tag, and a story's versions are written one after the other (the sequencer's lock).
item_tags = Table(
    "item_tags",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("tag_id", Integer, primary_key=True, autoincrement=False),
    Index("ix_item_tags_tag", "tag_id"),
)

# -- 0014: what links a story's current version to its translations, so the site finds them
# without reading payloads (newswire.store.index.clues_for): per story, the stories it
# names as translations ("u:" and the URI) and its slugline ("s:" and the slugline), with its
# first publication time (translations are looked for within a window of it). SQLite: WITHOUT
# ROWID, the key is the row.
translation_clues = Table(
    "translation_clues",
    metadata,
    Column("clue", String(600), primary_key=True),
    Column("first_created", DateTime(timezone=True), primary_key=True),
    Column("uri", String(512), primary_key=True),
    Index("ix_translation_clues_uri", "uri"),
)

planning = Table(
    "planning",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uri", String(512), nullable=False, index=True),
    Column("start", String(32), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("literal", Text),
)

# Near-duplicate fingerprints (64-bit SimHash of the current version); ids grow with each
# write so every node can catch up on what others stored.
signatures = Table(
    "signatures",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("uri", String(512), nullable=False, unique=True),
    Column("sig", BigInteger, nullable=False),
)

webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("secret", Text, nullable=False),  # encrypted at rest (store.secrets)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
    Column("disabled_reason", Text),
    Column("deleted_at", DateTime(timezone=True)),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("endpoint_id", String(32), ForeignKey("webhook_endpoints.id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("message_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # pending, delivered, dead
    Column("attempts", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True)),
    Column("delivered_at", DateTime(timezone=True)),
    Column("last_status", Integer),
    Column("last_error", Text),
    Index("ix_deliveries_due", "status", "next_attempt_at"),
    Index("ix_deliveries_endpoint_seq", "endpoint_id", "seq"),
    Index("ix_deliveries_pending_head", "status", "endpoint_id", "seq"),
)

delivery_attempts = Table(
    "delivery_attempts",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("delivery_id", BigInteger, ForeignKey("deliveries.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("status_code", Integer),
    Column("error", Text),
    Column("duration_ms", Integer, nullable=False),
)

usage = Table(
    "usage",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("subscriber_id", Integer, nullable=False),
    Column("token_id", String(32)),
    Column("uri", String(512), nullable=False),
    Column("version", Integer, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("count", Integer, nullable=False),
    Column("rendition", String(32)),  # 0007: a picture download (channel "media")
    Index("ix_usage_subscriber_at", "subscriber_id", "at"),
)

# One token bucket per subscriber, shared by every process and node (store.ratelimit):
# ``tokens`` left at ``stamp`` (seconds since the epoch, by the store's clock).
rate_limits = Table(
    "rate_limits",
    metadata,
    Column("subject", String(64), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("stamp", Float, nullable=False),
)

# Partner sources the wire polls (newswire.sources): the declaration, the conditional-request
# validators, the health figures and a lease (``leased_until``) one node takes to poll it.
sources = Table(
    "sources",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("url", Text),
    Column("path", Text),
    Column("interval_seconds", Integer, nullable=False),
    Column("language", String(32)),
    Column("hold", Boolean, nullable=False),
    Column("paused", Boolean, nullable=False),
    Column("credentials", Text),  # sealed (store.secrets); never returned
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_poll_at", DateTime(timezone=True), nullable=False),
    Column("lease_owner", String(64)),
    Column("leased_until", DateTime(timezone=True)),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("failures", Integer, nullable=False),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("state", Text),  # JSON: a watched folder's file sizes seen at the last poll
)

# Every partner item seen: its guid, the wire uri it maps to, and when it last changed.
source_items = Table(
    "source_items",
    metadata,
    Column("source", String(64), primary_key=True),
    Column("guid_hash", String(64), primary_key=True),
    Column("guid", Text, nullable=False),
    Column("uri", String(512), nullable=False),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Index("ix_source_items_changed", "source", "changed_at"),
)

# Items held for the desk (``--hold``): drafts that never reach a subscriber.
held = Table(
    "held",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("source", String(64), nullable=False, index=True),
    Column("input_hash", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # ninjs 3.2
    Column("revision", Integer, nullable=False),
    Column("held_at", DateTime(timezone=True), nullable=False),
)

# -- 0006: the portal's live flow lists current stories by their latest event
Index("ix_items_last_seq", items.c.last_seq)

# -- 0006: people who sign in to the web applications (newswire.portal; the desk later). A
# user belongs to a subscriber organisation (roles member, manager) or to the agency's staff
# (no subscriber; roles reporter, editor, chief, admin).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(320), nullable=False, unique=True),  # stored lower-case
    Column("subscriber_id", Integer, ForeignKey("subscribers.id"), index=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text),  # argon2id; NULL until set through a one-time link
    Column("language", String(16)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True)),
    Column("last_login_at", DateTime(timezone=True)),
    # 0010: the optional second factor (newswire.store.twofactor)
    Column("totp_secret", Text),  # sealed (newswire.store.secrets); pending until totp_enabled_at
    Column("totp_enabled_at", DateTime(timezone=True)),
    Column("totp_last_step", BigInteger),  # the last accepted code's time step: a code is good once
)

# -- 0010: recovery codes of the second factor, SHA-256 of each (shown to the user once).
user_recovery_codes = Table(
    "user_recovery_codes",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("code_hash", String(64), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

# Server-side sessions: the cookie carries a random token, the store its SHA-256 and the
# session's CSRF token.
user_sessions = Table(
    "user_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# One-time links (set or reset a password): stored hashed, expiring, used once.
user_links = Table(
    "user_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("purpose", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

# Failed sign-ins per account name and per client address: each failure past a few free ones
# doubles a refusal window; the count forgets after a quiet hour (never a permanent lockout).
login_throttle = Table(
    "login_throttle",
    metadata,
    Column("subject", String(400), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime(timezone=True), nullable=False),
    Column("blocked_until", DateTime(timezone=True)),
)

# -- 0007: pictures (newswire.media). An asset is one uploaded original, addressed by the
# SHA-256 of its bytes; the worker makes its renditions once (state pending -> done/failed,
# leased like webhook deliveries). media_versions says which original a picture's version shows.
media_assets = Table(
    "media_assets",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content_type", String(64), nullable=False),
    Column("width", Integer, nullable=False),  # as displayed (orientation applied)
    Column("height", Integer, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("locked_until", DateTime(timezone=True)),
    Column("error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_media_assets_state", "state", "locked_until"),
)

media_renditions = Table(
    "media_renditions",
    metadata,
    Column("sha256", String(64), ForeignKey("media_assets.sha256"), primary_key=True),
    Column("name", String(32), primary_key=True),
    Column("blob", String(64), nullable=False),  # the rendition's own content address
    Column("content_type", String(64), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("size", BigInteger, nullable=False),
)

media_versions = Table(
    "media_versions",
    metadata,
    Column("uri", String(512), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("sha256", String(64), ForeignKey("media_assets.sha256"), nullable=False),
)

# -- 0008: the editor's desk (newswire.desk). A draft is private to the desk: it never reaches
# the items, events or any subscriber until published. The audit says who did what, when.
desk_drafts = Table(
    "desk_drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uri", String(512), nullable=False, unique=True),  # the story's URI once published
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("fields", Text, nullable=False),  # the compose form as JSON
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("published_at", DateTime(timezone=True)),
)

desk_audit = Table(
    "desk_audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # draft, publish, correct, kill
    Column("uri", String(512), nullable=False, index=True),
    Column("version", Integer),  # the version the action made (None for a draft)
    Column("detail", Text),  # a correction's note, a kill's reason
)

# -- 0009: what portal users keep and follow (newswire.portal.keep): saved views of the flow,
# bookmarks, follows of a story or a saved view, and the notifications they produce (also
# the outbox of their emails). ``keep_cursor`` is how far the notification follower has read
# the event log.
saved_views = Table(
    "saved_views",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("query", Text, nullable=False),  # the flow's filter as a query string
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_saved_views_user_name", "user_id", "name", unique=True),
)

bookmarks = Table(
    "bookmarks",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("uri", String(512), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

follows = Table(
    "follows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("target", String(600), nullable=False),  # "story:<uri>" or "view:<id>"
    Column("uri", String(512), index=True),  # the story followed
    Column("view_id", Integer, ForeignKey("saved_views.id"), index=True),  # or the saved view
    Column("by_email", Boolean, nullable=False),
    Column("since_seq", BigInteger, nullable=False),  # events after this one notify
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_follows_user_target", "user_id", "target", unique=True),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # an event type, "match" (a saved view) or "shared"
    Column("uri", String(512), nullable=False),
    Column("version", Integer, nullable=False),
    Column("headline", Text, nullable=False),  # of the version the user may read; never body text
    Column("detail", Text),  # the kill notice, the saved view's name, a colleague's note
    Column("embargoed_until", DateTime(timezone=True)),
    Column("from_user_id", Integer, ForeignKey("users.id")),  # who shared it
    Column("dedupe", String(600)),  # one notification per user and key ("story:<uri>:<version>")
    Column("seq", BigInteger),  # the event it came from
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("read_at", DateTime(timezone=True)),
    Column("email_state", String(16)),  # pending, sent, failed; NULL: no email
    Column("email_attempts", Integer, nullable=False),
    Column("email_next_at", DateTime(timezone=True)),
    Column("email_error", Text),
    Index("ix_notifications_user_read", "user_id", "read_at"),
    Index("ix_notifications_user_dedupe", "user_id", "dedupe", unique=True),
    Index("ix_notifications_email_due", "email_state", "email_next_at"),
)

keep_cursor = Table(
    "keep_cursor",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
)

# -- 0011: the desk's planning diary (newswire.store.diary): events made or confirmed by hand.
# ``day`` is the start's date in the event's own time zone (the diary's day); a found event the
# desk confirmed keeps its story (``story_uri``) and what enrichment found (``found_*``).
desk_events = Table(
    "desk_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("day", String(10), nullable=False, index=True),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True)),
    Column("zone", String(64), nullable=False),
    Column("place", Text),
    Column("place_uri", String(200)),
    Column("language", String(16)),
    Column("topic", String(64)),
    Column("notes", Text),
    Column("status", String(16), nullable=False),  # tentative, confirmed, cancelled
    Column("story_uri", String(512), index=True),
    Column("found_start", String(32)),
    Column("found_name", Text),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

"""Packed payloads (issue 16, store size): every version's payload is kept deflated, and the
site finds translations through clues instead of matching text in payloads.

- ``versions.payload`` becomes binary (BLOB, bytea) holding the payload's UTF-8 JSON deflated
  by ``store.packing.pack`` (zlib): a story's JSON compresses about three times, and on SQLite a
  payload just over a page no longer spills most of an overflow page. The table is copied
  (SQLite cannot change a column's type; on PostgreSQL a copy leaves no dead rows behind).
  PostgreSQL compressed large values itself (TOAST); the column is now ``STORAGE EXTERNAL``
  so it does not try again on deflated bytes.
- ``translation_clues``: per story, the stories its current version names as translations and
  its slugline, with its first publication time (``store.index.clues_for``). The
  site's translation lookup matched ``LIKE`` patterns against the payloads of every story of
  a 144-hour window; deflated payloads cannot be matched, and need not be.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    from newswire.store import codec, packing
    from newswire.store.index import clues_for

    op.create_table(
        "translation_clues",
        sa.Column("clue", sa.String(600), primary_key=True),
        sa.Column("first_created", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("uri", sa.String(512), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_translation_clues_uri", "translation_clues", ["uri"])
    bind = op.get_bind()
    clue_rows: list[dict[str, Any]] = []

    def clues(row: Any) -> None:
        """The clues of a story's current version (a killed story has none)."""
        if row.version != row.current or row.pub_status == "canceled":
            return
        item = codec.decode.__wrapped__(row.payload)
        clue_rows.extend({"clue": c, "first_created": row.first_created, "uri": row.uri}
                         for c in clues_for(item))

    def flush() -> None:
        if clue_rows:
            bind.execute(sa.text("INSERT INTO translation_clues (clue, first_created, uri) "
                                 "VALUES (:clue, :first_created, :uri)"),
                         clue_rows)
            clue_rows.clear()

    _copy_versions(sa.LargeBinary(), lambda payload: packing.pack(packing.unpack(payload)), clues, flush)
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE versions ALTER COLUMN payload SET STORAGE EXTERNAL")


def downgrade() -> None:
    from newswire.store import packing

    op.drop_table("translation_clues")
    _copy_versions(sa.Text(), packing.unpack, lambda row: None, lambda: None)


def _copy_versions(payload_type: sa.types.TypeEngine[Any], convert: Callable[[Any], Any],
                   each: Callable[[Any], None], flush: Callable[[], None]) -> None:
    """Copy ``versions`` into a table whose payload column has ``payload_type``, each payload
    converted, in key order and batches (a million stories do not fit in memory); ``each``
    sees every old row with its item's current version, status and first publication time."""
    bind = op.get_bind()
    op.create_table(
        "versions_new",
        sa.Column("uri", sa.String(512), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("input_hash", sa.String(64), nullable=False),
        sa.Column("payload", payload_type, nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    )
    read = sa.text(
        "SELECT v.uri, v.version, v.input_hash, v.payload, v.stored_at, i.version AS current, "
        "i.pub_status, i.first_created FROM versions v LEFT JOIN items i ON i.uri = v.uri "
        "WHERE (v.uri, v.version) > (:uri, :version) ORDER BY v.uri, v.version LIMIT :n")
    write = sa.text("INSERT INTO versions_new (uri, version, input_hash, payload, stored_at) "
                    "VALUES (:uri, :version, :input_hash, :payload, :stored_at)")
    after: dict[str, Any] = {"uri": "", "version": -1, "n": BATCH}
    while rows := bind.execute(read, after).all():
        bind.execute(write, [{"uri": r.uri, "version": r.version, "input_hash": r.input_hash,
                              "payload": convert(r.payload), "stored_at": r.stored_at} for r in rows])
        for row in rows:
            each(row)
        flush()
        after.update(uri=rows[-1].uri, version=rows[-1].version)
    op.drop_table("versions")
    op.rename_table("versions_new", "versions")
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE versions RENAME CONSTRAINT versions_new_pkey TO versions_pkey")

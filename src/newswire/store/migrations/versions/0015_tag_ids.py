"""Tags by id (issue 16, store size): each tag is kept once, in ``tags`` (kind, key, label),
and ``item_tags`` holds a story's URI and the tag's id.

``item_tags`` repeated each tag's kind, key and display label in every story's row, and kind
and key again in its lookup index: 2.4 KB a story on PostgreSQL (1.6 KB on SQLite) for about
eleven tags drawn from a few thousand. A tag is (kind, key, label), as the rows were: a
topic's label is in the story's language and a name is spelled as the story spells it, so
nothing stored is lost and the downgrade gives back the same rows.

PostgreSQL: ``item_tags`` has no primary key but a plain index on ``uri``, which keeps each
story's URI once for all its rows (B-tree deduplication; a unique index cannot): 130 bytes a
story against 940 for the (uri, tag_id) key. SQLite keeps the key, a WITHOUT ROWID table's row.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("label", sa.String(300), nullable=False),
        sa.UniqueConstraint("kind", "key", "label", name="uq_tags_kind_key_label"),
    )
    op.execute("INSERT INTO tags (kind, key, label) SELECT DISTINCT kind, key, label FROM item_tags "
               "ORDER BY kind, key, label")
    op.execute("CREATE TABLE item_tags_new (uri VARCHAR(512) NOT NULL, tag_id INTEGER NOT NULL"
               + (", PRIMARY KEY (uri, tag_id)) WITHOUT ROWID" if sqlite else ")"))
    op.execute("INSERT INTO item_tags_new (uri, tag_id) SELECT t.uri, g.id FROM item_tags t JOIN tags g "
               "ON g.kind = t.kind AND g.key = t.key AND g.label = t.label ORDER BY t.uri, g.id")
    op.execute("DROP TABLE item_tags")
    op.rename_table("item_tags_new", "item_tags")
    if not sqlite:
        op.create_index("ix_item_tags_uri", "item_tags", ["uri"])
    op.create_index("ix_item_tags_tag", "item_tags", ["tag_id"])


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("CREATE TABLE item_tags_new (uri VARCHAR(512) NOT NULL, kind VARCHAR(16) NOT NULL, "
               "key VARCHAR(300) NOT NULL, label VARCHAR(300) NOT NULL, "
               "CONSTRAINT item_tags_new_pkey PRIMARY KEY (uri, kind, key))" + (" WITHOUT ROWID" if sqlite else ""))
    op.execute("INSERT INTO item_tags_new (uri, kind, key, label) SELECT t.uri, g.kind, g.key, g.label "
               "FROM item_tags t JOIN tags g ON g.id = t.tag_id ORDER BY t.uri, g.kind, g.key")
    op.execute("DROP TABLE item_tags")
    op.rename_table("item_tags_new", "item_tags")
    if not sqlite:  # the name PostgreSQL gave the key when 0002 created the table
        op.execute("ALTER TABLE item_tags RENAME CONSTRAINT item_tags_new_pkey TO item_tags_pkey")
    op.execute("CREATE INDEX ix_item_tags_kind_key ON item_tags (kind, key)")
    op.drop_table("tags")

"""Archive scale (issue 16): indexes for the reads that scanned the items table, and less
stored twice on SQLite.

- ``items``: the language (lower-cased, as the site and the portal compare it), the first
  publication time (a story's translations are looked for within 72 hours of it) and the
  withdrawn stories (killed or withheld: the node's event window loads them at start).
- SQLite: the FTS5 table becomes contentless (``content=''``): it kept a second copy of every
  story's stemmed text beside its index (a fifth of the store). Its rowid is the story's row in
  ``search_keys``; a new version's text gets a new rowid and the old one is no longer mapped
  (``store.search``). The copy is the conversion's source, so it is read once here.
- SQLite: ``item_tags`` becomes a WITHOUT ROWID table: its primary key was a second copy of
  every row.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"


def upgrade() -> None:
    op.execute("CREATE INDEX ix_items_language ON items (lower(language))")
    op.create_index("ix_items_first_created", "items", ["first_created"])
    op.execute("CREATE INDEX ix_items_withdrawn ON items (pub_status) WHERE pub_status <> 'usable'")
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE VIRTUAL TABLE search_fts_new USING fts5(terms, content='', {_TOKENIZE})")
    op.execute("INSERT INTO search_fts_new (rowid, terms) SELECT rowid, terms FROM search_fts")
    op.execute("DROP TABLE search_fts")
    op.execute("ALTER TABLE search_fts_new RENAME TO search_fts")
    _item_tags(without_rowid=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _item_tags(without_rowid=False)
        _restore_fts_content()
    for name in ("ix_items_withdrawn", "ix_items_first_created", "ix_items_language"):
        op.execute(f"DROP INDEX {name}")


def _item_tags(*, without_rowid: bool) -> None:
    op.execute(
        "CREATE TABLE item_tags_new (uri VARCHAR(512) NOT NULL, kind VARCHAR(16) NOT NULL, "
        "key VARCHAR(300) NOT NULL, label VARCHAR(300) NOT NULL, PRIMARY KEY (uri, kind, key))"
        + (" WITHOUT ROWID" if without_rowid else "")
    )
    op.execute("INSERT INTO item_tags_new (uri, kind, key, label) SELECT uri, kind, key, label FROM item_tags")
    op.execute("DROP TABLE item_tags")
    op.execute("ALTER TABLE item_tags_new RENAME TO item_tags")
    op.execute("CREATE INDEX ix_item_tags_kind_key ON item_tags (kind, key)")


def _restore_fts_content() -> None:
    """The table with its copy of the text, indexed again from each story's current version
    (a contentless table cannot hand its text back)."""
    from sqlalchemy import text

    from newswire.store import codec, search

    bind = op.get_bind()
    op.execute("DROP TABLE search_fts")
    op.execute(f"CREATE VIRTUAL TABLE search_fts USING fts5(uri UNINDEXED, lang UNINDEXED, terms, {_TOKENIZE})")
    rows = bind.execute(text(
        "SELECT k.id, i.uri, v.payload FROM search_keys k JOIN items i ON i.uri = k.uri "
        "JOIN versions v ON v.uri = i.uri AND v.version = i.version WHERE i.pub_status <> 'canceled'"))
    for rowid, uri, payload in rows.all():
        item = codec.decode(payload)
        lang = search._lang(item.language)
        terms = " ".join(search.stem_words(search.document_text(item), lang))
        bind.execute(text("INSERT INTO search_fts (rowid, uri, lang, terms) VALUES (:r, :u, :l, :t)"),
                     {"r": rowid, "u": uri, "l": lang, "t": terms})

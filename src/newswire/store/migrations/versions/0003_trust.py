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
    _backfill_reached()
    with op.batch_alter_table("webhook_endpoints") as batch:
        batch.alter_column("secret", type_=sa.Text, existing_type=sa.String(100), existing_nullable=False)


def _backfill_reached() -> None:
    """Which versions reached whom before this table existed: `recipients` only says who had
    each story from which event on. Each later event is decided again by routing (with the
    subscriber's products as they are now, the event's own embargo flag, and the follow-up
    rule), so an embargoed update or one outside the contract is never granted by the backfill."""
    import json

    from newswire.routing import Product, reaches
    from newswire.store import codec

    conn = op.get_bind()
    held: dict[int, list[Product]] = {}
    for sid, name, filters in conn.execute(sa.text(
            "SELECT sp.subscriber_id, p.name, p.filter FROM subscriber_products sp "
            "JOIN products p ON p.id = sp.product_id WHERE p.disabled_at IS NULL")):
        held.setdefault(sid, []).append(Product.from_dict(name, json.loads(filters)))
    rows = conn.execute(sa.text(
        "SELECT e.seq, e.type, e.uri, e.version, e.embargoed, r.subscriber_id, r.first_seq, v.payload "
        "FROM events e JOIN recipients r ON r.uri = e.uri AND e.seq >= r.first_seq "
        "JOIN versions v ON v.uri = e.uri AND v.version = e.version ORDER BY e.seq"))
    seen: set[tuple[str, int, int]] = set()
    for seq, type_, uri, version, embargoed, sid, first_seq, payload in rows:
        key = (uri, version, sid)
        if key in seen:
            continue
        item = codec.decode(payload)
        first = seq == first_seq  # the event that made it a recipient reached it
        if first or reaches(type_, bool(embargoed), item, held.get(sid, []), was_recipient=True):
            seen.add(key)
            conn.execute(sa.text("INSERT INTO reached (uri, version, subscriber_id, seq) "
                                 "VALUES (:uri, :version, :sid, :seq)"),
                         {"uri": uri, "version": version, "sid": sid, "seq": seq})


def downgrade() -> None:
    with op.batch_alter_table("webhook_endpoints") as batch:
        batch.alter_column("secret", type_=sa.String(100), existing_type=sa.Text, existing_nullable=False)
    op.drop_table("reached")

"""Version 6: `item_note`, the items that named a watched season yet claimed nothing about it
(or set cues aside), with the extractor's reasons, so `why` can show them (issue 10).

Revision ID: v6
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from monitor.state.tables import UTCDateTime

revision = "v6"
down_revision = "v5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    # A pre-release database without `item` gets both from the models after the upgrade.
    if "item_note" in tables or not {"item", "season"} <= tables:
        return
    op.create_table(
        "item_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "item_id", sa.Integer(), sa.ForeignKey("item.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "season_id",
            sa.Integer(),
            sa.ForeignKey("season.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("trust", sa.Integer(), nullable=False),
        sa.Column("published", UTCDateTime(), nullable=True),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_item_note_season", "item_note", ["season_id"])
    op.create_index("ix_item_note_item", "item_note", ["item_id"])

"""Version 3: baselines per (season, source) in `season_source`.

Revision ID: v3
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "v3"
down_revision = "v2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "season_source" not in sa.inspect(op.get_bind()).get_table_names():
        op.create_table(
            "season_source",
            sa.Column(
                "season_id",
                sa.Integer(),
                sa.ForeignKey("season.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("source", sa.String(400), primary_key=True),
            sa.Column("read_at", sa.DateTime(), nullable=False),
        )
    # A source that had already answered since the season appeared has given its backlog;
    # any other one's first read stays silent.
    op.execute(
        "INSERT INTO season_source (season_id, source, read_at) "
        "SELECT s.id, ss.name, ss.last_success FROM season s, source_state ss "
        "WHERE ss.last_success IS NOT NULL AND (NOT s.baseline OR ss.last_success >= s.created_at) "
        "AND NOT EXISTS (SELECT 1 FROM season_source x "
        "WHERE x.season_id = s.id AND x.source = ss.name)"
    )

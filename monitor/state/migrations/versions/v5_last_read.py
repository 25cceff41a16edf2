"""Version 5: baselines without a row per (season, source): `source_state.last_read` replaces
`season_source` (issue 12's rule: a source's read is a watch's backlog when its previous read
is older than the season's `created_at`).

Revision ID: v5
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from monitor.state.tables import UTCDateTime

revision = "v5"
down_revision = "v4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if "last_read" not in {c["name"] for c in sa.inspect(bind).get_columns("source_state")}:
        op.add_column("source_state", sa.Column("last_read", UTCDateTime(), nullable=True))
    if "season_source" not in sa.inspect(bind).get_table_names():
        return
    # The latest created_at (or read_at) among a source's rows of active seasons keeps
    # exactly those rows' seasons "read": every read added rows for all active seasons at
    # once, so a season it lacks was created after all of them.
    pairs = sa.table(
        "season_source",
        sa.column("season_id", sa.Integer()),
        sa.column("source", sa.String()),
        sa.column("read_at", UTCDateTime()),
    )
    seasons = sa.table(
        "season",
        sa.column("id", sa.Integer()),
        sa.column("created_at", UTCDateTime()),
        sa.column("active", sa.Boolean()),
    )
    sources = sa.table("source_state", sa.column("name", sa.String()), sa.column("last_read"))
    rows = bind.execute(
        sa.select(pairs.c.source, sa.func.max(seasons.c.created_at), sa.func.max(pairs.c.read_at))
        .select_from(pairs.join(seasons, seasons.c.id == pairs.c.season_id))
        .where(seasons.c.active)
        .group_by(pairs.c.source)
    ).all()
    for source, created, read in rows:
        latest = max(t for t in (created, read) if t is not None)
        bind.execute(
            sa.update(sources)
            .where(sources.c.name == source)
            .values(last_read=sa.literal(latest, UTCDateTime()))
        )
    op.drop_table("season_source")

"""Version 2: `season.active` (a watch removed and re-added is baselined again).

Revision ID: v2
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "v2"
down_revision = "v1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("season")}
    if "active" not in columns:
        # Every season of an older database was being watched as far as it knew.
        op.add_column(
            "season",
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        )

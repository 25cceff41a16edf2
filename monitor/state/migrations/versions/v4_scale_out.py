"""Version 4: several daemons on one database: source leases, a heartbeat row per daemon
with its host, watchlist and claims; Alembic replaces the hand-made `schema_version`.

Revision ID: v4
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "v4"
down_revision = "v3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    if "source_lease" not in tables:
        op.create_table(
            "source_lease",
            sa.Column("name", sa.String(400), primary_key=True),
            sa.Column("token", sa.String(64), nullable=True),
            sa.Column("holder", sa.String(200), nullable=True),
            sa.Column("locked_until", sa.DateTime(), nullable=True),
        )
    if "daemon_heartbeat" in tables:
        columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("daemon_heartbeat")}
        with op.batch_alter_table("daemon_heartbeat") as batch:
            if "host" not in columns:
                batch.add_column(
                    sa.Column("host", sa.String(200), nullable=False, server_default="")
                )
            if "watch_hash" not in columns:
                batch.add_column(sa.Column("watch_hash", sa.String(64), nullable=True))
            if "claimed" not in columns:
                batch.add_column(
                    sa.Column("claimed", sa.Integer(), nullable=False, server_default="0")
                )
        # Before version 4 the instance was the host name.
        op.execute("UPDATE daemon_heartbeat SET host = instance WHERE host = ''")
    if "schema_version" in tables:
        op.drop_table("schema_version")

"""Version 1: the schema of the first release, made by hand (no DDL: a starting point).

Revision ID: v1
"""

from __future__ import annotations

revision = "v1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Databases at version 1 already have these tables; new databases are created from the
    # models and stamped at head, never walked through here.
    pass

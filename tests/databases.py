"""Both engines for the storage, pipeline, outbox and daemon tests: a SQLite file, or a
fresh schema on the PostgreSQL server named by RELEASE_MONITOR_TEST_PG.

In CI (`.ci/run` starts a throw-away server) a missing server is a failure, never a skip.
Locally: `eval "$(bash .ci/pg start)"` first (see README, "Running the tests").
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

ENV_PG = "RELEASE_MONITOR_TEST_PG"
ENGINES = ("sqlite", "postgresql")


def pg_server_url() -> str:
    """The test server's URL; skip (locally) or fail (in CI) without one."""
    url = os.environ.get(ENV_PG)
    if url:
        return url
    message = f'no PostgreSQL test server: run `eval "$(bash .ci/pg start)"` to set {ENV_PG}'
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def pg_schema() -> Iterator[str]:
    """A URL whose connections see only a new, empty schema, dropped afterwards."""
    server = pg_server_url()
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, pool_size=1, max_overflow=0)
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {name}"))
        sep = "&" if "?" in server else "?"
        yield f"{server}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        admin.dispose()


@contextmanager
def database_for(engine: str, folder: Path, name: str = "state.db") -> Iterator[str]:
    if engine == "sqlite":
        yield f"sqlite:///{folder / name}"
        return
    with pg_schema() as url:
        yield url


def toml_string(url: str) -> str:
    """The URL as a TOML basic string."""
    return '"' + url.replace("\\", "\\\\").replace('"', '\\"') + '"'

"""Shared fixtures: the repository root, a CLI runner that uses a real subprocess, and a
real HTTP feed server on 127.0.0.1 (`feed_server`, see tests/feedserver.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from monitor.sources.http import Fetcher
from tests.databases import ENGINES, database_for
from tests.feedserver import FeedServer

ROOT = Path(__file__).resolve().parent.parent
TEST_USER_AGENT = "release-monitor-tests/1.0 (+https://example.invalid)"


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m monitor ARGS` in a child process, as a user would."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        cwd=cwd or ROOT,
        env={**base, "PYTHONPATH": str(ROOT), **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer; script it with `feed_server.add(path, body, ...)`."""
    server = FeedServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """A Fetcher with a test User-Agent, a 1 MiB body cap and a 5 s deadline."""
    f = Fetcher(TEST_USER_AGENT, max_body_bytes=1024 * 1024, deadline=timedelta(seconds=5))
    try:
        yield f
    finally:
        f.close()


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each engine: a SQLite file, then a PostgreSQL schema."""
    with database_for(request.param, tmp_path) as url:
        yield url

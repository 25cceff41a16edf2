"""Transient database errors (serialisation failure, deadlock, a dropped connection, a
fail-over, SQLite's busy file) are retried with backoff instead of failing the caller."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")
log = logging.getLogger("monitor.state")

# SQLSTATEs worth another try: serialisation failure, deadlock, lock timeout, connection
# failures, admin/crash shutdown (a fail-over), too many connections, read-only (a standby
# promoted a moment later).
TRANSIENT_SQLSTATES = frozenset(
    {
        "40001",
        "40P01",
        "55P03",
        "08000",
        "08001",
        "08003",
        "08004",
        "08006",
        "57P01",
        "57P02",
        "57P03",
        "53300",
        "25006",
        # unique violation: another daemon inserted the same new row first (a season or a
        # source seen for the first time); the retry finds the row and updates it instead.
        "23505",
    }
)
ATTEMPTS = 6
BASE_DELAY = 0.2
MAX_DELAY = 5.0


def sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code else None


def is_transient(exc: BaseException) -> bool:
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    if sqlstate(exc) in TRANSIENT_SQLSTATES:
        return True
    text = str(exc.orig).lower()
    return "database is locked" in text or "server closed the connection" in text


def delay(attempt: int, rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff with full jitter: attempt 1 waits up to 0.2 s, then 0.4 s, ..."""
    cap: float = min(MAX_DELAY, BASE_DELAY * 2 ** (attempt - 1))
    return cap * (0.5 + rng() / 2)


def retrying(
    func: Callable[[], T],
    *,
    what: str,
    attempts: int = ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`func()`, again after a transient error (at most `attempts` times in all)."""
    for attempt in range(1, attempts + 1):
        try:
            return func()
        except DBAPIError as exc:
            if attempt == attempts or not is_transient(exc):
                raise
            wait = delay(attempt)
            log.warning(
                "%s: transient database error (%s), retrying in %.1fs",
                what,
                sqlstate(exc) or type(exc.orig).__name__,
                wait,
            )
            sleep(wait)
    raise AssertionError("unreachable")

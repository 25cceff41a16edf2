"""Transient database errors are retried with backoff, others are not; pool and statement
limits reach the server. Real errors from the PostgreSQL test server, no mocks."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from monitor.state import db
from monitor.state.retry import MAX_DELAY, delay, is_transient, retrying, sqlstate
from tests.databases import pg_schema


@pytest.mark.parametrize(
    ("attempt", "jitter", "expected"),
    [
        pytest.param(1, 0.0, 0.1, id="first-least"),
        pytest.param(1, 1.0, 0.2, id="first-most"),
        pytest.param(3, 1.0, 0.8, id="doubles"),
        pytest.param(20, 1.0, MAX_DELAY, id="capped"),
    ],
)
def test_backoff_grows_with_jitter_and_a_cap(attempt: int, jitter: float, expected: float) -> None:
    assert delay(attempt, rng=lambda: jitter) == pytest.approx(expected)


def test_a_lock_timeout_is_retried_and_the_next_attempt_succeeds() -> None:
    with pg_schema() as url:
        engine = db.make_engine(url, db.PoolOptions(lock_timeout_ms=200))
        other = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO source_state (name, failures) VALUES ('A', 0)"))
            holder = other.connect()
            holder.begin()
            holder.execute(text("SELECT * FROM source_state WHERE name = 'A' FOR UPDATE"))
            attempts: list[int] = []
            waits: list[float] = []

            def update() -> int:
                attempts.append(1)
                with engine.begin() as conn:
                    return conn.execute(
                        text("UPDATE source_state SET failures = 1 WHERE name = 'A'")
                    ).rowcount

            def sleep(seconds: float) -> None:
                waits.append(seconds)
                holder.rollback()  # the other transaction ends meanwhile
                holder.close()

            assert retrying(update, what="test", sleep=sleep) == 1
            assert (len(attempts), len(waits)) == (2, 1)
        finally:
            other.dispose()
            engine.dispose()


def test_a_statement_timeout_applies_and_is_not_retried() -> None:
    with pg_schema() as url:
        engine = db.make_engine(url, db.PoolOptions(statement_timeout_ms=300))
        try:
            attempts: list[int] = []

            def slow() -> None:
                attempts.append(1)
                with engine.connect() as conn:
                    conn.execute(text("SELECT pg_sleep(5)"))

            with pytest.raises(DBAPIError) as caught:
                retrying(slow, what="test", sleep=lambda _s: None)
            assert sqlstate(caught.value) == "57014"  # query_canceled: a real limit, not luck
            assert not is_transient(caught.value)
            assert attempts == [1]
            with engine.connect() as conn:
                assert conn.execute(text("SHOW statement_timeout")).scalar() == "300ms"
        finally:
            engine.dispose()


def test_pool_limits_reach_the_engine() -> None:
    with pg_schema() as url:
        engine = db.make_engine(url, db.PoolOptions(pool_size=2, max_overflow=1))
        try:
            assert (engine.pool.size(), engine.pool._max_overflow) == (2, 1)  # type: ignore[attr-defined]
        finally:
            engine.dispose()

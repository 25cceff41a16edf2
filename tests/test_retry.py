"""Transient database errors are retried with backoff, others are not; pool and statement
limits reach the server. Real errors from the PostgreSQL test server, no mocks."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
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


def test_a_serialisation_failure_is_retried() -> None:
    # Repeatable read: the first attempt's snapshot predates another daemon's committed
    # update of the same row, so its own update fails with 40001; the retry sees the new row.
    with pg_schema() as url:
        engine = db.make_engine(url, db.PoolOptions())
        other = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO source_state (name, failures) VALUES ('A', 0)"))
            errors: list[str | None] = []

            def bump() -> int:
                snapshot = engine.execution_options(isolation_level="REPEATABLE READ")
                with snapshot.connect() as conn, conn.begin():
                    seen = conn.execute(
                        text("SELECT failures FROM source_state WHERE name = 'A'")
                    ).scalar_one()
                    if not errors:  # first attempt: someone else writes meanwhile
                        with other.begin() as theirs:
                            theirs.execute(
                                text("UPDATE source_state SET failures = 10 WHERE name = 'A'")
                            )
                    conn.execute(
                        text("UPDATE source_state SET failures = :n WHERE name = 'A'"),
                        {"n": seen + 1},
                    )
                    return int(seen) + 1

            def sleep(_seconds: float) -> None:
                errors.append("slept")

            assert retrying(bump, what="test", sleep=sleep) == 11  # built on the other's write
            assert errors == ["slept"]
        finally:
            other.dispose()
            engine.dispose()


def test_a_deadlock_victim_is_retried() -> None:
    # Two transactions take two rows in opposite orders; PostgreSQL aborts one with 40P01.
    # The other side waits longer before checking, so the victim is always ours.
    with pg_schema() as url:
        engine = db.make_engine(url, db.PoolOptions())
        other = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(
                    text("INSERT INTO source_state (name, failures) VALUES ('A', 0), ('B', 0)")
                )
            codes: list[str | None] = []
            attempts: list[int] = []

            def both() -> None:
                attempts.append(1)
                with engine.begin() as conn:
                    conn.execute(text("SET LOCAL deadlock_timeout = '200ms'"))
                    conn.execute(text("UPDATE source_state SET failures = 1 WHERE name = 'A'"))
                    if len(attempts) == 1:
                        theirs = other.connect()
                        tx = theirs.begin()
                        theirs.execute(text("SET LOCAL deadlock_timeout = '30s'"))
                        theirs.execute(
                            text("UPDATE source_state SET failures = 2 WHERE name = 'B'")
                        )

                        def take_a() -> None:  # blocks on our row A until we are aborted
                            theirs.execute(
                                text("UPDATE source_state SET failures = 2 WHERE name = 'A'")
                            )
                            tx.commit()
                            theirs.close()

                        thread = threading.Thread(target=take_a)
                        thread.start()
                        try:
                            wait_until_blocked(other)
                            conn.execute(
                                text("UPDATE source_state SET failures = 1 WHERE name = 'B'")
                            )
                        except DBAPIError as exc:
                            codes.append(sqlstate(exc))
                            raise
                        finally:
                            threads.append(thread)
                    else:
                        conn.execute(text("UPDATE source_state SET failures = 1 WHERE name = 'B'"))

            threads: list[threading.Thread] = []

            def sleep(_seconds: float) -> None:
                for thread in threads:
                    thread.join(10)  # the other side finishes once our victim rolled back

            retrying(both, what="test", sleep=sleep)
            assert codes == ["40P01"] and len(attempts) == 2
            with engine.connect() as conn:
                rows = dict(conn.execute(text("SELECT name, failures FROM source_state")).all())
            assert rows == {"A": 1, "B": 1}  # ours, retried, is the last word on both rows
        finally:
            other.dispose()
            engine.dispose()


def wait_until_blocked(engine: Engine) -> None:
    """Until some backend of the server waits on a lock (the other side's second update)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            waiting = conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            ).scalar_one()
        if waiting:
            return
        time.sleep(0.05)
    raise AssertionError("the other transaction never blocked")


def test_a_dropped_connection_is_retried_on_a_new_one() -> None:
    # A fail-over or a restart kills the server side of a connection mid-transaction
    # (57P01 "terminating connection due to administrator command"): retried, not fatal.
    with pg_schema() as url:
        engine = db.make_engine(url, db.PoolOptions())
        other = create_engine(url)
        try:
            pids: list[int] = []
            failures: list[BaseException] = []

            def count() -> int:
                with engine.connect() as conn:
                    pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
                    pids.append(pid)
                    if len(pids) == 1:
                        with other.connect() as admin:
                            admin.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                    try:
                        return int(
                            conn.execute(text("SELECT count(*) FROM source_state")).scalar_one()
                        )
                    except DBAPIError as exc:
                        failures.append(exc)
                        raise

            assert retrying(count, what="test", sleep=lambda _s: None) == 0
            assert len(failures) == 1 and is_transient(failures[0])
            assert len(pids) == 2 and pids[0] != pids[1]
        finally:
            other.dispose()
            engine.dispose()

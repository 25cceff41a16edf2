"""`release-monitor health`: the pure verdict, and the command against a real SQLite file."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.state.health import Heartbeat, HeartbeatStore, verdict
from monitor.state.repository import Repository
from monitor.state.tables import DeliveryRow, EventRow
from tests.conftest import run_cli

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def beat(age: float, tick: float = 5.0, stopped: float | None = None) -> Heartbeat:
    return Heartbeat(
        instance="pi",
        pid=42,
        started_at=NOW - timedelta(hours=1),
        last_tick=NOW - timedelta(seconds=age),
        tick_seconds=tick,
        stopped_at=None if stopped is None else NOW - timedelta(seconds=stopped),
    )


@pytest.mark.parametrize(
    ("heartbeat", "dead", "healthy", "reason"),
    [
        pytest.param(beat(2), 0, True, "ok", id="fresh"),
        pytest.param(None, 0, False, "no daemon has run", id="never-ran"),
        pytest.param(beat(29, tick=1), 0, True, "ok", id="floor-protects-short-ticks"),
        pytest.param(beat(89, tick=30), 0, True, "ok", id="within-three-ticks"),
        pytest.param(beat(95, tick=30), 0, False, "last tick was 95s ago", id="stale"),
        pytest.param(beat(3 * 3600, tick=30), 0, False, "last tick was 3h ago", id="hours"),
        pytest.param(beat(60, stopped=10), 0, False, "daemon stopped 10s ago", id="stopped"),
        pytest.param(beat(2), 1, False, "1 dead delivery", id="one-dead"),
        pytest.param(beat(2), 3, False, "3 dead deliveries", id="dead"),
    ],
)
def test_verdict(heartbeat: Heartbeat | None, dead: int, healthy: bool, reason: str) -> None:
    ok, line = verdict(heartbeat, dead, NOW)
    assert ok is healthy
    assert reason in line
    assert "\n" not in line


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text('[monitor]\ndatabase = "sqlite:///rm.db"\ninterval = "10s"\n', "utf-8")
    return path


def test_health_without_database(tmp_path: Path) -> None:
    result = run_cli("-c", str(write_config(tmp_path)), "health")
    assert result.returncode == 1
    assert "no database" in result.stderr
    assert not (tmp_path / "rm.db").exists()  # a read-only command creates nothing


def test_health_follows_the_heartbeat(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    repo = Repository.open(f"sqlite:///{tmp_path / 'rm.db'}")
    store = HeartbeatStore(repo, instance="pi")  # this host's daemon
    now = datetime.now(UTC)
    store.beat(pid=7, started_at=now, now=now, tick_seconds=5)

    fresh = run_cli("-c", str(config), "health")
    assert (fresh.returncode, fresh.stdout.splitlines()[0]) == (0, "ok")
    assert fresh.stdout.splitlines()[1].startswith(f"daemon on {socket.gethostname()} (pid 7)")

    store.beat(pid=7, started_at=now, now=now - timedelta(minutes=10), tick_seconds=5)
    stale = run_cli("-c", str(config), "health")
    assert stale.returncode == 1
    assert "last tick was 10m ago" in stale.stderr
    assert len(stale.stderr.strip().splitlines()) == 1

    store.beat(pid=7, started_at=now, now=now, tick_seconds=5)
    with repo.transaction() as session:
        event = EventRow(kind="renewed", show="Dark", season=2, at=now)
        session.add(event)
        session.flush()
        for n, status in enumerate(("dead", "sent")):
            session.add(
                DeliveryRow(
                    event_id=event.id,  # type: ignore[arg-type]
                    key=f"k{n}",
                    target="t",
                    target_label="t",
                    title="",
                    body="",
                    status=status,
                    created_at=now,
                    next_attempt=now,
                )
            )
    repo.close()
    dead = run_cli("-c", str(config), "health")
    assert dead.returncode == 1
    assert "1 dead delivery" in dead.stderr


def test_health_fails_for_this_hosts_daemon_only(tmp_path: Path) -> None:
    """Another host's dead daemon is not this host's problem; this host's is."""
    config = write_config(tmp_path)
    repo = Repository.open(f"sqlite:///{tmp_path / 'rm.db'}")
    now = datetime.now(UTC)
    here = HeartbeatStore(repo, instance="here")
    there = HeartbeatStore(repo, instance="there", host="other-host")
    here.beat(pid=7, started_at=now, now=now, tick_seconds=5)
    there.beat(pid=8, started_at=now, now=now - timedelta(hours=1), tick_seconds=5)
    fine = run_cli("-c", str(config), "health")
    assert fine.returncode == 0, fine.stderr
    assert "other-host" not in fine.stdout  # not live: not listed

    here.beat(pid=7, started_at=now, now=now - timedelta(hours=1), tick_seconds=5)
    there.beat(pid=8, started_at=now, now=now, tick_seconds=5)
    repo.close()
    stale = run_cli("-c", str(config), "health")
    assert stale.returncode == 1
    assert f"last tick was 60m ago (pid 7 on {socket.gethostname()})" in stale.stderr
    assert "daemon on other-host (pid 8)" in stale.stdout  # the live one is still listed

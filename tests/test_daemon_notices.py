"""Health notices through the real outbox (SQLite on disk): one alert per failure streak,
one recovery, one message per broken config; and the `sources` listing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.config import Config, config_from_dict
from monitor.models import SourcePoll, SourceState, Trust
from monitor.notify.notices import config_error, config_fixed, source_alert
from monitor.state.repository import Repository
from monitor.state.source_health import (
    FAILING_AFTER,
    SourceHealth,
    alert_transition,
    masked_url,
    render_table,
    reschedule,
    source_health,
)
from monitor.state.tables import ItemRow, SourceStateRow
from tests.conftest import run_cli

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("failures", "alerted", "expected"),
    [
        pytest.param(0, False, None, id="healthy"),
        pytest.param(FAILING_AFTER - 1, False, None, id="not-yet"),
        pytest.param(FAILING_AFTER, False, "source_failing", id="threshold"),
        pytest.param(FAILING_AFTER + 3, False, "source_failing", id="missed-threshold"),
        pytest.param(FAILING_AFTER + 1, True, None, id="already-alerted"),
        pytest.param(2, True, None, id="alerted-still-failing-after-one-success"),
        pytest.param(0, True, "source_recovered", id="recovered"),
    ],
)
def test_alert_transition(failures: int, alerted: bool, expected: str | None) -> None:
    assert alert_transition(failures, alerted) == expected


@pytest.fixture
def repo(database_url: str) -> Iterator[Repository]:
    repo = Repository.open(database_url)
    yield repo
    repo.close()


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(
        {"notify": {"urls": ["json://127.0.0.1:9/a", "mailto://u:pw@127.0.0.1:25?mode=insecure"]}},
        base_dir=tmp_path,
    )


def set_failures(repo: Repository, name: str, failures: int, error: str | None = None) -> None:
    with repo.transaction() as session:
        row = session.get(SourceStateRow, name) or SourceStateRow(name=name)
        row.failures = failures
        row.last_error = error if failures else None
        row.next_check = NOW + timedelta(minutes=5)
        session.add(row)


def test_one_alert_per_streak_and_one_recovery(repo: Repository, config: Config) -> None:
    kinds = []
    for failures in [*range(1, FAILING_AFTER + 4), 0, 0, 1]:
        set_failures(repo, "Deadline", failures, "HTTP 500: the server failed")
        event = source_alert(repo, config, "Deadline", NOW + timedelta(minutes=failures))
        kinds.append(event.kind if event else None)
    assert [k for k in kinds if k] == ["source_failing", "source_recovered"]
    assert kinds.index("source_failing") == FAILING_AFTER - 1
    titles = [d.title for d in repo.deliveries()]
    assert len(titles) == 4  # two events, two targets each
    bodies_ok = all("pw" not in d.target_label for d in repo.deliveries())
    assert bodies_ok


def test_alert_message_names_source_and_error(repo: Repository, config: Config) -> None:
    set_failures(repo, "Variety", FAILING_AFTER, "HTTP 503: service unavailable")
    event = source_alert(repo, config, "Variety", NOW)
    assert event is not None
    assert event.new is not None
    assert "Variety" in event.new and "503" in event.new
    assert source_alert(repo, config, "Variety", NOW) is None  # a re-run adds nothing
    assert len(repo.deliveries()) == 2


def test_config_error_once_per_content_until_fixed(repo: Repository, config: Config) -> None:
    first = config_error(repo, config, "config.toml", "watch[0].season: bad", "abc", NOW)
    again = config_error(repo, config, "config.toml", "watch[0].season: bad", "abc", NOW)
    other = config_error(repo, config, "config.toml", "feeds[1].url: bad", "def", NOW)
    assert first is not None and again is None and other is not None
    config_fixed(repo)
    assert config_error(repo, config, "config.toml", "watch[0].season: bad", "abc", NOW)
    assert len(repo.deliveries()) == 6


@dataclass(frozen=True)
class Src:
    name: str
    url: str
    kind: str = "rss"
    interval: timedelta = timedelta(hours=1)
    trust: Trust | None = None

    def poll(self, fetcher: object, state: SourceState, now: datetime) -> SourcePoll:
        raise AssertionError("not polled here")


def test_source_health_joins_state_and_items(repo: Repository) -> None:
    set_failures(repo, "Deadline", 2, "timed out")
    with repo.transaction() as session:
        for uid in ("a", "b", "c"):
            session.add(
                ItemRow(source="Deadline", uid=uid, content_hash="h", watches_hash="w", seen_at=NOW)
            )
    sources = [Src("Deadline", "https://deadline.com/feed/"), Src("New", "https://x.org/rss")]
    rows = source_health(repo.engine, sources)
    assert [(r.name, r.status, r.failures, r.items_seen) for r in rows] == [
        ("Deadline", "error", 2, 3),
        ("New", "new", 0, 0),
    ]
    assert rows[0].next_check == NOW + timedelta(minutes=5)
    assert rows[0].to_json()["last_error"] == "timed out"
    lines = render_table(rows, NOW)
    assert lines[0].startswith("SOURCE")
    assert "in 5m" in lines[1] and "timed out" in lines[1]


def test_reschedule_makes_sources_due(repo: Repository) -> None:
    set_failures(repo, "Deadline", 0)
    assert reschedule(repo.engine, ["Deadline", "missing"], NOW) == 1
    assert repo.source_state("Deadline").next_check == NOW


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        pytest.param("https://deadline.com/feed/", "https://deadline.com/feed/", id="plain"),
        pytest.param("https://u:pw@feeds.example/x", "https://u:****@feeds.example/x", id="auth"),
        pytest.param("https://x.org/rss?token=abc", "https://x.org/rss?token=****", id="token"),
    ],
)
def test_masked_url(url: str, shown: str) -> None:
    assert masked_url(url) == shown


def test_failing_status_threshold() -> None:
    row = SourceHealth("n", "rss", "u", failures=FAILING_AFTER, last_status="error")
    assert row.status == "failing"


def test_sources_command_before_any_poll_creates_nothing(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[monitor]\ndatabase = "sqlite:///rm.db"\n[sources.google_news]\nenabled = false\n'
        '[[feeds]]\nname = "Private"\nurl = "https://u:secretpw@feeds.example/rss"\n',
        encoding="utf-8",
    )
    listing = run_cli("-c", str(config), "sources", "--json")
    assert listing.returncode == 0, listing.stderr
    assert "secretpw" not in listing.stdout
    (row,) = [r for r in json.loads(listing.stdout) if r["name"] == "Private"]
    assert (row["status"], row["last_success"], row["items_seen"]) == ("new", None, 0)
    assert not (tmp_path / "rm.db").exists()

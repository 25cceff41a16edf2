"""`status`, `history`, `notify-test` and `poll` as a user runs them (subprocess)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from monitor.config import Target
from monitor.models import Observation, SourceState, Trust, Watch
from monitor.state.repository import Repository, Routing
from tests.conftest import run_cli
from tests.receivers import webhook

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)
# A password and a generated token in the path: both credentials, both masked.
SECRET_TOKEN = "9f8e7d6c5b4a39281706"
SECRET_TARGET = f"json://user:hunter2@127.0.0.1:9/hook/{SECRET_TOKEN}"


def write_config(tmp_path: Path, urls: list[str]) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        "[monitor]\n"
        'database = "sqlite:///data/state.db"\n'
        "[notify]\n"
        f"urls = {json.dumps(urls)}\n"
        "[sources.google_news]\nenabled = false\n"
        "[sources.tvmaze]\nenabled = false\n"
        '[[watch]]\nshow = "Glass Harbor"\nseason = 2\n'
        '[[watch]]\nshow = "Paper Lanterns"\nseason = 3\n',
        encoding="utf-8",
    )
    return path


def seed(tmp_path: Path) -> None:
    """A season with a confirmed date and one undeliverable notification."""
    repo = Repository.open(f"sqlite:///{tmp_path / 'data' / 'state.db'}")
    watch = Watch("Glass Harbor", 2)
    date = Observation(
        show="Glass Harbor",
        season=2,
        field="date",
        value="2027-03-05",
        trust=Trust.TRADE,
        publisher="Deadline",
        source="Deadline TV",
        url="https://deadline.example/gh",
        published=T0,
        seen_at=T0,
        evidence="Glass Harbor season 2 premieres March 5, 2027.",
    )
    rumour = Observation(
        show="Glass Harbor",
        season=2,
        field="phase",
        value="filming",
        trust=Trust.BLOG,
        publisher="Fan Pulse",
        source="Fan Pulse",
        url=None,
        published=T0,
        seen_at=T0,
        evidence="Filming is said to be under way.",
    )
    routing = Routing((Target(url=SECRET_TARGET),))
    for n, observations in enumerate(([], [date, rumour])):
        with repo.transaction() as session:
            repo.apply(
                session,
                source="Deadline TV",
                status="ok",
                state=SourceState(last_success=T0.replace(hour=12 + n)),
                items=[],
                observations=observations,
                watches=[watch],
                routing=routing,
                all_sources=["Deadline TV"],
                now=T0.replace(hour=12 + n),
            )
    for job in repo.claim(T0.replace(hour=14)):
        repo.mark_failed(job.id, T0.replace(hour=14), "500 from json://u:hunter2@x/y", dead=True)
    repo.close()


def test_status_json_has_confirmed_values_on_top_and_nulls_when_unknown(tmp_path: Path) -> None:
    config = write_config(tmp_path, [SECRET_TARGET])
    seed(tmp_path)
    result = run_cli("-c", str(config), "status", "--json")
    assert result.returncode == 0, result.stderr
    glass, lanterns = json.loads(result.stdout)
    assert glass["release_date"] == "2027-03-05" and glass["phase"] is None
    assert glass["reported"] == {"phase": "filming"}
    assert glass["evidence"]["date"]["publisher"] == "Deadline"
    assert glass["evidence"]["date"]["trust"] == "trade"
    assert glass["updated_at"].startswith("2026-06-01T13:00")
    assert lanterns == {
        "show": "Paper Lanterns",
        "season": 3,
        "renewal": None,
        "release_date": None,
        "phase": None,
        "updated_at": None,
        "reported": {},
        "evidence": {},
    }
    assert "undelivered" in result.stderr and "hunter2" not in result.stderr + result.stdout


def test_status_table_shows_dates_in_words_and_dead_deliveries_without_secrets(
    tmp_path: Path,
) -> None:
    config = write_config(tmp_path, [SECRET_TARGET])
    seed(tmp_path)
    result = run_cli("-c", str(config), "status", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Glass Harbor S2" in out and "Friday 5 March 2027" in out
    assert "(reported: filming)" in out
    assert "could not be delivered" in out and "release date announced" in out
    assert "hunter2" not in out and SECRET_TOKEN not in out
    # Only the credentials are masked: the rest of the URL still says which target it is.
    assert "json://user:****@127.0.0.1:9/hook/****" in out


def test_history_shows_the_timeline_with_links(tmp_path: Path) -> None:
    config = write_config(tmp_path, [SECRET_TARGET])
    seed(tmp_path)
    result = run_cli("-c", str(config), "history", "glass harbor")
    assert result.returncode == 0, result.stderr
    assert "Glass Harbor S2: release date announced" in result.stdout
    assert "https://deadline.example/gh" in result.stdout
    entries = json.loads(run_cli("-c", str(config), "history", "Glass Harbor", "--json").stdout)
    assert [(e["kind"], e["notified"]) for e in entries] == [
        ("tracking", True),
        ("date_announced", True),
    ]
    missing = run_cli("-c", str(config), "history", "Nope")
    assert missing.returncode == 1 and 'no history for "Nope"' in missing.stderr
    # A watched show with nothing recorded yet is not an error.
    quiet = run_cli("-c", str(config), "history", "Paper Lanterns")
    assert quiet.returncode == 0 and "nothing recorded yet" in quiet.stdout
    quiet_json = run_cli("-c", str(config), "history", "Paper Lanterns", "--json")
    assert quiet_json.returncode == 0 and json.loads(quiet_json.stdout) == []


def test_notify_test_reports_each_target_and_masks_secrets(tmp_path: Path) -> None:
    with webhook() as hook:
        config = write_config(tmp_path, [hook.url(), "nosuchservice://hunter2@example.com/x"])
        result = run_cli("-c", str(config), "notify-test")
    assert result.returncode == 1
    assert hook.titles == ["release-monitor: test message"]
    assert f"ok      json://127.0.0.1:{hook.port}/hook" in result.stdout
    assert "FAILED  nosuchservice://****@example.com/x: configuration error" in result.stdout
    # Apprise's own reason is quoted, not just "unusable".
    assert "Unparseable URL" in result.stdout and "hunter2" not in result.stdout
    assert "hunter2" not in result.stdout + result.stderr


def test_poll_without_sources_prints_the_contract_shape(tmp_path: Path) -> None:
    config = write_config(tmp_path, [])
    result = run_cli("-c", str(config), "poll", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "events": [],
        "sources": [],
        "deliveries": {"sent": 0, "failed": 0, "pending": 0},
    }
    human = run_cli("-c", str(config), "poll", "--dry-run")
    assert human.returncode == 0 and "dry run: nothing was stored or sent" in human.stdout

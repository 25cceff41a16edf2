"""Config loading: the example loads, every kind of mistake names its key path, exit 2."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from monitor.config import (
    config_from_dict,
    load_config,
    mask_database_url,
    mask_secret_url,
    parse_duration,
    resolve_database_url,
)
from monitor.errors import ConfigError
from tests.conftest import ROOT, run_cli
from tests.feedserver import FeedServer


def test_example_config_loads() -> None:
    config = load_config(ROOT / "config.example.toml", environ={})
    assert [w.label for w in config.watches] == ["All of Us Are Dead S2"]
    assert {f.name for f in config.feeds} >= {"Deadline TV", "What's on Netflix", "Soompi"}
    assert config.monitor.interval == timedelta(hours=2)
    assert config.notify.urls == ()


def test_example_matches_packaged_template() -> None:
    packaged = (ROOT / "monitor" / "config_template.toml").read_text("utf-8")
    assert (ROOT / "config.example.toml").read_text("utf-8") == packaged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30s", timedelta(seconds=30)),
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("1d", timedelta(days=1)),
        ("1h30m", timedelta(minutes=90)),
        (" 2H ", timedelta(hours=2)),
        (45, timedelta(seconds=45)),
    ],
    ids=["seconds", "minutes", "hours", "days", "combined", "case-and-space", "bare-number"],
)
def test_durations(text: object, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["2 hours", "h", "", "-5m", "0s", "1x", True], ids=str)
def test_bad_durations(text: object) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


MISTAKES = [
    pytest.param(
        {"watch": [{"show": "A", "season": 1}, {"show": "B", "season": "two"}]},
        'watch[1].season: must be a whole number from 1 to 999, got "two"',
        id="season-as-word",
    ),
    pytest.param(
        {"watch": [{"show": "A", "season": 0}]},
        "watch[0].season: must be a whole number from 1 to 999, got 0",
        id="season-zero",
    ),
    pytest.param(
        {"watch": [{"season": 2}]}, "watch[0].show: required key is missing", id="missing-show"
    ),
    pytest.param(
        {"monitor": {"intervall": "2h"}},
        'monitor.intervall: unknown key (did you mean "interval"?)',
        id="typo-suggests",
    ),
    pytest.param(
        {"monitor": {"interval": "2 hours"}},
        'monitor.interval: must be a duration like "30m", "2h" or "1d", got "2 hours"',
        id="bad-duration",
    ),
    pytest.param(
        {"feeds": [{"name": "x", "url": "file:///etc/passwd"}]},
        'feeds[0].url: must be an http:// or https:// URL, got "file:///etc/passwd"',
        id="file-url",
    ),
    pytest.param(
        {"feeds": [{"name": "x", "url": "https://a.example/f", "trust": "high"}]},
        "feeds[0].trust: must be one of",
        id="unknown-trust",
    ),
    pytest.param(
        {"sources": {"tvmaze": {"enabled": "yes"}}},
        'sources.tvmaze.enabled: must be true or false, got "yes"',
        id="bool-as-string",
    ),
    pytest.param(
        {"watch": {"show": "x", "season": 1}},
        "watch: must be a list of tables (write [[watch]])",
        id="single-bracket-table",
    ),
    pytest.param(
        {"notify": {"urls": [{"url": "json://h/x", "events": ["bogus"]}]}},
        "notify.urls[0].events[0]: must be one of",
        id="unknown-event",
    ),
    pytest.param(
        {"watch": [{"show": "A", "season": 2}, {"show": "a", "season": 2}]},
        'watch: "a" season 2 is listed twice',
        id="duplicate-watch",
    ),
    pytest.param({"bogus": 1}, "bogus: unknown key", id="unknown-section"),
    # Ranges: every number has one, so an absurd value is refused here, never met by a poll.
    pytest.param(
        {"watch": [{"show": "A", "season": 10**20}]},
        "watch[0].season: must be a whole number from 1 to 999, got 100000000000000000000",
        id="season-overflow",
    ),
    pytest.param(
        {"watch": [{"show": "A", "season": 1, "part": 100}]},
        "watch[0].part: must be a whole number from 1 to 99, got 100",
        id="part-too-big",
    ),
    pytest.param(
        {"watch": [{"show": "A", "season": 1, "tvmaze_id": 2**40}]},
        "watch[0].tvmaze_id: must be a whole number from 0 to 2147483647",
        id="tvmaze-id-too-big",
    ),
    pytest.param(
        {"notify": {"remind_days": [7, 366]}},
        "notify.remind_days[1]: must be a whole number <= 365, got 366",
        id="remind-days-too-far",
    ),
    pytest.param(
        {"notify": {"remind_days": [-1]}},
        "notify.remind_days[0]: must be a whole number >= 0, got -1",
        id="remind-days-negative",
    ),
    pytest.param(
        {"monitor": {"interval": "31d"}},
        'monitor.interval: must be between 1s and 30d, got "31d"',
        id="interval-too-long",
    ),
    pytest.param(
        {"monitor": {"interval": "500ms"}, "watch": [{"show": "A", "season": 1}]},
        'monitor.interval: must be between 1s and 30d, got "0.5s"',
        id="sub-second-on-a-public-host",
    ),
    pytest.param(
        {"feeds": [{"name": "x", "url": "https://a.example/f", "interval": "0.2s"}]},
        'feeds[0].interval: must be between 1s and 30d, got "0.2s"',
        id="sub-second-feed",
    ),
    pytest.param(
        {"monitor": {"workers": 65}},
        "monitor.workers: must be a whole number from 1 to 64, got 65",
        id="workers-too-many",
    ),
    pytest.param(
        {"monitor": {"max_body_bytes": 1000}},
        "monitor.max_body_bytes: must be a whole number from 65536 to 1073741824, got 1000",
        id="body-cap-too-small",
    ),
    pytest.param(
        {"notify": {"timeout": "0s"}},
        "notify.timeout: must be a positive duration, got '0s'",
        id="timeout-zero",
    ),
    pytest.param(
        {"notify": {"timeout": "1h"}},
        'notify.timeout: must be between 1s and 10m, got "1h"',
        id="timeout-too-long",
    ),
    pytest.param(
        {"monitor": {"fetch_timeout": "2h"}},
        'monitor.fetch_timeout: must be between 1s and 10m, got "2h"',
        id="fetch-timeout-too-long",
    ),
    pytest.param(
        {"watch": [{"show": " ", "season": 1}]},
        'watch[0].show: must contain a letter or a digit, got " "',
        id="blank-show",
    ),
    pytest.param(
        {"watch": [{"show": "A", "season": 1, "aliases": ["@@"]}]},
        'watch[0].aliases[0]: must contain a letter or a digit, got "@@"',
        id="punctuation-alias",
    ),
]


@pytest.mark.parametrize(("data", "message"), MISTAKES)
def test_mistakes_name_the_key_path(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(data, "config.toml")
    assert any(p.startswith(message) for p in info.value.problems), info.value.problems
    assert str(info.value).startswith("config.toml: ")


def test_toml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[monitor]\ninterval = "2h\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 2, column \d+"):
        load_config(path)


def test_env_urls_are_added(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[notify]\nurls = ["json://127.0.0.1:1/a"]\n', encoding="utf-8")
    config = load_config(path, environ={"RELEASE_MONITOR_NOTIFY_URLS": "json://x/b  json://y/c"})
    assert [t.url for t in config.notify.urls] == [
        "json://127.0.0.1:1/a",
        "json://x/b",
        "json://y/c",
    ]


def test_relative_sqlite_path_resolves_against_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    path.parent.mkdir()
    path.write_text('[monitor]\ndatabase = "sqlite:///state/x.db"\n', encoding="utf-8")
    assert load_config(path).database_url == f"sqlite:///{tmp_path / 'sub' / 'state' / 'x.db'}"
    assert resolve_database_url("sqlite:////abs/x.db", tmp_path) == "sqlite:////abs/x.db"
    assert resolve_database_url("postgresql://u@h/db", tmp_path) == "postgresql://u@h/db"


@pytest.mark.parametrize(
    ("url", "hidden"),
    [
        ("discord://1234/s3cr3ttoken", "s3cr3ttoken"),
        ("mailto://user:s3cr3t@example.com?to=a@b.c", "s3cr3t"),
        ("json://127.0.0.1:8080/hook?token=s3cr3t", "s3cr3t"),
        ("tgram://123:s3cr3t/456", "s3cr3t"),
    ],
    ids=["discord", "mailto", "json", "telegram"],
)
def test_secrets_are_masked(url: str, hidden: str) -> None:
    assert hidden not in mask_secret_url(url)


def test_database_password_is_masked() -> None:
    assert "s3cr3t" not in mask_database_url("postgresql://u:s3cr3t@db/x")


def test_check_command_summarises_and_masks(tmp_path: Path) -> None:
    result = run_cli(
        "-c",
        str(ROOT / "config.example.toml"),
        "check",
        env={"RELEASE_MONITOR_NOTIFY_URLS": "discord://1234/s3cr3ttoken"},
    )
    assert result.returncode == 0, result.stderr
    assert "All of Us Are Dead S2" in result.stdout
    assert "discord://****" in result.stdout
    assert "s3cr3t" not in result.stdout + result.stderr


def test_check_exits_2_on_bad_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[[watch]]\nshow = "X"\nseason = "two"\n', encoding="utf-8")
    result = run_cli("-c", str(path), "check")
    assert result.returncode == 2
    expected = f'{path}: watch[0].season: must be a whole number from 1 to 999, got "two"'
    assert expected in result.stderr


def test_check_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_cli("-c", str(tmp_path / "nope.toml"), "check")
    assert result.returncode == 2
    assert "file not found" in result.stderr and "init" in result.stderr


def test_init_writes_then_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    first = run_cli("-c", str(path), "init")
    assert first.returncode == 0, first.stderr
    assert load_config(path, environ={}).watches
    second = run_cli("-c", str(path), "init")
    assert second.returncode != 0
    assert "already exists" in second.stderr


def test_default_config_is_found_in_xdg_home(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    (xdg / "release-monitor").mkdir(parents=True)
    (xdg / "release-monitor" / "config.toml").write_text(
        '[[watch]]\nshow = "From XDG"\nseason = 1\n', encoding="utf-8"
    )
    result = run_cli("check", cwd=tmp_path, env={"XDG_CONFIG_HOME": str(xdg)})
    assert result.returncode == 0, result.stderr
    assert "From XDG S1" in result.stdout


def test_check_warns_about_short_intervals_on_public_hosts(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[monitor]\ninterval = "30s"\n[sources.google_news]\nenabled = false\n'
        "[sources.tvmaze]\nenabled = false\n"
        '[[feeds]]\nname = "Public"\nurl = "https://deadline.com/feed/"\n'
        '[[feeds]]\nname = "Local"\nurl = "http://127.0.0.1:9/feed"\n',
        encoding="utf-8",
    )
    result = run_cli("-c", str(path), "check")
    assert result.returncode == 0, result.stderr
    assert "Public: interval 30s is very short for a public host (deadline.com)" in result.stderr
    assert "Local:" not in result.stderr


def test_check_online_warns_when_tvmaze_matches_another_show(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add(
        "/singlesearch/shows?q=Dark&embed=seasons",
        b'{"id": 99, "name": "Dark Matter", "_embedded": {"seasons": []}}',
        content_type="application/json",
    )
    path = tmp_path / "config.toml"
    path.write_text(
        "[sources.google_news]\nenabled = false\n"
        f'[sources.tvmaze]\nbase_url = "{feed_server.base_url}"\n'
        '[[watch]]\nshow = "Dark"\nseason = 2\n',
        encoding="utf-8",
    )
    offline = run_cli("-c", str(path), "check")
    assert offline.returncode == 0 and feed_server.requests == []
    online = run_cli("-c", str(path), "check", "--online")
    assert online.returncode == 0, online.stderr
    assert 'matched "Dark" to "Dark Matter"' in online.stderr and "tvmaze_id" in online.stderr

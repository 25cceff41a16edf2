"""The config watcher: real edits are validated and applied, broken ones reported once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.reload import ConfigWatcher, restart_only_changes, smallest_interval

BASE = """
[monitor]
database = "sqlite:///rm.db"
interval = "{interval}"

[[watch]]
show = "Squid Game"
season = 3
"""

EXTRA_WATCH = """
[[watch]]
show = "All of Us Are Dead"
season = 2
"""


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # Editors save within the same timestamp tick in tests; move mtime on explicitly.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(BASE.format(interval="1h"), encoding="utf-8")
    return path


def test_untouched_file_gives_nothing(config_file: Path) -> None:
    watcher = ConfigWatcher(config_file, load_config(config_file))
    assert watcher.check() is None
    assert watcher.check(full=True) is None


def test_touch_without_change_is_ignored(config_file: Path) -> None:
    watcher = ConfigWatcher(config_file, load_config(config_file))
    write(config_file, config_file.read_text())
    assert watcher.check() is None


def test_valid_edit_is_applied(config_file: Path) -> None:
    watcher = ConfigWatcher(config_file, load_config(config_file))
    write(config_file, BASE.format(interval="1h") + EXTRA_WATCH)
    outcome = watcher.check()
    assert outcome is not None
    assert outcome.error is None
    assert outcome.config is not None
    assert [w.label for w in outcome.config.watches] == ["Squid Game S3", "All of Us Are Dead S2"]
    assert watcher.check() is None


def test_invalid_edit_reported_once_with_key_path(config_file: Path) -> None:
    good = load_config(config_file)
    watcher = ConfigWatcher(config_file, good)
    write(config_file, BASE.format(interval="1h").replace("season = 3", 'season = "three"'))
    outcome = watcher.check(full=True)
    assert outcome is not None
    assert outcome.config is None
    assert outcome.error is not None
    assert "watch[0].season" in outcome.error
    assert str(config_file) in outcome.error
    assert watcher.broken == outcome.error
    assert watcher.check(full=True) is None  # same broken content: not reported again
    assert watcher.current is good


def test_second_different_error_is_reported(config_file: Path) -> None:
    watcher = ConfigWatcher(config_file, load_config(config_file))
    write(config_file, "[monitor\n")
    first = watcher.check()
    write(config_file, "[monitor]\nintervall = '1h'\n")
    second = watcher.check()
    assert first is not None and first.error is not None and "TOML" in first.error
    assert second is not None and second.error is not None and "intervall" in second.error


def test_fixing_back_to_the_running_content_clears_the_error(config_file: Path) -> None:
    original = config_file.read_text()
    running = load_config(config_file)
    watcher = ConfigWatcher(config_file, running)
    write(config_file, "nonsense = [")
    assert watcher.check() is not None
    write(config_file, original)
    outcome = watcher.check()
    assert outcome is not None
    assert outcome.config is running
    assert watcher.broken is None


def test_deleted_file_keeps_the_last_good_config(config_file: Path) -> None:
    watcher = ConfigWatcher(config_file, load_config(config_file))
    config_file.unlink()
    outcome = watcher.check()
    assert outcome is not None and outcome.error is not None
    assert "not found" in outcome.error


def test_same_size_same_mtime_edit_found_by_full_check(config_file: Path) -> None:
    watcher = ConfigWatcher(config_file, load_config(config_file))
    before = config_file.stat()
    config_file.write_text(BASE.format(interval="2h"), encoding="utf-8")
    os.utime(config_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert watcher.check() is None  # the cheap stat cannot see it
    outcome = watcher.check(full=True)
    assert outcome is not None and outcome.config is not None
    assert smallest_interval(outcome.config).total_seconds() == 7200


@pytest.mark.parametrize(
    ("extra", "seconds"),
    [
        pytest.param("", 3600, id="monitor-interval"),
        pytest.param('\n[sources.tvmaze]\ninterval = "10m"\n', 600, id="source-override"),
        pytest.param(
            '\n[[feeds]]\nname = "F"\nurl = "http://127.0.0.1/f"\ninterval = "5s"\n',
            5,
            id="feed-override",
        ),
        pytest.param(
            '\n[[feeds]]\nname = "F"\nurl = "http://127.0.0.1/f"\ninterval = "5s"\n'
            "enabled = false\n",
            3600,
            id="disabled-feed-ignored",
        ),
    ],
)
def test_smallest_interval(tmp_path: Path, extra: str, seconds: float) -> None:
    path = tmp_path / "c.toml"
    path.write_text(BASE.format(interval="1h") + extra, encoding="utf-8")
    assert smallest_interval(load_config(path)).total_seconds() == seconds


def test_database_change_needs_restart(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(BASE.format(interval="1h"), encoding="utf-8")
    b.write_text(BASE.format(interval="1h").replace("rm.db", "other.db"), encoding="utf-8")
    assert restart_only_changes(load_config(a), load_config(b)) == ["monitor.database"]
    assert restart_only_changes(load_config(a), load_config(a)) == []

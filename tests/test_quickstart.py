"""The README's set-up and quick-start commands, run verbatim in a fresh copy of the checkout
with a fresh venv, against feeds, a webhook and an SMTP server on 127.0.0.1.

Only `$EDITOR config.toml` is done by the test (pointing the config at the local servers).
The venv is new and `pip install .` really builds and installs release-monitor into it; its
runtime dependencies are found in this test run's own environment (a .pth file), so pip
installs none of them again (a full fresh install took 38 s here). Only the build backend
(setuptools, in pip's isolated build environment) comes from pip's configured index, as for
any `pip install .`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import tomlkit

from tests.conftest import ROOT
from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import smtp_server, webhook

pytestmark = pytest.mark.slow

SKIP = {".venv", ".git", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def _sh_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)


def _commands(block: str) -> list[str]:
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELEASE_MONITOR_")}
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    return env


def _run(command: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _edit_config(path: Path, feeds: FeedServer, targets: list[str]) -> None:
    """What the user does in $EDITOR: targets, and (for the test) local feeds only."""
    doc = tomlkit.parse(path.read_text("utf-8"))
    doc["notify"]["urls"] = targets  # type: ignore[index]
    doc["sources"]["google_news"]["enabled"] = False  # type: ignore[index]
    doc["sources"]["tvmaze"]["enabled"] = False  # type: ignore[index]
    feeds_aot = tomlkit.aot()
    table = tomlkit.table()
    table.update({"name": "Trade Wire", "url": feeds.url("/trade.xml"), "trust": "trade"})
    feeds_aot.append(table)
    doc["feeds"] = feeds_aot
    doc["monitor"]["interval"] = "1h"  # type: ignore[index]
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")


def test_readme_quick_start_works_verbatim(tmp_path: Path) -> None:
    python3 = shutil.which("python3")
    if python3 is None:
        pytest.skip("no python3 on PATH")
    version = subprocess.run(
        [python3, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if version != "{}.{}".format(*sys.version_info[:2]):
        pytest.skip(f"python3 on PATH is {version}: cannot reuse this run's packages")
    clone = tmp_path / "release-monitor"
    shutil.copytree(ROOT, clone, ignore=lambda _d, names: [n for n in names if n in SKIP])
    for db in clone.glob("*.db*"):
        db.unlink()

    setup, _tests, quick = _sh_blocks()[:3]
    make_venv, install = (part.strip() for part in setup.split("&&"))
    assert _run(make_venv, clone).returncode == 0
    site = next((clone / ".venv" / "lib").glob("python3*/site-packages"))
    (site / "reuse-test-run.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = _run(install, clone, timeout=300)
    assert installed.returncode == 0, installed.stderr
    assert (clone / ".venv" / "bin" / "release-monitor").exists()

    commands = _commands(quick)
    assert commands[0].endswith("release-monitor init") and commands[-1].endswith(" run")
    published = datetime.now(UTC) - timedelta(days=1)
    premiere = (datetime.now(UTC) + timedelta(days=200)).date()
    with FeedServer() as feeds, webhook() as hook, smtp_server() as mail:
        feeds.add(
            "/trade.xml",
            rss(
                "Trade Wire",
                [
                    FeedItem(
                        "Wednesday Season 2 Premiere Date Set",
                        f"Wednesday season 2 premieres {premiere:%B} {premiere.day}, "
                        f"{premiere.year} on Netflix.",
                        "https://tradewire.example/wednesday",
                        published,
                    )
                ],
            ),
        )
        for command in commands[:-1]:
            if command.startswith("$EDITOR"):
                _edit_config(clone / "config.toml", feeds, [hook.url(), mail.url()])
                continue
            result = _run(command, clone)
            assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert hook.titles[0] == "release-monitor: test message"  # notify-test
        assert mail.subjects[0] == "release-monitor: test message"
        # The first poll is a silent baseline: one "now tracking" summary, no backlog.
        # (The starter config's example watch gets its own summary.)
        assert sorted(hook.titles[1:]) == [
            "All of Us Are Dead S2: now tracking",
            "Wednesday S2: now tracking",
        ]
        wednesday = next(t for t in hook.texts() if t.startswith("Wednesday S2"))
        assert str(premiere.year) in wednesday

        # `run`, stopped as the README says (Ctrl-C is SIGINT).
        daemon = subprocess.Popen(
            shlex.split(commands[-1]),  # no shell in between: the signal reaches the daemon
            cwd=clone,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            assert daemon.stdout is not None
            deadline = time.monotonic() + 60
            started = ""
            while time.monotonic() < deadline and "daemon started" not in started:
                started += daemon.stdout.readline()
            assert "daemon started" in started, started
            os.killpg(daemon.pid, signal.SIGINT)
            out, _ = daemon.communicate(timeout=30)
        finally:
            if daemon.poll() is None:
                os.killpg(daemon.pid, signal.SIGKILL)
        assert daemon.returncode == 0, out
        assert "daemon stopped" in out

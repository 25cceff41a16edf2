"""The README's set-up commands and .ci/run stay in step."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _sh_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)


def test_readme_opens_with_two_setup_commands() -> None:
    install_run, install_test = _sh_blocks()[:2]
    assert "pip install" in install_run and "-m venv .venv" in install_run
    assert "pip install" in install_test and "pytest" in install_test


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = _sh_blocks()[1].strip()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command in ci

"""The style and type gates run with the tests, so CI enforces them too."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

GATES = {
    "ruff-check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff-format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("command", GATES.values(), ids=GATES.keys())
def test_gate_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]

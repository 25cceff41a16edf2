"""The style and type gates run with the tests, so CI enforces them too."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "monitor").rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT / "monitor")),
)
def test_no_module_constant_is_assigned_twice(path: Path) -> None:
    """A regex defined again further down a module silently replaces the first for every
    user above it (ruff's F811 covers functions and imports, not assignments)."""
    names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, f"{path.name} assigns {twice} more than once at module level"

"""The code is lint-clean (ruff, pinned in requirements-dev.txt, configured in pyproject.toml)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_finds_nothing():
    result = subprocess.run([str(RUFF), "check", "--no-cache", "ogp", "hooks", "tests", "scripts"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_would_see_a_problem(tmp_path: Path):
    # A lint test that cannot fail is a defect: an unused import must be reported.
    (tmp_path / "bad.py").write_text("import os\n", "utf-8")
    result = subprocess.run([str(RUFF), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "F401" in result.stdout

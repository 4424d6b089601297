"""A newcomer's path: clone, `make site`, `make test`. Slow on purpose; keep it.

`make test` leaves it out (marker ``fresh_clone``): CI's `.ci/run` is this very path on a fresh
clone, so running it inside the suite tested everything twice. Run it locally with
`make test PYTEST_ARGS="-m fresh_clone"`.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

# The inner `make test` would otherwise clone and test again, forever.
INNER = os.environ.get("OGP_INSIDE_FRESH_CLONE") == "1"


@pytest.mark.slow
@pytest.mark.fresh_clone
@pytest.mark.skipif(INNER, reason="this run is itself the fresh-clone test")
def test_readme_commands_work_in_a_fresh_clone(tmp_path: Path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTEST", "OGP_"))}
    env["OGP_INSIDE_FRESH_CLONE"] = "1"
    env["PATH"] = ":".join(p for p in env.get("PATH", "").split(":") if ".venv" not in p)

    site = subprocess.run(["make", "site"], cwd=clone, env=env, capture_output=True, text=True, timeout=1200)
    assert site.returncode == 0, site.stdout[-3000:] + site.stderr[-3000:]
    # MkDocs' own log lines read "WARNING -  ..."; pip may warn about this machine's indexes.
    assert "WARNING -" not in site.stdout + site.stderr, site.stderr
    assert (clone / ".venv/bin/ogp").exists()
    assert (clone / "site/index.html").is_file() and (clone / "site/en/index.html").is_file()

    test = subprocess.run(["make", "test"], cwd=clone, env=env, capture_output=True, text=True, timeout=2400)
    assert test.returncode == 0, test.stdout[-5000:] + test.stderr[-3000:]
    assert " passed" in test.stdout and " failed" not in test.stdout

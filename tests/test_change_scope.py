"""Checks sized to the change: the decision from the changed paths, and that it fails safe."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from change_scope import scope  # noqa: E402


def test_records_and_pages_only_need_the_content_checks():
    assert scope(["data/meetings/2026-11-20-x.yml", "content/contact.en.md", "data/files/nap5/r.pdf"]) == "content"
    assert scope(["data/evidence/Төсөв 2024.yml"]) == "content"


def test_anything_else_or_anything_odd_runs_everything():
    for paths in ([], [""], ["ogp/words/mn.yml"], ["data/x.yml", "mkdocs.yml"], ["requirements.txt"], ["hooks/records.py"],
                  [".github/workflows/checks.yml"], ["theme_overrides/assets/stylesheets/ogp.css"], ["tests/test_cli.py"],
                  ["data/../ogp/cli/main.py"], ["/etc/passwd"], ["content/../Makefile"], ["ogp.yml"], ["datax/y.yml"],
                  ["data"], ["contentious.md"]):
        assert scope(paths) == "full", paths


def test_the_script_reads_stdin():
    run = subprocess.run([sys.executable, str(ROOT / "scripts/change_scope.py")], input="data/a.yml\ncontent/b.md\n",
                         capture_output=True, text=True, check=True)
    assert run.stdout == "content\n"

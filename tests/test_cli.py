"""The `ogp` command installed into .venv, run as a user runs it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_env, copy_project

OGP = Path(sys.executable).parent / "ogp"


def run(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(OGP), *args], cwd=cwd, env=build_env(**env), capture_output=True, text=True)


def test_ogp_is_installed_in_the_venv():
    assert OGP.exists(), "make site installs the ogp command into .venv/bin"
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("ogp ")


def test_check_translations_passes_on_the_project():
    result = run("check-translations")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Every page exists in both languages."


def test_check_translations_names_missing_file_in_chosen_language(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    (project / "content/contact.mn.md").unlink()
    en = run("check-translations", "--root", str(project))
    assert en.returncode == 1
    assert en.stderr.startswith("content/contact.en.md: [missing-translation]")
    assert "content/contact.mn.md does not exist" in en.stderr
    mn = run("check-translations", "--root", str(project), OGP_LANG="mn")
    assert "content/contact.mn.md файл байхгүй байна" in mn.stderr
    assert "Нийт 1 алдаа олдлоо." in mn.stderr


def test_help_is_in_mongolian_for_a_mongolian_locale():
    result = run("--help", OGP_LANG="mn")
    assert "Нээлттэй Засгийн Түншлэлийн" in result.stdout

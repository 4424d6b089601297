"""The OGP_* settings: read in one place, and a bad value is one located message, never a traceback."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, tiny_project

from ogp.cli.main import main
from ogp.records.settings import Settings, SettingsError, read_settings


def test_defaults_and_typed_values():
    assert read_settings({}) == Settings()
    settings = read_settings({"OGP_TODAY": "2026-11-22", "OGP_TIMEZONE": "Europe/Paris", "OGP_MAX_FILE_MB": "2.5",
                              "OGP_UPDATE_YEAR": "Plan", "OGP_UPDATE_HALVES": "yes", "OGP_REPO_URL": "https://x.org/r/"})
    assert (settings.today, settings.timezone, settings.max_file_mb) == (dt.date(2026, 11, 22), "Europe/Paris", 2.5)
    assert settings.plan_years and settings.halves and settings.repo_url == "https://x.org/r"
    assert read_settings({"OGP_JOBS": "1", "OGP_PREVIEW_POLLING": "1", "OGP_LANG": "MN"}) == Settings(
        sequential=True, preview_polling=True, lang="mn")
    assert not read_settings({"OGP_JOBS": "2"}).sequential  # any other value keeps the languages side by side


@pytest.mark.parametrize("name, value", [("OGP_TODAY", "2026-13-01"), ("OGP_TIMEZONE", "Mars/Olympus"),
                                         ("OGP_MAX_FILE_MB", "abc"), ("OGP_MAX_FILE_MB", "-1"),
                                         ("OGP_UPDATE_YEAR", "fiscal"), ("OGP_UPDATE_HALVES", "maybe"),
                                         ("OGP_REPO_URL", "github.com/x/y"), ("OGP_LANG", "fr"),
                                         ("OGP_PREVIEW_POLLING", "sometimes")])
def test_every_bad_value_is_named_with_what_to_write(name, value):
    with pytest.raises(SettingsError) as error:
        read_settings({name: value})
    [problem] = error.value.problems
    assert (problem.file, problem.field, problem.code) == ("environment", name, "bad-setting")
    assert name in problem.message("en") and value in problem.message("en") and name in problem.message("mn")


def test_the_command_line_says_it_and_exits_2(monkeypatch, capsys):
    monkeypatch.setenv("OGP_MAX_FILE_MB", "abc")
    monkeypatch.setenv("OGP_LANG", "mn")
    assert main(["validate", "--root", str(ROOT)]) == 2
    err = capsys.readouterr().err
    assert "environment: [bad-setting]" in err and "OGP_MAX_FILE_MB" in err and "орчны хувьсагчийн" in err


def test_the_build_stops_on_a_bad_date_without_a_traceback(tmp_path: Path):
    project = tiny_project(tmp_path / "p", {"content/index.mn.md": "# Нүүр\n", "content/index.en.md": "# Home\n"})
    result = mkdocs_build(project, tmp_path / "site", OGP_TODAY="2026-13-01")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "OGP_TODAY" in output and "2026-13-01" in output and "Traceback" not in output

"""The OGP_* settings: read in one place, and a bad value is one located message, never a traceback."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build, tiny_project

from ogp.cli.main import main
from ogp.records.repository import Repository, read_repository, use_repository
from ogp.records.settings import Settings, SettingsError, read_settings
from ogp.words import languages, say


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


# --- ogp.yml: the repository's own settings ------------------------------------------------------

def read_file_settings(tmp_path: Path, text: str):
    (tmp_path / "ogp.yml").write_text(text, encoding="utf-8")
    return read_repository(tmp_path)


def test_the_samples_settings_file_says_what_the_defaults_say():
    assert read_repository(ROOT) == Repository(root=ROOT)
    assert read_repository(ROOT / "tests") == Repository(root=ROOT / "tests")  # no ogp.yml: the sample's


def test_a_members_settings_are_read_and_used(tmp_path: Path):
    text = ("country: {ky: Кыргыз Республикасы, ru: Кыргызская Республика, en: Kyrgyz Republic}\n"
            "member_prefix: KG\nlanguages: [ky, ru, en]\ntimezone: Asia/Bishkek\n"
            "forum: {ky: Форум, ru: Форум, en: Multi-stakeholder forum}\n"
            "repository: https://github.com/example/ogp-kg/\nupdates: {year: plan, halves: true}\n")
    settings = read_file_settings(tmp_path, text)
    assert (settings.languages, settings.timezone, settings.member_prefix) == (("ky", "ru", "en"), "Asia/Bishkek", "KG")
    assert settings.repository == "https://github.com/example/ogp-kg" and settings.update_year == "plan" and settings.update_halves
    use_repository(tmp_path)
    assert languages() == ("ky", "ru", "en")
    env = read_settings({})
    assert (env.timezone, env.repo_url, env.plan_years, env.halves) == ("Asia/Bishkek", "https://github.com/example/ogp-kg", True, True)
    assert read_settings({"OGP_TIMEZONE": "Europe/Paris"}).timezone == "Europe/Paris"  # a variable overrides the file
    assert say("compliance.2-1", "en") == "The website holds the latest action plan, in Kyrgyz, Russian and English."
    assert say("feeds.author", "en") == "Open Government Partnership — Kyrgyz Republic"


@pytest.mark.parametrize("text, line, field, code", [
    ("languages: [mn, mn]\n", 1, "languages", "settings-bad-value"),
    ("languages: mn\n", 1, "languages", "settings-bad-value"),
    ("languages: [mn, en, ru, ky, kk]\n", 1, "languages", "settings-bad-value"),
    ("languages: [Mongolian]\n", 1, "languages", "settings-bad-value"),
    ("languages: [es]\n", 1, "country", "settings-bad-value"),              # a new language needs the names in it
    ("languages: [en]\ntimezone: UTC\n", 1, "country", "settings-bad-value"),  # never the sample's name
    ("country: Chile\n", 1, "timezone", "settings-bad-value"),               # nor the sample's time zone
    ("country: {mn: Монгол Улс}\n", 1, "country", "settings-bad-value"),    # the English name is missing
    ("member_prefix: mn\n", 1, "member_prefix", "settings-bad-value"),
    ("timezone: Mars/Olympus\n", 1, "timezone", "settings-bad-value"),
    ("repository: github.com/x/y\n", 1, "repository", "settings-bad-value"),
    ("updates:\n  year: fiscal\n", 2, "updates.year", "settings-bad-value"),
    ("updates:\n  halves: maybe\n", 2, "updates.halves", "settings-bad-value"),
    ("timezone: Asia/Ulaanbaatar\nlangauges: [mn, en]\n", 2, "langauges", "settings-unknown-key"),
])
def test_every_bad_setting_in_the_file_is_located(tmp_path: Path, text, line, field, code):
    with pytest.raises(SettingsError) as error:
        read_file_settings(tmp_path, text)
    assert ("ogp.yml", line, field, code) in [p.key() for p in error.value.problems]


def test_an_unknown_key_suggests_the_right_one_and_a_broken_file_is_a_yaml_problem(tmp_path: Path):
    with pytest.raises(SettingsError) as error:
        read_file_settings(tmp_path, "langauges: [mn, en]\n")
    assert "Did you mean `languages`?" in error.value.problems[0].hint("en")
    with pytest.raises(SettingsError) as error:
        read_file_settings(tmp_path, "languages: [mn, en\n")
    assert error.value.problems[0].file == "ogp.yml" and error.value.problems[0].line


def test_the_command_line_stops_on_a_bad_settings_file_in_the_editors_language(tmp_path: Path, monkeypatch, capsys):
    project = copy_project(tmp_path / "p")
    (project / "ogp.yml").write_text("timezone: Mars/Olympus\n", encoding="utf-8")
    monkeypatch.setenv("OGP_LANG", "mn")
    assert main(["validate", "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert "ogp.yml:1:11: [settings-bad-value]" in err and "Mars/Olympus" in err and "тохиргооны утга" in err


def test_the_build_stops_when_mkdocs_yml_lists_other_languages(tmp_path: Path):
    project = tiny_project(tmp_path / "p", {"content/index.mn.md": "# Нүүр\n", "content/index.en.md": "# Home\n"})
    (project / "ogp.yml").write_text((ROOT / "ogp.yml").read_text("utf-8").replace("languages: [mn, en]", "languages: [en, mn]"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "[settings-languages-differ]" in output and "Traceback" not in output
    assert "mkdocs.yml:" in output and "mn, en" in output

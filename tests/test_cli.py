"""The `ogp` command installed into .venv, run as a user runs it."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_env, copy_project, ogp

OGP = Path(sys.executable).parent / "ogp"


def run(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    return ogp(*args, cwd=cwd, **env)  # in-process; test_ogp_is_installed_in_the_venv runs the real command


def test_ogp_is_installed_in_the_venv():
    assert OGP.exists(), "make site installs the ogp command into .venv/bin"
    # The one real process: the console script itself (every other test calls ogp in-process).
    result = subprocess.run([str(OGP), "--version"], env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("ogp ")


def test_check_translations_passes_on_the_project():
    result = run("check-translations")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Every page exists in both languages."


def test_check_translations_names_missing_file_in_chosen_language(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    (project / "content/contact.mn.md").unlink()
    en = run("check-translations", "--root", str(project))
    assert en.returncode == 2
    assert en.stderr.startswith("content/contact.en.md: [missing-translation]")
    assert "content/contact.mn.md does not exist" in en.stderr
    mn = run("check-translations", "--root", str(project), OGP_LANG="mn")
    assert "content/contact.mn.md файл байхгүй байна" in mn.stderr
    assert "Нийт 1 алдаа олдлоо." in mn.stderr


def test_help_is_in_mongolian_for_a_mongolian_locale():
    result = run("--help", OGP_LANG="mn")
    assert "Нээлттэй Засгийн Түншлэлийн" in result.stdout


def test_validate_passes_on_the_sample_data():
    result = run("validate", "--today", "2026-11-22")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("All records are valid (50 files).\n")
    # The sample is example data on purpose: one warning says so, and it is the only one.
    assert result.stdout.count("(warning)") == 1 and "[example-record]" in result.stdout
    assert run("validate", "--today", "2026-11-22", "--strict").returncode == 1


def broken_copy(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "p")
    org = project / "data/organisations/cabinet-secretariat.yml"
    org.write_text(org.read_text("utf-8").replace("type: government", "type: goverment"), "utf-8")
    return project


def test_validate_formats(tmp_path: Path):
    project = broken_copy(tmp_path)
    text = run("validate", "--root", str(project), "--today", "2026-11-22")
    assert text.returncode == 2
    assert re.match(r"data/organisations/cabinet-secretariat\.yml:\d+:\d+: \[not-allowed\] `type` cannot be \"goverment\"\.\n"
                    r"    Did you mean `government`\? Allowed values: ", text.stdout)
    github = run("validate", "--root", str(project), "--format", "github", "--today", "2026-11-22")
    assert re.match(r"::error file=data/organisations/cabinet-secretariat\.yml,line=\d+,col=\d+,title=not-allowed%3A Value not allowed::", github.stdout)
    as_json = json.loads(run("validate", "--root", str(project), "--format", "json", "--lang", "mn").stdout)
    assert as_json["count"] == 1 and as_json["warnings"] == 1  # the sample is example data: one warning says so
    problem = as_json["problems"][0]
    assert (problem["file"], problem["field"], problem["code"]) == ("data/organisations/cabinet-secretariat.yml", "type", "not-allowed")
    assert problem["message"] == "`type` талбарт \"goverment\" утга зөвшөөрөгдөхгүй."


def test_validate_rejects_a_bad_today_without_traceback():
    result = run("validate", "--today", "2026-02-30")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "2026-02-30" in result.stderr


def test_ci_annotations_reach_every_problem_in_the_editors_language_or_in_every_language(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    org = project / "data/organisations/cabinet-secretariat.yml"
    org.write_text(org.read_text("utf-8").replace("type: government", "type: goverment"), "utf-8")
    for n in range(12):  # twelve more broken records, one with backticks that must not close the summary's fence
        (project / f"data/organisations/bad-{n}.yml").write_text(f"id: bad-{n}\nname_mn: X\nname_en: X\ntype: \"```x\"\n", "utf-8")
    unknown = {"OGP_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    github = run("validate", "--root", str(project), "--format", "github", **unknown).stdout.splitlines()
    errors = [line for line in github if line.startswith("::error ")]
    assert len(errors) == 10 and github[-1].startswith("::notice::") and "3 more problems" in github[-1]
    assert " / " in errors[0] and "зөвшөөрөгдөхгүй" in errors[0] and "cannot be" in errors[0]  # both languages
    english = run("validate", "--root", str(project), "--format", "github", OGP_LANG="en").stdout
    assert "зөвшөөрөгдөхгүй" not in english
    summary = run("validate", "--root", str(project), "--format", "markdown", **unknown)
    assert summary.returncode == 2
    text = summary.stdout
    assert text.startswith("### Бичлэгт алдаа байна / Problems in the records")
    assert text.count("\n````text\n") == 2 and "```x" in text  # the fence is longer than any run of backticks inside
    assert text.count("[not-allowed]") == 2 * 13  # every problem, in each language
    assert run("validate", "--format", "markdown", OGP_LANG="en").stdout.startswith("### Warnings in the records")  # the sample: example data

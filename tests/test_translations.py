"""A page missing in one language stops the build and names the missing file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, write_files

from ogp.records.errors import Problem, format_problems, message_language
from ogp.records.translations import check_translations

LANGS = ["mn", "en"]


def keys(problems):
    return [p.key() for p in problems]


def test_complete_pairs_have_no_problem(tmp_path: Path):
    write_files(tmp_path, {"content/a.mn.md": "# А", "content/a.en.md": "# A", "content/x/b.mn.md": "# Б", "content/x/b.en.md": "# B"})
    assert check_translations(tmp_path / "content", LANGS, root=tmp_path) == []


def test_each_missing_side_is_one_problem(tmp_path: Path):
    write_files(tmp_path, {"content/a.mn.md": "# А", "content/news/b.en.md": "# B"})
    problems = check_translations(tmp_path / "content", LANGS, root=tmp_path)
    assert keys(problems) == [
        ("content/a.mn.md", None, None, "missing-translation"),
        ("content/news/b.en.md", None, None, "missing-translation"),
    ]
    assert problems[0].params["missing"] == "content/a.en.md"
    assert problems[1].params["missing"] == "content/news/b.mn.md"


def test_page_without_language_suffix_is_a_problem(tmp_path: Path):
    write_files(tmp_path, {"content/about.md": "# About", "content/guide.fr.md": "# Guide"})
    problems = check_translations(tmp_path / "content", LANGS, root=tmp_path)
    assert keys(problems) == [
        ("content/about.md", None, None, "page-without-language"),
        ("content/guide.fr.md", None, None, "page-without-language"),
    ]


def test_messages_exist_in_both_languages():
    problem = Problem("missing-translation", "content/a.mn.md", params={
        "present": "content/a.mn.md", "missing": "content/a.en.md",
        "missing_lang": {"mn": "англи", "en": "English"}})
    en = format_problems([problem], "en")
    mn = format_problems([problem], "mn")
    assert en.startswith("content/a.mn.md: [missing-translation] content/a.mn.md has no English version")
    assert "content/a.en.md" in en and "Create content/a.en.md" in en
    assert "англи хувилбар алга" in mn and "content/a.en.md файлыг үүсгэж" in mn


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"OGP_LANG": "mn"}, "mn"),
        ({"OGP_LANG": "en", "LANG": "mn_MN.UTF-8"}, "en"),
        ({"LANG": "mn_MN.UTF-8"}, "mn"),
        ({"LC_ALL": "C.UTF-8", "LANG": "mn_MN.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_message_language_follows_option_then_locale(env, expected):
    assert message_language(env) == expected


@pytest.mark.slow
@pytest.mark.parametrize("removed", ["content/contact.en.md", "content/news/index.mn.md"])
def test_build_fails_naming_the_missing_file(tmp_path: Path, removed: str):
    project = copy_project(tmp_path / "project")
    (project / removed).unlink()
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert removed in output
    assert "[missing-translation]" in output
    assert "Traceback" not in output


@pytest.mark.slow
def test_build_error_in_mongolian_when_asked(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "content/forum.en.md").unlink()
    result = mkdocs_build(project, tmp_path / "site", OGP_LANG="mn")
    assert result.returncode == 1
    assert "content/forum.en.md файл байхгүй байна" in result.stderr


@pytest.mark.slow
def test_image_without_alt_text_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    page = project / "content/contact.en.md"
    page.write_text(page.read_text("utf-8") + "\n![](map.png)\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert re.search(r"content/contact\.en\.md:\d+:1: \[image-without-alt\] The image `map\.png`", result.stderr), result.stderr

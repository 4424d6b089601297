"""A pull request shows its effect: ``ogp diff BASE HEAD`` on a real git history."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from conftest import copy_project, ogp

from ogp.render.effect import address, effect, report

RULES = """id: forum-rules
title_mn: Үндэсний зөвлөлийн дүрэм
title_en: Rules of the National Council
date: 2026-11-02
kind: forum-rules
url: https://example.org/rules.pdf
languages: [mn, en]
"""


def git(root: Path, *args: str, when: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org", GIT_COMMITTER_NAME="Editor",
               GIT_COMMITTER_EMAIL="editor@example.org", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def test_addresses_of_pages():
    assert address("index.mn.md") == "/" and address("plans/nap5.en.md") == "/en/plans/nap5/"
    assert address("news/index.en.md") == "/en/news/" and address("data/plan.csv") is None and address("x.md") is None


def test_a_new_forum_rules_record_shows_its_pages_its_file_and_the_verdict_it_changes(tmp_path: Path):
    root = copy_project(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main", when="2026-11-01T10:00:00+08:00")
    git(root, "add", "-A", when="2026-11-01T10:00:00+08:00")
    git(root, "commit", "-q", "-m", "sample", when="2026-11-01T10:00:00+08:00")
    (root / "data/evidence/forum-rules.yml").write_text(RULES, "utf-8")
    git(root, "add", "-A", when="2026-11-03T10:00:00+08:00")
    git(root, "commit", "-q", "-m", "The forum's rules", when="2026-11-03T10:00:00+08:00")
    found = effect(root, "HEAD~1", "HEAD", dt.date(2026, 11, 22))
    assert found.records == [("A", "data/evidence/forum-rules.yml")]
    assert "/evidence/" in found.changed + found.added and "/en/evidence/" in found.changed + found.added
    assert found.removed == []
    assert ("1.1", "rules", "not-met", "met") in found.verdicts
    text = report(found, ["en", "mn"], "https://example.org/ogp")
    assert "1.1 · rules: Not met → Met" in text and "[`/en/evidence/`](https://example.org/ogp/en/evidence/)" in text
    assert "### What this change does to the site" in text and "### Энэ өөрчлөлтөөр сайтад юу өөрчлөгдөх вэ" in text
    same = effect(root, "HEAD", "HEAD", dt.date(2026, 11, 22))
    assert (same.added, same.changed, same.removed, same.records, same.verdicts) == ([], [], [], [], [])
    cli = ogp("diff", "HEAD~1", "--root", str(root))
    assert cli.returncode == 0 and "Not met → Met" in cli.stdout
    assert ogp("diff", "no-such-branch", "--root", str(root)).returncode == 2

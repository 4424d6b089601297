"""``ogp validate`` ⇒ the site builds: links and anchors are checked before the build, located, in both languages.

The slow test holds the proof: for each broken (or tricky but sound) page, minutes file or record text,
``ogp validate`` fails exactly when the strict build fails.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, ogp

from ogp.records.page_links import Link, anchors, broken, links

GIT = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
       "GIT_COMMITTER_EMAIL": "editor@example.org"}
CONTACT, MINUTES = "content/contact.en.md", "data/meetings/2024-05-20-ngo-round-table.en.md"
COMMITMENT = "data/commitments/nap5/nap5-01.yml"
# name -> (file, text appended to it, the codes validate reports; none means the build passes too)
CASES = {
    "missing page": (CONTACT, "\n[x](nowhere.md)\n", ["link-not-found"]),
    "missing anchor": (CONTACT, "\n[x](participate.md#no-such-part)\n", ["link-no-anchor"]),
    "absolute link": (CONTACT, "\n[x](/plans/)\n", ["link-absolute"]),
    "folder link": (CONTACT, "\n[x](news/)\n", ["link-unrecognized"]),
    "minutes": (MINUTES, "\n[x](../nowhere.md)\n", ["link-not-found"]),
    "sound anchor, code, mail": (CONTACT, "\n[x](participate.md#how-to-take-part) `[y](z.md)` "
                                 '<a href="&#109;ailto:ogp@example.org">mail</a> [p](plans/index.md)\n', []),
}


def test_links_anchors_and_what_is_not_a_link():
    text = "# How to take part\n\n## Take part\n\n## Take part\n\n```\n[no](x.md)\n```\n[a](b.md#c) `[d](e.md)` ![i](p.png)\n"
    assert [link.target for link in links(text)] == ["b.md#c", "p.png"]
    assert anchors(text) == {"how-to-take-part", "take-part", "take-part_1"}
    assert anchors("### m1. Data {: #m1 }\n<span id=\"org\"></span>\n## Хурал, уулзалт\n") == {"m1", "org", "хурал-уулзалт"}
    files, marks = {"a.md", "plans/index.md", "data/plan.csv"}, {"a.md": {"top"}}
    cases = {"a.md#top": None, "a.md#x": "link-no-anchor", "../a.md": None, "/a.md": "link-absolute", "b.md": "link-not-found",
             "plans/": "link-unrecognized", "plans": "link-unrecognized", "../data/plan.csv": None, "https://x.org/": None,
             "mailto:a@b.org": None, "#top": None, "": "link-empty", "../../a.md": "link-not-found"}
    for target, code in cases.items():
        found = broken(Link(1, 1, target), "news/index.md" if target.startswith("../") else "a.md", files, marks)
        assert (found[0] if found else None) == code, target


def test_the_sample_is_sound_and_a_broken_link_is_one_located_message_in_each_language(tmp_path: Path):
    assert ogp("validate").returncode == 0
    project = copy_project(tmp_path / "p")
    (project / CONTACT).write_text((project / CONTACT).read_text("utf-8") + "\n[x](nowhere.md)\n", "utf-8")
    path = project / COMMITMENT
    path.write_text(path.read_text("utf-8").replace("description_en: ", "description_en: See [the plan](../plans/nap9.md). ", 1), "utf-8")
    result = ogp("validate", "--root", str(project), OGP_LANG="mn")
    assert result.returncode == 2, result.stdout
    assert "content/contact.en.md:" in result.stdout and "[link-not-found]" in result.stdout
    assert f"{COMMITMENT}:" in result.stdout and "../plans/nap9.md" in result.stdout and "хуудас эсвэл файл" in result.stdout
    assert ogp("validate", "--root", str(project), "--format", "json").returncode == 2


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_validate_fails_exactly_when_the_strict_build_fails(tmp_path: Path, name):
    file, extra, codes = CASES[name]
    project = copy_project(tmp_path / "p")
    (project / file).write_text((project / file).read_text("utf-8") + extra, "utf-8")
    env = dict(os.environ, **GIT)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "x"], cwd=project, check=True, env=env)
    checked = ogp("validate", "--root", str(project), "--format", "json")
    reported = [p["code"] for p in json.loads(checked.stdout)["problems"] if p["severity"] == "error"]
    assert reported == codes, checked.stdout
    built = mkdocs_build(project, tmp_path / "site")
    assert (built.returncode == 0) == (not codes), built.stdout + built.stderr

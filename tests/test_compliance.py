"""Minimum requirements judged from records and real git histories with pinned dates."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT, ogp

from ogp.facts.audit import audit
from ogp.facts.compliance import Context, forum_every_six_months
from ogp.facts.model import build_model
from ogp.records.validate import validate

BASE = ROOT / "tests/fixtures/base"
OGP = Path(sys.executable).parent / "ogp"


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def repo_with_timeline_committed(tmp_path: Path, timeline_day: str) -> Path:
    """The base dataset committed on 2023-08-01, its co-creation record on ``timeline_day``."""
    repo = tmp_path / "repo"
    shutil.copytree(BASE, repo)
    git(repo, "init", "-q", "-b", "main")
    cocreation = repo / "data/cocreation/nap1.yml"
    text = cocreation.read_text("utf-8")
    cocreation.unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "records", when="2023-08-01T10:00:00+08:00")
    cocreation.write_text(text, "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "timeline", when=f"{timeline_day}T10:00:00+08:00")
    return repo


def judge(repo: Path, as_of: dt.date):
    data, problems = validate(repo, as_of)
    assert problems == []
    return audit(data, as_of).report


def test_timeline_committed_ten_days_before_the_start_fails_3_1(tmp_path: Path):
    # Co-creation starts on 2023-09-20 in the base dataset.
    report = judge(repo_with_timeline_committed(tmp_path, "2023-09-10"), dt.date(2024, 7, 1))
    assert report.verdicts["3.1"].status == "not-met"
    assert report.verdicts["3.1"].evidence[0]["kind"] == "commit"


def test_timeline_committed_nineteen_days_before_passes_3_1(tmp_path: Path):
    report = judge(repo_with_timeline_committed(tmp_path, "2023-09-01"), dt.date(2024, 7, 1))
    assert report.verdicts["3.1"].status == "met"


def with_forum_meetings(tmp_path: Path, days: list[str], rules: bool = True) -> Path:
    repo = tmp_path / "data-only"
    shutil.copytree(BASE, repo)
    for day in days:
        (repo / f"data/meetings/{day}-forum.yml").write_text(
            f"id: {day}-forum\ndate: {day}\ntype: forum\nformat: online\ntitle_mn: Хуралдаан\ntitle_en: Meeting\n"
            "plan: nap1\nexample: true\n", "utf-8")
    if rules:
        (repo / "data/evidence/forum-rules.yml").write_text(
            "id: forum-rules\ndate: 2023-06-01\nkind: forum-rules\ntitle_mn: Дүрэм\ntitle_en: Rules\n"
            "url: https://example.org/rules\nlanguages: [mn]\nexample: true\n", "utf-8")
    return repo


def forum_verdict(repo: Path, as_of: dt.date):
    data, problems = validate(repo, as_of)
    assert problems == []
    model = build_model(data, as_of)
    return forum_every_six_months(Context(model, model.current_plan(), as_of))


def test_a_six_month_window_without_a_forum_meeting_fails_1_1(tmp_path: Path):
    # The base plan runs 2024-01-01 to 2025-12-31 and has a forum meeting on 2024-03-01;
    # nothing falls in July-December 2024.
    verdict = forum_verdict(with_forum_meetings(tmp_path, ["2025-02-01"]), dt.date(2025, 3, 1))
    assert verdict.status == "not-met"
    assert [(p.key, p.status) for p in verdict.parts] == [
        ("2024-01-01 – 2024-06-30", "met"), ("2024-07-01 – 2024-12-31", "not-met"),
        ("2025-01-01 – 2025-06-30", "met"), ("rules", "met")]
    assert "1 July 2024 – 31 December 2024" in verdict.found["en"]  # what a reader reads; the key stays ISO


def test_a_forum_meeting_in_every_window_and_published_rules_pass_1_1(tmp_path: Path):
    verdict = forum_verdict(with_forum_meetings(tmp_path, ["2024-08-20", "2025-02-01"]), dt.date(2025, 3, 1))
    assert verdict.status == "met"
    assert forum_verdict(with_forum_meetings(tmp_path / "b", ["2024-08-20", "2025-02-01"], rules=False),
                         dt.date(2025, 3, 1)).status == "not-met"  # the rules are the other half of 1.1


def test_a_running_window_without_a_forum_meeting_is_at_risk(tmp_path: Path):
    verdict = forum_verdict(with_forum_meetings(tmp_path, ["2024-08-20"]), dt.date(2025, 5, 10))
    assert verdict.status == "at-risk" and "51 days left" in verdict.found["en"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return ogp(*args, cwd=cwd)


def test_compliance_command_reports_every_requirement(tmp_path: Path):
    repo = repo_with_timeline_committed(tmp_path, "2023-09-01")
    result = run("compliance", "--root", str(repo), "--as-of", "2024-07-01", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["requirements"]) == {"1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1"}
    assert all(r["status"] in ("met", "at-risk", "not-met", "not-applicable") for r in report["requirements"].values())
    assert report["requirements"]["2.2"]["rule"]["mn"] and report["requirements"]["2.2"]["rule"]["en"]
    strict = run("compliance", "--root", str(repo), "--as-of", "2025-06-01", "--strict")
    assert strict.returncode == 1  # 2024 had updates on one day only: 2.2 was missed


def test_compliance_refuses_a_shallow_clone(tmp_path: Path):
    repo = repo_with_timeline_committed(tmp_path, "2023-09-01")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth=1", f"file://{repo}", str(clone)], check=True)
    result = run("compliance", "--root", str(clone))
    assert result.returncode == 3
    assert "fetch-depth: 0" in result.stderr and "Traceback" not in result.stderr


def test_irm_pack_lists_evidence_with_first_publication(tmp_path: Path):
    repo = repo_with_timeline_committed(tmp_path, "2023-09-01")
    out = tmp_path / "pack.zip"
    result = run("irm-pack", "nap1", "--root", str(repo), "--as-of", "2024-07-01", "--output", str(out))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as pack:
        names = set(pack.namelist())
        manifest = pack.read("manifest.csv").decode("utf-8").splitlines()
    assert {"README.txt", "manifest.csv", "compliance.json", "data/files/nap1/standard.txt"} <= names
    standard = [line for line in manifest if ",nap1-standard," in line]
    assert standard and all(",2023-08-01," in line for line in standard)
    assert run("irm-pack", "nap9", "--root", str(repo)).returncode == 2


def test_plan_years_and_halves_options(tmp_path: Path, monkeypatch):
    repo = repo_with_timeline_committed(tmp_path, "2023-09-01")
    # Two updates in August and September 2023: a calendar year 2023 with two dates, but both
    # in the second half.
    monkeypatch.setenv("OGP_UPDATE_HALVES", "1")
    report = judge(repo, dt.date(2024, 7, 1))
    first = report.periods[0]
    # Only the plan's years are judged (it starts on 2024-01-01); both updates fell in 2023.
    assert (first.start, first.status, first.halves_ok) == (dt.date(2024, 1, 1), "at-risk", False)
    monkeypatch.setenv("OGP_UPDATE_YEAR", "plan")
    monkeypatch.delenv("OGP_UPDATE_HALVES")
    report = judge(repo, dt.date(2024, 7, 1))
    assert report.periods[0].start == dt.date(2024, 1, 1)  # the base plan starts on 2024-01-01

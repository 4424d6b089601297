"""A real plan's data, converted and validated: three commitments of the fifth U.S. national action
plan as the U.S. tracker (GSA/open.usa.gov) publishes them; see SOURCE.md. Nothing is invented:
every text written is found in the source files, and what the source lacks stays absent."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from realplans.convert import STATUSES, ZONES, convert, front_matter

from ogp.records.repository import active
from ogp.records.validate import validate

FIXTURE = Path(__file__).parent / "fixture"
AFTER_THE_PLAN = dt.date(2025, 1, 1)  # the plan ran 2022-2024

# Problems that are limits of the schema, not of the converter (SOURCE.md, "Schema gaps").
GAPS: set = set()  # none left: plan dates may be months or years, leads may be named per milestone
# Keys whose values are ids, references or this project's fixed words, not the source's text.
NOT_TEXT = {"id", "plan", "lead_agency", "status", "template", "type", "languages", "timezone", "start", "end", "submitted"}
# Fields the source has no value for: they must be left out, never filled.
LACKING = {
    "plan": {"length_years", "refresh_submitted", "summary_en", "documents", "example"},
    "commitment": {"problem_en", "transparency_en", "participation_en", "accountability_en", "supporting", "contact_en",
                   "contact_email", "challenge_area", "policy_areas", "start", "end", "irm_verifiable", "irm_ogp_lens",
                   "irm_potential", "irm_completion", "irm_early_results", "example"},
    "milestone": {"output_en", "due", "completed", "progress", "evidence", "example"},
    "organisation": {"short_en", "website", "example"},
}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def source_text() -> str:
    """All the fixture's text: each file as written and each front-matter value as YAML reads it."""
    parts = []
    for path in sorted(FIXTURE.rglob("*.md")):
        parts.append(path.read_text("utf-8"))
        meta, _ = front_matter(path)
        parts += [str(value) for value in meta.values()]
    return squash("\n".join(parts))


def strings(value, key=None):
    """Every (key, scalar) pair in a loaded YAML document."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item, key)
    else:
        yield key, value


@pytest.fixture
def converted(tmp_path: Path):
    report = convert(FIXTURE, tmp_path)
    docs = {path.relative_to(tmp_path).as_posix(): yaml.safe_load(path.read_text("utf-8"))
            for path in sorted(tmp_path.rglob("*.yml"))}
    return tmp_path, report, docs


def test_the_report_counts_what_was_written_and_what_had_no_place(converted):
    root, report, docs = converted
    assert {k: report[k] for k in ("plans", "commitments", "milestones", "organisations")} == {
        "plans": 1, "commitments": 3, "milestones": 8, "organisations": 4}
    assert sorted(docs) == [
        "data/commitments/us-nap5/us-nap5-114.yml", "data/commitments/us-nap5/us-nap5-116.yml",
        "data/commitments/us-nap5/us-nap5-118.yml",
        "data/organisations/national-archives-and-records-administration.yml",
        "data/organisations/office-of-management-and-budget-office-of-the-chief-statistician.yml",
        "data/organisations/office-of-science-and-technology-policy.yml",
        "data/organisations/science-and-society-team.yml",
        "data/plans/us-nap5.yml", "ogp.yml"]
    assert "sub-commitment.aug_2023_progress" in report["unplaced_fields"]
    assert "sub-commitment body (progress update and evidence links)" in report["unplaced_fields"]
    plan = yaml.safe_load((root / "data/plans/us-nap5.yml").read_text("utf-8"))
    # "December 2022" (nap-5.md) and "2022-2024" (the self-assessment), as coarse as the source says them.
    assert (str(plan["submitted"]), str(plan["start"]), str(plan["end"])) == ("2022-12", "2022", "2024")
    assert "December 2022" in source_text() and "2022-2024" in source_text()
    assert any(item.startswith("ogp.yml forum") for item in report["not_stated"])


def test_every_value_written_comes_from_the_source(converted):
    root, report, docs = converted
    corpus = source_text()
    for name, doc in docs.items():
        for key, value in strings(doc):
            if key in NOT_TEXT:
                continue
            assert squash(str(value)) in corpus, f"{name}: {key} = {value!r} is not in the source"
    # The mapped values: statuses from the tracker's words, the zone from the meeting pages' "ET".
    tracker_statuses = {str(front_matter(p)[0]["commitment_status"]).strip() for p in (FIXTURE / "_subcommitments").glob("*.md")}
    written = {m["status"] for name, doc in docs.items() if "/commitments/" in name for m in doc["milestones"]}
    assert written == {STATUSES[s] for s in tracker_statuses}
    assert docs["ogp.yml"]["timezone"] == ZONES["ET"] and " ET" in corpus
    # Commitment numbers and OGP ids are the tracker's own (US0116 is commitment 116).
    for name, doc in docs.items():
        if "/commitments/" in name:
            assert doc["ogp_id"] == f"US{doc['number']:04d}" and doc["id"] == f"us-nap5-{doc['number']}"


def test_fields_the_source_lacks_are_left_out(converted):
    root, report, docs = converted
    assert "forum" not in docs["ogp.yml"]
    for name, doc in docs.items():
        kind = name.split("/")[1] if name.startswith("data/") else None
        if kind == "plans":
            assert not set(doc) & LACKING["plan"], name
            assert doc["template"] == "earlier"
        elif kind == "commitments":
            assert not set(doc) & LACKING["commitment"], name
            for milestone in doc["milestones"]:
                assert not set(milestone) & LACKING["milestone"], (name, milestone["id"])
        elif kind == "organisations":
            assert not set(doc) & LACKING["organisation"], name
    # A milestone names its lead only where the commitment's sub-commitments have different ones.
    assert "lead_agency" not in docs["data/commitments/us-nap5/us-nap5-118.yml"]["milestones"][0]
    assert [m["lead_agency"] for m in docs["data/commitments/us-nap5/us-nap5-116.yml"]["milestones"]] == [
        "office-of-science-and-technology-policy", "office-of-science-and-technology-policy",
        "science-and-society-team", "office-of-science-and-technology-policy"]
    # A deadline in words stays words, with no date made up for it.
    assert [m.get("due_text_en") for m in docs["data/commitments/us-nap5/us-nap5-118.yml"]["milestones"]] == [
        "over the next two years", "over the next two years", "over the next two to four years"]


def test_the_converted_plan_validates(converted):
    root, report, docs = converted
    data, problems = validate(root, today=AFTER_THE_PLAN)
    assert len(data.records["commitment"]) == 3 and len(data.records["milestone"]) == 8
    found = {(p.file, p.field, p.code) for p in problems}
    # Anything beyond the known gaps is a converter bug.
    assert found <= GAPS, "\n".join(p.format_text("en") for p in problems if (p.file, p.field, p.code) not in GAPS)
    assert problems == []
    # Its verdicts cannot be met when its dates are years and a month: unverifiable, and why.
    from ogp.facts.audit import audit
    from ogp.facts.model import build_model

    found = audit(data, AFTER_THE_PLAN, build_model(data, AFTER_THE_PLAN), tolerate_history_errors=True)
    statuses = {rid: v.status for rid, v in found.report.verdicts.items()}
    assert "met" not in statuses.values() and statuses["5.1"] == "unverifiable", statuses
    assert "2022 – 2024" in found.report.verdicts["5.1"].found["en"]


def test_no_forum_stays_no_forum(converted):
    root, report, docs = converted
    validate(root, today=AFTER_THE_PLAN)
    # Left out, the forum is called by what it is, never by the sample's "National Council".
    assert active().forum["en"] == "Multi-stakeholder forum"


@pytest.mark.slow
def test_the_converted_plan_builds_strictly_in_a_new_english_repository(tmp_path: Path):
    import os
    import subprocess
    import sys

    from conftest import ogp

    git = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org"}
    repo = tmp_path / "us"
    made = ogp("init", str(repo), "--country", "United States", "--languages", "en", "--timezone", "America/New_York",
               "--member-prefix", "US", **git)
    assert made.returncode == 0, made.stderr
    convert(FIXTURE, repo)  # its own ogp.yml and records, over the empty repository
    env = dict(os.environ, **git)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", "The fifth plan, from the U.S. tracker"], check=True, env=env)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], cwd=repo,
                           env=dict(env, PYTHONPATH=str(repo), OGP_TODAY="2025-01-01", NO_MKDOCS_2_WARNING="1"),
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    page = (tmp_path / "site/commitments/us-nap5-116/index.html").read_text("utf-8")
    assert "Science and Society" in page and 'lang="en"' in page
    plans = (tmp_path / "site/plans/us-nap5/index.html").read_text("utf-8")
    assert "2022" in plans and "2024" in plans

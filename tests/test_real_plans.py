"""Real plans fit: ids and numbers as real trackers give them, and a repository whose records are
deleted and renamed still builds strictly (an adopter's first commit replaces the sample data)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build

from ogp.records.validate import validate

BASE = Path(__file__).parent / "fixtures/base"
LONG_ORGANISATION = "office-of-the-deputy-minister-for-digital-government-and-open-data-of-the-republic"


def test_three_digit_numbers_hyphenated_plan_ids_and_long_organisation_ids_are_valid(tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    plan = (BASE / "data/plans/nap1.yml").read_text("utf-8").replace("id: nap1", "id: us-nap5").replace("number: 1", "number: 5")
    (root / "data/plans/us-nap5.yml").write_text(plan.replace("documents: [nap1-plan]\n", ""), "utf-8")
    organisation = (BASE / "data/organisations/ministry.yml").read_text("utf-8")
    (root / f"data/organisations/{LONG_ORGANISATION}.yml").write_text(
        organisation.replace("id: ministry", f"id: {LONG_ORGANISATION}"), "utf-8")
    commitment = (BASE / "data/commitments/nap1/nap1-01.yml").read_text("utf-8")
    commitment = (commitment.replace("id: nap1-01", "id: us-nap5-113").replace("plan: nap1", "plan: us-nap5")
                  .replace("number: 1", "number: 113").replace("lead_agency: ministry", f"lead_agency: {LONG_ORGANISATION}")
                  .replace("id: m2", "id: m38").replace("    evidence: [nap1-standard]\n", ""))
    (root / "data/commitments/us-nap5").mkdir(parents=True)
    (root / "data/commitments/us-nap5/us-nap5-113.yml").write_text(commitment, "utf-8")
    data, problems = validate(root, dt.date(2024, 7, 1))
    assert problems == [], [p.format_text("en") for p in problems]
    assert "us-nap5-113" in {r.id for r in data.records["commitment"]}
    assert "m38" in {r.values["id"] for r in data.records["milestone"]}


def git(root: Path, *args: str, when: str) -> None:
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="e@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="e@example.org", GIT_AUTHOR_DATE=when,
               GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_deleting_and_renaming_records_is_an_ordinary_edit(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main", when="2026-11-01T10:00:00+08:00")
    git(project, "add", "-A", when="2026-11-01T10:00:00+08:00")
    git(project, "commit", "-q", "-m", "sample", when="2026-11-01T10:00:00+08:00")
    # Delete two plans and a meeting, rename a meeting (its id follows its file name).
    for name in ("data/plans/nap1.yml", "data/plans/nap2.yml", "data/meetings/2023-07-04-round-table.yml"):
        (project / name).unlink()
    old, new = project / "data/meetings/2023-11-08-working-group.yml", project / "data/meetings/2023-11-08-co-creation-group.yml"
    new.write_text(old.read_text("utf-8").replace("id: 2023-11-08-working-group", "id: 2023-11-08-co-creation-group"), "utf-8")
    old.unlink()
    git(project, "add", "-A", when="2026-11-10T10:00:00+08:00")
    git(project, "commit", "-q", "-m", "adopt", when="2026-11-10T10:00:00+08:00")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    ledger = (project / "content/updates.en.md").read_text("utf-8")
    assert "`data/plans/nap1.yml`" in ledger  # gone: its old path as plain text, no link to a missing page
    assert "meetings/2023-11-08-co-creation-group.md" in ledger  # renamed: followed to the record's new page
    assert "2023-11-08-working-group" not in ledger


def base_model(tmp_path: Path, today: dt.date, overdue: int = 0):
    from ogp.facts.model import build_model

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    if overdue:
        path = root / "data/commitments/nap1/nap1-01.yml"
        extra = "".join(f"  - id: m{n}\n    title_mn: Алхам {n}\n    title_en: Step {n}\n    output_mn: Үр дүн\n"
                        f"    output_en: A result\n    due: 2024-0{1 + n % 9}-1{n % 10}\n    status: in-progress\n"
                        for n in range(3, 3 + overdue))
        path.write_text(path.read_text("utf-8").replace("example: true\n", "") + extra + "example: true\n", "utf-8")
    data, problems = validate(root, today)
    assert problems == [], [p.format_text("en") for p in problems]
    return build_model(data, today)


def test_a_finished_plan_shows_final_states_and_the_home_page_says_none_is_running(tmp_path: Path):
    from ogp.facts.model import commitment_status
    from ogp.render.dashboard import dashboard

    model = base_model(tmp_path / "a", dt.date(2025, 10, 1))  # nap1 runs until 2025-12-31; m2 was due in June
    assert commitment_status(model, model.commitments["nap1-01"]) == "delayed"
    assert "The current plan" in dashboard(model, "en")
    model = base_model(tmp_path / "b", dt.date(2026, 3, 1))
    assert commitment_status(model, model.commitments["nap1-01"]) == "not-completed"
    home = dashboard(model, "en")
    assert "The current plan" not in home and "No plan is running now" in home and "Delayed" not in home
    assert "Milestones not completed by the end of the plan" in home
    assert "хэрэгжиж буй төлөвлөгөө алга" in dashboard(model, "mn")


def test_long_lists_on_the_home_page_are_capped_with_a_link_to_the_rest(tmp_path: Path):
    from ogp.render.dashboard import LIST_LIMIT, dashboard

    home = dashboard(base_model(tmp_path, dt.date(2025, 10, 1), overdue=14), "en")
    overdue = home.split("### Overdue milestones")[1]
    assert overdue.count("\n| ") == LIST_LIMIT + 1  # the header row and ten milestones
    assert f"The first {LIST_LIMIT} of 15; all are on [the plan's page](plans/nap1.md)." in overdue


def test_evidence_descriptions_are_shown(tmp_path: Path):
    from ogp.render.pages_records import evidence_pages

    model = base_model(tmp_path, dt.date(2024, 7, 1))
    record = model.evidence["nap1-standard"]
    record.values.update(description_mn="Батлагдсан стандартын эх.", description_en="The adopted standard's text.")
    pages = evidence_pages(model, {"data/files/nap1/standard.txt": 10})
    assert "**Standard** — The adopted standard's text." in pages["evidence/nap1-01.en.md"]
    assert "Батлагдсан стандартын эх." in pages["evidence/nap1-01.mn.md"]


def test_a_month_or_a_year_is_kept_as_written_and_due_at_its_end(tmp_path: Path):
    from test_opendata import assert_valid_package

    from ogp.facts.model import build_model, commitment_status
    from ogp.render.feeds import feed_entries, icalendar
    from ogp.render.opendata import write_data_package
    from ogp.render.pages import commitment_pages

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "data/commitments/nap1/nap1-01.yml"
    path.write_text(path.read_text("utf-8").replace("completed: 2024-06-15", "completed: 2024-06")
                    .replace("due: 2025-06-30", "due: 2025"), "utf-8")
    data, problems = validate(root, dt.date(2024, 6, 20))  # June 2024 has begun: not "in the future"
    assert problems == [], [p.format_text("en") for p in problems]
    m1, m2 = data.records["milestone"]
    assert (m1.values["completed"].isoformat(), m2.values["due"].isoformat()) == ("2024-06", "2025")
    assert m2.values["due"] == dt.date(2025, 12, 31) and m1.values["completed"].first == dt.date(2024, 6, 1)
    # Due "2025" is not overdue before the year is over; afterwards the plan has ended.
    model = build_model(data, dt.date(2025, 10, 1))
    assert commitment_status(model, model.commitments["nap1-01"]) == "in-progress"
    page = commitment_pages(model, {}, {}, "")["commitments/nap1-01.en.md"]
    assert "Due\n:   2025\n" in page and "June 2024" in page and "31 December 2025" not in page  # as precise as written
    early = {(p.file, p.field, p.code) for p in validate(root, dt.date(2024, 5, 31))[1]}
    assert ("data/commitments/nap1/nap1-01.yml", "completed", "date-in-future") in early  # all of June is ahead
    out = tmp_path / "package"
    write_data_package(data, out, "https://example.org/")
    assert_valid_package(out / "datapackage.json")  # the package says what the field holds: patterned text
    assert "2025" in icalendar(data, "en", "https://example.org/", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert feed_entries(data)  # the feed dates a month by its full day, without failing


def test_a_deadline_in_the_sources_words_is_shown_beside_its_date(tmp_path: Path):
    from ogp.facts.model import build_model
    from ogp.render.pages import commitment_pages

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "data/commitments/nap1/nap1-01.yml"
    path.write_text(path.read_text("utf-8").replace(
        "    due: 2025-06-30\n", "    due: 2025-06\n    due_text_mn: 2025 оны дунд үе гэхэд\n    due_text_en: by mid-2025\n"), "utf-8")
    data, problems = validate(root, dt.date(2024, 7, 1))
    assert problems == []
    pages = commitment_pages(build_model(data, dt.date(2024, 7, 1)), {}, {}, "")
    assert ":   June 2025 (by mid-2025)\n" in pages["commitments/nap1-01.en.md"]
    assert ":   2025 оны 6 дугаар сар (2025 оны дунд үе гэхэд)\n" in pages["commitments/nap1-01.mn.md"]


def test_a_milestone_led_by_another_office_and_a_theme_are_shown(tmp_path: Path):
    from ogp.facts.model import build_model
    from ogp.render.pages import commitment_pages

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "data/commitments/nap1/nap1-01.yml"
    path.write_text(path.read_text("utf-8").replace("  - id: m2\n", "  - id: m2\n    lead_agency: cso\n")
                    .replace("challenge_area:", "theme_mn: Төсөв\ntheme_en: Budget\nchallenge_area:"), "utf-8")
    data, problems = validate(root, dt.date(2024, 7, 1))
    assert problems == []
    page = commitment_pages(build_model(data, dt.date(2024, 7, 1)), {}, {}, "")["commitments/nap1-01.en.md"]
    assert "| Theme | Budget |" in page and "Lead agency\n:   Test CSO\n" in page.split("### 2. Publication")[1]
    wrong = path.read_text("utf-8").replace("lead_agency: cso", "lead_agency: no-such-office")
    path.write_text(wrong, "utf-8")
    assert [(p.field, p.code) for p in validate(root, dt.date(2024, 7, 1))[1]] == [("lead_agency", "unknown-reference")]


def test_an_embedded_video_in_minutes_becomes_a_safe_link_with_its_title():
    from ogp.render.md import markdown

    minutes = ('The recording: <iframe width="560" src="https://www.youtube.com/embed/abc" '
               'title="Forum meeting, 4 July" allowfullscreen></iframe> and <iframe src="javascript:alert(1)"></iframe>.')
    shown = markdown(minutes)
    assert "[Forum meeting, 4 July](<https://www.youtube.com/embed/abc>)" in shown
    assert "iframe" not in shown and "javascript" not in shown and "&lt;" not in shown


def test_an_earlier_template_leaves_out_what_it_never_asked_for_and_the_site_says_so(tmp_path: Path):
    from ogp.facts.model import build_model, next_milestone
    from ogp.render.dashboard import dashboard
    from ogp.render.feeds import icalendar
    from ogp.render.finder import items as finder_items
    from ogp.render.pages import commitment_pages

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "data/commitments/nap1/nap1-01.yml"
    text = path.read_text("utf-8")
    for line in ("problem_mn: Төсвийн мэдээлэл олдоход хэцүү.\n", "problem_en: Budget data is hard to find.\n",
                 "transparency_mn: Төсөв ил тод болно.\n", "transparency_en: The budget becomes transparent.\n",
                 "    output_mn: Нийтэлсэн өгөгдөл\n", "    output_en: Published data\n", "    due: 2025-06-30\n",
                 "    completed: 2024-06-15\n"):
        assert line in text
        text = text.replace(line, "")
    path.write_text(text, "utf-8")
    today = dt.date(2024, 7, 1)
    # On the current template (the default) every one of them is required ...
    found = {(p.field, p.code) for p in validate(root, today)[1]}
    assert {("problem_mn", "missing-field"), ("problem_en", "missing-field"), ("output_mn", "missing-field"),
            ("due", "missing-field"), (None, "no-ogp-value"), ("status", "missing-completion-date")} <= found
    # ... an earlier template did not ask for them: nothing is invented, and the pages say "not stated".
    plan = root / "data/plans/nap1.yml"
    plan.write_text(plan.read_text("utf-8").replace("length_years: 2\n", "length_years: 2\ntemplate: earlier\n"), "utf-8")
    data, problems = validate(root, today)
    assert problems == [], [p.format_text("en") for p in problems]
    model = build_model(data, today)
    page = commitment_pages(model, {}, {}, "")["commitments/nap1-01.en.md"]
    m2 = page.split("### 2. Publication")[1]
    assert "*Not stated*" in page and "Expected output\n:   Not stated\n" in m2 and "Due\n:   Not stated\n" in m2
    assert "Заагаагүй" in commitment_pages(model, {}, {}, "")["commitments/nap1-01.mn.md"]
    assert next_milestone(model, model.commitments["nap1-01"]).values["id"] == "m2"
    assert dashboard(model, "en") and finder_items(model, "en")
    assert "Publication" not in icalendar(data, "en", "https://example.org/", dt.datetime(2024, 7, 1, tzinfo=dt.timezone.utc))


def test_dated_progress_updates_show_newest_first_and_reach_the_feed_and_the_open_data(tmp_path: Path):
    from ogp.facts.model import build_model
    from ogp.render.feeds import atom_feed, feed_entries
    from ogp.render.opendata import tables
    from ogp.render.pages import commitment_pages

    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    path = root / "data/commitments/nap1/nap1-01.yml"
    path.write_text(path.read_text("utf-8").replace("    progress: 40\n", (
        "    progress: 40\n    updates:\n"
        "      - date: 2024-05\n        text_mn: Төслийг хэлэлцсэн.\n        text_en: The draft was discussed.\n"
        "      - date: 2024-06-20\n        text_mn: Өгөгдлийг нийтэлсэн.\n        text_en: The data was published.\n"
        "        evidence: [nap1-standard]\n")), "utf-8")
    today = dt.date(2024, 7, 1)
    data, problems = validate(root, today)
    assert problems == [], [p.format_text("en") for p in problems]
    page = commitment_pages(build_model(data, today), {}, {}, "")["commitments/nap1-01.en.md"]
    timeline = page.split("**Progress updates**")[1]
    assert timeline.index("20 June 2024") < timeline.index("May 2024") and "The draft was discussed." in timeline
    assert "[Standard](../evidence/nap1-01.md#nap1-standard)" in timeline
    assert "Явцын мэдээ" in commitment_pages(build_model(data, today), {}, {}, "")["commitments/nap1-01.mn.md"]
    entries = [e for e in feed_entries(data) if e["id"].startswith("update:")]
    assert [e["summary"]["en"] for e in entries] == ["The data was published.", "The draft was discussed."]
    assert entries[0]["path"] == "commitments/nap1-01/#m2"
    assert "The data was published." in atom_feed(feed_entries(data), "en", "https://example.org/", today)
    header, rows = tables(data)["update"]
    assert header[:2] == ["milestone", "date"] and rows[0][0] == "nap1-01.m2"
    # An update in the future, or without its text in one language, is one located message each.
    path.write_text(path.read_text("utf-8").replace("date: 2024-06-20", "date: 2024-09-01")
                    .replace("        text_mn: Төслийг хэлэлцсэн.\n", ""), "utf-8")
    assert {(p.field, p.code) for p in validate(root, today)[1]} == {("date", "date-in-future"), ("text_mn", "missing-field")}

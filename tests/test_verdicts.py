"""Verdicts on crafted git histories: one row per story, the expected status of each requirement it is about.

Every story is a real git repository in a temporary folder, built commit by
commit with pinned author and committer dates (``git commit`` for ordinary
commits, ``git commit-tree`` for merges), then judged in-process, as the build
and ``ogp compliance`` judge it. No site is built, so the whole table runs in
seconds. The base dataset (tests/fixtures/base): plan nap1 runs 2024-01-01 to
2025-12-31, co-creation 2023-09-20 to 2023-12-10 (its timeline is due by
2023-09-06), a forum meeting on 2024-03-01.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ogp.facts.audit import audit
from ogp.facts.publications import Entry
from ogp.records.validate import validate

BASE = Path(__file__).parent / "fixtures/base"
UB = "+08:00"  # Asia/Ulaanbaatar, the default time zone
COCREATION = "data/cocreation/nap1.yml"
RULES = ("data/evidence/forum-rules.yml",
         "id: forum-rules\ndate: 2023-06-01\nkind: forum-rules\ntitle_mn: Дүрэм\ntitle_en: Rules\n"
         "url: https://example.org/rules\nlanguages: [mn, en]\nexample: true\n")


def meeting(day: str, kind: str = "other", plan: str = "nap1") -> tuple[str, str]:
    """A meeting record file (path, text)."""
    name = f"{day}-{kind}"
    return f"data/meetings/{name}.yml", (f"id: {name}\ndate: {day}\ntype: {kind}\nformat: online\ntitle_mn: Уулзалт\n"
                                         f"title_en: Meeting\nplan: {plan}\nexample: true\n")


class Story:
    """A repository built commit by commit, with every date pinned."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2023-01-01T10:00:00+08:00", stdin: str | None = None,
            authored: str | None = None) -> str:
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Editor",
                   GIT_AUTHOR_EMAIL="e@example.org", GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="e@example.org",
                   GIT_AUTHOR_DATE=authored or when, GIT_COMMITTER_DATE=when)
        return subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True,
                              input=stdin).stdout.strip()

    def commit(self, when: str, files: dict[str, str | None] | None = None, base: bool = False,
               drop: tuple[str, ...] = ()) -> str:
        """Write ``files`` (None deletes), optionally the base dataset first, and commit at ``when``."""
        if base:
            shutil.copytree(BASE, self.root, dirs_exist_ok=True)
            for name in drop:
                (self.root / name).unlink()
        for name, text in (files or {}).items():
            path = self.root / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf-8")
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", f"change {when}", when=when)
        return self.git("rev-parse", "HEAD")

    def touch(self, when: str) -> str:
        """An update: a new record under data/, dated ``when``."""
        return self.commit(when, dict([meeting(when[:10])]))

    def merge(self, when: str, first: str, second: str) -> str:
        """A merge commit with the given parents (first parent first), moved onto main."""
        tree = self.git("rev-parse", f"{second}^{{tree}}")
        sha = self.git("commit-tree", tree, "-p", first, "-p", second, "-m", "merge", when=when)
        self.git("update-ref", "refs/heads/main", sha)
        self.git("reset", "-q", "--hard", sha)
        return sha


def judge(story: Story, as_of: str, now: str | None = None, plan: str | None = None, log: list | None = None):
    day = dt.date.fromisoformat(as_of)
    data, problems = validate(story.root, day)
    assert problems == [], problems
    moment = dt.datetime.fromisoformat(now or f"{as_of}T23:00:00{UB}")
    return audit(data, day, now=moment, plan_id=plan, publications=log).report


def deployed(sha: str, when: str) -> Entry:
    """A publication-log entry: ``sha`` deployed at ``when``."""
    return Entry(sha, dt.datetime.fromisoformat(when).astimezone(dt.timezone.utc))


def t(day: str, hour: str = "10:00") -> str:
    return f"{day}T{hour}:00{UB}"


# --- the stories ------------------------------------------------------------------------------

def missed_past_year(s: Story):
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    for day in ("2024-02-01", "2024-08-01", "2025-03-01"):
        s.touch(t(day))


def history_begins_late(s: Story):
    s.commit(t("2025-02-01"), dict([RULES]), base=True)
    s.touch(t("2025-06-01"))


def backdated_update(s: Story):
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-02-01"))
    s.touch(t("2024-08-01"))
    s.touch(t("2025-03-01"))
    s.touch(t("2025-01-15"))  # made after the March update, dated before it


def future_update(s: Story):
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-02-01"))
    s.touch(t("2024-08-01"))
    s.touch(t("2025-02-01"))
    s.touch(t("2025-09-01"))  # judged on 2025-06-01: this date has not come yet


def midnight_in_ulaanbaatar(s: Story):
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-06-01"))
    s.touch(t("2024-12-31", "23:30"))
    s.touch(t("2025-01-01", "00:30"))  # still 31 December in UTC


def merged_branch(s: Story):
    main = s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-02-01"))
    tip = s.git("rev-parse", "HEAD")
    s.git("checkout", "-q", "-b", "feature", main)
    side = s.touch(t("2024-03-05"))  # made on a branch: published only when merged
    s.git("checkout", "-q", "main")
    s.merge(t("2024-09-10"), tip, side)


def rebased_and_squashed(s: Story):
    # A pull request written in January and February, rebased onto main on 1 June (new committer
    # dates, old author dates), and another squashed on 1 July: they count when they reached main.
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    for day, authored in (("2024-06-01", "2024-01-10"), ("2024-06-01", "2024-02-20"), ("2024-07-01", "2024-03-05")):
        name, text = meeting(authored)
        (s.root / name).write_text(text, "utf-8")
        s.git("add", "-A")
        s.git("commit", "-q", "-m", "rebased", when=t(day), authored=t(authored))


def timeline_late(s: Story):
    s.commit(t("2023-08-01"), base=True, drop=(COCREATION,))
    s.commit(t("2023-09-15"), {COCREATION: (BASE / COCREATION).read_text("utf-8")})


def timeline_backdated(s: Story):
    s.commit(t("2023-08-01"), base=True, drop=(COCREATION,))
    s.touch(t("2023-09-15"))
    s.commit(t("2023-08-20"), {COCREATION: (BASE / COCREATION).read_text("utf-8")})


def timeline_placeholder(s: Story):
    text = (BASE / COCREATION).read_text("utf-8")
    blank = text.replace("timeline_mn: Хуваарь.", "timeline_mn: ''").replace("timeline_en: Timeline.", "timeline_en: ''")
    s.commit(t("2023-08-01"), {COCREATION: blank.split("channels:")[0] + "channels: []\n"}, base=True)
    s.commit(t("2023-09-15"), {COCREATION: text})


def timeline_renamed_from_last_plan(s: Story):
    text = (BASE / COCREATION).read_text("utf-8")
    s.commit(t("2023-01-10"), {"data/cocreation/nap0.yml": text.replace("nap1", "nap0")}, base=True, drop=(COCREATION,))
    s.commit(t("2023-09-15"), {"data/cocreation/nap0.yml": None, COCREATION: text})


def no_cocreation(s: Story):
    s.commit(t("2023-08-01"), dict([RULES]), base=True, drop=(COCREATION,))


def no_forum_meeting(s: Story):
    forum = ("data/meetings/2024-03-01-forum.yml", "data/meetings/2024-03-01-forum.mn.md",
             "data/meetings/2024-03-01-forum.en.md")
    s.commit(t("2023-08-01"), dict([RULES]), base=True, drop=forum)


def cso_meetings(s: Story):
    nap0 = ("data/plans/nap0.yml", "id: nap0\nnumber: 1\ntitle_mn: Өмнөх\ntitle_en: Earlier\nstart: 2021-07-01\n"
            "end: 2023-06-30\nlength_years: 2\nsubmitted: 2021-06-30\nexample: true\n")
    outreach = meeting("2024-01-10", "civil-society")
    text = (BASE / COCREATION).read_text("utf-8").replace("example: true", f"outreach: [{outreach[0][14:-4]}]\nexample: true")
    s.commit(t("2023-08-01"), dict([RULES, nap0, outreach, meeting("2024-06-01", "civil-society", "nap0"),
                                    meeting("2024-12-28", "civil-society"), (COCREATION, text)]), base=True)


def approval_after_the_start(s: Story):
    # Co-creation ran into the plan's first weeks: its approval meeting of 12 January is co-creation.
    text = (BASE / COCREATION).read_text("utf-8").replace("end: 2023-12-10", "end: 2024-01-12")
    s.commit(t("2023-08-01"), dict([RULES, (COCREATION, text), meeting("2024-01-12", "forum"),
                                    meeting("2024-08-01", "civil-society")]), base=True)


def outreach_listed_and_held(s: Story):
    outreach = meeting("2023-09-25", "outreach")
    text = (BASE / COCREATION).read_text("utf-8").replace("example: true", f"outreach: [{outreach[0][14:-4]}]\nexample: true")
    s.commit(t("2023-08-01"), dict([RULES, outreach, (COCREATION, text)]), base=True)


def four_years_from_29_february(s: Story):
    plan = (BASE / "data/plans/nap1.yml").read_text("utf-8")
    plan = plan.replace("start: 2024-01-01", "start: 2024-02-29").replace("end: 2025-12-31", "end: 2028-06-30")
    s.commit(t("2023-08-01"), {"data/plans/nap1.yml": plan.replace("length_years: 2", "length_years: 4"), RULES[0]: RULES[1]},
             base=True)


# (story, as of, now (default: the evening of as-of), expected statuses, expected flags, parts of one requirement)
TABLE = [
    (missed_past_year, "2026-03-01", None, {"2.2": "not-met"}, [], ("2.2", [("2024", "met"), ("2025", "not-met")])),
    (history_begins_late, "2025-10-01", None, {"2.2": "unverifiable", "3.1": "unverifiable"}, [],
     ("2.2", [("2024", "unverifiable"), ("2025", "met")])),
    (backdated_update, "2025-06-01", None, {"2.2": "at-risk"}, ["backdated"], ("2.2", [("2024", "met"), ("2025", "at-risk")])),
    (future_update, "2025-06-01", None, {"2.2": "at-risk"}, ["future"], ("2.2", [("2024", "met"), ("2025", "at-risk")])),
    (midnight_in_ulaanbaatar, "2025-01-02", None, {"2.2": "at-risk"}, [], ("2.2", [("2024", "met"), ("2025", "at-risk")])),
    (merged_branch, "2024-12-01", None, {"2.2": "met"}, [], ("2.2", [("2024", "met")])),
    # Judged later (now: 2 July) as of 15 June: what reached main after that day does not count.
    (rebased_and_squashed, "2024-06-15", t("2024-07-02"), {"2.2": "at-risk"}, [], ("2.2", [("2024", "at-risk")])),
    (rebased_and_squashed, "2024-07-15", None, {"2.2": "met"}, [], ("2.2", [("2024", "met")])),
    (timeline_late, "2024-07-01", None, {"3.1": "not-met", "3.3": "met", "4.1": "met"}, [], None),
    (timeline_backdated, "2024-07-01", None, {"3.1": "not-met"}, ["backdated"], None),
    (timeline_placeholder, "2024-07-01", None, {"3.1": "not-met"}, [], None),
    (timeline_renamed_from_last_plan, "2024-07-01", None, {"3.1": "not-met"}, [], None),
    (lambda s: s.commit(t("2023-08-01"), dict([RULES]), base=True), "2024-07-01", None,
     {"1.1": "at-risk", "3.1": "met", "3.2": "not-met", "3.3": "met", "4.1": "met", "5.1": "at-risk"}, [], None),
    (no_cocreation, "2024-07-01", None, {"3.1": "not-met", "3.2": "not-met", "3.3": "not-met", "4.1": "not-met"}, [], None),
    (no_forum_meeting, "2024-08-01", None, {"1.1": "not-met"}, [],
     ("1.1", [("2024-01-01 – 2024-06-30", "not-met"), ("2024-07-01 – 2024-12-31", "at-risk"), ("rules", "met")])),
    # Counted in 2024: the forum meeting of 1 March only. Not the outreach meeting of co-creation
    # (10 January), nor nap0's meeting (1 June), nor 28 December before it is held: any one of
    # them would make two.
    (cso_meetings, "2024-12-20", None, {"5.1": "at-risk"}, [], ("5.1", [("2024-01-01 – 2024-12-31", "at-risk")])),
    (cso_meetings, "2025-01-05", None, {"5.1": "at-risk"}, [],
     ("5.1", [("2024-01-01 – 2024-12-31", "met"), ("2025-01-01 – 2025-12-31", "at-risk")])),
    # 2024: the forum meeting of 1 March and the civil-society meeting of 1 August, not the approval.
    (approval_after_the_start, "2025-01-05", None, {"5.1": "at-risk"}, [],
     ("5.1", [("2024-01-01 – 2024-12-31", "met"), ("2025-01-01 – 2025-12-31", "at-risk")])),
    (approval_after_the_start, "2024-07-01", None, {"5.1": "at-risk"}, [], ("5.1", [("2024-01-01 – 2024-12-31", "at-risk")])),
    (four_years_from_29_february, "2026-09-01", None, {"3.1": "not-met"}, [],
     ("3.1", [("nap1", "met"), ("refresh", "not-met")])),
]


@pytest.mark.parametrize("story, as_of, now, expected, flags, parts", TABLE,
                         ids=[f"{row[0].__name__}-{row[1]}" for row in TABLE])
def test_crafted_history(tmp_path: Path, story, as_of, now, expected, flags, parts):
    s = Story(tmp_path / "repo")
    story(s)
    report = judge(s, as_of, now)
    assert {rid: report.verdicts[rid].status for rid in expected} == expected
    assert [flag["flag"] for flag in report.flags] == flags
    if parts:
        rid, wanted = parts
        assert [(p.key, p.status) for p in report.verdicts[rid].parts] == wanted
    # Whatever a history does, the published report says so in both languages.
    for verdict in report.verdicts.values():
        assert verdict.found["mn"] and verdict.found["en"]


def test_a_flagged_commit_adds_no_update_day(tmp_path: Path):
    s = Story(tmp_path / "repo")
    backdated_update(s)
    report = judge(s, "2025-06-01")
    [flag] = report.flags
    assert flag["claimed"].startswith("2025-01-15") and flag["counted"].startswith("2025-03-01")
    assert [p.update_dates for p in report.periods][-1] == [dt.date(2025, 3, 1)]


def test_an_outreach_event_listed_and_held_counts_once(tmp_path: Path):
    s = Story(tmp_path / "repo")
    outreach_listed_and_held(s)
    verdict = judge(s, "2024-07-01").verdicts["3.2"]
    assert verdict.status == "met" and verdict.found["en"] == "1 outreach event recorded."
    assert [e["id"] for e in verdict.evidence] == ["2023-09-25-outreach"]


def test_no_forum_meeting_is_never_reported_as_a_last_meeting(tmp_path: Path):
    s = Story(tmp_path / "repo")
    no_forum_meeting(s)
    found = judge(s, "2024-08-01").verdicts["1.1"].found["en"]
    assert "Last forum meeting" not in found and "0 forum meetings" in found


def test_an_irm_pack_judges_the_plan_it_is_for(tmp_path: Path):
    s = Story(tmp_path / "repo")
    cso_meetings(s)  # has an earlier plan, nap0, beside the running nap1
    assert judge(s, "2024-12-20", plan="nap0").plan == "nap0"
    assert judge(s, "2024-12-20").plan == "nap1"


# --- stories judged against a saved publication log --------------------------------------------

def force_push(s: Story) -> list[Entry]:
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-02-01"))
    published = s.touch(t("2024-05-01"))
    s.git("reset", "-q", "--hard", "HEAD~1")  # the May update is pushed over ...
    s.touch(t("2024-04-01"))  # ... by one that claims to be older
    return [deployed(published, t("2024-05-01", "12:00"))]


def foxtrot(s: Story) -> list[Entry]:
    base = s.commit(t("2023-08-01"), dict([RULES]), base=True)
    published = s.touch(t("2024-02-01"))
    s.git("checkout", "-q", "-b", "feature", base)
    side = s.touch(t("2024-01-15"))
    s.git("checkout", "-q", "main")
    s.merge(t("2024-03-01"), side, published)  # main merged into the branch, then main moved to it
    return [deployed(published, t("2024-02-01", "12:00"))]


def fast_forward_of_an_old_branch(s: Story) -> list[Entry]:
    base = s.commit(t("2023-08-01"), dict([RULES]), base=True)
    side = s.touch(t("2024-03-01"))  # made on a branch in March ...
    s.git("reset", "-q", "--hard", base)
    s.git("merge", "-q", "--ff-only", side)  # ... and fast-forwarded onto main after May's deploy
    return [deployed(base, t("2024-05-01", "12:00")), deployed(side, t("2024-09-01", "12:00"))]


def dated_after_its_deploy(s: Story) -> list[Entry]:
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-02-01"))
    early = s.touch(t("2024-12-20"))
    late = s.touch(t("2025-05-01"))  # made and deployed in December, dated for May
    return [deployed(early, t("2024-12-20", "12:00")), deployed(late, t("2024-12-20", "13:00"))]


LOGGED = [
    # (story, as of, flags, publication rewrites (reason, acknowledged?), parts of 2.2)
    (force_push, "2024-07-01", [], [("not-ancestor", False)], None),
    (foxtrot, "2024-07-01", [], [("not-first-parent", False)], None),
    (fast_forward_of_an_old_branch, "2024-12-01", ["before-deploy"], [], [("2024", "at-risk")]),
    (dated_after_its_deploy, "2025-06-01", ["after-deploy"], [], [("2024", "met"), ("2025", "at-risk")]),
]


@pytest.mark.parametrize("story, as_of, flags, rewrites, parts", LOGGED, ids=[row[0].__name__ for row in LOGGED])
def test_crafted_history_against_a_publication_log(tmp_path: Path, story, as_of, flags, rewrites, parts):
    s = Story(tmp_path / "repo")
    log = story(s)
    report = judge(s, as_of, log=log)
    assert [flag["flag"] for flag in report.flags] == flags
    assert [(r["reason"], r["acknowledged"] is not None) for r in report.publications["rewrites"]] == rewrites
    assert report.publications["unacknowledged"] == sum(1 for _, ok in rewrites if not ok)
    if parts:
        assert [(p.key, p.status) for p in report.verdicts["2.2"].parts] == parts
    for r in report.publications["rewrites"]:
        assert r["message"]["mn"] and r["message"]["en"]


def test_an_acknowledged_rewrite_is_shown_with_its_reason(tmp_path: Path):
    s = Story(tmp_path / "repo")
    log = force_push(s)
    s.commit(t("2024-06-01"), {".ogp-rewrites": f"{log[0].commit[:12]}  personal data removed from the minutes\n"})
    [rewrite] = judge(s, "2024-07-01", log=log).publications["rewrites"]
    assert rewrite["acknowledged"] == "personal data removed from the minutes"
    assert "personal data removed" in rewrite["message"]["en"]


def test_a_false_date_never_makes_an_update_day_even_after_a_commit_outside_data(tmp_path: Path):
    s = Story(tmp_path / "repo")
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.touch(t("2024-02-01"))
    s.commit(t("2024-12-31"), {"content/news.en.md": "# News\n"})  # not an update: outside data/
    s.touch(t("2024-03-01"))  # dated before its parent: counted on 31 December, but proves no new day
    report = judge(s, "2025-01-05")
    assert [flag["flag"] for flag in report.flags] == ["backdated"]
    assert [(p.key, p.status) for p in report.verdicts["2.2"].parts][0] == ("2024", "not-met")


def next_plan(submitted: str) -> str:
    """A plan nap2 of 2027-07-01 to 2029-06-30, submitted on ``submitted``."""
    nap2 = (BASE / "data/plans/nap1.yml").read_text("utf-8").replace("id: nap1", "id: nap2").replace("number: 1", "number: 2")
    nap2 = nap2.replace("start: 2024-01-01", "start: 2027-07-01").replace("end: 2025-12-31", "end: 2029-06-30")
    return nap2.replace("submitted: 2023-12-20", f"submitted: {submitted}").replace("documents: [nap1-plan]\n", "")


def test_a_plan_not_yet_started_is_not_judged_on_updates(tmp_path: Path):
    s = Story(tmp_path / "repo")
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.commit(t("2024-08-01"), {"data/plans/nap2.yml": next_plan("2024-08-01")})
    assert judge(s, "2024-09-01", plan="nap2").verdicts["2.2"].status == "not-applicable"


def test_a_deadline_met_late_is_not_met(tmp_path: Path):
    s = Story(tmp_path / "repo")
    s.commit(t("2023-08-01"), dict([RULES]), base=True)
    s.commit(t("2027-02-20"), {"data/plans/nap2.yml": next_plan("2027-02-20")})
    [due] = [d for d in judge(s, "2027-03-01", plan="nap1").deadlines if d["kind"] == "next-plan-due"]
    assert (due["status"], due["state"]["en"]) == ("not-met", "submitted 51 days late, on 20 February 2027")


def test_a_refresh_under_way_is_at_risk_not_missed(tmp_path: Path):
    s = Story(tmp_path / "repo")
    four_years_from_29_february(s)  # refresh due 2026-08-29
    refresh = (BASE / COCREATION).read_text("utf-8").replace("id: nap1", "id: nap1-refresh").replace("kind: initial", "kind: refresh")
    refresh = (refresh.replace("timeline_published: 2023-09-01", "timeline_published: 2026-03-01")
               .replace("start: 2023-09-20", "start: 2026-03-20").replace("end: 2023-12-10", "end: 2026-05-10")
               .replace("opens: 2023-09-20", "opens: 2026-03-20").replace("closes: 2023-10-31", "closes: 2026-04-30"))
    refresh = refresh.split("inputs:")[0] + "example: true\n"
    s.commit(t("2026-03-01"), {"data/cocreation/nap1-refresh.yml": refresh})
    parts = {rid: dict((p.key, p.status) for p in judge(s, "2026-03-10").verdicts[rid].parts) for rid in ("3.1", "3.3", "4.1")}
    assert parts == {"3.1": {"nap1": "met", "nap1-refresh": "met"}, "3.3": {"nap1": "met", "nap1-refresh": "at-risk"},
                     "4.1": {"nap1": "met", "nap1-refresh": "at-risk"}}  # not open yet, nothing received yet

"""The git history of records and the twice-a-year update rule (OGP requirement 2.2), on real git repositories."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from ogp.facts.history import NotARepositoryError, ShallowCloneError, last_changed, load_commits
from ogp.facts.updates import IgnoreFileError, Update, first_published, read_ignore_file, update_rule, updates

D = dt.date
RECORD = "id: a\ntitle_mn: Хурал\ntitle_en: Meeting\n"


class Repo:
    """A real git repository in a temporary folder, with pinned dates on every commit."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Tester")
        self.git("config", "user.email", "tester@example.org")

    def git(self, *args: str, date: str = "2025-01-01T10:00:00+08:00", author_date: str | None = None) -> str:
        """Run git here with the committer (and author) date pinned; the user's git config is left out."""
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
                   GIT_COMMITTER_DATE=date, GIT_AUTHOR_DATE=author_date or date)
        return subprocess.run(["git", *args], cwd=self.root, env=env, check=True,
                              capture_output=True, text=True).stdout.strip()

    def write(self, files: dict[str, str | bytes]) -> None:
        """Write text or bytes files (relative paths)."""
        for rel, content in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode())

    def commit(self, files: dict[str, str | bytes], date: str, author_date: str | None = None) -> str:
        """Write ``files``, commit everything with the given dates, return the full sha."""
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", f"change {date}", date=date, author_date=author_date)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def dates(repo: Repo, tz: str = "Asia/Ulaanbaatar") -> list[dt.date]:
    """Update dates, oldest first."""
    return sorted(u.date for u in updates(load_commits(repo.root, tz), read_ignore_file(repo.root)))


def periods(repo: Repo, as_of: dt.date, **options):
    """The rule's verdicts for the repository, as the build computes them."""
    found = updates(load_commits(repo.root), read_ignore_file(repo.root))
    return update_rule(found, as_of, **options)


def test_two_dates_in_a_year_meet_the_rule(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-10T10:00:00+08:00")
    repo.commit({"data/meetings/b.yml": RECORD}, "2025-07-02T10:00:00+08:00")
    [year] = periods(repo, D(2025, 12, 31))
    assert (year.start, year.end, year.status, year.needed) == (D(2025, 1, 1), D(2025, 12, 31), "met", 0)
    assert year.update_dates == [D(2025, 1, 10), D(2025, 7, 2)]


def test_a_past_year_with_one_update_is_not_met(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2024-03-10T10:00:00+08:00")
    repo.commit({"data/meetings/b.yml": RECORD}, "2025-02-01T10:00:00+08:00")
    repo.commit({"data/meetings/c.yml": RECORD}, "2025-09-01T10:00:00+08:00")
    y2024, y2025 = periods(repo, D(2026, 1, 15))[:2]
    assert (y2024.status, y2024.needed, y2024.days_left) == ("not-met", 1, 0)
    assert y2025.status == "met"


def test_a_new_commit_is_seen_by_a_process_that_read_the_history_before(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-02-01T10:00:00+08:00")
    assert dates(repo) == [D(2025, 2, 1)]  # the log below this commit is now kept by the process
    repo.commit({"data/meetings/a.yml": RECORD + "date: 2025-03-01\n"}, "2025-03-01T10:00:00+08:00")
    assert dates(repo) == [D(2025, 2, 1), D(2025, 3, 1)]
    repo.git("reset", "-q", "--hard", "HEAD~1")
    assert dates(repo) == [D(2025, 2, 1)]


def test_two_commits_on_one_day_are_one_update_date(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-03-10T09:00:00+08:00")
    repo.commit({"data/meetings/b.yml": RECORD}, "2025-03-10T17:00:00+08:00")
    [year] = periods(repo, D(2025, 12, 31))
    assert (year.update_dates, year.status, year.needed) == ([D(2025, 3, 10)], "at-risk", 1)


def test_the_date_is_taken_in_the_repository_time_zone(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-06-30T20:00:00Z")
    assert dates(repo) == [D(2025, 7, 1)]
    assert dates(repo, tz="UTC") == [D(2025, 6, 30)]
    [commit] = load_commits(repo.root)
    assert commit.committed.isoformat() == "2025-07-01T04:00:00+08:00"


def test_whitespace_and_comment_only_commits_are_not_updates(repo):
    repo.commit({"data/meetings/a.yml": "id: a\ntitle:\n  mn: Хурал\n"}, "2025-01-10T10:00:00+08:00")
    repo.commit({"data/meetings/a.yml": "id: a   \n\ntitle:\n    mn:   Хурал\n\n"}, "2025-02-10T10:00:00+08:00")
    repo.commit({"data/meetings/a.yml": "# reviewed\nid: a   \n\ntitle:\n    mn:   Хурал\n  # ok\n"},
                "2025-03-10T10:00:00+08:00")
    assert dates(repo) == [D(2025, 1, 10)]
    whitespace, comment = load_commits(repo.root)[1::-1]
    assert whitespace.files == comment.files == ("data/meetings/a.yml",)
    assert whitespace.changed == comment.changed == ()


def test_a_markdown_heading_and_an_evidence_file_are_real_changes(repo):
    repo.commit({"data/meetings/a.mn.md": "Тэмдэглэл\n"}, "2025-01-10T10:00:00+08:00")
    repo.commit({"data/meetings/a.mn.md": "# Тэмдэглэл\n"}, "2025-02-10T10:00:00+08:00")  # not a YAML comment
    repo.commit({"data/files/minutes.pdf": b"%PDF-1.4\0\x01"}, "2025-03-10T10:00:00+08:00")
    repo.commit({"data/files/minutes.pdf": b"%PDF-1.4\0\x02"}, "2025-04-10T10:00:00+08:00")
    assert dates(repo) == [D(2025, 1, 10), D(2025, 2, 10), D(2025, 3, 10), D(2025, 4, 10)]


def test_a_renamed_record_keeps_its_history(repo):
    first = repo.commit({"data/meetings/a.yml": RECORD}, "2024-02-01T10:00:00+08:00")
    repo.commit({"data/meetings/a.yml": RECORD + "place: Ulaanbaatar\n"}, "2024-05-01T10:00:00+08:00")
    repo.git("mv", "data/meetings/a.yml", "data/meetings/b.yml")
    repo.git("commit", "-q", "-m", "rename", date="2025-01-20T10:00:00+08:00")
    history = load_commits(repo.root)
    assert [c.files for c in history] == [("data/meetings/b.yml",)] * 3
    assert first_published(history)["data/meetings/b.yml"] == (first, D(2024, 2, 1))
    assert "data/meetings/a.yml" not in first_published(history)
    assert history[0].changed == ()  # a pure rename adds nothing
    assert last_changed(history) == {"data/meetings/b.yml": D(2024, 5, 1)}


def test_a_forged_author_date_is_ignored(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-04-02T10:00:00+08:00", author_date="2019-01-01T10:00:00+08:00")
    assert dates(repo) == [D(2025, 4, 2)]


def test_merges_count_on_their_own_committer_date(repo):
    repo.commit({"README.md": "x\n"}, "2024-01-01T10:00:00+08:00")
    repo.git("switch", "-q", "-c", "squashed")
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-05T10:00:00+08:00")
    repo.git("switch", "-q", "main")
    repo.git("merge", "-q", "--squash", "squashed")
    repo.git("commit", "-q", "-m", "squash", date="2025-02-14T10:00:00+08:00")
    repo.git("switch", "-q", "-c", "feature")
    repo.commit({"data/meetings/b.yml": RECORD}, "2025-03-01T10:00:00+08:00")
    repo.commit({"data/meetings/c.yml": RECORD}, "2025-03-02T10:00:00+08:00")
    repo.git("switch", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "feature", date="2025-08-15T10:00:00+08:00")
    assert dates(repo) == [D(2025, 2, 14), D(2025, 8, 15)]
    assert load_commits(repo.root)[0].changed == ("data/meetings/b.yml", "data/meetings/c.yml")


def test_a_shallow_clone_refuses_to_judge(repo, tmp_path):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-10T10:00:00+08:00")
    repo.commit({"data/meetings/b.yml": RECORD}, "2025-07-02T10:00:00+08:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth=1", f"file://{repo.root}", str(clone)], check=True)
    with pytest.raises(ShallowCloneError) as error:
        load_commits(clone)
    assert "fetch-depth: 0" in str(error.value) and "git fetch --unshallow" in str(error.value)
    assert "түүх бүрэн бус" in str(error.value)  # the Mongolian half


def test_a_folder_outside_git_is_not_a_repository(tmp_path):
    with pytest.raises(NotARepositoryError, match="not a git repository") as error:
        load_commits(tmp_path)
    assert "git репозитор биш" in str(error.value)


def test_a_repository_without_commits_has_no_history(repo):
    assert load_commits(repo.root) == []


def test_an_ignored_commit_does_not_count(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-10T10:00:00+08:00")
    bulk = repo.commit({"data/meetings/b.yml": RECORD}, "2025-02-10T10:00:00+08:00")
    repo.write({".ogp-ignore-commits": f"# bulk import, not an update\n{bulk[:10].upper()}  # import\n\n"})
    assert read_ignore_file(repo.root) == {bulk[:10].lower()}
    assert dates(repo) == [D(2025, 1, 10)]


def test_a_bad_ignore_line_is_reported(repo):
    repo.write({".ogp-ignore-commits": "abc\n"})
    with pytest.raises(IgnoreFileError, match=r"\.ogp-ignore-commits:1"):
        read_ignore_file(repo.root)


def test_files_outside_data_are_not_updates(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-10T10:00:00+08:00")
    repo.commit({"README.md": "about\n", "content/index.mn.md": "# Нүүр\n"}, "2025-05-10T10:00:00+08:00")
    assert dates(repo) == [D(2025, 1, 10)]
    assert len(load_commits(repo.root)) == 1


def test_a_deleted_record_is_a_change(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-10T10:00:00+08:00")
    (repo.root / "data/meetings/a.yml").unlink()
    repo.commit({}, "2025-05-10T10:00:00+08:00")
    assert dates(repo) == [D(2025, 1, 10), D(2025, 5, 10)]


def test_the_current_year_is_at_risk_with_one_update(repo):
    repo.commit({"data/meetings/a.yml": RECORD}, "2025-01-10T10:00:00+08:00")
    repo.commit({"data/meetings/b.yml": RECORD}, "2025-01-20T10:00:00+08:00")
    [year] = periods(repo, D(2025, 1, 15))  # the second update is not known yet on 15 January
    assert (year.status, year.needed, year.days_left) == ("at-risk", 1, 350)
    [year] = periods(repo, D(2025, 3, 1), require_halves=True)
    assert (year.status, year.needed, year.halves_ok) == ("at-risk", 1, False)
    assert year.update_dates == [D(2025, 1, 10), D(2025, 1, 20)]


def test_no_update_at_all_leaves_the_current_year_at_risk():
    [year] = update_rule([], D(2025, 6, 1))
    assert (year.start, year.status, year.needed, year.days_left) == (D(2025, 1, 1), "at-risk", 2, 213)


def update(day: dt.date) -> Update:
    return Update("0" * 40, day, dt.datetime.combine(day, dt.time(12)), ("data/meetings/a.yml",))


def test_plan_years_start_on_the_plan_start():
    found = [update(D(2024, 1, 5)), update(D(2024, 6, 1)), update(D(2024, 12, 20))]
    first, second = update_rule(found, D(2025, 2, 1), first_year_start=D(2023, 12, 27), mode="plan",
                                require_halves=True)
    assert (first.start, first.end) == (D(2023, 12, 27), D(2024, 12, 26))
    assert first.update_dates == [u.date for u in found]
    assert (first.status, first.halves_ok) == ("met", True)  # 27 June 2024 starts the second half
    assert (second.start, second.end, second.status, second.days_left) == (D(2024, 12, 27), D(2025, 12, 26), "at-risk", 328)


def test_a_calendar_start_year_before_the_first_update():
    verdicts = update_rule([update(D(2025, 3, 1)), update(D(2025, 9, 1))], D(2025, 10, 1), first_year_start=D(2023, 7, 1))
    assert [(v.start.year, v.status) for v in verdicts] == [(2023, "not-met"), (2024, "not-met"), (2025, "met")]
    with pytest.raises(ValueError):
        update_rule([], D(2025, 1, 1), mode="plan")


def test_several_paths_and_a_project_in_a_subfolder(tmp_path):
    repo = Repo(tmp_path / "mono")
    repo.commit({"site/data/meetings/a.yml": RECORD, "site/content/index.mn.md": "Нүүр\n", "other/data/x.yml": RECORD},
                "2025-01-10T10:00:00+08:00")
    root = repo.root / "site"
    [commit] = load_commits(root)  # one folder: the fast --relative path
    assert commit.files == commit.changed == ("data/meetings/a.yml",)
    [commit] = load_commits(root, paths=("data", "content"))  # several: a pathspec
    assert commit.files == ("content/index.mn.md", "data/meetings/a.yml")


def test_odd_file_names_are_read_back(repo):
    repo.commit({"data/files/тайлан 2025\t(1).pdf": b"%PDF\0", 'data/meetings/"q".yml': RECORD},
                "2025-01-10T10:00:00+08:00")
    [commit] = load_commits(repo.root)
    assert set(commit.changed) == {"data/files/тайлан 2025\t(1).pdf", 'data/meetings/"q".yml'}

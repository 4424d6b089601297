"""The publication log and `ogp publications`, on real git repositories (no mocks, no site builds)."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from ogp.cli.publications import main
from ogp.facts.publications import Entry, PublicationLogError, Rewrite, append, describe, dump_log, load_log, read_acknowledged, verify

UTC = dt.timezone.utc
CYRILLIC = re.compile("[А-Яа-яӨөҮүЁё]")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(UTC)


class Repo:
    """A git repository in a temporary folder; every commit has pinned author and committer dates."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-01-01T00:00:00Z") -> str:
        """Run git here; the user's and the system's git configuration are left out."""
        env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Tester",
                   GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Tester", GIT_COMMITTER_EMAIL="t@example.org",
                   GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        return subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True,
                              text=True).stdout.strip()

    def commit(self, name: str, date: str) -> str:
        """Commit a file ``name`` (its content is the date) and return the full hash."""
        (self.root / name).write_text(date + "\n", encoding="utf-8")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", name, date=date)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def ogp(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `ogp publications ...` in-process: (exit status, stdout, stderr)."""
    status = main(["publications", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def deploy(capsys, repo: Repo, log: Path, when: str, *extra: str) -> tuple[int, str, str]:
    """What the workflow does: append HEAD to the published log, writing the new log over it."""
    return ogp(capsys, "append", "--log", str(log), "--commit", "HEAD", "--deployed-at", when, "--run",
               "https://github.com/o/r/actions/runs/1", "--output", str(log), "--root", str(repo.root),
               "--missing-ok", *extra)


def write_log(path: Path, *entries: tuple[str, str]) -> Path:
    path.write_text(dump_log([Entry(sha, at(when), "") for sha, when in entries]), encoding="utf-8")
    return path


def assert_bilingual(err: str, *located: str) -> None:
    """One clean message: an English line then a Mongolian line, each naming the place."""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err, err
    assert not CYRILLIC.search(lines[0]) and CYRILLIC.search(lines[1]), err
    for place in located:
        assert place in lines[0] and place in lines[1], (place, err)


def test_honest_deploys_pass_and_the_log_grows_in_order(repo, tmp_path, capsys):
    log = tmp_path / "publications.json"
    shas = []
    for i, when in enumerate(["2026-11-01T10:00:00Z", "2026-11-02T10:00:00+08:00", "2026-11-03T09:30:00Z"]):
        shas.append(repo.commit(f"f{i}.txt", when))
        status, out, err = deploy(capsys, repo, log, when)
        assert (status, err) == (0, ""), err
    data = json.loads(log.read_text("utf-8"))
    assert [e["commit"] for e in data["entries"]] == shas
    assert [e["deployed_at"] for e in data["entries"]] == ["2026-11-01T10:00:00Z", "2026-11-02T02:00:00Z",
                                                           "2026-11-03T09:30:00Z"]
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(repo.root))
    assert (status, err) == (0, "") and "every logged commit (3)" in out


def test_a_force_push_is_reported_as_not_an_ancestor(repo, tmp_path, capsys):
    first = repo.commit("a.txt", "2026-11-01T10:00:00Z")
    second = repo.commit("b.txt", "2026-11-02T10:00:00Z")
    log = write_log(tmp_path / "log.json", (first, "2026-11-01T10:05:00Z"), (second, "2026-11-02T10:05:00Z"))
    repo.git("reset", "-q", "--hard", first)
    repo.commit("c.txt", "2026-11-02T10:00:00Z")  # same forged date, other content
    check = verify(repo.root, load_log(log), {})
    assert not check.ok
    assert check.rewrites == [Rewrite(second, at("2026-11-02T10:05:00Z"), "not-ancestor", None)]
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(repo.root))
    assert status == 1
    assert f"commit {second[:10]}, published 2026-11-02 10:05 UTC, is no longer an ancestor of HEAD" in err
    assert f"2026-11-02 10:05 UTC цагт нийтлэгдсэн {second[:10]} commit HEAD commit-ийн өвөг байхаа больжээ" in err
    # The deploy refuses too, and writes nothing.
    status, out, err = deploy(capsys, repo, tmp_path / "log.json", "2026-11-03T00:00:00Z")
    assert status == 1 and json.loads(log.read_text("utf-8"))["entries"][-1]["commit"] == second


def test_a_fresh_clone_after_a_force_push_reports_the_commit_missing(repo, tmp_path, capsys):
    first = repo.commit("a.txt", "2026-11-01T10:00:00Z")
    second = repo.commit("b.txt", "2026-11-02T10:00:00Z")
    repo.git("reset", "-q", "--hard", first)
    clone = tmp_path / "clone"  # --no-local: only reachable objects travel, as from GitHub
    subprocess.run(["git", "clone", "-q", "--no-local", str(repo.root), str(clone)], check=True)
    log = write_log(tmp_path / "log.json", (first, "2026-11-01T10:05:00Z"), (second, "2026-11-02T10:05:00Z"),
                    ("0123456789" * 4, "2026-11-03T00:00:00Z"))
    check = verify(clone, load_log(log), {})
    assert [(r.commit, r.reason) for r in check.rewrites] == [(second, "missing"), ("0123456789" * 4, "missing")]
    assert describe(check.rewrites[0], "en") == \
        f"commit {second[:10]}, published 2026-11-02 10:05 UTC, is no longer in the history (missing)"
    assert describe(check.rewrites[0], "mn") == \
        f"2026-11-02 10:05 UTC цагт нийтлэгдсэн {second[:10]} commit түүхэнд байхгүй болжээ (олдохгүй байна)"


def test_an_acknowledged_rewrite_passes_and_carries_its_reason(repo, tmp_path, capsys):
    first = repo.commit("a.txt", "2026-11-01T10:00:00Z")
    second = repo.commit("b.txt", "2026-11-02T10:00:00Z")
    log = write_log(tmp_path / "log.json", (first, "2026-11-01T10:05:00Z"), (second, "2026-11-02T10:05:00Z"))
    repo.git("reset", "-q", "--hard", first)
    (repo.root / ".ogp-rewrites").write_text(
        "# rewrites the maintainers explain\n\n"
        f"{second[:7].upper()}  a personal phone number was published (issue #12)\n", encoding="utf-8")
    repo.commit("c.txt", "2026-11-03T10:00:00Z")
    check = verify(repo.root, load_log(log), read_acknowledged(repo.root))
    assert check.ok
    assert check.rewrites[0].acknowledged == "a personal phone number was published (issue #12)"
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(repo.root), "--format", "json")
    report = json.loads(out)
    assert (status, report["ok"], report["rewrites"][0]["reason"]) == (0, True, "not-ancestor")
    assert "issue #12" in report["rewrites"][0]["message"]["mn"]
    status, out, err = deploy(capsys, repo, log, "2026-11-03T10:05:00Z")
    assert status == 0 and len(load_log(log)) == 3 and "issue #12" in out


GOOD = {"commit": "a" * 40, "deployed_at": "2026-11-01T10:00:00Z", "run": ""}


@pytest.mark.parametrize("text, place", [
    ("{\"format\": 1, \"entries\": [", "log.json"),
    ("[]", "log.json"),
    (json.dumps({"format": 2, "entries": []}), "log.json"),
    (json.dumps({"format": 1, "entries": [GOOD], "extra": 1}), "log.json"),
    ('{"format": 1, "format": 1, "entries": []}', "log.json"),
    (json.dumps({"format": 1, "entries": [GOOD, dict(GOOD, commit="a" * 39)]}), "entries[1]"),
    (json.dumps({"format": 1, "entries": [GOOD, dict(GOOD, commit="A" * 40)]}), "entries[1]"),
    (json.dumps({"format": 1, "entries": [GOOD, dict(GOOD, deployed_at="2026-11-01 10:00")]}), "entries[1]"),
    (json.dumps({"format": 1, "entries": [GOOD, dict(GOOD, deployed_at="2026-13-01T10:00:00Z")]}), "entries[1]"),
    (json.dumps({"format": 1, "entries": [GOOD, dict(GOOD, run=None)]}), "entries[1]"),
    (json.dumps({"format": 1, "entries": [GOOD, GOOD, dict(GOOD, deployed_at="2026-10-31T23:59:59Z")]}),
     "entries[2]"),
    (b"\xff\xfe{}", "log.json"),
])
def test_a_malformed_log_gives_a_located_bilingual_error(repo, tmp_path, capsys, text, place):
    repo.commit("a.txt", "2026-11-01T10:00:00Z")
    log = tmp_path / "log.json"
    log.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(PublicationLogError):
        load_log(log)
    for action in (["verify", "--log", str(log), "--root", str(repo.root)],
                   ["append", "--log", str(log), "--root", str(repo.root), "--commit", "HEAD", "--deployed-at",
                    "2026-12-01T00:00:00Z", "--output", str(tmp_path / "new.json")]):
        status, out, err = ogp(capsys, *action)
        assert status == 2, err
        assert_bilingual(err, str(log), place)
    assert not (tmp_path / "new.json").exists()


@pytest.mark.parametrize("line", ["abc12  too short a hash", "abcdefg", "not-hex  reason", "abcdef1  x\nABCDEF1  y"])
def test_a_bad_acknowledgement_line_is_named_by_file_and_line(repo, tmp_path, capsys, line):
    repo.commit("a.txt", "2026-11-01T10:00:00Z")
    (repo.root / ".ogp-rewrites").write_text(f"# header\n\n{line}\n", encoding="utf-8")
    log = write_log(tmp_path / "log.json")
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(repo.root))
    expected = 4 if "\n" in line else 3
    assert status == 2
    assert_bilingual(err, f"{repo.root / '.ogp-rewrites'}:{expected}:")


def test_a_shallow_clone_or_no_repository_exits_3(repo, tmp_path, capsys):
    repo.commit("a.txt", "2026-11-01T10:00:00Z")
    repo.commit("b.txt", "2026-11-02T10:00:00Z")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth=1", f"file://{repo.root}", str(shallow)], check=True)
    log = write_log(tmp_path / "log.json")
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(shallow))
    assert status == 3 and "shallow" in err and "fetch-depth: 0" in err
    assert_bilingual(err, str(shallow))
    plain = tmp_path / "plain"
    plain.mkdir()
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(plain))
    assert status == 3
    assert_bilingual(err, str(plain))


def test_append_refuses_a_time_earlier_than_the_last_entry(repo, tmp_path, capsys):
    sha = repo.commit("a.txt", "2026-11-01T10:00:00Z")
    entries = [Entry(sha, at("2026-11-01T10:05:00Z"), "")]
    with pytest.raises(PublicationLogError):
        append(entries, sha, at("2026-11-01T10:04:59Z"))
    assert append(entries, sha, at("2026-11-01T18:05:00+08:00"))[-1].deployed_at == at("2026-11-01T10:05:00Z")
    log = write_log(tmp_path / "log.json", (sha, "2026-11-01T10:05:00Z"))
    before = log.read_bytes()
    status, out, err = deploy(capsys, repo, log, "2026-11-01T10:00:00Z")
    assert status == 2 and log.read_bytes() == before
    assert_bilingual(err, "2026-11-01T10:00:00Z", "2026-11-01T10:05:00Z")


def test_bad_arguments_exit_2(repo, tmp_path, capsys):
    repo.commit("a.txt", "2026-11-01T10:00:00Z")
    log = write_log(tmp_path / "log.json")
    status, out, err = deploy(capsys, repo, log, "2026-11-01T10:00:00")  # no time zone
    assert status == 2 and "2026-11-01T10:00:00" in err
    status, out, err = ogp(capsys, "verify", "--log", str(log), "--root", str(repo.root), "--head", "no-such")
    assert status == 2
    assert_bilingual(err, "no-such")
    missing = tmp_path / "absent.json"  # a lost log is not an empty one unless the caller says so
    status, out, err = ogp(capsys, "verify", "--log", str(missing), "--root", str(repo.root))
    assert status == 2
    assert_bilingual(err, str(missing))


def test_the_log_text_is_stable_and_keeps_unicode(tmp_path):
    entries = [Entry("b" * 40, at("2026-12-01T20:34:56.789+08:00"), "https://example.org/ажил/1")]
    text = dump_log(entries)
    assert text == ('{\n "entries": [\n  {\n   "commit": "' + "b" * 40 + '",\n'
                    '   "deployed_at": "2026-12-01T12:34:56Z",\n   "run": "https://example.org/ажил/1"\n  }\n ],\n'
                    ' "format": 1\n}\n')
    path = tmp_path / "log.json"
    path.write_text(text, encoding="utf-8")
    assert load_log(path) == [Entry("b" * 40, at("2026-12-01T12:34:56Z"), "https://example.org/ажил/1")]
    assert load_log(tmp_path / "absent.json", missing_ok=True) == []


def test_an_inherited_git_dir_does_not_choose_the_repository(repo, tmp_path, monkeypatch):
    sha = repo.commit("a.txt", "2026-11-01T10:00:00Z")
    other = Repo(tmp_path / "other")
    other.commit("z.txt", "2026-11-01T10:00:00Z")
    monkeypatch.setenv("GIT_DIR", str(other.root / ".git"))  # as inside a git hook
    check = verify(repo.root, [Entry(sha, at("2026-11-02T00:00:00Z"))], {})
    assert check.ok and check.head == sha


def test_a_long_log_is_checked_with_a_few_git_calls(repo):
    shas = [repo.commit(f"{i}.txt", f"2026-11-0{i + 1}T10:00:00Z") for i in range(3)]
    start = at("2026-11-04T00:00:00Z")
    # 3,000 deploys: one git call per entry would take several seconds.
    entries = [Entry(shas[i % 3], start + dt.timedelta(minutes=i)) for i in range(3000)]
    entries.append(Entry("f" * 40, start + dt.timedelta(days=3)))
    began = time.perf_counter()
    check = verify(repo.root, entries, {})
    assert time.perf_counter() - began < 1.5
    assert [(r.commit, r.reason) for r in check.rewrites] == [("f" * 40, "missing")]


def test_an_unwritable_output_is_a_clean_error(repo, tmp_path, capsys):
    repo.commit("a.txt", "2026-11-01T10:00:00Z")
    target = tmp_path / "no-such-folder" / "log.json"
    status, out, err = ogp(capsys, "append", "--log", str(tmp_path / "absent.json"), "--missing-ok", "--commit", "HEAD",
                           "--deployed-at", "2026-12-01T00:00:00Z", "--output", str(target), "--root", str(repo.root))
    assert status == 2 and not target.exists()
    assert_bilingual(err, str(target))

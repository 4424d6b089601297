"""What git says about the records: one ``git log`` pass over the published history.

Dates are committer dates of first-parent commits (when a change reached the
branch), in the repository's time zone; author dates are set by contributors
and are ignored. Each commit lists the record files it touched and, among them,
those with a real change: whitespace, blank lines and YAML comment lines alone
do not count (OGP minimum requirement 2.2 asks for updates, not reformatting).

The history is read with a single ``git log`` call (one call per file or per
commit costs ~45 ms each) and parsed in one linear pass over its output.
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from ogp.facts.chain import Link, chain_dates
from ogp.records.settings import DEFAULT_TIMEZONE
from ogp.words.said import Said

DEFAULT_TZ = DEFAULT_TIMEZONE
# Starts every commit header. Diff lines always begin with a prefix character and git
# quotes control characters in paths, so "\n\x1e" can only be a header.
MARKER = "\x1e"
YAML_SUFFIXES = (".yml", ".yaml")

# Every option is spelled out so that a contributor's git configuration (log.showRoot,
# diff.noprefix, diff.renames=copies, color.ui=always, textconv drivers...) cannot change
# the output the parser expects.
LOG_OPTIONS = (
    "-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent",
    "--root", "-M", "--raw", "-p", "-U0", "-w", "--no-color", "--no-ext-diff", "--no-textconv",
    "--no-show-signature", "--src-prefix=a/", "--dst-prefix=b/", f"--format={MARKER}%H%x09%ct",
)  # -U0: context lines say nothing about what changed; without them there is less to parse


class HistoryError(Said):
    """Git cannot give a history that the update rule can trust (its words: ``history.*`` in ``ogp/words``)."""


class NotARepositoryError(HistoryError):
    """The folder is not inside a git repository (e.g. a downloaded archive)."""


class ShallowCloneError(HistoryError):
    """The clone holds only part of the history, so every file would look recently changed."""


@dataclass(frozen=True)
class Commit:
    """One first-parent commit: the files it touched and those it really changed.

    Paths are the files' newest names (renames followed); ``committed`` is the
    date the commit counts at, aware, in the repository's time zone: its
    committer date, unless that date is a false claim (see :class:`Link`).
    """

    sha: str
    committed: dt.datetime
    files: tuple[str, ...]
    changed: tuple[str, ...]
    flag: str = ""


@dataclass
class History:
    """Every first-parent commit (``chain``, oldest first) and those touching the paths (newest first)."""

    chain: list[Link]
    commits: list[Commit]

    @property
    def start(self) -> dt.date | None:
        """The day the history begins (its first commit, as counted), or None when empty."""
        return self.chain[0].counted.date() if self.chain else None

    def flagged(self) -> list[Link]:
        """The commits whose committer date is a false claim, oldest first."""
        return [link for link in self.chain if link.flag]

    def cut(self, moment: dt.datetime) -> Link | None:
        """The last commit counted at or before ``moment`` (None when the history begins later)."""
        found = None
        for link in self.chain:
            if link.counted <= moment:
                found = link
        return found


def failure(result: subprocess.CompletedProcess) -> str:
    """What a failed git call said on its error output, as text."""
    return result.stderr.decode("utf-8", "replace").strip()


def run_git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run git in ``root``; ``root``, not an inherited GIT_DIR, decides the repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE")}
    env["GIT_NO_REPLACE_OBJECTS"] = "1"  # a local `git replace` must not change the history we judge
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, env=env, input=stdin)
    except FileNotFoundError:
        raise HistoryError("history.no-git") from None


def _inspect(root: Path) -> tuple[bool, str]:
    """Check that ``root`` holds a complete history: (has a commit, ``root``'s folder in the repository)."""
    shallow = run_git(root, "rev-parse", "--is-shallow-repository", "--show-prefix")
    if shallow.returncode != 0:
        raise NotARepositoryError("history.not-a-repository", root=root)
    answer, _, prefix = shallow.stdout.decode("utf-8", "replace").partition("\n")
    if answer == "true":
        raise ShallowCloneError("history.shallow", root=root)
    return run_git(root, "rev-parse", "--verify", "-q", "HEAD").returncode == 0, prefix.strip("\n")


def _limit(root: Path, prefix: str, paths: tuple[str, ...]) -> tuple[str, tuple[str, ...], str]:
    """How to keep the log to ``paths``: (option, pathspec, folder to put back before its paths)."""
    if len(paths) == 1 and (root / paths[0]).is_dir():
        folder = paths[0].strip("/") + "/"
        # --relative=DIR only filters the diff. A pathspec would also make git compare every
        # commit with its parent before diffing it again: ~40% of the time on 10,000 commits.
        return f"--relative={prefix}{folder}", (), folder
    return "--relative", paths, ""


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual paths ("a\\tb", octal escapes)."""
    if not path.startswith('"'):
        return path
    raw = codecs.escape_decode(path[1:-1].encode("utf-8"))[0]
    return raw.decode("utf-8", "replace")


def _header_path(line: str) -> str:
    """The path of a ``diff --git a/P b/P`` line (renames are corrected by ``rename to``)."""
    both = line[len("diff --git "):]
    first = _unquote(both[: (len(both) - 1) // 2])  # both halves are equal unless renamed
    return first[2:]


def _real_change(line: str, yaml: bool) -> bool:
    """True for an added or removed line that is neither blank nor (in YAML) a comment."""
    text = line[1:].strip()
    return bool(text) and not (yaml and text.startswith("#"))


def _read_commit(block: str, zone: ZoneInfo, renamed: dict[str, str], folder: str) -> Commit:
    """Parse one commit's ``--raw`` lines and patch, mapping paths to their newest names.

    ``folder`` is put back in front of paths that ``--relative=folder`` shortened.
    """
    header, _, body = block.partition("\n")
    sha, _, stamp = header.partition("\t")
    touched: dict[str, None] = {}  # a dict keeps git's order and drops duplicates
    real: set[str] = set()
    moves: list[tuple[str, str]] = []
    current, yaml, in_hunk = "", False, False
    for line in body.split("\n"):
        if not line:
            continue
        first = line[0]
        if first == ":":  # --raw: ":100644 100644 abc def M\tpath" or "R100\told\tnew"
            fields = line.split("\t")
            touched[folder + _unquote(fields[-1])] = None
            if len(fields) == 3:
                moves.append((folder + _unquote(fields[1]), folder + _unquote(fields[2])))
        elif line.startswith("diff --git "):
            current, in_hunk = folder + _header_path(line), False
            yaml = current.endswith(YAML_SUFFIXES)
        elif in_hunk:
            if (first == "+" or first == "-") and _real_change(line, yaml):
                real.add(current)
        elif first == "@":
            in_hunk = True
        elif line.startswith("rename to "):
            current = folder + _unquote(line[len("rename to "):])
            yaml = current.endswith(YAML_SUFFIXES)
        elif line.startswith("Binary files "):  # evidence files (PDF, images): any change is real
            real.add(current)
    newest = {name: renamed.get(name, name) for name in touched}
    files = tuple(dict.fromkeys(newest.values()))
    changed = tuple(dict.fromkeys(newest[name] for name in touched if name in real))
    # Applied after the commit: older commits know the old name, this one already the new.
    for old, new in moves:
        renamed[old] = renamed.get(new, new)
    return Commit(sha, dt.datetime.fromtimestamp(int(stamp), zone), files, changed)


def parse_log(text: str, zone: ZoneInfo, folder: str = "") -> list[Commit]:
    """Commits that touch a file, from ``git log`` output with :data:`LOG_OPTIONS`, newest first."""
    if not text.startswith(MARKER):
        return []
    renamed: dict[str, str] = {}  # an older path -> the file's newest name
    found = (_read_commit(block, zone, renamed, folder) for block in text[1:].split("\n" + MARKER))
    return [commit for commit in found if commit.files]  # --relative=DIR lists every commit


def load_chain(root: Path, tz: str = DEFAULT_TZ, rev: str = "HEAD", now: dt.datetime | None = None,
               deployed: dict[str, dt.datetime] | None = None) -> History:
    """Only the first-parent chain of ``rev`` with checked dates (one ``git rev-list``; no file lists)."""
    return load_history(root, tz, rev=rev, now=now, paths=None, deployed=deployed)


def load_history(root: Path, tz: str = DEFAULT_TZ, paths: tuple[str, ...] | None = ("data",), rev: str = "HEAD",
                 now: dt.datetime | None = None, deployed: dict[str, dt.datetime] | None = None) -> History:
    """The first-parent chain of ``rev`` and its commits touching ``paths``, from two git calls.

    Every commit counts at its checked date (see :func:`chain_dates`; ``now``
    defaults to the real clock; ``deployed``: commit -> deploy time, from a
    publication log). Raises NotARepositoryError outside a
    repository and ShallowCloneError in a shallow clone; a repository without
    commits has an empty history. ``paths=None`` reads the chain alone.
    """
    zone = ZoneInfo(tz)  # an unknown zone fails here, before git runs
    root = Path(root)
    has_commits, prefix = _inspect(root)
    if not has_commits:
        return History([], [])
    listed = run_git(root, "rev-list", "--first-parent", "--timestamp", "--reverse", rev, "--")
    if listed.returncode != 0:
        raise HistoryError("history.git-failed", command="rev-list", where=root, detail=failure(listed))
    stamps = [(sha, int(stamp)) for stamp, _, sha in
              (line.partition(" ") for line in listed.stdout.decode("ascii", "replace").split("\n") if line)]
    chain = chain_dates(stamps, zone, now or dt.datetime.now(dt.timezone.utc), deployed)
    if paths is None:
        return History(chain, [])
    option, pathspec, folder = _limit(root, prefix, paths)
    # A commit never changes, so the log below a commit is read once per process (a preview server
    # judges the same history after every save); the dates are checked again every time above.
    key = (str(root), stamps[-1][0] if stamps else "", option, tuple(pathspec), folder, tz)
    logged = _logs.pop(key, None)
    if logged is None:
        result = run_git(root, *LOG_OPTIONS, option, rev, "--", *pathspec)
        if result.returncode != 0:
            raise HistoryError("history.git-failed", command="log", where=root, detail=failure(result))
        logged = parse_log(result.stdout.decode("utf-8", "replace"), zone, folder)
    _logs[key] = logged
    while len(_logs) > 4:  # the newest few: a preview sees one tip at a time
        del _logs[next(iter(_logs))]
    by_sha = {link.sha: link for link in chain}
    commits = [replace(c, committed=by_sha[c.sha].counted, flag=by_sha[c.sha].flag) if c.sha in by_sha else c
               for c in logged]
    return History(chain, commits)


_logs: dict[tuple, list[Commit]] = {}  # (repository, tip, what was asked) -> its commits, newest first


def load_commits(root: Path, tz: str = DEFAULT_TZ, paths: tuple[str, ...] = ("data",),
                 rev: str = "HEAD") -> list[Commit]:
    """First-parent commits of ``rev`` touching ``paths``, newest first (see :func:`load_history`)."""
    return load_history(root, tz, paths, rev).commits


def last_changed(history: list[Commit]) -> dict[str, dt.date]:
    """The date each file last really changed (in the history's time zone)."""
    seen: dict[str, dt.date] = {}
    for commit in history:  # newest first: the first date seen is the last change
        for name in commit.changed:
            seen.setdefault(name, commit.committed.date())
    return seen

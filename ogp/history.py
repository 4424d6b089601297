"""What git says about the records: one ``git log`` pass over the published history.

Dates are committer dates of first-parent commits (when a change reached the
branch), in the repository's time zone; author dates are set by contributors
and are ignored.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Ulaanbaatar"


@dataclass(frozen=True)
class Commit:
    """One first-parent commit and the record files it added, changed or renamed."""

    sha: str
    committed: dt.datetime
    files: tuple[str, ...]


def is_git_repository(root: Path) -> bool:
    """True when ``root`` is inside a git work tree with at least one commit."""
    result = subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=root, capture_output=True, text=True)
    return result.returncode == 0


def commits(root: Path, paths: tuple[str, ...] = ("data",), tz: str = DEFAULT_TZ) -> list[Commit]:
    """First-parent commits touching ``paths``, newest first, from a single ``git log`` call."""
    if not is_git_repository(root):
        return []
    zone = ZoneInfo(tz)
    out = subprocess.run(
        ["git", "-c", "core.quotePath=false", "log", "--first-parent", "-m", "--no-renames",
         "--format=%x1e%H%x09%cI", "--name-only", "--", *paths],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout
    found = []
    for block in out.split("\x1e")[1:]:
        header, _, names = block.partition("\n")
        sha, _, stamp = header.partition("\t")
        files = tuple(name for name in names.splitlines() if name)
        found.append(Commit(sha, dt.datetime.fromisoformat(stamp).astimezone(zone), files))
    return found


def last_changed(history: list[Commit]) -> dict[str, dt.date]:
    """The date each file last changed (in the history's time zone)."""
    seen: dict[str, dt.date] = {}
    for commit in history:  # newest first: the first date seen is the last change
        for name in commit.files:
            seen.setdefault(name, commit.committed.date())
    return seen

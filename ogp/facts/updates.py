"""Updates of the repository and the twice-a-year rule (OGP minimum requirement 2.2).

An update is a first-parent commit with at least one real change under ``data/``
(see :mod:`ogp.facts.history`) that is not listed in ``.ogp-ignore-commits``. The rule
holds for a period when updates fall on at least two different dates in it (and,
if asked, at least one in each half). The IRM reads the git history as the proof,
so every date here is a committer date on the published branch.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ogp.facts.dates import Window, add_months, windows
from ogp.facts.history import Commit, HistoryError

IGNORE_FILE = ".ogp-ignore-commits"
# Git's default abbreviation; shorter prefixes could silently ignore unrelated commits.
MIN_ABBREV = 7
HEX = frozenset("0123456789abcdef")
DATES_NEEDED = 2


class IgnoreFileError(HistoryError):
    """A line of the ignore file is not a commit hash."""


@dataclass(frozen=True)
class Update:
    """One update: the commit, its date in the repository's time zone and the records it really changed."""

    sha: str
    date: dt.date
    committed: dt.datetime
    files: tuple[str, ...]
    flag: str = ""  # "backdated" or "future": counted at its parent's date instead


@dataclass(frozen=True)
class PeriodVerdict:
    """Whether one period (a calendar year or a plan year) had updates on two different dates.

    ``status`` is "met", "at-risk" (the current period, not yet met), "not-met"
    (a period that ended unmet) or "unverifiable" (it ended unmet, but began
    before the git history does, so updates made elsewhere cannot be ruled
    out); ``needed`` is how many more update dates it needs; ``halves_ok`` is
    None unless each half of the period was required.
    """

    start: dt.date
    end: dt.date
    update_dates: list[dt.date]
    status: str
    days_left: int
    needed: int
    halves_ok: bool | None


def updates(commits: Iterable[Commit], ignored: Iterable[str] = frozenset()) -> list[Update]:
    """The commits that count as updates, in the order given (newest first from git).

    ``ignored`` holds full or abbreviated hashes, as read by :func:`read_ignore_file`.
    """
    prefixes = tuple(entry.lower() for entry in ignored)  # str.startswith takes a tuple
    return [Update(c.sha, c.committed.date(), c.committed, c.changed, c.flag)
            for c in commits if c.changed and not c.sha.startswith(prefixes)]


def read_ignore_file(root: Path) -> set[str]:
    """The hashes listed in ``<root>/.ogp-ignore-commits``: one a line, ``#`` starts a comment.

    A missing file means nothing is ignored; a line that is not a hash of at
    least seven hex digits raises IgnoreFileError, as a typo would otherwise
    silently count (or ignore) the wrong commit.
    """
    path = Path(root) / IGNORE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    found = set()
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        if len(entry) < MIN_ABBREV or not HEX.issuperset(entry):
            raise IgnoreFileError("history.ignore-line", file=IGNORE_FILE, line=number, entry=repr(entry), digits=MIN_ABBREV)
        found.add(entry)
    return found


def first_published(commits: list[Commit]) -> dict[str, tuple[str, dt.date]]:
    """For each file (newest name), the sha and date of the first commit that added it.

    Renames are already followed in ``commits``, so a renamed record dates from
    the first commit of its oldest name.
    """
    found: dict[str, tuple[str, dt.date]] = {}
    for commit in reversed(commits):  # oldest first: the first sighting is the addition
        for name in commit.files:
            if name not in found:
                found[name] = (commit.sha, commit.committed.date())
    return found


def _periods(first: dt.date, as_of: dt.date, mode: str, last_day: dt.date | None) -> list[Window]:
    """Every period from the one containing ``first`` to the one containing ``as_of`` (or ``last_day``)."""
    until = min(as_of, last_day) if last_day else as_of
    if mode == "calendar":
        return [Window(dt.date(year, 1, 1), dt.date(year, 12, 31)) for year in range(first.year, until.year + 1)]
    if mode != "plan":
        raise ValueError(f"mode must be 'calendar' or 'plan', not {mode!r}")
    # Plan years are counted over the whole plan (a short last remainder joins the year
    # before it), so the same years are judged whatever the date of judgement.
    if last_day is None:  # open-ended: whole years up to the one holding ``until``
        years = (until.year - first.year) + 1
        last_day = add_months(first, 12 * years) - dt.timedelta(days=1)
    series = windows(first, last_day, 12)
    return [window for window in series if window.start <= until]


def _verdict(window: Window, days: list[dt.date], as_of: dt.date, require_halves: bool,
             history_start: dt.date | None) -> PeriodVerdict:
    """Judge one period from the sorted, distinct update dates up to ``as_of``."""
    start, end = window.start, window.end
    inside = days[bisect.bisect_left(days, start):bisect.bisect_right(days, end)]
    middle = add_months(start, 6) if window.share == 1.0 else start + (end - start + dt.timedelta(days=1)) / 2
    halves = (any(day < middle for day in inside), any(day >= middle for day in inside))
    needed = max(0, window.needs(DATES_NEEDED) - len(inside))
    if require_halves:
        needed = max(needed, halves.count(False))  # one date in each empty half
    over = end < as_of
    status = "met" if needed == 0 else "at-risk" if not over else "not-met"
    if status == "not-met" and history_start is not None and start < history_start:
        status = "unverifiable"
    return PeriodVerdict(start, end, inside, status, 0 if over else (end - as_of).days, needed,
                         all(halves) if require_halves else None)


def update_rule(updates: Iterable[Update], as_of: dt.date, first_year_start: dt.date | None = None,
                mode: str = "calendar", require_halves: bool = False, last_day: dt.date | None = None,
                history_start: dt.date | None = None) -> list[PeriodVerdict]:
    """One verdict per period, oldest first, up to the period containing ``as_of``.

    mode "calendar": calendar years from the year of the first update (or of
    ``first_year_start``); with no update and no start, only the current year.
    mode "plan": twelve-month periods from ``first_year_start`` (e.g. a plan's
    start), which is then required. ``last_day`` ends the series (a plan's
    end); ``history_start`` is the day the git history begins: a period that
    began earlier and ended unmet is "unverifiable", not "not-met". Updates
    after ``as_of`` are not known yet.
    """
    # A commit whose date is false (ogp.facts.chain) is listed, but never makes an update day.
    days = sorted({update.date for update in updates if update.date <= as_of and not update.flag})
    if mode == "plan" and first_year_start is None:
        raise ValueError("mode 'plan' needs first_year_start")
    first = first_year_start or (days[0] if days else as_of)
    return [_verdict(window, days, as_of, require_halves, history_start)
            for window in _periods(first, as_of, mode, last_day)]

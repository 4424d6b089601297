"""Records + git history -> the minimum-requirements report: one call for the build and the commands."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from .compliance_plan import Report, judge
from .history import DEFAULT_TZ, Commit, HistoryError, load_commits
from .model import Model, build_model
from .records import Dataset
from .updates import Update, read_ignore_file, updates


@dataclass
class Audit:
    """What the history says, and the verdicts drawn from it."""

    commits: list[Commit]
    updates: list[Update]
    report: Report
    history_error: HistoryError | None = None


def timezone() -> str:
    """The repository's time zone for update dates: ``OGP_TIMEZONE`` or Asia/Ulaanbaatar."""
    return os.environ.get("OGP_TIMEZONE", "").strip() or DEFAULT_TZ


def commit_url() -> str:
    """Prefix of a commit's address on the hosting site, from ``OGP_REPO_URL`` (empty when unset)."""
    repo = os.environ.get("OGP_REPO_URL", "").strip().rstrip("/")
    return f"{repo}/commit/" if repo else ""


def update_year_options() -> tuple[bool, bool]:
    """``OGP_UPDATE_YEAR`` (``calendar`` or ``plan``) and ``OGP_UPDATE_HALVES`` (``1`` to require both halves)."""
    plan_years = os.environ.get("OGP_UPDATE_YEAR", "calendar").strip().lower() == "plan"
    halves = os.environ.get("OGP_UPDATE_HALVES", "").strip().lower() in ("1", "true", "yes")
    return plan_years, halves


def audit(data: Dataset, as_of: dt.date, model: Model | None = None, tolerate_history_errors: bool = False) -> Audit:
    """Judge every requirement as of ``as_of``.

    A shallow clone or a copy without git raises :class:`HistoryError`, unless
    ``tolerate_history_errors``: then the history counts as empty (so nothing
    based on it can pass) and the error is kept for the page to explain.
    """
    model = model or build_model(data, as_of)
    error = None
    try:
        history = load_commits(data.root, timezone())
    except HistoryError as err:
        if not tolerate_history_errors:
            raise
        history, error = [], err
    found = updates(history, read_ignore_file(data.root))
    plan_years, halves = update_year_options()
    return Audit(history, found, judge(model, found, history, commit_url(), plan_years, halves), error)

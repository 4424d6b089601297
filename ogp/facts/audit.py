"""Records + git history -> the minimum-requirements report: one call for the build and the commands."""
from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ogp.facts.compliance import Context
from ogp.facts.dates import end_of_day
from ogp.facts.history import Commit, History, HistoryError, load_chain, load_history
from ogp.facts.model import Model, build_model
from ogp.facts.report import Report, judge
from ogp.facts.updates import Update, read_ignore_file, updates
from ogp.facts.versions import file_versions, snapshot
from ogp.records.load import Dataset, Record
from ogp.records.settings import read_settings
from ogp.records.yamlload import parse_text
from ogp.words import languages


@dataclass
class Audit:
    """What the history says, and the verdicts drawn from it."""

    commits: list[Commit]
    updates: list[Update]
    report: Report
    history_error: HistoryError | None = None
    history: History | None = None
    judged_at: str = ""  # the real moment of judgement, UTC: dates after it are "in the future"
    publications: list | None = None  # the publication log's entries the dates were checked against


def timezone() -> str:
    """The repository's time zone for update dates: ``OGP_TIMEZONE`` or Asia/Ulaanbaatar."""
    return read_settings().timezone


def commit_url() -> str:
    """Prefix of a commit's address on the hosting site, from ``OGP_REPO_URL`` (empty when unset)."""
    repo = read_settings().repo_url
    return f"{repo}/commit/" if repo else ""


def update_year_options() -> tuple[bool, bool]:
    """``OGP_UPDATE_YEAR`` (``calendar`` or ``plan``) and ``OGP_UPDATE_HALVES`` (``1`` to require both halves)."""
    settings = read_settings()
    return settings.plan_years, settings.halves


def publication_log(path: Path | None = None) -> list | None:
    """The publication log's entries from ``path``, else ``OGP_PUBLICATION_LOG``; None when neither is given."""
    from ogp.facts.publications import load_log

    path = path or read_settings().publication_log
    return load_log(Path(path)) if path else None


def _publication_check(repo: Path, entries: list | None, rev: str) -> dict:
    """What the publication log says about the history: deploys, the last one, rewrites (``{}`` without a log)."""
    if entries is None:
        return {}
    from ogp.facts.publications import describe, format_time, read_acknowledged, verify

    check = verify(repo, entries, read_acknowledged(repo), rev)
    last = entries[-1] if entries else None
    return {"deploys": len(entries),
            "last": {"commit": last.commit, "deployed_at": format_time(last.deployed_at), "run": last.run} if last else None,
            "rewrites": [{"commit": r.commit, "deployed_at": format_time(r.deployed_at), "reason": r.reason,
                          "acknowledged": r.acknowledged, "message": {lang: describe(r, lang) for lang in languages()}}
                         for r in check.rewrites],
            "unacknowledged": sum(1 for r in check.rewrites if r.acknowledged is None)}


def complete_timeline(text: str | None, record: Record) -> bool:
    """True when a past version of a co-creation file held this co-creation's timeline and how to take part.

    The version must be about the same plan and process (a record renamed from
    the last plan's does not inherit its dates) and hold the timeline in every
    language and at least one channel: a placeholder committed early is not a
    publication of the timeline.
    """
    if text is None:
        return False
    data = parse_text(text, record.file, keep_node=False).data
    if not isinstance(data, dict) or data.get("plan") != record.values["plan"] or data.get("kind") != record.values["kind"]:
        return False
    texts = [data.get(f"timeline_{lang}") for lang in languages()]
    channels = data.get("channels")
    return all(isinstance(t, str) and t.strip() for t in texts) and isinstance(channels, list) and bool(channels)


def timelines_published(root: Path, rev: str, model: Model, plan: Record | None, history: History) -> dict:
    """For each co-creation file of ``plan``: the first commit holding its complete timeline, and its counted date."""
    counted = {link.sha: link.counted.date() for link in history.chain}
    found = {}
    for record in model.cocreation.values():
        if plan is None or record.values["plan"] != plan.id:
            continue
        for sha, text in file_versions(root, record.file, rev):
            if sha in counted and complete_timeline(text, record):
                found[record.file] = (sha, counted[sha])
                break
    return found


def audit(data: Dataset, as_of: dt.date, model: Model | None = None, tolerate_history_errors: bool = False,
          plan_id: str | None = None, rev: str = "HEAD", repo: Path | None = None, now: dt.datetime | None = None,
          zone: str | None = None, plan_years: bool | None = None, halves: bool | None = None,
          publications: list | None = None) -> Audit:
    """Judge every requirement of a plan (``plan_id``, else the current one) as of ``as_of``.

    The history is that of ``rev`` in ``repo`` (default: the records' own
    folder), so a snapshot of a past commit is judged with the history up to
    that commit. A shallow clone or a copy without git raises
    :class:`HistoryError`, unless ``tolerate_history_errors``: then the history
    counts as empty (so nothing based on it can pass) and the error is kept
    for the page to explain. ``zone``, ``plan_years`` and ``halves`` default
    to the settings (``OGP_TIMEZONE``, ``OGP_UPDATE_YEAR``, ``OGP_UPDATE_HALVES``). ``publications``
    (a publication log's entries) bounds the commits' dates by their deploys and
    shows every rewrite of published history.
    """
    model = model or build_model(data, as_of)
    repo = Path(repo or data.root)
    error = None
    zone = zone or timezone()
    set_years, set_halves = update_year_options()
    plan_years = set_years if plan_years is None else plan_years
    halves = set_halves if halves is None else halves
    deployed = {e.commit: e.deployed_at for e in publications or []}
    logged: dict = {}
    try:
        history = load_history(repo, zone, rev=rev, now=now, deployed=deployed)
        logged = _publication_check(repo, publications, rev)
    except HistoryError as err:
        if not tolerate_history_errors:
            raise
        history, error = History([], []), err
    found = updates(history.commits, read_ignore_file(data.root))
    plan = model.plans.get(plan_id) if plan_id else model.current_plan()
    published = timelines_published(repo, rev, model, plan, history) if history.chain else {}
    ctx = Context(model, plan, as_of, found, history.start, published, commit_url(), plan_years, halves)
    flags = [{"sha": link.sha, "flag": link.flag, "claimed": link.claimed.isoformat(), "counted": link.counted.isoformat()}
             for link in history.flagged()]
    moment = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    info = {"begins": history.start.isoformat() if history.start else None,
            "head": history.chain[-1].sha if history.chain else None, "timezone": zone,
            "year_mode": "plan" if plan_years else "calendar", "halves": halves}
    report = judge(ctx, flags, info)
    report.publications = logged
    logged_entries = None if publications is None else [
        {"commit": e.commit, "deployed_at": e.deployed_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
         "run": e.run} for e in publications]
    return Audit(history.commits, found, report, error, history, moment.isoformat(timespec="seconds"), logged_entries)


class BeforeHistoryError(HistoryError):
    """The date asked for lies before the repository's first commit."""


@contextmanager
def published_state(root: Path, day: dt.date, now: dt.datetime | None = None,
                    publications: list | None = None) -> Iterator[tuple[str, Path]]:
    """The repository as published at the end of ``day`` (``OGP_TIMEZONE``): ``(commit, folder of its records)``.

    The commit is the last of the first-parent history counted on or before
    that moment (a backdated commit counts at its parent's date, so it cannot
    move into an earlier day); its ``data/`` is extracted into a temporary
    folder, removed afterwards. Raises :class:`BeforeHistoryError` for a day
    before the first commit.
    """
    zone = timezone()
    history = load_chain(Path(root), zone, now=now, deployed={e.commit: e.deployed_at for e in publications or []})
    link = history.cut(end_of_day(day, zone))
    if link is None:
        begins = history.start.isoformat() if history.start else "—"
        raise BeforeHistoryError("history.before-history", day=day.isoformat(), begins=begins)  # as the editor typed it
    with state_at(root, link.sha) as folder:
        yield link.sha, folder


@contextmanager
def head_state(root: Path) -> Iterator[tuple[str, Path]]:
    """The records of the last commit (not the work tree, whose edits are not published): ``(commit, folder)``."""
    chain = load_chain(Path(root), timezone()).chain
    if not chain:
        raise BeforeHistoryError("history.no-commit")
    with state_at(root, chain[-1].sha) as folder:
        yield chain[-1].sha, folder


@contextmanager
def state_at(root: Path, commit: str) -> Iterator[Path]:
    """A temporary folder holding ``data/`` (and the ignore file) exactly as in ``commit``."""
    with tempfile.TemporaryDirectory(prefix="ogp-as-of-") as folder:
        yield snapshot(Path(root), commit, Path(folder))

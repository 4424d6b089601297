"""The repository's settings from the ``OGP_*`` environment variables: read in one place, checked like records.

A bad value (``OGP_TODAY=2026-13-01``, ``OGP_MAX_FILE_MB=abc``, an unknown
time zone) is a located problem naming the variable and the fix, in the
editor's language, never a traceback and never a silent default. Every
variable is documented in the README's "Configuration" table (a test checks).
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ogp.records.errors import Problem
from ogp.records.repository import Repository, SettingsError, active
from ogp.words import languages, shipped

DEFAULT_TIMEZONE = Repository.timezone  # the sample's, when neither ogp.yml nor OGP_TIMEZONE says
DEFAULT_MAX_FILE_MB = 25.0
WHERE = "environment"  # the "file" of a setting's problem: it names no file, but the variable


@dataclass(frozen=True)
class Settings:
    """Every setting, typed. Empty values mean "not set" and take the default."""

    today: dt.date | None = None
    timezone: str = DEFAULT_TIMEZONE
    repo_url: str = ""
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    plan_years: bool = False
    halves: bool = False
    publication_log: Path | None = None
    debug: bool = False
    lang: str | None = None  # chosen by errors.message_language, which must not depend on the others
    sequential: bool = False
    preview_polling: bool = False


def _flag(value: str) -> bool | None:
    """``1``/``true``/``yes`` or ``0``/``false``/``no`` (any case); None for anything else."""
    lowered = value.lower()
    return True if lowered in ("1", "true", "yes") else False if lowered in ("0", "false", "no") else None


def read_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings of ``environ`` (default: this process's environment); SettingsError if any is bad."""
    env = os.environ if environ is None else environ
    values: dict = {}
    problems: list[Problem] = []

    def bad(name: str, value: str, expected: str) -> None:
        problems.append(Problem("bad-setting", WHERE, None, None, name, {"value": value, "expected": expected}))

    def get(name: str) -> str:
        return env.get(name, "").strip()

    if today := get("OGP_TODAY"):
        try:
            values["today"] = dt.date.fromisoformat(today)
        except ValueError:
            bad("OGP_TODAY", today, "YYYY-MM-DD")
    if zone := get("OGP_TIMEZONE"):
        try:
            ZoneInfo(zone)
            values["timezone"] = zone
        except (ZoneInfoNotFoundError, ValueError):
            bad("OGP_TIMEZONE", zone, "Asia/Ulaanbaatar")
    if repo := get("OGP_REPO_URL"):
        if repo.startswith(("https://", "http://")):
            values["repo_url"] = repo.rstrip("/")
        else:
            bad("OGP_REPO_URL", repo, "https://github.com/OWNER/REPO")
    if size := get("OGP_MAX_FILE_MB"):
        try:
            values["max_file_mb"] = float(size)
            if not values["max_file_mb"] > 0:
                raise ValueError(size)
        except ValueError:
            values.pop("max_file_mb", None)
            bad("OGP_MAX_FILE_MB", size, "25")
    if year := get("OGP_UPDATE_YEAR"):
        if year.lower() in ("calendar", "plan"):
            values["plan_years"] = year.lower() == "plan"
        else:
            bad("OGP_UPDATE_YEAR", year, "calendar | plan")
    if lang := get("OGP_LANG"):
        known = sorted({*languages(), *shipped()})
        if lang.lower() in known:
            values["lang"] = lang.lower()
        else:
            bad("OGP_LANG", lang, " | ".join(known))
    # OGP_JOBS: "1" builds the languages one after another; any other value keeps them side by side.
    values["sequential"] = get("OGP_JOBS") == "1"
    for name, key in (("OGP_UPDATE_HALVES", "halves"), ("OGP_DEBUG", "debug"), ("OGP_PREVIEW_POLLING", "preview_polling")):
        if raw := get(name):
            if _flag(raw) is None:
                bad(name, raw, "1 | 0")
            else:
                values[key] = _flag(raw)
    if log := get("OGP_PUBLICATION_LOG"):
        values["publication_log"] = Path(log)
    if problems:
        raise SettingsError(problems)
    # What the variables leave unset comes from the repository's ogp.yml (or the sample's settings).
    repository = active()
    values.setdefault("timezone", repository.timezone)
    values.setdefault("repo_url", repository.repository)
    values.setdefault("plan_years", repository.update_year == "plan")
    values.setdefault("halves", repository.update_halves)
    return Settings(**values)

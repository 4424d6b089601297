"""Validate a repository's records: the one entry point for the build and `ogp validate`."""
from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path

from ogp.records.editor_rules import editor_problems
from ogp.records.errors import Problem, format_problems, language_known, problems_as_json
from ogp.records.fieldcheck import check_fields
from ogp.records.load import Dataset, load_dataset
from ogp.records.report_formats import format_github, format_markdown
from ogp.records.repository import use_repository
from ogp.records.rules import check_rules
from ogp.records.schema import load_schemas
from ogp.words import languages

FORMATS = ("text", "github", "json", "markdown")


def validate(root: Path, today: dt.date | None = None) -> tuple[Dataset, list[Problem]]:
    """Load and check every record under ``root/data``.

    Returns the dataset (typed values filled in where valid) and every problem
    found, sorted by file and line. ``today`` decides what "in the future" means.
    """
    today = today or dt.date.today()
    use_repository(Path(root))  # its languages and names, from its ogp.yml; SettingsError when that is invalid
    # Reading creates millions of small objects that stay alive (node trees for
    # positions) and contain no reference cycles; the cyclic garbage collector
    # would scan them again and again (half the run time at 10,000 records).
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = load_dataset(Path(root))
        problems = list(data.problems)
        schemas = load_schemas()
        for kind, records in data.records.items():
            problems += check_fields(records, schemas[kind])
        problems += check_rules(data, today) + editor_problems(data, today)
        data.warnings = [p for p in problems if p.is_warning]
        problems = [p for p in problems if not p.is_warning]
    finally:
        if collecting:
            gc.enable()
    problems.sort(key=lambda p: (p.file, p.line or 0, p.col or 0, p.code))
    data.warnings.sort(key=lambda p: (p.file, p.line or 0, p.col or 0, p.code))
    return data, problems


def render(problems: list[Problem], fmt: str, lang: str) -> str:
    """Problems in one of :data:`FORMATS`."""
    if fmt in ("github", "markdown"):  # for CI: in the editor's language, or in every one when it cannot be known
        langs = [lang] if language_known() else list(languages())
        return (format_github if fmt == "github" else format_markdown)(problems, langs)
    if fmt == "json":
        warnings = sum(1 for p in problems if p.is_warning)
        return json.dumps({"problems": problems_as_json(problems, lang), "count": len(problems) - warnings, "warnings": warnings},
                          ensure_ascii=False, indent=2)
    return format_problems(problems, lang)

"""Everything the build generates from the records, in one call the hook makes.

Kept out of the hook so tests and other front ends (a future `ogp build`, or
another static-site engine) can call it directly.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Callable

from ogp.facts.audit import Audit, audit, commit_url, publication_log, timezone
from ogp.facts.dates import today_in
from ogp.facts.history import last_changed
from ogp.facts.model import Model, build_model
from ogp.records.load import Dataset
from ogp.records.settings import read_settings
from ogp.render.alongside import Alongside
from ogp.render.feeds import atom_feed, feed_entries, icalendar
from ogp.render.finder import finder_pages, start_indexing
from ogp.render.opendata import write_data_package
from ogp.render.pages import commitment_pages, plan_pages
from ogp.render.pages_history import compliance_pages, ledger_pages
from ogp.render.pages_records import cocreation_pages, evidence_pages, irm_pages, meeting_pages, organisation_pages
from ogp.render.reference import data_reference
from ogp.render.write import write_owned, write_pages
from ogp.words import languages, per_language

# Folders of content/ that belong to the generator (git-ignored; see .gitignore).
GENERATED_FOLDERS = ["plans", "commitments", "meetings", "evidence", "organisations", "cocreation", "irm-reports"]
GENERATED_PAGES = ("data-reference", "compliance", "updates", "finder")  # one per language: <name>.<lang>.md
DATA_FOLDER = "data"  # the open data package: datapackage.json, CSV, JSON


def today_from_env() -> dt.date:
    """Today, or ``OGP_TODAY`` (YYYY-MM-DD) for reproducible builds and tests."""
    return read_settings().today or today_in(timezone())


def page_dates(model: Model, found: Audit) -> dict[str, str]:
    """The day each generated record page last changed, by docs path without language (``commitments/nap5-01.md``).

    A page changes when its record does (a meeting's minutes too); a list page when any record it lists does.
    The sitemap's ``lastmod`` says these, not the day of the build; a page not here has no ``lastmod``.
    """
    changed = last_changed(found.commits)
    minutes: dict[str, list] = {}  # "data/meetings/<id>" -> days its minutes changed (one pass, not one per meeting)
    for name, day in changed.items():
        if name.startswith("data/meetings/") and name.endswith(".md"):
            minutes.setdefault(name.rsplit(".", 2)[0], []).append(day)
    dates: dict[str, str] = {}
    folders = {"plan": "plans", "commitment": "commitments", "meeting": "meetings", "cocreation": "cocreation"}
    for kind, folder in folders.items():
        for record in model.data.records.get(kind, []):
            days = [changed[record.file]] if record.file in changed else []
            if kind == "meeting":
                days += minutes.get(record.file[: -len(".yml")], [])
            if days:
                day = max(days).isoformat()
                dates[f"{folder}/{record.id}.md"] = day
                dates[f"{folder}/index.md"] = max(dates.get(f"{folder}/index.md", ""), day)
    return dates


def record_pages(model: Model, found: Audit, commitments: Callable[[], dict[str, str]] | None = None) -> dict[str, str]:
    """Markdown of every generated page, by path relative to the docs folder.

    ``commitments`` gives the commitments' pages when another process made them (:func:`commitments_of`);
    they are asked for last, so that this process makes every other page meanwhile.
    """
    sizes = {e.values["file"]: (model.data.root / e.values["file"]).stat().st_size
             for e in model.evidence.values() if e.values.get("file")}
    pages = {f"data-reference.{lang}.md": data_reference(lang) for lang in languages()}
    notice = per_language(found.history_error.told) if found.history_error else None
    present = {r.file for records in model.data.records.values() for r in records}
    pages.update(compliance_pages(found.report, commit_url(), notice, present, model))
    pages.update(ledger_pages(found.updates, commit_url(), present))
    pages.update(finder_pages())
    plans = plan_pages(model)
    rest = [meeting_pages(model, model.data.minutes), evidence_pages(model, sizes), organisation_pages(model), irm_pages(model),
            cocreation_pages(model)]
    # The same order as ever (plans, commitments, the rest), wherever the commitments' pages were made.
    for part in (plans, commitments() if commitments else commitments_of(model, found), *rest):
        pages.update(part)
    return pages


def commitments_of(model: Model, found: Audit) -> dict[str, str]:
    """The commitments' pages, each with the date its record last changed and the updates that touched it."""
    updated = {name: day.isoformat() for name, day in last_changed(found.commits).items()}
    by_file: dict[str, list] = {}
    for update in found.updates:
        for name in update.files:
            by_file.setdefault(name, []).append(update)
    return commitment_pages(model, updated, by_file, commit_url())


def history_files(found: Audit) -> dict[str, bytes]:
    """``updates.csv``, ``updates.json`` and ``compliance.json`` for the data folder."""
    rows = [{"date": u.date.isoformat(), "commit": u.sha, "committed": u.committed.isoformat(), "flag": u.flag,
             "files": list(u.files)} for u in found.updates]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["date", "commit", "committed", "flag", "files"])
    writer.writerows([r["date"], r["commit"], r["committed"], r["flag"], ";".join(r["files"])] for r in rows)
    report = found.report.as_dict()
    if found.history_error:
        report["history_error"] = {lang: found.history_error.told(lang) for lang in languages()}
    return {
        f"{DATA_FOLDER}/updates.csv": text.getvalue().encode("utf-8"),
        f"{DATA_FOLDER}/updates.json": json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8"),
        f"{DATA_FOLDER}/compliance.json": json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8"),
    }


def open_data_files(data: Dataset, site_url: str, today: dt.date, evidence_home: dict[str, str] | None = None) -> dict[str, bytes]:
    """The data package, the Atom feeds and the calendars, by path relative to the docs folder.

    A ``.mn``/``.en`` part in a name makes static-i18n publish the file under
    that language (``feed.en.xml`` becomes ``/en/feed.xml``).
    """
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in write_data_package(data, Path(tmp), site_url):
            files[f"{DATA_FOLDER}/{path.name}"] = path.read_bytes()
    entries = feed_entries(data, evidence_home)
    stamp = dt.datetime.combine(today, dt.time(0, 0), dt.timezone.utc)
    for lang in languages():
        files[f"feed.{lang}.xml"] = atom_feed(entries, lang, site_url, today).encode("utf-8")
        files[f"calendar.{lang}.ics"] = icalendar(data, lang, site_url, stamp).encode("utf-8")
    return files


def generate(data: Dataset, docs_dir: Path, today: dt.date, site_url: str, repo: Path | None = None,
             rev: str = "HEAD") -> tuple[Model, Audit]:
    """Write the generated pages, evidence copies and open data into ``docs_dir``; return the model.

    The history judged is that of ``rev`` in ``repo`` (default: the records' own repository).
    """
    model = build_model(data, today)
    log = publication_log()
    found = audit(data, today, model, tolerate_history_errors=True, publications=log, rev=rev, repo=repo)
    # The open data, the finder's indexes and the commitments' pages need only the records and the audit:
    # in a large repository other processes make them while this one makes the other pages (ogp.render.alongside).
    size = sum(len(records) for records in data.records.values())
    homes = {e: home for e in model.evidence if (home := model.evidence_home(e))}
    opened = Alongside(lambda: open_data_files(data, site_url, today, homes), size)
    start_indexing(model, size)
    committed = Alongside(lambda: commitments_of(model, found), size)
    try:
        write_pages(docs_dir, record_pages(model, found, committed.result),
                    owned=GENERATED_FOLDERS + [f"{name}.{lang}.md" for name in GENERATED_PAGES for lang in languages()])
        opened_files = opened.result()
    finally:
        committed.cancel()
        opened.cancel()
    files: dict[str, bytes | Path] = {e.values["file"][len("data/"):]: data.root / e.values["file"]
                                      for e in model.evidence.values() if e.values.get("file")}
    files.update(opened_files)
    files.update(history_files(found))
    if log is not None:  # published byte for byte: the deploy attests this very file
        files[f"{DATA_FOLDER}/publications.json"] = read_settings().publication_log.read_bytes()
    # The finder's index is written by each language's own pass, straight into the
    # site (hooks/records.py): only its script reads it, and the languages build side by side.
    write_owned(docs_dir, files)
    return model, found

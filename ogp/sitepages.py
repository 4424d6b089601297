"""Everything the build generates from the records, in one call the hook makes.

Kept out of the hook so tests and other front ends (a future `ogp build`, or
another static-site engine) can call it directly.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import tempfile

from .feeds import atom_feed, feed_entries, icalendar
from .generate import write_owned, write_pages
from .opendata import write_data_package
from .history import commits, last_changed
from .model import Model, build_model
from .pages import commitment_pages, plan_pages
from .pages_records import cocreation_pages, evidence_pages, irm_pages, meeting_pages, organisation_pages
from .records import Dataset
from .reference import data_reference

# Folders of content/ that belong to the generator (git-ignored; see .gitignore).
GENERATED_FOLDERS = ["plans", "commitments", "meetings", "evidence", "organisations", "cocreation", "irm-reports"]
GENERATED_FILES = ["data-reference.mn.md", "data-reference.en.md"]
DATA_FOLDER = "data"  # the open data package: datapackage.json, CSV, JSON


def today_from_env() -> dt.date:
    """Today, or ``OGP_TODAY`` (YYYY-MM-DD) for reproducible builds and tests."""
    value = os.environ.get("OGP_TODAY", "").strip()
    return dt.date.fromisoformat(value) if value else dt.date.today()


def record_pages(model: Model, updated: dict[str, str]) -> dict[str, str]:
    """Markdown of every generated page, by path relative to the docs folder."""
    sizes = {e.values["file"]: (model.data.root / e.values["file"]).stat().st_size
             for e in model.evidence.values() if e.values.get("file")}
    pages = {f"data-reference.{lang}.md": data_reference(lang) for lang in ("mn", "en")}
    for part in (plan_pages(model), commitment_pages(model, updated), meeting_pages(model, model.data.minutes),
                 evidence_pages(model, sizes), organisation_pages(model), irm_pages(model), cocreation_pages(model)):
        pages.update(part)
    return pages


def open_data_files(data: Dataset, site_url: str, today: dt.date) -> dict[str, bytes]:
    """The data package, the Atom feeds and the calendars, by path relative to the docs folder.

    A ``.mn``/``.en`` part in a name makes static-i18n publish the file under
    that language (``feed.en.xml`` becomes ``/en/feed.xml``).
    """
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in write_data_package(data, Path(tmp), site_url):
            files[f"{DATA_FOLDER}/{path.name}"] = path.read_bytes()
    entries = feed_entries(data)
    stamp = dt.datetime.combine(today, dt.time(0, 0), dt.timezone.utc)
    for lang in ("mn", "en"):
        files[f"feed.{lang}.xml"] = atom_feed(entries, lang, site_url, today).encode("utf-8")
        files[f"calendar.{lang}.ics"] = icalendar(data, lang, site_url, stamp).encode("utf-8")
    return files


def generate(data: Dataset, docs_dir: Path, today: dt.date, site_url: str) -> Model:
    """Write the generated pages, evidence copies and open data into ``docs_dir``; return the model."""
    model = build_model(data, today)
    history = commits(data.root)
    updated = {name: day.isoformat() for name, day in last_changed(history).items()}
    write_pages(docs_dir, record_pages(model, updated), owned=GENERATED_FOLDERS + GENERATED_FILES)
    files: dict[str, bytes | Path] = {e.values["file"][len("data/"):]: data.root / e.values["file"]
                                      for e in model.evidence.values() if e.values.get("file")}
    files.update(open_data_files(data, site_url, today))
    write_owned(docs_dir, files)
    return model

"""``ogp validate`` ⇒ the site builds: every link of the content checked against the pages the build will have.

The generated pages are written into a temporary copy of ``content/`` (as the
build writes them), so the set of pages, files and anchors is the build's own.
Then the links of what editors write are checked, each located where it is
written: a hand-written page at its line; a meeting's minutes (they appear on
the meeting's page) at their line; a record's Markdown text (a commitment's
description, a milestone's output, a meeting's agenda…) at its field, resolved
from the page that shows it. Language suffixes are the build's: ``about.en.md``
is the page ``about.md`` of the English site, and its links are resolved there.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from ogp.records.errors import Problem
from ogp.records.load import Dataset, Record
from ogp.records.page_links import anchors, broken, links
from ogp.render.site import GENERATED_FOLDERS, GENERATED_PAGES, generate
from ogp.render.write import MARKER
from ogp.words import languages

# Record texts written in Markdown, by record type, and the page each appears on.
MARKDOWN_FIELDS = {
    "commitment": ("description", "problem", "transparency", "participation", "accountability"),
    "milestone": ("output",), "update": ("text",), "plan": ("summary",), "cocreation": ("timeline",),
    "meeting": ("agenda", "decisions"),
}


def _page_of(record: Record) -> str:
    top = record
    while top.parent is not None:
        top = top.parent
    folder = {"commitment": "commitments", "plan": "plans", "cocreation": "cocreation", "meeting": "meetings"}[top.type]
    return f"{folder}/{top.id}.md"


def _unsuffixed(rel: str, lang: str) -> str | None:
    """``about.en.md`` -> ``about.md`` in English; None when the file is another language's; shared files as they are."""
    name, _, ext = rel.rpartition(".")
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix in languages():
        return f"{stem}.{ext}" if suffix == lang else None
    return rel


def link_problems(data: Dataset, root: Path, today: dt.date) -> list[Problem]:
    """Every link a strict build would reject in the content of ``root``, located and in the catalogue's words."""
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "content"
        if (root / "content").is_dir():
            shutil.copytree(root / "content", docs, ignore=shutil.ignore_patterns(*GENERATED_FOLDERS, *(f"{n}.*" for n in GENERATED_PAGES)))
        docs.mkdir(exist_ok=True)  # a repository of records only: its generated pages are still checked
        generate(data, docs, today, "http://127.0.0.1:8000/")
        every = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
        for lang in languages():
            site = {rel: own for rel in every if (own := _unsuffixed(rel, lang)) is not None}
            files = set(site.values())
            texts = {own: (docs / rel).read_text("utf-8", errors="replace") for rel, own in site.items() if own.endswith(".md")}
            page_anchors = {own: anchors(text) for own, text in texts.items()}
            for rel, own in site.items():
                path = root / "content" / rel
                if own.endswith(".md") and path.is_file() and not texts[own].startswith(MARKER):
                    problems += _check(texts[own], own, f"content/{rel}", None, files, page_anchors)
            for meeting_id, by_lang in sorted(data.minutes.items()):
                if lang in by_lang:
                    text = by_lang[lang].read_text("utf-8", errors="replace")
                    shown = by_lang[lang].relative_to(data.root).as_posix()
                    problems += _check(text, f"meetings/{meeting_id}.md", shown, None, files, page_anchors)
            for kind, names in MARKDOWN_FIELDS.items():
                for record in data.records.get(kind, []):
                    for name in names:
                        value = record.values.get(f"{name}_{lang}")
                        if isinstance(value, str):
                            problems += _check(value, _page_of(record), record.file, record, files, page_anchors, f"{name}_{lang}")
    return problems


def _check(text: str, page: str, shown: str, record: Record | None, files: set[str], page_anchors: dict,
           field: str | None = None) -> list[Problem]:
    problems = []
    for link in links(text):
        why = broken(link, page, files, page_anchors)
        if why is None:
            continue
        code, _ = why
        if record is not None:
            problems.append(record.problem(code, field, value=link.target, page=page))
        else:
            problems.append(Problem(code, shown, link.line, link.col, None, {"value": link.target, "page": page}))
    return problems

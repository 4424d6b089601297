"""Find and read every record under ``data/``.

Turns files into :class:`Record` objects (with sub-records for milestones,
co-creation channels and inputs) and reports files that are in the wrong
place, unreadable, or that carry fields their schema does not know.
"""
from __future__ import annotations

import difflib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ogp.records.errors import Problem
from ogp.records.schema import FOLDERS, RecordSchema, load_schemas
from ogp.records.yamlload import Document, load_yaml
from ogp.words import languages, words

# Files an editor may keep in data/ that are not records.
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}
# From this many record files on, two processes read them (see _read_all).
PARALLEL_FROM = 2000


@dataclass
class Record:
    """One record (or sub-record) with its raw values and, once validated, typed values."""

    type: str
    file: str
    doc: Document
    base: tuple
    raw: dict
    parent: "Record | None" = None
    values: dict = field(default_factory=dict)
    # Fields already reported (or explained by a misspelt key): no second message about them.
    bad_fields: set = field(default_factory=set)

    def where(self, field_name: str | None = None) -> tuple[int | None, int | None]:
        """Line and column of a field of this record (or of the record itself)."""
        return self.doc.where(self.base + ((field_name,) if field_name else ()))

    def problem(self, code: str, field_name: str | None = None, **params) -> Problem:
        """A problem located at ``field_name`` of this record."""
        line, col = self.where(field_name)
        return Problem(code, self.file, line, col, field_name, params)

    @property
    def stem(self) -> str:
        """The file name without folder and extension (what a top-level id must equal)."""
        return self.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    @property
    def id(self) -> str | None:
        value = self.values.get("id", self.raw.get("id"))
        return value if isinstance(value, str) else None


@dataclass
class Dataset:
    """All records of a repository, by type, and the problems found so far."""

    root: Path
    records: dict[str, list[Record]]
    minutes: dict[str, dict[str, Path]]
    problems: list[Problem]
    # Ids (file names) of records whose files could not be read, by type: references
    # to them are not reported again.
    unreadable: dict[str, set[str]] = field(default_factory=dict)
    # Recommendations, not rules (ogp.records.errors.WARNINGS): reported beside the problems, failing nothing.
    warnings: list[Problem] = field(default_factory=list)


def suggestion(word: str, choices, phrase: str = "load.did-you-mean") -> dict:
    """A per-language "did you mean" phrase for the closest choice, or empty strings."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    best = lowered.get(str(word).lower().strip())
    if best is None and len(str(word)) >= 3:
        # A shortened id ("ministry-of-mining") most likely means the one it begins.
        starting = sorted(c for c in choices if c.lower().startswith(str(word).lower()))
        best = starting[0] if len(starting) == 1 else None
    if best is None:
        close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
        best = close[0] if close else None
    if best is None:
        return words("load.no-suggestion")
    return words(phrase, best=best)


def _data_files(root: Path) -> list[str]:
    """Paths (relative, with /) of the files under data/, except the evidence files in data/files/."""
    found = []
    top = os.path.join(root, "data")
    for folder, subfolders, files in os.walk(top):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        if rel == "data":
            subfolders[:] = [d for d in subfolders if d != "files"]  # evidence files are not records
        found += [f"{rel}/{name}" for name in files]
    return sorted(found)


def _classify(rel: str) -> str | None:
    """Record type of a data/ file (path relative to the root, with /) by its place, or None."""
    parts = rel.split("/")
    name = parts[-1]
    if len(parts) < 3 or parts[0] != "data":
        return None
    folder_types = {folder: kind for kind, folder in FOLDERS.items()}
    kind = folder_types.get(parts[1])
    if kind is None:
        return None
    if kind == "meeting" and len(parts) == 3 and name.endswith(tuple(f".{code}.md" for code in languages())):
        return "minutes"
    depth = 4 if kind == "commitment" else 3
    if len(parts) == depth and name.endswith(".yml") and len(name) > 4:
        return kind
    if len(parts) == depth and name.endswith(".yaml") and len(name) > 5:
        return "yaml"  # a record with the other extension: one problem, and nothing that refers to it reports
    return None


def load_dataset(root: Path) -> Dataset:
    """Read every file under ``root/data`` into records; report misplaced and unreadable files."""
    root = Path(root)
    schemas = load_schemas()
    records: dict[str, list[Record]] = {name: [] for name in schemas}
    minutes: dict[str, dict[str, Path]] = {}
    problems: list[Problem] = []
    unreadable: dict[str, set[str]] = {}
    places = ", ".join(f"data/{folder}/" for folder in FOLDERS.values())
    to_read: list[tuple[Path, str, str]] = []
    for shown in _data_files(root):
        name = shown.rsplit("/", 1)[-1]
        if name in IGNORED_NAMES:
            continue
        path = root / shown
        if path.is_symlink():  # it could point anywhere on the machine that builds or packs the site
            problems.append(Problem("linked-file", shown))
            continue
        kind = _classify(shown)
        if kind == "minutes":
            meeting_id, _, lang = name[: -len(".md")].rpartition(".")
            minutes.setdefault(meeting_id, {})[lang] = path
            continue
        if kind == "yaml":
            problems.append(Problem("wrong-extension", shown, params={"expected": shown[: -len(".yaml")] + ".yml"}))
            unreadable.setdefault(_classify(shown[: -len(".yaml")] + ".yml"), set()).add(name[: -len(".yaml")])
            continue
        if kind is None:
            problems.append(Problem("unexpected-file", shown, params={"places": places}))
            continue
        to_read.append((path, shown, kind))
    for (path, shown, kind), doc in zip(to_read, _read_all([(path, shown) for path, shown, _ in to_read])):
        problems.extend(doc.problems)
        if isinstance(doc.data, dict):
            records[kind].append(_make_record(kind, shown, doc, (), doc.data, None, schemas, records, problems))
        else:
            unreadable.setdefault(kind, set()).add(shown.rsplit("/", 1)[-1][: -len(".yml")])
    return Dataset(root, records, minutes, problems, unreadable)


def _read_part(items: list[tuple[Path, str]]) -> list[tuple[object, list[Problem]]]:
    """Read some files in a worker process: values and problems only (node trees stay behind)."""
    out = []
    for path, shown in items:
        doc = load_yaml(path, shown, keep_node=False)
        out.append((doc.data, doc.problems))
    return out


class _Reads:
    """Files already read by this process, kept only while :func:`remember_reads` is on (a preview server)."""

    def __init__(self) -> None:
        self.on = False
        self.docs: dict[str, tuple[tuple, Document]] = {}


_reads = _Reads()


def remember_reads(on: bool) -> None:
    """Keep each file's reading for the next validation while its size, times and inode stay the same.

    For a preview server, which validates every file again after each save: only the saved file is read
    again. A file written twice within the file system's time resolution, with the same size, would be
    missed; a build validates once and never turns this on. Turning it off forgets every reading.
    """
    _reads.on = on
    if not on:
        _reads.docs.clear()


def _stamp(path: Path) -> tuple:
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


def _read_all(items: list[tuple[Path, str]]) -> list[Document]:
    """Read the files (those a preview read already and that did not change are kept: see ``remember_reads``)."""
    if not _reads.on:
        return _read_files(items)
    stamps = [_stamp(path) for path, _ in items]
    docs = [kept[1] if (kept := _reads.docs.get(str(path))) and kept[0] == stamp and kept[1].file == shown else None
            for (path, shown), stamp in zip(items, stamps)]
    wanted = [i for i, doc in enumerate(docs) if doc is None]
    for i, doc in zip(wanted, _read_files([items[i] for i in wanted])):
        docs[i] = doc
        _reads.docs[str(items[i][0])] = (stamps[i], doc)
    return docs


def _read_files(items: list[tuple[Path, str]]) -> list[Document]:
    """Read the files; a large repository is read by two processes (reading is most of the work).

    Measured on 2 cores with 10,000 files: 1.9 s in one process, 1.2 s in two.
    Small repositories are read in this process: starting workers costs more.
    """
    workers = min(2, os.cpu_count() or 1)
    if len(items) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [load_yaml(path, shown) for path, shown in items]
    chunks = [items[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = list(pool.map(_read_part, chunks))
    docs: list[Document] = [None] * len(items)  # type: ignore[list-item]
    for i, part in enumerate(parts):
        docs[i::workers] = [Document(shown, data, None, problems, path)
                            for (path, shown), (data, problems) in zip(chunks[i], part)]
    return docs


def _make_record(kind, shown, doc, base, raw, parent, schemas, records, problems) -> Record:
    schema: RecordSchema = schemas[kind]
    record = Record(kind, shown, doc, base, raw, parent)
    for key in raw:
        if key not in schema.fields:
            hint = suggestion(key, schema.fields)
            close = difflib.get_close_matches(key, list(schema.fields), n=1, cutoff=0.6)
            if close and close[0] not in raw:
                record.bad_fields.add(close[0])  # "numbr" explains the missing "number"
            if not hint["en"]:
                names = ", ".join(schema.fields)
                hint = words("load.hint", names=names)
            problems.append(record.problem("unknown-field", key, record=schema.title, suggestion=hint))
    for list_field, child_kind in schema.nested.items():
        items = raw.get(list_field)
        if not isinstance(items, list):
            continue  # a missing or non-list value is reported by the schema check
        for index, item in enumerate(items):
            if isinstance(item, dict):
                child = _make_record(child_kind, shown, doc, base + (list_field, index), item, record,
                                     schemas, records, problems)
                records[child_kind].append(child)
            else:
                line, col = doc.where(base + (list_field, index))
                problems.append(Problem("bad-item", shown, line, col, list_field, {
                    "expected": words("load.expected")}))
    return record

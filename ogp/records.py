"""Find and read every record under ``data/``.

Turns files into :class:`Record` objects (with sub-records for milestones,
co-creation channels and inputs) and reports files that are in the wrong
place, unreadable, or that carry fields their schema does not know.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .schema import FOLDERS, RecordSchema, load_schemas
from .yamlload import Document, load_yaml

MINUTES_LANGS = ("mn", "en")
# Files an editor may keep in data/ that are not records.
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}


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


def suggestion(word: str, choices, lang_texts=("`{}` гэж бичих гэсэн үү? ", "Did you mean `{}`? ")) -> dict:
    """A per-language "did you mean" phrase for the closest choice, or empty strings."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    best = lowered.get(str(word).lower().strip())
    if best is None:
        close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
        best = close[0] if close else None
    if best is None:
        return {"mn": "", "en": ""}
    return {"mn": lang_texts[0].format(best), "en": lang_texts[1].format(best)}


def _classify(rel: Path) -> str | None:
    """Record type of a data/ file by its place, or None when nothing belongs there."""
    parts = rel.parts
    if len(parts) < 2 or parts[0] != "data":
        return None
    if parts[1] == "files":
        return "file"
    folder_types = {folder: kind for kind, folder in FOLDERS.items()}
    kind = folder_types.get(parts[1])
    if kind is None:
        return None
    if kind == "meeting" and len(parts) == 3 and rel.name.endswith((".mn.md", ".en.md")):
        return "minutes"
    depth = 4 if kind == "commitment" else 3
    if len(parts) == depth and rel.suffix == ".yml":
        return kind
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
    data_dir = root / "data"
    paths = sorted(p for p in data_dir.rglob("*") if p.is_file()) if data_dir.is_dir() else []
    for path in paths:
        rel = path.relative_to(root)
        shown = rel.as_posix()
        if path.name in IGNORED_NAMES:
            continue
        kind = _classify(rel)
        if kind == "file":
            continue
        if kind == "minutes":
            meeting_id, lang = path.name[: -len(".xx.md")], path.name[-5:-3]
            minutes.setdefault(meeting_id, {})[lang] = path
            continue
        if kind is None:
            problems.append(Problem("unexpected-file", shown, params={"places": places}))
            continue
        doc = load_yaml(path, shown)
        problems.extend(doc.problems)
        if isinstance(doc.data, dict):
            records[kind].append(_make_record(kind, shown, doc, (), doc.data, None, schemas, records, problems))
        else:
            unreadable.setdefault(kind, set()).add(path.stem)
    return Dataset(root, records, minutes, problems, unreadable)


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
                hint = {"mn": f"Боломжит талбарууд: {names}.", "en": f"Fields it can have: {names}."}
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
                    "expected": {"mn": "`нэр: утга` талбаруудтай бүлэг", "en": "a group of `name: value` fields"}}))
    return record

"""The records as open data: one table per record type, as CSV and JSON, in a Frictionless Data Package.

Every record type becomes one flat table whose columns are the fields of its
schema (``ogp/records/schemas/*.yaml``). The lists of sub-records (a commitment's
milestones, a co-creation's channels and inputs) become tables of their own,
with a leading column naming the parent record, so that no cell holds a table.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from ogp.records.load import Dataset, Record
from ogp.records.rules import milestone_key
from ogp.records.schema import RecordSchema, frictionless_field, load_schemas
from ogp.words import languages, say

# Tables in the order a reader meets them: the plan first, its parts after it.
ORDER = ("plan", "commitment", "milestone", "update", "meeting", "evidence", "organisation",
         "cocreation", "channel", "input", "irm-report")
# Child type -> name of the leading column holding its parent record's id.
PARENT_KEY = {"milestone": "commitment", "update": "milestone", "channel": "cocreation", "input": "cocreation"}
# (type, column) -> type whose id the column holds; checked by frictionless.
FOREIGN_KEYS = {
    ("commitment", "plan"): "plan",
    ("milestone", "commitment"): "commitment",
    ("meeting", "plan"): "plan",
    ("irm-report", "plan"): "plan",
    ("cocreation", "plan"): "plan",
    ("channel", "cocreation"): "cocreation",
    ("input", "cocreation"): "cocreation",
}
# List items are ids or language codes, which never contain this separator.
LIST_SEPARATOR = ";"
PACKAGE_NAME = "ogp-repository"


def tables(data: Dataset) -> dict[str, tuple[list[str], list[list]]]:
    """Every record type as ``(header, rows)``, rows sorted by parent id and id.

    Cells are JSON-ready: dates as ISO strings (``2024-05-20``), lists as lists
    of strings, absent values as None; :func:`csv_cell` turns them into CSV text.
    """
    schemas = load_schemas()
    kinds = [k for k in ORDER if k in schemas] + sorted(set(schemas) - set(ORDER))
    return {kind: _table(kind, schemas[kind], data.records.get(kind, [])) for kind in kinds}


def _table(kind: str, schema: RecordSchema, records: list[Record]) -> tuple[list[str], list[list]]:
    fields = [name for name in schema.fields if name not in schema.nested]
    parent = PARENT_KEY.get(kind)
    header = ([parent] if parent else []) + fields
    ordered = sorted(records, key=lambda r: (_natural(_parent_id(r)), _natural(r.id or ""), r.base))
    rows = [([_parent_id(r)] if parent else []) + [_json_value(r.values.get(name)) for name in fields]
            for r in ordered]
    return header, rows


def _parent_id(record: Record) -> str:
    """The id a sub-record's leading column holds: a milestone is known as ``<commitment>.<milestone>``."""
    if record.parent is None:
        return ""
    return milestone_key(record.parent) if record.parent.type == "milestone" else record.parent.id


def _natural(text: str | None) -> list:
    """Sort key putting ``m2`` before ``m10`` and ``nap9`` before ``nap10``."""
    # re.split with a group alternates text and digits, always starting with text,
    # so two keys compare str with str and int with int.
    return [int(part) if part.isdigit() else part for part in re.split(r"([0-9]+)", text or "")]


def _json_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(item) for item in value]
    return value


def csv_cell(value) -> str:
    """One value as CSV text: empty for None, ``true``/``false``, lists joined with ``;``."""
    value = _json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int; Table Schema's words are lowercase
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def _csv_text(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only where needed
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return out.getvalue()


def list_csv(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    """CSV text (RFC 4180) of a list page: one row per dict, columns as ``(key, header)`` pairs.

    Missing keys give empty cells; dates, booleans and lists are written as in the data package.
    """
    return _csv_text([title for _, title in columns], [[row.get(key) for key, _ in columns] for row in rows])


def _csv_field(spec: dict) -> dict:
    """A schema field as it holds for the CSV text of its column."""
    plain = frictionless_field(spec)  # a partial date is text of its pattern (2026, 2023-12, 2023-12-15)
    field = {key: plain[key] for key in ("name", "type", "format") if key in plain}
    description = spec.get("description", "")
    constraints = dict(plain.get("constraints", {}))
    if spec["type"] == "array":
        # A list is one ";"-joined string in CSV. "required" no longer holds
        # (an empty list is an empty cell, that is null), and array fields
        # carry no enum or pattern that would hold for the joined text.
        field["type"] = "string"
        constraints = {}
        description += f' In this CSV file the items are separated by "{LIST_SEPARATOR}".'
    if constraints:
        field["constraints"] = constraints
    if description:
        field["description"] = description.strip()
    return field


def _csv_schema(kind: str, schema: RecordSchema, header: list[str], counts: dict[str, int]) -> dict:
    """The Table Schema of one CSV file, with its primary and foreign keys."""
    fields = []
    parent = PARENT_KEY.get(kind)
    if parent:
        fields.append({"name": parent, "type": "string", "constraints": {"required": True},
                       "description": f"Id of the {parent} record this {schema.name} belongs to."})
    fields += [_csv_field(schema.fields[name]) for name in header[1 if parent else 0:]]
    descriptor: dict = {"fields": fields}
    # Sub-record ids are unique only within their parent record.
    key = list(schema.primary_key) or ([parent, "id"] if parent and "id" in schema.fields else [])
    if key:
        descriptor["primaryKey"] = key
    foreign = [{"fields": [column], "reference": {"resource": target, "fields": ["id"]}}
               for (source, column), target in FOREIGN_KEYS.items()
               if source == kind and counts.get(source) and counts.get(target)]
    if foreign:
        descriptor["foreignKeys"] = foreign
    return descriptor


def _resources(kind: str, schema: RecordSchema, header: list[str], counts: dict[str, int]) -> list[dict]:
    """The CSV resource (with its schema) and the JSON resource of one record type."""
    common = {"encoding": "utf-8", "title": schema.title["en"]}
    csv_resource = {"name": kind, "path": f"{kind}.csv", "format": "csv", "mediatype": "text/csv", **common,
                    "description": schema.description["en"],
                    "schema": _csv_schema(kind, schema, header, counts)}
    # JSON without a schema: frictionless reads JSON tables only with the
    # optional frictionless[json] extra; a schema it cannot check would mislead.
    # "type": "json" because frictionless otherwise guesses from the file name
    # and reads irm-report.json as one of its own validation reports.
    json_resource = {"name": f"{kind}-json", "type": "json", "path": f"{kind}.json", "format": "json",
                     "mediatype": "application/json", **common,
                     "description": f"The rows of {kind}.csv as a JSON array of objects with typed values: "
                                    "dates as YYYY-MM-DD, lists as arrays, absent values as null."}
    return [csv_resource, json_resource]


def _json_rows(objects: list[dict]) -> str:
    """A JSON array with one compact object per line: a third smaller than indented JSON, still easy to diff."""
    lines = [json.dumps(obj, ensure_ascii=False, separators=(",", ":")) for obj in objects]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def write_data_package(data: Dataset, out_dir: Path, site_url: str) -> list[Path]:
    """Write ``datapackage.json``, ``<type>.csv`` and ``<type>.json`` for every record type into ``out_dir``.

    Returns the paths written. The package validates with ``frictionless.validate``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    schemas = load_schemas()
    all_tables = tables(data)
    counts = {kind: len(rows) for kind, (_, rows) in all_tables.items()}
    resources, written = [], []
    for kind, (header, rows) in all_tables.items():
        csv_path, json_path = out_dir / f"{kind}.csv", out_dir / f"{kind}.json"
        # newline="": the csv module already wrote CRLF; no translation on any platform.
        csv_path.write_text(_csv_text(header, rows), encoding="utf-8", newline="")
        objects = [dict(zip(header, row)) for row in rows]
        json_path.write_text(_json_rows(objects), encoding="utf-8")
        resources += _resources(kind, schemas[kind], header, counts)
        written += [csv_path, json_path]
    lang = "en" if "en" in languages() else languages()[0]  # a data package has one title: English where there is one
    package = {
        "name": PACKAGE_NAME,
        "title": say("opendata.title", lang),
        "description": say("opendata.description", lang, fields=", ".join(f"*_{code}" for code in languages())),
        "homepage": site_url,
        "resources": resources,
    }
    package_path = out_dir / "datapackage.json"
    package_path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [package_path, *written]

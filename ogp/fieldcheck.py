"""Check every field against its Table Schema with frictionless, then cast values.

All records of one type go to frictionless as one table, so a run costs one
validation per type, not per file. Frictionless speaks in row numbers and
English notes; each of its errors is mapped back to the record's file, line
and field and to a code of our own catalogue.
"""
from __future__ import annotations

import datetime as dt
import re

from .errors import Problem
from .records import Record, suggestion
from .schema import RecordSchema

_SCALAR_TYPES = {"string", "date", "integer", "boolean", "number"}
_CONSTRAINT = re.compile(r'constraint "(\w+)"')


def check_fields(records: list[Record], schema: RecordSchema) -> list[Problem]:
    """Validate ``records`` (all of one type) against ``schema``; fill ``record.values``."""
    problems: list[Problem] = []
    rows = []
    for record in records:
        row = {}
        for name, spec in schema.fields.items():
            value = record.raw.get(name)
            problem = _shape_problem(record, name, spec, value, nested=name in schema.nested)
            if problem:
                problems.append(problem)
                record.bad_fields.add(name)
                value = None
            row[name] = value
        rows.append(row)
    if rows:
        problems += _frictionless(records, rows, schema)
    for record in records:
        record.values = {
            name: None if name in record.bad_fields else _cast(record.raw.get(name), spec)
            for name, spec in schema.fields.items()
        }
    return problems


def _shape_problem(record: Record, name: str, spec: dict, value, nested: bool) -> Problem | None:
    """Lists where text belongs and the reverse: frictionless would give a vague error."""
    if value is None:
        return None
    if spec["type"] in _SCALAR_TYPES and isinstance(value, (list, dict)):
        return record.problem("bad-type", name)
    if spec["type"] == "array" and not nested:
        if isinstance(value, list):
            for i, item in enumerate(value):
                if not isinstance(item, str):
                    line, col = record.doc.where(record.base + (name, i))
                    return Problem("bad-item", record.file, line, col, name,
                                   {"expected": {"mn": "энгийн текст (id)", "en": "plain text (an id)"}})
        elif isinstance(value, dict):
            return record.problem("not-a-list", name)
    return None


def _frictionless(records: list[Record], rows: list[dict], schema: RecordSchema) -> list[Problem]:
    from frictionless import Resource, Schema  # imported late: ~0.3 s, only when there is data

    resource = Resource(data=rows, schema=Schema.from_descriptor(schema.frictionless_descriptor()))
    report = resource.validate()
    problems = []
    for row_number, field_name, error_type, note, cell in report.flatten(
        ["rowNumber", "fieldName", "type", "note", "cell"]
    ):
        if row_number is None:
            continue
        record = records[row_number - 2]  # row 1 is the header frictionless adds
        if error_type == "primary-key":
            continue  # duplicate ids are reported across files by the rules, with both files named
        if field_name in record.bad_fields:
            continue
        problem = _map_error(record, schema, field_name, error_type, note, cell)
        if problem:
            record.bad_fields.add(field_name)
            problems.append(problem)
    return problems


def _map_error(record, schema, field_name, error_type, note, cell) -> Problem | None:
    spec = schema.fields[field_name]
    value = record.raw.get(field_name)
    shown = value if isinstance(value, str) else cell
    if error_type == "type-error":
        code = {"date": "bad-date", "integer": "bad-integer", "boolean": "bad-boolean", "array": "not-a-list"}.get(
            spec["type"], "bad-email" if spec.get("format") == "email" else "bad-type")
        return record.problem(code, field_name, value=shown, example=spec.get("example", "1"))
    match = _CONSTRAINT.search(note or "")
    constraint = match.group(1) if match else ""
    constraints = spec.get("constraints", {})
    if constraint == "required":
        return record.problem("missing-field", field_name, description=schema.describe(field_name))
    if constraint == "enum":
        allowed = [str(v) for v in constraints["enum"]]
        return record.problem("not-allowed", field_name, value=shown, allowed=", ".join(allowed),
                              suggestion=suggestion(shown, allowed))
    if constraint == "pattern":
        return record.problem("bad-pattern", field_name, value=shown, example=spec.get("example", ""),
                              description=schema.describe(field_name))
    if constraint in ("minimum", "maximum"):
        low, high = constraints.get("minimum"), constraints.get("maximum")
        bounds = {
            "mn": f"{low}–{high}" if high is not None else f"{low}-аас багагүй",
            "en": f"between {low} and {high}" if high is not None else f"at least {low}",
        }
        return record.problem("out-of-range", field_name, value=shown, bounds=bounds)
    return record.problem("bad-type", field_name)


def _cast(value, spec: dict):
    """The typed value of a field that passed validation (None when absent)."""
    if value is None or value == "":
        return None
    kind = spec["type"]
    if kind == "date":
        return dt.date.fromisoformat(_iso(value))
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return value.strip().lower() in ("true", "1")
    if kind == "array":
        return list(value)
    return value


def _iso(value: str) -> str:
    """``2024-5-1`` (which frictionless accepts) as ``2024-05-01``."""
    year, month, day = value.strip().split("-")
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"

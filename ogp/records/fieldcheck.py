"""Check every field against its Table Schema with frictionless, then cast values.

All records of one type go to frictionless as one table, so a run costs one
validation per type, not per file. Frictionless speaks in row numbers and
English notes; each of its errors is mapped back to the record's file, line
and field and to a code of our own catalogue.
"""
from __future__ import annotations

import datetime as dt
import re

from ogp.records.errors import Problem
from ogp.records.load import Record, suggestion
from ogp.records.partial import parse_partial
from ogp.records.schema import RecordSchema
from ogp.words import words

_SCALAR_TYPES = {"string", "date", "integer", "boolean", "number"}
_CONSTRAINT = re.compile(r'constraint "(\w+)"')


def check_fields(records: list[Record], schema: RecordSchema) -> list[Problem]:
    """Validate ``records`` (all of one type) against ``schema``; fill ``record.values``."""
    problems: list[Problem] = []
    readers = [(name, spec, quick_reader(spec, nested=name in schema.nested)) for name, spec in schema.fields.items()]
    doubtful = []
    for record in records:
        raw, values, doubt = record.raw, {}, False
        for name, spec, read in readers:
            typed = read(raw.get(name))
            if typed is DOUBT:
                doubt, typed = True, None
                problem = _shape_problem(record, name, spec, raw.get(name), nested=name in schema.nested)
                if problem:
                    problems.append(problem)
                    record.bad_fields.add(name)
            values[name] = typed
        record.values = values
        if doubt:
            doubtful.append(record)
    # Values a quick reader finds plainly valid skip frictionless; every record
    # with any other value gets frictionless' verdict. The quick readers are
    # stricter than frictionless (tests/test_fieldcheck.py): they can send a
    # valid value the long way, never let an invalid one through.
    if doubtful:
        rows = [{name: None if name in r.bad_fields else r.raw.get(name) for name in schema.fields} for r in doubtful]
        problems += _frictionless(doubtful, rows, schema)
        for record in doubtful:
            record.values = {
                name: None if name in record.bad_fields else _cast(record.raw.get(name), spec)
                for name, spec in schema.fields.items()
            }
            # The pattern lets 2024-02-30 through; the calendar does not.
            for name, spec in schema.fields.items():
                if (spec.get("partial") and record.values[name] is None and name not in record.bad_fields
                        and record.raw.get(name) not in (None, "")):
                    problems.append(record.problem("bad-partial-date", name, value=record.raw.get(name)))
                    record.bad_fields.add(name)
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
                                   {"expected": words("fieldcheck.expected")})
        elif isinstance(value, dict):
            return record.problem("not-a-list", name)
    return None


def _frictionless(records: list[Record], rows: list[dict], schema: RecordSchema) -> list[Problem]:
    from frictionless import Resource, Schema  # imported late: ~0.3 s, only when there is data

    # The row stream checks every cell against the schema (types, formats,
    # constraints) like ``resource.validate()`` does, without building a report:
    # that deep-copies all rows and took a third of the time.
    descriptor = schema.frictionless_descriptor()
    descriptor.pop("primaryKey", None)  # duplicate ids: reported by the rules, with both files named
    resource = Resource(data=rows, schema=Schema.from_descriptor(descriptor))
    problems = []
    with resource:
        for row in resource.row_stream:
            errors = row.errors
            if not errors:
                continue
            record = records[row.row_number - 2]  # row 1 is the header frictionless adds
            for error in errors:
                field_name = getattr(error, "field_name", None)
                if field_name is None or field_name in record.bad_fields:
                    continue
                problem = _map_error(record, schema, field_name, error.type, error.note, error.cell)
                record.bad_fields.add(field_name)
                problems.append(problem)
    return problems


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS = re.compile(r"[0-9]{1,18}")
DOUBT = object()  # what a quick reader returns for a value frictionless must judge


def quick_reader(spec: dict, nested: bool = False):
    """A function from a raw value to its typed value, or :data:`DOUBT`.

    It returns a typed value only for values frictionless surely accepts
    for ``spec``; anything unusual is left to frictionless.
    """
    constraints = spec.get("constraints", {})
    required = constraints.get("required", False)
    enum = constraints.get("enum")
    pattern = re.compile(constraints["pattern"]) if "pattern" in constraints else None
    low, high = constraints.get("minimum"), constraints.get("maximum")
    kind = spec["type"]
    odd = bool(spec.get("format")) or kind not in ("string", "date", "integer", "boolean", "array")

    def read(value):
        if value is None or value == "":
            return DOUBT if required else None
        if kind == "array":
            if isinstance(value, list) and (nested or all(isinstance(item, str) for item in value)):
                return value
            return DOUBT
        if odd or not isinstance(value, str) or value != value.strip():
            return DOUBT  # formats (e-mail) and odd spacing: let frictionless judge
        if kind == "string":
            typed = value
        elif kind == "date" and spec.get("partial"):
            return parse_partial(value) or DOUBT
        elif kind == "date":
            if not _ISO_DATE.fullmatch(value):
                return DOUBT
            try:
                typed = dt.date.fromisoformat(value)
            except ValueError:
                return DOUBT
        elif kind == "integer":
            if not _DIGITS.fullmatch(value):
                return DOUBT
            typed = int(value)
        else:  # boolean
            if value not in ("true", "false") or enum is not None:
                return DOUBT
            return value == "true"
        if enum is not None and typed not in enum:
            return DOUBT
        if pattern is not None and not pattern.fullmatch(value):
            return DOUBT
        if (low is not None and typed < low) or (high is not None and typed > high):
            return DOUBT
        return typed

    return read


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
    if constraint == "pattern" and spec.get("partial"):
        return record.problem("bad-partial-date", field_name, value=shown)
    if constraint == "pattern":
        return record.problem("bad-pattern", field_name, value=shown, example=spec.get("example", ""),
                              description=schema.describe(field_name))
    if constraint in ("minimum", "maximum"):
        low, high = constraints.get("minimum"), constraints.get("maximum")
        bounds = words("fieldcheck.between", low=low, high=high) if high is not None else words("fieldcheck.at-least", low=low)
        return record.problem("out-of-range", field_name, value=shown, bounds=bounds)
    return record.problem("bad-type", field_name)


def _cast(value, spec: dict):
    """The typed value of a field that passed validation (None when absent)."""
    if value is None or value == "":
        return None
    kind = spec["type"]
    if kind == "date" and spec.get("partial"):
        return parse_partial(value.strip())
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

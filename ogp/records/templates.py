"""Plans written in earlier commitment templates: what they may leave out, without anyone inventing it.

OGP's current template (2024) asks every commitment for a problem statement and
its OGP values, and every milestone for an expected output and dates. Earlier
plans did not; their records leave those fields out, and the site says "not
stated". A field marked ``required_by: current`` in a schema is required for
plans on the current template only (``template: current``, the default).
"""
from __future__ import annotations

from ogp.records.errors import Problem
from ogp.records.load import Record
from ogp.records.schema import load_schemas

CURRENT, EARLIER = "current", "earlier"


def plan_of(record: Record, index: dict) -> Record | None:
    """The plan a commitment or a milestone belongs to (None when it names none that exists)."""
    owner = record.parent if record.type == "milestone" else record
    return index.get("plan", {}).get((owner.values.get("plan") if owner is not None else None) or "")


def earlier(record: Record, index: dict) -> bool:
    """True when the record's plan (or the record, a plan) was written in an earlier template."""
    plan = record if record.type == "plan" else plan_of(record, index)
    return plan is not None and plan.values.get("template") == EARLIER


def template_problems(record: Record, index: dict) -> list[Problem]:
    """The fields the current template requires that a record of a current-template plan leaves blank."""
    schema = load_schemas().get(record.type)
    if schema is None or earlier(record, index):
        return []
    return [record.problem("missing-field", name, description=schema.describe(name))
            for name, spec in schema.fields.items()
            if spec.get("required_by") == CURRENT and record.values.get(name) in (None, "")
            and name not in record.bad_fields and record.raw.get(name) in (None, "")]

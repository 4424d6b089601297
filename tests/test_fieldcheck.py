"""The quick readers never accept what frictionless rejects; big repositories read in parallel agree."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from frictionless import Resource, Schema

from ogp.cli.synthetic import write_dataset
from ogp.records import load as records
from ogp.records.fieldcheck import DOUBT, quick_reader
from ogp.records.schema import frictionless_field, load_schemas
from ogp.records.validate import validate

TRICKY = [None, "", " ", "x", " x", "x ", "0", "00", "0012", "+5", "-1", "1.0", "1e3", "100", "101", "٣",
          "2024-05-20", "2024-5-20", "2024-13-01", "2024-02-30", "20240520", "2024-05-20T00:00",
          "true", "false", "True", "yes", "no", "a@b.mn", "a@b", "nap5", "nap5-01", "NAP5", "MN0050",
          "m1", "m100", "online", "Online", "https://x.org", "ftp://x.org", ["a"], [1], [{"a": "b"}], {"a": "b"}]


def frictionless_accepts(spec: dict, value) -> bool:
    field = frictionless_field(spec)  # what the validator gives frictionless (a partial date is patterned text)
    # A second, filled column: frictionless reports a row of empty cells as a blank row.
    schema = Schema.from_descriptor({"fields": [field, {"name": "_row", "type": "string"}]})
    resource = Resource(data=[{spec["name"]: value, "_row": "x"}], schema=schema)
    with resource:
        return all(not row.errors for row in resource.row_stream)


@pytest.mark.parametrize("kind", sorted(load_schemas()))
def test_quick_reader_is_stricter_than_frictionless(kind):
    schema = load_schemas()[kind]
    for name, spec in schema.fields.items():
        read = quick_reader(spec, nested=name in schema.nested)
        for value in TRICKY:
            if read(value) is not DOUBT:
                assert frictionless_accepts(spec, value), f"{kind}.{name}: quick reader accepted {value!r}"


def test_parallel_reading_gives_the_same_problems(tmp_path: Path, monkeypatch):
    write_dataset(tmp_path, plans=2, commitments=40, evidence=60, meetings=20, organisations=5)
    bad = tmp_path / "data/commitments/nap1/nap1-03.yml"
    bad.write_text(bad.read_text("utf-8").replace("status: in-progress", "status: done", 1), "utf-8")
    today = dt.date(2026, 11, 22)
    serial = validate(tmp_path, today)[1]
    monkeypatch.setattr(records, "PARALLEL_FROM", 1)
    parallel = validate(tmp_path, today)[1]
    assert [p.format_text("en") for p in parallel] == [p.format_text("en") for p in serial]
    assert [p.key() for p in serial] == [("data/commitments/nap1/nap1-03.yml", 21, "status", "not-allowed")]

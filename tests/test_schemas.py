"""Every schema is valid Table Schema and every field is documented in both languages."""
from __future__ import annotations

import re

from conftest import built_html
from frictionless import Schema

from ogp.records.schema import load_schemas
from ogp.render.reference import data_reference


def test_schemas_are_valid_table_schemas():
    schemas = load_schemas()
    assert {"plan", "commitment", "milestone", "meeting", "evidence", "organisation",
            "cocreation", "channel", "input", "irm-report"} <= set(schemas)
    for schema in schemas.values():
        Schema.from_descriptor(schema.frictionless_descriptor())  # raises when invalid


def test_every_record_type_and_field_is_documented_in_both_languages():
    for name, schema in load_schemas().items():
        for lang in ("mn", "en"):
            assert schema.title[lang].strip() and schema.description[lang].strip(), f"{name}: {lang}"
        for field_name in schema.fields:
            text = schema.describe(field_name)
            assert text["mn"].strip() and text["en"].strip(), f"{name}.{field_name} is undocumented"
            assert re.search("[а-яөүА-ЯӨҮ]", text["mn"]), f"{name}.{field_name}: Mongolian text"


def test_every_field_is_on_the_data_reference_page(build):
    for lang in ("mn", "en"):
        source = data_reference(lang)
        html = built_html(build.site, "data-reference", lang).read_text("utf-8")
        for name, schema in load_schemas().items():
            assert f'id="{name}"' in html, f"{lang}: no section for {name}"
            for field_name in schema.fields:
                assert f"| `{field_name}` |" in source, f"{lang}: {name}.{field_name}"
                assert f"<code>{field_name}</code>" in html


def test_relations_between_record_types_are_declared_in_the_schemas():
    schemas = load_schemas()
    for kind, schema in schemas.items():
        for name, target in schema.references.items():
            assert target in schemas, f"{kind}.{name} names the unknown record type {target!r}"
        for name, child in schema.nested.items():
            assert child in schemas and schema.fields[name]["type"] == "array", f"{kind}.{name}"
    assert schemas["commitment"].references["lead_agency"] == "organisation"
    assert schemas["commitment"].nested == {"milestones": "milestone"}

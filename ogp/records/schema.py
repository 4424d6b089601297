"""The record types: their Table Schemas (``ogp/records/schemas/*.yaml``) and where their files live.

A schema file is a Frictionless Table Schema plus documentation keys of our own
(``title_mn``, ``description_mn``, ``path``, ``example``). A field named
``title_{lang}`` is one field per language of the repository (``title_mn``,
``title_en``), its ``{language}`` in the descriptions named. Frictionless sees only
the keys it knows; the documentation keys feed the data reference page and
the hints of error messages.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ogp.records.errors import language_name
from ogp.records.partial import PATTERN as PARTIAL_PATTERN
from ogp.words import fill, languages, yamlcache

SCHEMA_DIR = Path(__file__).with_name("schemas")

# Top-level record types and the folder under data/ that holds them. Commitments
# sit one level deeper, in a folder per plan.
FOLDERS = {
    "plan": "plans",
    "commitment": "commitments",
    "meeting": "meetings",
    "evidence": "evidence",
    "organisation": "organisations",
    "cocreation": "cocreation",
    "irm-report": "irm-reports",
}
# Lists of sub-records inside a record: (parent type, field) -> child type.
# Keys of a schema field that frictionless understands; the rest is ours (``reference``: the record
# type a field's ids name; ``nested``: the sub-record type of a list written inside the record;
# ``partial``: a date that may be a month or a year).
_FRICTIONLESS_FIELD_KEYS = ("name", "type", "format", "constraints")


@dataclass(frozen=True)
class RecordSchema:
    """One record type: its fields (in order; a text field once per language) and its documentation."""

    name: str
    title: dict
    description: dict
    path: str
    fields: dict[str, dict]
    primary_key: tuple[str, ...] = ()
    nested: dict[str, str] = field(default_factory=dict)

    @property
    def references(self) -> dict[str, str]:
        """Fields holding ids of other records: field name -> the record type they name."""
        return {n: f["reference"] for n, f in self.fields.items() if f.get("reference")}

    @property
    def required(self) -> list[str]:
        """Names of the fields that must be present and non-empty."""
        return [n for n, f in self.fields.items() if f.get("constraints", {}).get("required")]

    def frictionless_descriptor(self) -> dict:
        """The Table Schema descriptor with only the keys frictionless knows."""
        descriptor = {"fields": [frictionless_field(f) for f in self.fields.values()]}
        if self.primary_key:
            descriptor["primaryKey"] = list(self.primary_key)
        return descriptor

    def describe(self, field_name: str) -> dict:
        """A field's description in every language (``description_<lang>``; English is ``description``)."""
        return SchemaText(self.fields[field_name], "description")


class SchemaText(Mapping):
    """A schema's text in every language: ``<key>_<lang>``, and English (the fallback) under ``<key>``."""

    def __init__(self, raw: dict, key: str, default: str = ""):
        self.raw, self.key, self.default = raw, key, default

    def __getitem__(self, lang: str) -> str:
        english = self.raw.get(self.key, self.default)
        return fill(english if lang == "en" else self.raw.get(f"{self.key}_{lang}", english), lang)

    def __iter__(self):
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


def frictionless_field(spec: dict) -> dict:
    """One field as frictionless knows it; a partial date (``partial: true``) is text of its pattern."""
    field = {k: spec[k] for k in _FRICTIONLESS_FIELD_KEYS if k in spec}
    if spec.get("partial"):
        field["type"] = "string"
        field["constraints"] = dict(spec.get("constraints", {}), pattern=PARTIAL_PATTERN)
    return field


def load_schemas() -> dict[str, RecordSchema]:
    """Every record type's schema, keyed by type name, with its texts in the repository's languages."""
    return _load_schemas(languages())


def _per_language(spec: dict, codes: tuple[str, ...]) -> list[dict]:
    """A field written ``title_{lang}`` as one field per language (``title_mn``, ``title_en``, …)."""
    if "{lang}" not in spec["name"]:
        return [spec]
    fields = []
    for code in codes:
        field = dict(spec, name=spec["name"].replace("{lang}", code), lang=code, text=spec["name"].replace("_{lang}", ""))
        for key, in_lang in (("description", "en"), ("description_mn", "mn")):
            if key in spec:
                field[key] = spec[key].replace("{language}", language_name(code, in_lang))
        fields.append(field)
    return fields


@functools.lru_cache(maxsize=8)
def _load_schemas(codes: tuple[str, ...]) -> dict[str, RecordSchema]:
    schemas = {}
    for path in sorted(SCHEMA_DIR.glob("*.yaml")):
        raw = yamlcache.load(path)
        name = raw["name"]
        schemas[name] = RecordSchema(
            name=name,
            title=SchemaText(raw, "title", name),
            description=SchemaText(raw, "description"),
            path=raw.get("path", ""),
            fields={f["name"]: f for spec in raw["fields"] for f in _per_language(spec, codes)},
            primary_key=tuple(raw.get("primaryKey", ())),
            nested={f["name"]: f["nested"] for f in raw["fields"] if f.get("nested")},
        )
    return schemas

"""The data reference page, generated from the schemas and the error catalogue.

Editors read it to learn which file holds what and which fields a record
takes; it is the only documentation of the fields, so a test checks that every
field has a description in both languages.
"""
from __future__ import annotations

from ogp.records.errors import CATALOGUE
from ogp.records.schema import load_schemas
from ogp.words import words

ORDER = ["plan", "commitment", "milestone", "meeting", "evidence", "organisation",
         "cocreation", "channel", "input", "irm-report"]

_T = {
    "title": words("reference.title"),
    "intro": words("reference.intro"),
    "check": words("reference.check"),
    "types": words("reference.types"),
    "where": words("reference.where"),
    "kind": words("reference.kind"),
    "field": words("reference.field"),
    "type": words("reference.type"),
    "required": words("reference.required"),
    "current_only": words("reference.current_only"),
    "rule": words("reference.rule"),
    "about": words("reference.about"),
    "yes": words("reference.yes"),
    "errors": words("reference.errors"),
    "errors_intro": words("reference.errors_intro"),
    "code": words("reference.code"),
    "example": words("reference.example"),
}
_TYPES = {
    "string": words("reference.string"),
    "date": words("reference.date"),
    "integer": words("reference.integer"),
    "boolean": words("reference.boolean"),
    "array": words("reference.array"),
}


def _cell(text) -> str:
    """Table-safe text: no pipes or line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _rule(spec: dict, lang: str) -> str:
    constraints = spec.get("constraints", {})
    parts = []
    if "enum" in constraints:
        parts.append(", ".join(f"`{v}`" for v in constraints["enum"]))
    if "pattern" in constraints and spec.get("example"):
        parts.append(f"{_T['example'][lang]}: `{spec['example']}`")
    if "minimum" in constraints or "maximum" in constraints:
        parts.append(f"{constraints.get('minimum', '')}–{constraints.get('maximum', '')}")
    if spec.get("format") == "email":
        parts.append("name@domain")
    return "; ".join(parts)


def data_reference(lang: str) -> str:
    """The whole data reference page in ``lang`` as Markdown."""
    schemas = load_schemas()
    names = [n for n in ORDER if n in schemas] + sorted(set(schemas) - set(ORDER))
    out = [f"# {_T['title'][lang]}", "", _T["intro"][lang], "", _T["check"][lang], "",
           f"## {_T['types'][lang]}", "", f"| {_T['kind'][lang]} | {_T['where'][lang]} |", "|---|---|"]
    for name in names:
        out.append(f"| [{_cell(schemas[name].title[lang])}](#{name}) | `{_cell(schemas[name].path)}` |")
    for name in names:
        schema = schemas[name]
        out += ["", f"## {schema.title[lang]} {{#{name}}}", "", schema.description[lang], "",
                f"{_T['where'][lang]}: `{schema.path}`", "",
                f"| {_T['field'][lang]} | {_T['type'][lang]} | {_T['required'][lang]} | {_T['rule'][lang]} | {_T['about'][lang]} |",
                "|---|---|---|---|---|"]
        for field_name, spec in schema.fields.items():
            required = (_T["yes"][lang] if spec.get("constraints", {}).get("required")
                        else _T["current_only"][lang] if spec.get("required_by") == "current" else "")
            out.append(
                f"| `{field_name}` | {_TYPES.get(spec['type'], {}).get(lang, spec['type'])} | {required} | "
                f"{_cell(_rule(spec, lang))} | {_cell(schema.describe(field_name)[lang])} |"
            )
    out += ["", f"## {_T['errors'][lang]}", "", _T["errors_intro"][lang], "",
            f"| {_T['code'][lang]} | {_T['about'][lang]} |", "|---|---|"]
    for code, entry in sorted(CATALOGUE.items()):
        out.append(f"| `{code}` | {_cell(entry.title[lang])} |")
    return "\n".join(out) + "\n"

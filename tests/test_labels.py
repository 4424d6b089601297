"""Every coded value a record may hold has words in every shipped language (labels.<group>.<value> in ogp/words/)."""
from __future__ import annotations

from ogp.records.schema import load_schemas
from ogp.render.labels import FIELD_GROUPS, has_label, label


def enum_fields() -> dict[tuple[str, str], list]:
    """``(record type, field) -> allowed values`` for every field with an enum."""
    return {(kind, name): spec["constraints"]["enum"] for kind, schema in load_schemas().items()
            for name, spec in schema.fields.items() if spec.get("constraints", {}).get("enum") is not None}


def test_every_enum_field_names_its_label_group():
    assert [key for key in enum_fields() if key not in FIELD_GROUPS] == []


def test_every_enum_value_has_words_in_both_languages():
    missing = [f"{kind}.{name}: {value}" for (kind, name), values in enum_fields().items()
               for value in values if not has_label(FIELD_GROUPS[kind, name], value)]
    assert missing == []
    for (kind, name), values in enum_fields().items():
        for value in values:  # a Mongolian label that is the English one is a translation left undone
            group = FIELD_GROUPS[kind, name]
            assert label(group, value, "mn") != label(group, value, "en") or str(value).isdigit(), (group, value)

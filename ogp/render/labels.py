"""Words for coded values (statuses, kinds, types...) in both languages, from ``labels.yaml``."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

# Which label group names the values of which schema field (tests/test_labels.py: every enum field is
# here and every value has words in both languages).
FIELD_GROUPS = {
    ("milestone", "status"): "status",
    ("meeting", "type"): "type",
    ("meeting", "format"): "format",
    ("evidence", "kind"): "kind",
    ("irm-report", "kind"): "kind",
    ("cocreation", "kind"): "kind",
    ("channel", "kind"): "kind",
    ("organisation", "type"): "organisation",
    ("commitment", "challenge_area"): "challenge_area",
    ("commitment", "irm_verifiable"): "yesno",
    ("commitment", "irm_ogp_lens"): "yesno",
    ("commitment", "irm_potential"): "potential",
    ("commitment", "irm_completion"): "completion",
    ("commitment", "irm_early_results"): "early_results",
    ("input", "decision"): "decision",
    ("plan", "length_years"): "length_years",
    ("plan", "template"): "template",
}


@functools.lru_cache(maxsize=None)
def _labels() -> dict:
    text = Path(__file__).with_name("labels.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {group: {str(k): v for k, v in values.items()} for group, values in raw.items()}


def label(group: str, value, lang: str) -> str:
    """The word for ``value`` of ``group`` in ``lang``; the value itself when there is none."""
    if value is None:
        return ""
    entry = _labels().get(group, {}).get(str(value))
    return entry[lang] if entry else str(value)


def has_label(group: str, value) -> bool:
    """True when ``labels.yaml`` has words for this value."""
    return str(value) in _labels().get(group, {})

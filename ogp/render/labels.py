"""Words for coded values (statuses, kinds, types...): the ``labels`` section of the word catalogue."""
from __future__ import annotations

from ogp.words import has, language, say

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


def label(group: str, value, lang: str) -> str:
    """The word for ``value`` of ``group`` in ``lang``; the value itself when there is none."""
    if value is None:
        return ""
    if has_label(group, value):
        return say(f"labels.{group}.{value}", lang)
    if group == "language":  # a language the catalogue does not name: its own name
        return language(str(value))["name"]
    if group == "policy_area":  # a member's own area: its key read as words ("water-supply": "Water supply")
        return str(value).replace("-", " ").capitalize()
    return str(value)


def has_label(group: str, value) -> bool:
    """True when the catalogue has words for this value (``labels.<group>.<value>``)."""
    return has(f"labels.{group}.{value}")

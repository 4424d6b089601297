"""Checks across fields and records: ids, references, dates and OGP's plan rules.

These run after the schema check, on typed values; a field that failed its
schema check is None here and is not reported twice.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ogp.records.content_check import images_without_alt
from ogp.records.errors import Problem
from ogp.records.evidence_files import content_problem, path_problem
from ogp.records.load import Dataset, Record, suggestion
from ogp.records.schema import FOLDERS, load_schemas
from ogp.records.templates import earlier, template_problems
from ogp.words import languages, per_language, say, words

# What a reference field points at: (record type, field) -> target type, as the schemas declare it.
REFERENCES = {(kind, name): target for kind, schema in load_schemas().items()
              for name, target in schema.references.items()}
KIND_NAMES = {
    "plan": words("rules.plan"),
    "evidence": words("rules.evidence"),
    "organisation": words("rules.organisation"),
    "meeting": words("rules.meeting"),
    "commitment": words("rules.commitment"),
    "milestone": words("rules.milestone"),
}


def milestone_key(record: Record) -> str | None:
    """How evidence refers to a milestone: ``<commitment id>.<milestone id>``."""
    if record.parent is None or not record.parent.id or not record.values.get("id"):
        return None
    return f"{record.parent.id}.{record.values['id']}"


def _images(record: Record) -> list[Problem]:
    """Images without alt text in the record's texts (located at the text's first line)."""
    problems = []
    for name, value in record.values.items():
        if isinstance(value, str) and ("![" in value or "<img" in value.lower()):
            for _, _, target in images_without_alt(value):
                problems.append(record.problem("image-without-alt", name, value=target))
    return problems


def check_rules(data: Dataset, today: dt.date) -> list[Problem]:
    """Every cross-field and cross-record problem in ``data``."""
    problems: list[Problem] = []
    index = _index(data, problems)
    index["_unreadable"] = data.unreadable
    for kind, records in data.records.items():
        for record in records:
            problems += _pairs(record) + _images(record)
            problems += _references(record, index) + template_problems(record, index)
            check = _RECORD_CHECKS.get(kind)
            if check:
                problems += check(record, index, data, today)
    problems += _minutes(data, index)
    for by_lang in data.minutes.values():
        for path in by_lang.values():
            shown = path.relative_to(data.root).as_posix()
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [Problem("image-without-alt", shown, line, col, params={"value": target})
                         for line, col, target in images_without_alt(text)]
    return problems


def _index(data: Dataset, problems: list[Problem]) -> dict[str, dict[str, Record]]:
    """Records by type and id; reports ids that differ from file names and duplicates."""
    index: dict[str, dict[str, Record]] = {}
    for kind, records in data.records.items():
        seen: dict[str, Record] = index.setdefault(kind, {})
        for record in records:
            key = milestone_key(record) if kind == "milestone" else record.values.get("id")
            stem = record.stem if record.base == () else None
            if stem and key and key != stem:
                problems.append(record.problem("id-mismatch", "id", value=key, expected=stem))
            if key:
                scope_key = key if record.parent is None or kind == "milestone" else f"{record.parent.file}#{key}"
                if scope_key in seen:
                    other = seen[scope_key]
                    where = other.file if other.file != record.file else f"{other.file}:{other.where('id')[0]}"
                    problems.append(record.problem("duplicate-id", "id", value=key, other=where))
                else:
                    seen[scope_key] = record
            if stem:
                # Known under its file name too, so one wrong id is one message, not one per reference.
                seen.setdefault(stem, record)
    return index


def _required(description) -> dict:
    """A field's description without its "Optional." start: once one language is given, the others are not optional."""
    def text(lang: str) -> str:
        words_ = description[lang]
        start = say("rules.optional", lang)
        return words_[len(start):].lstrip() if words_.startswith(start) else words_
    return per_language(text)


def _pairs(record: Record) -> list[Problem]:
    """A text given in one language must be given in every other language of the repository."""
    problems = []
    schema = load_schemas()[record.type]
    by_text: dict[str, list[str]] = {}
    for name, spec in schema.fields.items():
        if spec.get("text"):
            by_text.setdefault(spec["text"], []).append(name)
    for names in by_text.values():
        given = next((name for name in names if record.values.get(name) is not None), None)
        if given is None:
            continue
        for other in names:
            if other in record.values and record.values[other] is None and other not in record.bad_fields:
                problems.append(record.problem("missing-other-language", other, given=given, description=_required(schema.describe(other))))
    return problems


def _references(record: Record, index) -> list[Problem]:
    problems = []
    for (kind, field_name), target in REFERENCES.items():
        if kind != record.type or record.values.get(field_name) is None:
            continue
        value = record.values[field_name]
        for position, ref in enumerate(value if isinstance(value, list) else [value]):
            if ref in index.get(target, {}) or _unreadable(ref, target, index):
                continue
            path = (field_name, position) if isinstance(value, list) else (field_name,)
            line, col = record.doc.where(record.base + path)
            problems.append(_unknown(record, field_name, str(ref), target, index, line, col))
    return problems


def _unknown(record: Record, field_name: str, ref: str, target: str, index, line, col) -> Problem:
    """The one right message for a reference to nothing: a list item indented apart, a milestone named alone…"""
    def problem(code: str, **params) -> Problem:
        return Problem(code, record.file, line, col, field_name, params)

    if " - " in ref:  # "ministry - cso": YAML folded an item indented one space more into the one above
        return problem("list-indent", value=ref)
    if target == "milestone":
        milestones = index.get("milestone", {})
        if re.fullmatch(r"m[0-9]+", ref):
            named = sorted(k for k in milestones if k.endswith("." + ref))[:3]
            return problem("milestone-short", value=ref, examples=", ".join(named) or f"<commitment>.{ref}")
        commitment, _, milestone = ref.rpartition(".")
        if commitment in index.get("commitment", {}):
            have = sorted(k.rsplit(".", 1)[1] for k in milestones if k.startswith(commitment + "."))
            return problem("unknown-milestone", value=ref, commitment=commitment, milestone=milestone,
                           milestones=", ".join(have) or "—", file=index["commitment"][commitment].file)
        hint = suggestion(commitment, index.get("commitment", {}))
        best = hint["en"].split("`")[1] if hint["en"] else None
        return problem("milestone-of-no-commitment", value=ref, commitment=commitment,
                       suggestion=suggestion(f"{best}.{milestone}", [f"{best}.{milestone}"]) if best else hint)
    place = "data/commitments/<plan>/" if target == "commitment" else f"data/{FOLDERS[target]}/"
    return problem("unknown-reference", value=ref, kind=KIND_NAMES[target], place=place,
                   suggestion=suggestion(ref, index.get(target, {})))


def _unreadable(ref: str, target: str, index) -> bool:
    """True when ``ref`` names a record whose file could not be read (already reported)."""
    broken = index.get("_unreadable", {})
    if target == "milestone":
        return ref.split(".")[0] in broken.get("commitment", ())
    return ref in broken.get(target, ())


def _order(record: Record, start_field: str, end_field: str) -> list[Problem]:
    start, end = record.values.get(start_field), record.values.get(end_field)
    start = getattr(start, "first", start)  # a month or a year begins on its first day
    if start and end and end < start:
        return [record.problem("end-before-start", end_field, value=end, start_field=start_field, start=start)]
    return []


def _not_future(record: Record, field_name: str, today: dt.date) -> list[Problem]:
    value = record.values.get(field_name)
    # A month or a year (ogp.records.partial) is in the future only when all of it is.
    if value and getattr(value, "first", value) > today:
        return [record.problem("date-in-future", field_name, value=value, today=today)]
    return []


def _plan(record, index, data, today):
    v = record.values
    problems = _order(record, "start", "end")
    if v.get("template") != "earlier":  # the current template: exact days and a two- or four-year plan
        problems += [record.problem("exact-date-needed", name, value=v[name]) for name in ("start", "end", "submitted")
                     if v.get(name) is not None and getattr(v[name], "precision", "day") != "day"]
        if v.get("length_years") not in (None, 2, 4):
            problems.append(record.problem("not-allowed", "length_years", value=v["length_years"], allowed="2, 4",
                                           suggestion=words("load.no-suggestion")))
    elif v.get("length_years") not in (None, 2, 4):  # an earlier plan of 1, 3 or 5 years: real, but worth a look
        problems.append(record.problem("plan-length-unusual", "length_years", value=v["length_years"]))
    if not all(getattr(v.get(name), "precision", "day") == "day" for name in ("start", "end")):
        return problems + _not_future(record, "submitted", today)  # a month or a year: no day to check
    if v.get("end") and (v["end"].month, v["end"].day) not in ((6, 30), (12, 31)):
        problems.append(record.problem("plan-end-date", "end", value=v["end"]))
    if v.get("start") and v.get("end") and v.get("length_years") and v["end"] > v["start"]:
        years = (v["end"] - v["start"]).days / 365.25
        if abs(years - v["length_years"]) > 0.6:
            problems.append(record.problem("plan-length", "length_years", length=v["length_years"],
                                           start=v["start"], end=v["end"], years=f"{years:.1f}"))
    if v.get("refresh_submitted") and v.get("length_years") == 2:
        problems.append(record.problem("refresh-not-allowed", "refresh_submitted"))
    return problems + _not_future(record, "submitted", today) + _not_future(record, "refresh_submitted", today)


def _commitment(record, index, data, today):
    v = record.values
    problems = _order(record, "start", "end")
    values = ("transparency", "participation", "accountability")
    if not earlier(record, index) and not any(all(v.get(f"{value}_{code}") for code in languages()) for value in values):
        if not any(v.get(f"{value}_{code}") for value in values for code in languages()):
            problems.append(record.problem("no-ogp-value", None))
    plan = v.get("plan")
    folder = record.file.split("/")[-2]
    if plan and folder != plan:
        expected = f"data/commitments/{plan}/{record.file.rsplit('/', 1)[-1]}"
        problems.append(record.problem("wrong-folder", "plan", plan=plan, expected=expected))
    if plan and v.get("number") is not None:
        key = (plan, v["number"])
        taken = index.setdefault("_numbers", {})
        if key in taken:
            problems.append(record.problem("number-taken", "number", plan=plan, value=v["number"], other=taken[key].file))
        else:
            taken[key] = record
    return problems


def _milestone(record, index, data, today):
    v = record.values
    problems = _not_future(record, "completed", today)
    if v.get("status") == "completed":
        if not v.get("completed") and "completed" not in record.bad_fields and not earlier(record, index):
            problems.append(record.problem("missing-completion-date", "status"))
        if v.get("progress") is not None and v["progress"] != 100:
            problems.append(record.problem("completed-progress", "progress", value=v["progress"]))
    plan = index.get("plan", {}).get(record.parent.values.get("plan") or "")
    if plan and v.get("due") and plan.values.get("start") and plan.values.get("end"):
        start, end = plan.values["start"], plan.values["end"]
        start = getattr(start, "first", start)  # a plan known by its month or year begins on its first day
        # A month or a year is inside when it overlaps the plan (a plan ending in June 2027 may
        # hold a milestone due "2027").
        if not (start <= v["due"] and getattr(v["due"], "first", v["due"]) <= end):
            problems.append(record.problem("outside-plan-period", "due", value=v["due"], plan=plan.id, start=start, end=end))
    return problems


def _evidence(record, index, data, today):
    v = record.values
    problems = _not_future(record, "date", today)
    has_file, has_url = v.get("file") is not None, v.get("url") is not None
    if has_file == has_url and not ({"file", "url"} & record.bad_fields):
        problems.append(record.problem("file-or-url", "file" if has_file else None))
    if has_file:
        problems += _file(record, data.root)
    # The forum's rules prove requirement 1.1 by themselves; everything else proves something named.
    if v.get("kind") != "forum-rules" and not any(v.get(f) for f in ("commitments", "milestones", "meetings", "plans")):
        problems.append(record.problem("proves-nothing", None))
    return problems


def _file(record: Record, root: Path) -> list[Problem]:
    """An evidence file: a safe path under data/files/, an allowed type, honest content, not too big."""
    value = record.values["file"]
    code = path_problem(value, root)
    if code:
        return [record.problem(code, "file", value=value)]
    found = content_problem(root / value)
    if found:
        code, params = found
        return [record.problem(code, "file", value=value, **params)]
    return []


def _meeting(record, index, data, today):
    date, meeting_id = record.values.get("date"), record.values.get("id")
    if date and meeting_id and not meeting_id.startswith(date.isoformat()):
        return [record.problem("meeting-date-mismatch", "date", value=date, expected=meeting_id[:10])]
    return []


def _cocreation(record, index, data, today):
    return _order(record, "start", "end") + _not_future(record, "timeline_published", today)


def _channel(record, index, data, today):
    return _order(record, "opens", "closes")


def _input(record, index, data, today):
    problems = _not_future(record, "date", today) + _not_future(record, "response_published", today)
    channel = record.values.get("channel")
    channels = {c.get("id") for c in record.parent.raw.get("channels") or [] if isinstance(c, dict)}
    if channel and channel not in channels:
        line, col = record.where("channel")
        problems.append(Problem("unknown-reference", record.file, line, col, "channel", {
            "value": channel, "kind": words("rules.kind"), "place": "channels:",
            "suggestion": suggestion(channel, [c for c in channels if c])}))
    return problems


_RECORD_CHECKS = {
    "plan": _plan, "commitment": _commitment, "milestone": _milestone, "evidence": _evidence, "meeting": _meeting,
    "cocreation": _cocreation, "channel": _channel, "input": _input,
    "update": lambda record, index, data, today: _not_future(record, "date", today),
}


def _minutes(data: Dataset, index) -> list[Problem]:
    problems = []
    meetings = index.get("meeting", {})
    for meeting_id, by_lang in sorted(data.minutes.items()):
        for lang, path in sorted(by_lang.items()):
            shown = path.relative_to(data.root).as_posix()
            if meeting_id in data.unreadable.get("meeting", set()):
                break  # its record could not be read: that is the one problem to fix
            if meeting_id not in meetings:
                problems.append(Problem("orphan-minutes", shown, params={"expected": f"data/meetings/{meeting_id}.yml"}))
                continue
            for other in languages():
                if other not in by_lang:
                    missing = shown[: -len(f".{lang}.md")] + f".{other}.md"
                    problems.append(Problem("missing-minutes", shown, params={"present": shown, "missing": missing}))
    return problems

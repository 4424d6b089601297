"""The OGP minimum requirements that hold for a plan's whole life (1.1, 2.1, 2.2, 5.1), and the verdict shape.

Each requirement gets a :class:`Verdict`: a status, the rule in plain words,
what was found, the evidence behind it and one :class:`Part` per window it is
judged in (a year, six months, a co-creation), so an IRM researcher can check
every claim. A requirement is met only when every part is: a missed window
stays missed for the plan, a window still running is at risk at worst, and a
window that began before the git history is unverifiable, never met.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ogp.facts.dates import Window, spell_days, spell_span, windows
from ogp.facts.model import Model
from ogp.facts.updates import Update, update_rule
from ogp.records.errors import language_name
from ogp.records.load import Record
from ogp.words import languages, per_language, say, words

REQUIREMENTS = ("1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1")
WARN_DAYS = 60  # a deadline or a window's end this close is flagged "at risk"
# The worst part decides: a miss outweighs what cannot be proved, which outweighs a risk.
SEVERITY = {"not-applicable": 0, "met": 1, "at-risk": 2, "unverifiable": 3, "not-met": 4}
FORUM_MONTHS, MEETINGS_PER_YEAR = 6, 2
PART_NAMES = {
    "rules": words("compliance.rules"),
    "initial": words("compliance.initial"),
    "refresh": words("compliance.refresh"),
    "plan": words("compliance.plan"),
    "history": words("compliance.history"),
}

RULES = {
    "1.1": words("compliance.1-1"),
    "2.1": words("compliance.2-1"),
    "2.2": words("compliance.2-2"),
    "3.1": words("compliance.3-1"),
    "3.2": words("compliance.3-2"),
    "3.3": words("compliance.3-3"),
    "4.1": words("compliance.4-1"),
    "5.1": words("compliance.5-1"),
}


@dataclass
class Part:
    """The verdict of one window or process a requirement is judged in."""

    key: str
    status: str
    found: dict[str, str]
    start: dt.date | None = None
    end: dt.date | None = None

    def name(self, lang: str) -> str:
        """The part's name for readers: a period in words ("1 June 2024 – 30 November 2024", "2024 он"),
        fixed keys in words, a co-creation id as it is. The key stays ISO: it names the part in the data."""
        if self.key in PART_NAMES:
            return PART_NAMES[self.key].get(lang, self.key)
        if re.fullmatch(r"\d{4}", self.key):
            return say("dates.in-year", lang, year=self.key)
        if span := re.fullmatch(r"(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)", self.key):
            return spell_span(dt.date.fromisoformat(span[1]), dt.date.fromisoformat(span[2]), lang)
        return self.key

    def as_dict(self) -> dict:
        """The JSON shape of a part."""
        return {"key": self.key, "status": self.status, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "found": dict(self.found)}


@dataclass
class Verdict:
    """One requirement's status, with what was found, the evidence and the parts it is judged in."""

    requirement: str
    status: str
    found: dict[str, str]
    evidence: list[dict] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON shape published in ``compliance.json``."""
        return {"status": self.status, "rule": dict(RULES[self.requirement]), "found": dict(self.found),
                "parts": [part.as_dict() for part in self.parts], "evidence": self.evidence}


@dataclass
class Context:
    """What every requirement is judged from: the records, the judged plan, the updates, the dates."""

    model: Model
    plan: Record | None
    as_of: dt.date
    updates: list[Update] = field(default_factory=list)
    history_start: dt.date | None = None
    published: dict[str, tuple[str, dt.date]] = field(default_factory=dict)
    commit_url: str = ""
    plan_years: bool = False
    halves: bool = False

    def meetings(self, *types: str) -> list[Record]:
        """Meetings of these types held on or before the judgement date, oldest first."""
        return sorted((m for m in self.model.meetings.values() if m.values["type"] in types
                       and m.values["date"] <= self.as_of), key=lambda m: (m.values["date"], m.id))


def worst(parts: list[Part]) -> str:
    """The status of a whole requirement: its worst part (not met when there is none)."""
    return max((part.status for part in parts), key=SEVERITY.__getitem__, default="not-met")


def from_parts(requirement: str, parts: list[Part], evidence: list[dict]) -> Verdict:
    """A verdict whose status and summary come from its parts."""
    status = worst(parts)
    shown = [part for part in parts if part.status == status] or parts
    def summary(lang: str) -> str:
        first = shown[0]
        text = f"{first.name(lang)}: {first.found[lang]}" if len(parts) > 1 else first.found[lang]
        if len(shown) > 1:  # the first case in full, the others by name (each part is listed too)
            text += " " + say("compliance.also", lang, more=", ".join(part.name(lang) for part in shown[1:]))
        return text
    found = per_language(summary)
    return Verdict(requirement, status, found, evidence, parts)


def no_plan(requirement: str) -> Verdict:
    """The verdict when there is no plan record at all: nothing can be shown, so nothing is met."""
    return from_parts(requirement, [Part("plan", "not-met", words("compliance.there-is-no-action"))], [])


def meeting_evidence(meeting: Record) -> dict:
    """A meeting as evidence: id, date and record file."""
    return {"kind": "meeting", "id": meeting.id, "date": meeting.values["date"].isoformat(), "file": meeting.file}


def window_key(window: Window) -> str:
    """A window's name in the outputs: ``2024-01-01 – 2024-06-30``."""
    return f"{window.start} – {window.end}"


def count_part(window: Window, held: int, needed: int, as_of: dt.date, noun: str) -> Part:
    """A window that needs ``needed`` events and had ``held``; ``noun`` is the catalogue key of "{n} events"."""
    key = window_key(window)
    if held >= needed:
        return Part(key, "met", per_language(lambda lang: say(noun, lang, n=held) + "."), window.start, window.end)
    if window.end >= as_of:
        left = (window.end - as_of).days
        return Part(key, "at-risk", per_language(lambda lang: say(
            "compliance.count-at-risk", lang, had=say(noun, lang, n=held), more=say(noun, lang, n=needed - held), more_n=needed - held,
            left=spell_days(left, lang))), window.start, window.end)
    return Part(key, "not-met", per_language(lambda lang: say(
        "compliance.count-not-met", lang, had=say(noun, lang, n=held), needed_n=needed)), window.start, window.end)


def plan_windows(ctx: Context, months: int, start: dt.date | None = None) -> list[Window]:
    """The plan's windows of ``months`` months that have begun by the judgement date."""
    plan = ctx.plan
    return [w for w in windows(start or plan.values["start"], plan.values["end"], months) if w.start <= ctx.as_of]


def forum_every_six_months(ctx: Context) -> Verdict:
    """1.1: a forum meeting in every six months of the plan, and the forum's rules published."""
    if ctx.plan is None:
        return no_plan("1.1")
    forums = ctx.meetings("forum")
    parts, evidence = [], []
    for window in plan_windows(ctx, FORUM_MONTHS):
        held = [m for m in forums if window.holds(m.values["date"])]
        evidence += [meeting_evidence(m) for m in held]
        parts.append(count_part(window, len(held), 1, ctx.as_of, "compliance.forum-meetings"))
    rules = sorted((e for e in ctx.model.evidence.values() if e.values["kind"] == "forum-rules"
                    and e.values["date"] <= ctx.as_of), key=lambda e: (e.values["date"], e.id))
    if rules:
        evidence += [{"kind": "evidence", "id": e.id, "date": e.values["date"].isoformat(), "file": e.file} for e in rules]
        parts.append(Part("rules", "met", words("compliance.the-forum-s-rules", id=rules[-1].id)))
    else:
        parts.append(Part("rules", "not-met", words("compliance.the-forum-s-rules-2")))
    if ctx.as_of < ctx.plan.values["start"]:
        parts.insert(0, Part("plan", "not-applicable", words("compliance.the-plan-starts-on", start=ctx.plan.values['start'])))
    return from_parts("1.1", parts, evidence)


def latest_plan_documents(ctx: Context) -> Verdict:
    """2.1: the judged plan's document is published in both languages."""
    plan = ctx.plan
    if plan is None:
        return no_plan("2.1")
    docs = [ctx.model.evidence[d] for d in plan.values.get("documents") or [] if d in ctx.model.evidence]
    langs = {lang for d in docs for lang in d.values.get("languages") or []}
    evidence = [{"kind": "evidence", "id": d.id, "file": d.file, "languages": d.values.get("languages")} for d in docs]
    missing = [lang for lang in languages() if lang not in langs]
    if missing:
        part = Part(plan.id, "not-met", per_language(lambda lang: say(
            "compliance.plan-lacks-documents", lang, id=plan.id, languages=", ".join(language_name(code, lang) for code in missing))))
    else:
        part = Part(plan.id, "met", words("compliance.plan-id-has-its", id=plan.id))
    return from_parts("2.1", [part], evidence)


def twice_a_year(ctx: Context) -> tuple[Verdict, list]:
    """2.2: updates on two different days in every year of the plan; the years as periods."""
    plan = ctx.plan
    if plan is not None and ctx.as_of < plan.values["start"]:
        return from_parts("2.2", [Part("plan", "not-applicable", words("compliance.the-plan-starts-on", start=plan.values['start']))], []), []
    start = plan.values["start"] if plan else None
    last = plan.values["end"] if plan else None
    periods = update_rule(ctx.updates, ctx.as_of, start, "plan" if ctx.plan_years and plan else "calendar",
                          ctx.halves, last, ctx.history_start)
    parts = []
    for p in periods:
        key = str(p.start.year) if (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31) else f"{p.start} – {p.end}"
        count = len(p.update_dates)
        if p.status == "met":
            found = words("compliance.updates-met", n=count)
        elif p.status == "at-risk":
            found = per_language(lambda lang, p=p, count=count: say("compliance.updates-at-risk", lang, n=count, more=p.needed,
                                                                    left=spell_days(p.days_left, lang)))
        elif p.status == "unverifiable":
            found = words("compliance.updates-unverifiable", n=count, start=ctx.history_start)
        elif p.halves_ok is False and count >= 2:
            found = words("compliance.updates-one-half-empty", n=count)
        else:
            found = words("compliance.updates-not-met", n=count, needed=p.needed + count)
        parts.append(Part(key, p.status, found, p.start, p.end))
    if not parts:
        parts = [Part("history", "not-met", words("compliance.no-update-is-recorded"))]
    first = periods[0].start if periods else ctx.as_of
    evidence = [{"kind": "commit", "sha": u.sha, "date": u.date.isoformat(), "flag": u.flag,
                 "url": f"{ctx.commit_url}{u.sha}" if ctx.commit_url else ""}
                for u in ctx.updates if first <= u.date <= ctx.as_of]
    return from_parts("2.2", parts, evidence), periods


def civil_society_twice_a_year(ctx: Context, cocreation_end: dt.date | None, outreach: set[str]) -> Verdict:
    """5.1: two implementation meetings with civil society in every year of the plan.

    Counted: civil-society meetings (about this plan, or about none) and forum
    meetings about this plan, held after co-creation ended (``cocreation_end``:
    the approval meeting is co-creation, not implementation) and not listed as
    co-creation outreach. A short last year needs proportionally fewer.
    """
    plan = ctx.plan
    if plan is None:
        return no_plan("5.1")
    if ctx.as_of < plan.values["start"]:
        return from_parts("5.1", [Part("plan", "not-applicable", words("compliance.the-plan-starts-on", start=plan.values['start']))], [])
    counted = [m for m in ctx.meetings("civil-society", "forum") if m.id not in outreach
               and (m.values.get("plan") == plan.id or (m.values["type"] == "civil-society" and not m.values.get("plan")))
               and (cocreation_end is None or m.values["date"] > cocreation_end)]
    parts, evidence = [], []
    for window in plan_windows(ctx, 12):
        held = [m for m in counted if window.holds(m.values["date"])]
        evidence += [meeting_evidence(m) for m in held]
        parts.append(count_part(window, len(held), window.needs(MEETINGS_PER_YEAR), ctx.as_of,
                                "compliance.meetings"))
    return from_parts("5.1", parts, evidence)

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
from dataclasses import dataclass, field

from ogp.facts.dates import Window, spell_days, windows
from ogp.facts.model import Model
from ogp.facts.updates import Update, update_rule
from ogp.records.load import Record

REQUIREMENTS = ("1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1")
WARN_DAYS = 60  # a deadline or a window's end this close is flagged "at risk"
# The worst part decides: a miss outweighs what cannot be proved, which outweighs a risk.
SEVERITY = {"not-applicable": 0, "met": 1, "at-risk": 2, "unverifiable": 3, "not-met": 4}
FORUM_MONTHS, MEETINGS_PER_YEAR = 6, 2
LANGUAGE_NAMES = {"mn": {"mn": "монгол", "en": "Mongolian"}, "en": {"mn": "англи", "en": "English"}}
PART_NAMES = {
    "rules": {"mn": "Үндэсний зөвлөлийн дүрэм", "en": "Forum rules"},
    "initial": {"mn": "Хамтран бүтээх үйл явц", "en": "Co-creation"},
    "refresh": {"mn": "Шинэчлэл", "en": "Refresh"},
    "plan": {"mn": "Төлөвлөгөө", "en": "Plan"},
    "history": {"mn": "Түүх", "en": "History"},
}

RULES = {
    "1.1": {"mn": "Олон талт оролцогчдын форум (Үндэсний зөвлөл) төлөвлөгөө хэрэгжих хугацааны хагас жил бүрд дор хаяж нэг удаа хуралдаж, үйл ажиллагааныхаа дүрэм, журмыг нийтэлсэн байна.",
            "en": "The multi-stakeholder forum (National Council) meets at least once in every six months of a plan, and its rules are published."},
    "2.1": {"mn": "Цахим хуудсанд хамгийн сүүлийн үйл ажиллагааны төлөвлөгөө монгол, англи хоёр хэлээр байршина.",
            "en": "The website holds the latest action plan, in Mongolian and in English."},
    "2.2": {"mn": "Цахим баримтын санг жил бүр дор хаяж хоёр өөр өдөр шинэчилнэ (git-ийн түүхээр нотлогдоно).",
            "en": "The online repository is updated on at least two different days every year (proved by the git history)."},
    "3.1": {"mn": "Хамтран бүтээх хуваарь, оролцох аргыг ажил эхлэхээс дор хаяж 14 хоногийн өмнө нийтэлнэ (шинэчлэлд мөн адил).",
            "en": "The co-creation timeline and how to take part are published at least 14 days before co-creation starts (also for a refresh)."},
    "3.2": {"mn": "Хамтран бүтээх үеэр НЗТ-ийн талаар мэдээлэл түгээх, сурталчлах арга хэмжээ зохион байгуулна.",
            "en": "Outreach and awareness-raising activities are held for co-creation."},
    "3.3": {"mn": "Олон талт оролцогчдоос санал авах суваг тодорхой хугацаанд нээлттэй байна.",
            "en": "A channel to collect input from stakeholders is open for a stated period."},
    "4.1": {"mn": "Ирсэн санал бүрд үндэслэл бүхий хариуг төлөвлөгөөг хүргүүлэхээс өмнө нийтэлнэ.",
            "en": "Every input received gets a reasoned response, published before the plan is submitted."},
    "5.1": {"mn": "Төлөвлөгөө хэрэгжих жил бүр иргэний нийгэмтэй хэрэгжилтийн талаар дор хаяж хоёр удаа уулзана.",
            "en": "At least two meetings with civil society on implementation in every year of the plan."},
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
        """The part's name for readers: a period or a co-creation id as it is, fixed keys in words."""
        return PART_NAMES.get(self.key, {}).get(lang, self.key)

    def as_dict(self) -> dict:
        """The JSON shape of a part."""
        return {"key": self.key, "status": self.status, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "found": self.found}


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
        return {"status": self.status, "rule": RULES[self.requirement], "found": self.found,
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
    found = {}
    for lang in ("mn", "en"):
        first = shown[0]
        text = f"{first.name(lang)}: {first.found[lang]}" if len(parts) > 1 else first.found[lang]
        if len(shown) > 1:  # the first case in full, the others by name (each part is listed too)
            more = ", ".join(part.name(lang) for part in shown[1:])
            text += f" (мөн {more})" if lang == "mn" else f" (also {more})"
        found[lang] = text
    return Verdict(requirement, status, found, evidence, parts)


def no_plan(requirement: str) -> Verdict:
    """The verdict when there is no plan record at all: nothing can be shown, so nothing is met."""
    return from_parts(requirement, [Part("plan", "not-met", {"mn": "Үйл ажиллагааны төлөвлөгөөний бичлэг алга.",
                                                              "en": "There is no action plan record."})], [])


def meeting_evidence(meeting: Record) -> dict:
    """A meeting as evidence: id, date and record file."""
    return {"kind": "meeting", "id": meeting.id, "date": meeting.values["date"].isoformat(), "file": meeting.file}


def window_key(window: Window) -> str:
    """A window's name in the outputs: ``2024-01-01 – 2024-06-30``."""
    return f"{window.start} – {window.end}"


def counted(n: int, mn: str, en: tuple[str, str]) -> dict[str, str]:
    """``n`` things in both languages: Mongolian nouns keep one form after a numeral, English ones do not."""
    return {"mn": f"{n} {mn}", "en": f"{n} {en[0] if n == 1 else en[1]}"}


def count_part(window: Window, held: int, needed: int, as_of: dt.date, mn: str, en: tuple[str, str]) -> Part:
    """A window that needs ``needed`` events (named ``mn`` / ``en``, singular and plural) and had ``held``."""
    key, had = window_key(window), counted(held, mn, en)
    if held >= needed:
        return Part(key, "met", {"mn": f"{had['mn']}.", "en": f"{had['en']}."}, window.start, window.end)
    if window.end >= as_of:
        left = (window.end - as_of).days
        return Part(key, "at-risk", {
            "mn": f"{had['mn']}; дахиад {needed - held} {mn} хэрэгтэй, {spell_days(left, 'mn')} үлдсэн.",
            "en": f"{had['en']}; {needed - held} more needed, {spell_days(left, 'en')} left."}, window.start, window.end)
    return Part(key, "not-met", {"mn": f"{had['mn']}; дор хаяж {needed} байх ёстой байсан.",
                                 "en": f"{had['en']}; at least {needed} needed."}, window.start, window.end)


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
        parts.append(count_part(window, len(held), 1, ctx.as_of, "Үндэсний зөвлөлийн хуралдаан", ("forum meeting", "forum meetings")))
    rules = sorted((e for e in ctx.model.evidence.values() if e.values["kind"] == "forum-rules"
                    and e.values["date"] <= ctx.as_of), key=lambda e: (e.values["date"], e.id))
    if rules:
        evidence += [{"kind": "evidence", "id": e.id, "date": e.values["date"].isoformat(), "file": e.file} for e in rules]
        parts.append(Part("rules", "met", {"mn": f"Үндэсний зөвлөлийн дүрэм нийтлэгдсэн ({rules[-1].id}).",
                                           "en": f"The forum's rules are published ({rules[-1].id})."}))
    else:
        parts.append(Part("rules", "not-met", {
            "mn": "Үндэсний зөвлөлийн дүрэм, журам баримтын санд алга: `kind: forum-rules` төрлийн нотлох баримт нэмнэ үү.",
            "en": "The forum's rules are not in the repository: add an evidence record of `kind: forum-rules`."}))
    if ctx.as_of < ctx.plan.values["start"]:
        parts.insert(0, Part("plan", "not-applicable", {"mn": f"Төлөвлөгөө хараахан эхлээгүй; эхлэх огноо: {ctx.plan.values['start']}.",
                                                         "en": f"The plan starts on {ctx.plan.values['start']}."}))
    return from_parts("1.1", parts, evidence)


def latest_plan_documents(ctx: Context) -> Verdict:
    """2.1: the judged plan's document is published in both languages."""
    plan = ctx.plan
    if plan is None:
        return no_plan("2.1")
    docs = [ctx.model.evidence[d] for d in plan.values.get("documents") or [] if d in ctx.model.evidence]
    langs = {lang for d in docs for lang in d.values.get("languages") or []}
    evidence = [{"kind": "evidence", "id": d.id, "file": d.file, "languages": d.values.get("languages")} for d in docs]
    missing = [lang for lang in ("mn", "en") if lang not in langs]
    if missing:
        part = Part(plan.id, "not-met", {"mn": f"{plan.id} төлөвлөгөөний баримт бичиг дараах хэлээр алга: {', '.join(LANGUAGE_NAMES[code]['mn'] for code in missing)}.",
                                         "en": f"Plan {plan.id} lacks its document in: {', '.join(LANGUAGE_NAMES[code]['en'] for code in missing)}."})
    else:
        part = Part(plan.id, "met", {"mn": f"{plan.id} төлөвлөгөөний баримт бичиг хоёр хэлээр байна.",
                                     "en": f"Plan {plan.id} has its documents in both languages."})
    return from_parts("2.1", [part], evidence)


def twice_a_year(ctx: Context) -> tuple[Verdict, list]:
    """2.2: updates on two different days in every year of the plan; the years as periods."""
    plan = ctx.plan
    if plan is not None and ctx.as_of < plan.values["start"]:
        return from_parts("2.2", [Part("plan", "not-applicable", {"mn": f"Төлөвлөгөө хараахан эхлээгүй; эхлэх огноо: {plan.values['start']}.",
                                                                   "en": f"The plan starts on {plan.values['start']}."})], []), []
    start = plan.values["start"] if plan else None
    last = plan.values["end"] if plan else None
    periods = update_rule(ctx.updates, ctx.as_of, start, "plan" if ctx.plan_years and plan else "calendar",
                          ctx.halves, last, ctx.history_start)
    parts = []
    for p in periods:
        key = str(p.start.year) if (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31) else f"{p.start} – {p.end}"
        count = len(p.update_dates)
        done = {"mn": f"шинэчилсэн өдрийн тоо: {count}", "en": "updated on " + ("1 day" if count == 1 else f"{count} different days")}
        if p.status == "met":
            found = {"mn": done["mn"] + ".", "en": done["en"].capitalize() + "."}
        elif p.status == "at-risk":
            found = {"mn": f"{done['mn']}; дахиад {p.needed} өдөр шинэчлэх шаардлагатай, {spell_days(p.days_left, 'mn')} үлдсэн.",
                     "en": f"{done['en'].capitalize()}; {p.needed} more needed, {spell_days(p.days_left, 'en')} left."}
        elif p.status == "unverifiable":
            found = {"mn": f"{done['mn']}; git-ийн түүх {ctx.history_start} өдрөөс эхэлдэг тул түүнээс өмнөх шинэчлэлийг нотлох боломжгүй.",
                     "en": f"{done['en'].capitalize()}; the git history begins on {ctx.history_start}, so updates before it cannot be proved."}
        elif p.halves_ok is False and count >= 2:
            found = {"mn": f"{done['mn']}; гэвч хагас жилийн аль нэгэнд шинэчлэл алга.",
                     "en": f"{done['en'].capitalize()}; but one half of the year has no update."}
        else:
            found = {"mn": f"{done['mn']}; дор хаяж {p.needed + count} өдөр хэрэгтэй байсан.",
                     "en": f"{done['en'].capitalize()}; at least {p.needed + count} were needed."}
        parts.append(Part(key, p.status, found, p.start, p.end))
    if not parts:
        parts = [Part("history", "not-met", {"mn": "Баримтын санд шинэчлэл бүртгэгдээгүй.", "en": "No update is recorded."})]
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
        return from_parts("5.1", [Part("plan", "not-applicable", {"mn": f"Төлөвлөгөө хараахан эхлээгүй; эхлэх огноо: {plan.values['start']}.",
                                                                   "en": f"The plan starts on {plan.values['start']}."})], [])
    counted = [m for m in ctx.meetings("civil-society", "forum") if m.id not in outreach
               and (m.values.get("plan") == plan.id or (m.values["type"] == "civil-society" and not m.values.get("plan")))
               and (cocreation_end is None or m.values["date"] > cocreation_end)]
    parts, evidence = [], []
    for window in plan_windows(ctx, 12):
        held = [m for m in counted if window.holds(m.values["date"])]
        evidence += [meeting_evidence(m) for m in held]
        parts.append(count_part(window, len(held), window.needs(MEETINGS_PER_YEAR), ctx.as_of,
                                "уулзалт", ("meeting", "meetings")))
    return from_parts("5.1", parts, evidence)

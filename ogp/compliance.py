"""The OGP minimum requirements, judged from the records and the git history.

Each requirement gets a :class:`Verdict`: a status (``met``, ``at-risk``,
``not-met``, ``not-applicable``), the rule in plain words, what was found,
and the evidence behind it (record files, meetings, commits), so an IRM
researcher can check every claim.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .model import Model
from .records import Record
from .updates import Update, update_rule

STATUSES = ("met", "at-risk", "not-met", "not-applicable")
REQUIREMENTS = ("1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1")
WARN_DAYS = 60  # a deadline this close is flagged "at risk"

RULES = {
    "1.1": {"mn": "Олон талт оролцогчдын форум (Үндэсний зөвлөл) төлөвлөгөө хэрэгжих хугацаанд хагас жил тутамд дор хаяж нэг удаа хуралдана.",
            "en": "The multi-stakeholder forum (National Council) meets at least once every six months while a plan runs."},
    "2.1": {"mn": "Цахим хуудсанд хамгийн сүүлийн үйл ажиллагааны төлөвлөгөө монгол, англи хоёр хэлээр байршина.",
            "en": "The website holds the latest action plan, in Mongolian and in English."},
    "2.2": {"mn": "Цахим баримтын санг жилд дор хаяж хоёр өөр өдөр шинэчилнэ (git-ийн түүхээр нотлогдоно).",
            "en": "The online repository is updated on at least two different days a year (proved by the git history)."},
    "3.1": {"mn": "Хамтран бүтээх хуваарь, оролцох аргыг ажил эхлэхээс дор хаяж 14 хоногийн өмнө нийтэлнэ (шинэчлэлд мөн адил).",
            "en": "The co-creation timeline and how to take part are published at least 14 days before co-creation starts (also for a refresh)."},
    "3.2": {"mn": "Хамтран бүтээх үеэр НЗТ-ийн талаар мэдээлэл түгээх, сурталчлах арга хэмжээ зохион байгуулна.",
            "en": "Outreach and awareness-raising activities are held for co-creation."},
    "3.3": {"mn": "Олон талын оролцогчдоос санал авах суваг тодорхой хугацаанд нээлттэй байна.",
            "en": "A channel to collect input from stakeholders is open for a stated period."},
    "4.1": {"mn": "Ирсэн санал бүрд үндэслэл бүхий хариуг төлөвлөгөөг хүргүүлэхээс өмнө нийтэлнэ.",
            "en": "Every input received gets a reasoned response, published before the plan is submitted."},
    "5.1": {"mn": "Төлөвлөгөө хэрэгжих жил бүр иргэний нийгэмтэй хэрэгжилтийн талаар дор хаяж хоёр удаа уулзана.",
            "en": "At least two meetings with civil society on implementation in every year of the plan."},
}


@dataclass
class Verdict:
    """One requirement's status, with what was found and the evidence for it."""

    requirement: str
    status: str
    found: dict[str, str]
    evidence: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON shape published in ``compliance.json``."""
        return {"status": self.status, "rule": RULES[self.requirement], "found": self.found, "evidence": self.evidence}


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _meeting_evidence(meeting: Record) -> dict:
    return {"kind": "meeting", "id": meeting.id, "date": meeting.values["date"].isoformat(), "file": meeting.file}


def forum_every_six_months(model: Model, plan: Record | None) -> Verdict:
    """1.1: no gap of more than six months between forum meetings while the plan runs."""
    if plan is None or model.today < plan.values["start"]:
        return Verdict("1.1", "not-applicable", {"mn": "Хэрэгжиж буй төлөвлөгөө алга.", "en": "No plan is running."})
    start, end = plan.values["start"], min(plan.values["end"], model.today)
    forums = sorted((m for m in model.meetings.values() if m.values["type"] == "forum"), key=lambda m: m.values["date"])
    before = [m for m in forums if m.values["date"] <= start]
    during = [m for m in forums if start < m.values["date"] <= end]
    anchor = before[-1].values["date"] if before else start
    gaps = []
    for meeting in during:
        if meeting.values["date"] > _months_later(anchor, 6):
            gaps.append((anchor, meeting.values["date"]))
        anchor = meeting.values["date"]
    deadline = _months_later(anchor, 6)
    evidence = [_meeting_evidence(m) for m in (before[-1:] + during)]
    if gaps or (deadline < end):
        if deadline < end:
            gaps.append((anchor, end))
        first = gaps[0]
        return Verdict("1.1", "not-met", {
            "mn": f"Форумын хуралдаан хооронд зургаан сараас урт завсарлага гарсан: {first[0]} – {first[1]}.",
            "en": f"More than six months passed without a forum meeting: {first[0]} to {first[1]}."}, evidence)
    days = (deadline - model.today).days
    status = "at-risk" if plan.values["end"] > model.today and days <= WARN_DAYS else "met"
    return Verdict("1.1", status, {
        "mn": f"Сүүлийн хуралдаан {anchor}; дараагийнх нь {deadline}-ээс хэтрэхгүй ({days} хоног үлдсэн).",
        "en": f"Last forum meeting {anchor}; the next is due by {deadline} ({days} days left)."}, evidence)


def latest_plan_documents(model: Model) -> Verdict:
    """2.1: the latest plan has its documents in both languages."""
    plan = max(model.plans.values(), key=lambda p: p.values["start"], default=None)
    if plan is None:
        return Verdict("2.1", "not-met", {"mn": "Төлөвлөгөөний бичлэг алга.", "en": "There is no plan record."})
    docs = [model.evidence[d] for d in plan.values.get("documents") or [] if d in model.evidence]
    langs = {lang for d in docs for lang in d.values.get("languages") or []}
    evidence = [{"kind": "evidence", "id": d.id, "file": d.file, "languages": d.values.get("languages")} for d in docs]
    missing = [lang for lang in ("mn", "en") if lang not in langs]
    if missing:
        return Verdict("2.1", "not-met", {
            "mn": f"{plan.id} төлөвлөгөөний баримт бичиг дутуу хэл: {', '.join(missing)}.",
            "en": f"Plan {plan.id} lacks its document in: {', '.join(missing)}."}, evidence)
    return Verdict("2.1", "met", {"mn": f"{plan.id} төлөвлөгөөний баримт бичиг хоёр хэлээр байна.",
                                  "en": f"Plan {plan.id} has its documents in both languages."}, evidence)


def twice_a_year(updates: list[Update], as_of: dt.date, commit_url: str = "", plan_start: dt.date | None = None,
                 require_halves: bool = False) -> tuple[Verdict, list]:
    """2.2: updates on at least two different dates in every year; the current year's outlook.

    Years are calendar years, or twelve-month periods from ``plan_start`` when
    given; ``require_halves`` also asks for an update in each half of the year.
    """
    if not updates:
        return Verdict("2.2", "not-met", {"mn": "Баримтын санд шинэчлэл бүртгэгдээгүй.", "en": "No update is recorded."}), []
    if plan_start:
        periods = update_rule(updates, as_of, plan_start, mode="plan", require_halves=require_halves)
    else:
        periods = update_rule(updates, as_of, require_halves=require_halves)
    current, past = periods[-1], periods[:-1]
    missed = [p for p in past if p.status == "not-met"]
    evidence = [{"kind": "commit", "sha": u.sha, "date": u.date.isoformat(), "url": f"{commit_url}{u.sha}" if commit_url else ""}
                for u in updates if current.start <= u.date <= current.end]
    year = current.start.year if current.start.month == 1 and current.start.day == 1 else f"{current.start}–{current.end}"
    if current.status == "met":
        found = {"mn": f"{year} онд {len(current.update_dates)} өөр өдөр шинэчилсэн.",
                 "en": f"Updated on {len(current.update_dates)} different days in {year}."}
    else:
        found = {"mn": f"{year} онд дахиад {current.needed} өдөр шинэчлэх шаардлагатай; {current.days_left} хоног үлдсэн.",
                 "en": f"{current.needed} more update day(s) needed in {year}; {current.days_left} days left."}
    if missed:
        years = ", ".join(str(p.start.year) for p in missed)
        found = {"mn": found["mn"] + f" Шаардлага хангаагүй он: {years}.", "en": found["en"] + f" Missed in: {years}."}
    return Verdict("2.2", current.status, found, evidence), periods

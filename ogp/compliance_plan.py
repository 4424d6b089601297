"""Co-creation and implementation requirements (3.1–5.1), plan deadlines, and the whole report."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .compliance import (REQUIREMENTS, WARN_DAYS, Verdict, _meeting_evidence, _months_later, forum_every_six_months,
                         latest_plan_documents, twice_a_year)
from .model import Model, next_plan_due, refresh_due
from .records import Record
from .updates import Update, first_published


@dataclass
class Report:
    """Every verdict, the update periods and the plan deadlines, as of one date."""

    as_of: dt.date
    verdicts: dict[str, Verdict]
    periods: list = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The published ``compliance.json``."""
        return {
            "as_of": self.as_of.isoformat(),
            "requirements": {rid: self.verdicts[rid].as_dict() for rid in REQUIREMENTS},
            "update_periods": [{"start": p.start.isoformat(), "end": p.end.isoformat(), "status": p.status,
                                "update_dates": [d.isoformat() for d in p.update_dates], "needed": p.needed,
                                "days_left": p.days_left} for p in self.periods],
            "deadlines": self.deadlines,
        }

    def missed(self) -> list[str]:
        """Ids of requirements not met."""
        return [rid for rid in REQUIREMENTS if self.verdicts[rid].status == "not-met"]


def _cocreations(model: Model, plan: Record | None) -> list[Record]:
    if plan is None:
        return []
    return sorted((c for c in model.cocreation.values() if c.values["plan"] == plan.id), key=lambda c: c.values["start"])


def timeline_published_early(model: Model, plan: Record | None, published: dict, history_start: dt.date | None) -> Verdict:
    """3.1: each co-creation timeline first committed at least 14 days before co-creation started."""
    records = _cocreations(model, plan)
    if not records:
        return Verdict("3.1", "not-applicable", {"mn": "Хамтран бүтээх бичлэг алга.", "en": "No co-creation record."})
    late, evidence, declared_only = [], [], []
    for c in records:
        start = c.values["start"]
        first = published.get(c.file)
        if first and (history_start is None or history_start <= start - dt.timedelta(days=14)):
            sha, day = first
            evidence.append({"kind": "commit", "sha": sha, "date": day.isoformat(), "file": c.file})
            if day > start - dt.timedelta(days=14):
                late.append(f"{c.id}: {day} / {start}")
        else:
            # The repository's history begins after this co-creation: git cannot prove the date,
            # so the record's declared publication date is used and said to be declared.
            day = c.values["timeline_published"]
            declared_only.append(c.id)
            evidence.append({"kind": "declared", "file": c.file, "date": day.isoformat()})
            if day > start - dt.timedelta(days=14):
                late.append(f"{c.id}: {day} / {start}")
    if late:
        return Verdict("3.1", "not-met", {"mn": "Хуваарийг 14 хоногоос бага хугацааны өмнө нийтэлсэн: " + "; ".join(late),
                                          "en": "Timeline published less than 14 days before the start: " + "; ".join(late)}, evidence)
    note = {"mn": "", "en": ""}
    if declared_only:
        note = {"mn": f" ({', '.join(declared_only)}: бичлэгт заасан огноогоор; git-ийн түүх түүнээс хойш эхэлсэн.)",
                "en": f" ({', '.join(declared_only)}: by the date declared in the record; the git history starts later.)"}
    return Verdict("3.1", "met", {"mn": "Хуваарийг хугацаанд нь нийтэлсэн." + note["mn"],
                                  "en": "Every timeline was published in time." + note["en"]}, evidence)


def outreach_held(model: Model, plan: Record | None) -> Verdict:
    """3.2: outreach events listed in the co-creation record, or outreach meetings during co-creation."""
    records = _cocreations(model, plan)
    if not records:
        return Verdict("3.2", "not-applicable", {"mn": "Хамтран бүтээх бичлэг алга.", "en": "No co-creation record."})
    events = []
    for c in records:
        listed = [model.meetings[m] for m in c.values.get("outreach") or [] if m in model.meetings]
        during = [m for m in model.meetings.values() if m.values["type"] == "outreach"
                  and c.values["start"] - dt.timedelta(days=60) <= m.values["date"] <= c.values["end"]]
        events += [m for m in listed + during if m not in events]
    if not events:
        return Verdict("3.2", "not-met", {"mn": "Мэдээлэл түгээх арга хэмжээ бүртгэгдээгүй.", "en": "No outreach event is recorded."})
    return Verdict("3.2", "met", {"mn": f"{len(events)} арга хэмжээ бүртгэгдсэн.", "en": f"{len(events)} outreach event(s) recorded."},
                   [_meeting_evidence(m) for m in events])


def channel_open(model: Model, plan: Record | None) -> Verdict:
    """3.3: at least one input channel open for a stated period."""
    records = _cocreations(model, plan)
    if not records:
        return Verdict("3.3", "not-applicable", {"mn": "Хамтран бүтээх бичлэг алга.", "en": "No co-creation record."})
    channels = [ch for ch in model.data.records.get("channel", []) if ch.parent in records
                and ch.values["opens"] and ch.values["closes"] and ch.values["closes"] > ch.values["opens"]]
    evidence = [{"kind": "channel", "id": ch.values["id"], "file": ch.file, "opens": ch.values["opens"].isoformat(),
                 "closes": ch.values["closes"].isoformat()} for ch in channels]
    if not channels:
        return Verdict("3.3", "not-met", {"mn": "Тодорхой хугацаанд нээлттэй санал авах суваг алга.",
                                          "en": "No input channel with a stated open period."})
    return Verdict("3.3", "met", {"mn": f"{len(channels)} суваг тодорхой хугацаанд нээлттэй байсан.",
                                  "en": f"{len(channels)} channel(s) open for a stated period."}, evidence)


def responses_before_submission(model: Model, plan: Record | None) -> Verdict:
    """4.1: every input has a reasoned response published before the plan (or refresh) was submitted."""
    records = _cocreations(model, plan)
    inputs = [i for i in model.data.records.get("input", []) if i.parent in records]
    if not inputs:
        return Verdict("4.1", "not-applicable" if not records else "not-met",
                       {"mn": "Ирсэн санал бүртгэгдээгүй.", "en": "No input is recorded."})
    late = []
    for i in inputs:
        deadline = plan.values["refresh_submitted"] if i.parent.values["kind"] == "refresh" else plan.values["submitted"]
        if deadline and i.values["response_published"] > deadline:
            late.append(f"{i.parent.id}/{i.values['id']}")
    evidence = [{"kind": "input", "id": f"{i.parent.id}/{i.values['id']}", "file": i.file,
                 "response_published": i.values["response_published"].isoformat()} for i in inputs]
    if late:
        return Verdict("4.1", "not-met", {"mn": "Төлөвлөгөөг хүргүүлсний дараа нийтэлсэн хариу: " + ", ".join(late),
                                          "en": "Responses published after submission: " + ", ".join(late)}, evidence)
    return Verdict("4.1", "met", {"mn": f"{len(inputs)} саналд бүгдэд нь хугацаандаа хариулсан.",
                                  "en": f"All {len(inputs)} inputs answered in time."}, evidence)


def civil_society_twice_a_year(model: Model, plan: Record | None) -> Verdict:
    """5.1: two meetings with civil society (or forum meetings about the plan) in every year of implementation."""
    if plan is None or model.today < plan.values["start"]:
        return Verdict("5.1", "not-applicable", {"mn": "Хэрэгжиж буй төлөвлөгөө алга.", "en": "No plan is running."})
    meetings = [m for m in model.meetings.values() if m.values["type"] == "civil-society"
                or (m.values["type"] == "forum" and m.values.get("plan") == plan.id)]
    start, status, years, evidence = plan.values["start"], "met", [], []
    while start <= min(plan.values["end"], model.today):
        end = _months_later(start, 12) - dt.timedelta(days=1)
        held = sorted((m for m in meetings if start <= m.values["date"] <= end), key=lambda m: m.values["date"])
        evidence += [_meeting_evidence(m) for m in held]
        if len(held) < 2:
            current = end >= model.today
            status = "not-met" if not current or status == "not-met" else "at-risk"
            years.append(f"{start}–{end}: {len(held)}")
        start = end + dt.timedelta(days=1)
    found = {"mn": "Шаардлагатай тооноос цөөн уулзалттай жилүүд: " + "; ".join(years) if years else "Жил бүр хангалттай уулзалт болсон.",
             "en": "Years with fewer than two meetings: " + "; ".join(years) if years else "Enough meetings in every year."}
    return Verdict("5.1", status, found, evidence)


def deadlines(model: Model) -> list[dict]:
    """Plan end dates, refresh and next-plan deadlines; those within reach flagged."""
    out = []
    plans = sorted(model.plans.values(), key=lambda p: p.values["start"])
    for plan in plans:
        succeeded = any(p.values["start"] > plan.values["end"] for p in plans)
        items = [("plan-ends", plan.values["end"], False)]
        if not succeeded:
            items.append(("next-plan-due", next_plan_due(plan), True))
        if refresh_due(plan) and not plan.values.get("refresh_submitted"):
            items.append(("refresh-due", refresh_due(plan), True))
        for kind, day, overdue_matters in items:
            days = (day - model.today).days
            if days < -366:
                continue
            # Soon, or passed with the thing still not done (a missing refresh, a missing next plan).
            out.append({"plan": plan.id, "kind": kind, "date": day.isoformat(), "days_left": days,
                        "warning": 0 <= days <= WARN_DAYS or (days < 0 and overdue_matters)})
    return out


def judge(model: Model, updates: list[Update], commits: list, commit_url: str = "", plan_years: bool = False,
          require_halves: bool = False) -> Report:
    """Every minimum requirement, as of ``model.today``.

    ``plan_years`` counts the twice-a-year rule in years from the current plan's
    start instead of calendar years; ``require_halves`` asks for an update in
    each half-year too.
    """
    plan = model.current_plan()
    published = first_published(commits)
    history_start = min((c.committed.date() for c in commits), default=None)
    plan_start = plan.values["start"] if plan_years and plan is not None else None
    verdict_22, periods = twice_a_year(updates, model.today, commit_url, plan_start, require_halves)
    verdicts = [forum_every_six_months(model, plan), latest_plan_documents(model), verdict_22,
                timeline_published_early(model, plan, published, history_start), outreach_held(model, plan),
                channel_open(model, plan), responses_before_submission(model, plan), civil_society_twice_a_year(model, plan)]
    return Report(model.today, {v.requirement: v for v in verdicts}, periods, deadlines(model))

"""The whole report for one plan: every requirement, the update periods, the plan deadlines, the history's flags."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ogp.facts.compliance import (
    REQUIREMENTS,
    WARN_DAYS,
    Context,
    Part,
    Verdict,
    civil_society_twice_a_year,
    forum_every_six_months,
    latest_plan_documents,
    twice_a_year,
)
from ogp.facts.compliance_cocreation import channel_open, cocreation_end, outreach_held, outreach_ids, responses_before_submission, timeline_published_early
from ogp.facts.dates import spell_days
from ogp.facts.model import Model, next_plan_due, refresh_due
from ogp.words import per_language, say, words

# Deadlines that ask for something to be done (an overdue one is a miss); a plan's end only informs.
ACTIONS = ("next-plan-due", "refresh-due")


@dataclass
class Report:
    """Every verdict of one plan as of one date, with the update periods, deadlines and flagged commits."""

    as_of: dt.date
    verdicts: dict[str, Verdict]
    periods: list = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)
    plan: str = ""
    flags: list[dict] = field(default_factory=list)
    history: dict = field(default_factory=dict)
    publications: dict = field(default_factory=dict)  # what the publication log says (empty without one)

    def as_dict(self) -> dict:
        """The published ``compliance.json``."""
        return {
            "as_of": self.as_of.isoformat(),
            "plan": self.plan,
            "history": self.history,
            "requirements": {rid: self.verdicts[rid].as_dict() for rid in REQUIREMENTS},
            "update_periods": [{"start": p.start.isoformat(), "end": p.end.isoformat(), "status": p.status,
                                "update_dates": [d.isoformat() for d in p.update_dates], "needed": p.needed,
                                "days_left": p.days_left} for p in self.periods],
            "deadlines": self.deadlines,
            "flagged_commits": self.flags,
            "publications": self.publications,
        }

    def missed(self) -> list[str]:
        """Ids of requirements not met."""
        return [rid for rid in REQUIREMENTS if self.verdicts[rid].status == "not-met"]

    def overdue(self) -> list[dict]:
        """Deadlines passed with their action not taken (a refresh or a next plan not submitted)."""
        return [d for d in self.deadlines if d["status"] == "not-met"]


def _deadline_words(kind: str, day: dt.date, days: int, done: dt.date | None) -> tuple[str, dict[str, str]]:
    """A deadline's status and its state in words, in both languages."""
    if kind not in ACTIONS:
        passed = days < 0
        return "info", per_language(lambda lang: say("report.days-ago" if passed else "report.in-days", lang, n=abs(days), days=spell_days(abs(days), lang)))
    if done is not None and done > day:
        late = (done - day).days
        return "not-met", per_language(lambda lang: say("report.submitted-late", lang, days=spell_days(late, lang), done=done))
    if done is not None:
        return "met", words("report.submitted-on-done", done=done)
    if days < 0:
        return "not-met", per_language(lambda lang: say("report.overdue-by", lang, days=spell_days(-days, lang)))
    status = "at-risk" if days <= WARN_DAYS else "upcoming"
    return status, per_language(lambda lang: say("report.due-in", lang, days=spell_days(days, lang)))


def deadlines(model: Model, only: str | None = None) -> list[dict]:
    """Plan end dates, refresh and next-plan deadlines, each with a status and its state in words.

    An overdue deadline whose action was not taken is "not-met" however old it
    is; one that was met, or a plan's end, is dropped a year after its date.
    ``only`` keeps one plan's deadlines.
    """
    out = []
    plans = sorted(model.plans.values(), key=lambda p: p.values["start"])
    for plan in plans:
        if only and plan.id != only:
            continue
        # The next plan: any that starts after this one started (plans may overlap by months).
        later = [p.values["submitted"] for p in plans if p.values["start"] > plan.values["start"]
                 and p.values["submitted"] <= model.today]
        items = [("plan-ends", plan.values["end"], None), ("next-plan-due", next_plan_due(plan), min(later, default=None))]
        if refresh_due(plan):
            items.append(("refresh-due", refresh_due(plan), plan.values.get("refresh_submitted")))
        for kind, day, done in items:
            days = (day - model.today).days
            status, state = _deadline_words(kind, day, days, done)
            if status != "not-met" and days < -366:
                continue
            out.append({"plan": plan.id, "kind": kind, "date": day.isoformat(), "days_left": days, "status": status,
                        "state": dict(state), "warning": status in ("not-met", "at-risk")})
    return out


DATE_FREE = ("2.1",)  # requirements whose verdict does not depend on the plan's dates


def coarse_dates(verdict: Verdict, plan) -> Verdict:
    """A plan known only by its month or year (an earlier template) cannot be judged day by day: unverifiable."""
    dates = [plan.values.get(name) for name in ("start", "end", "submitted")]
    if verdict.requirement in DATE_FREE or verdict.status == "not-applicable" or \
            all(getattr(day, "precision", "day") == "day" for day in dates if day is not None):
        return verdict
    why = words("compliance.coarse-dates", start=plan.values["start"], end=plan.values["end"])
    return Verdict(verdict.requirement, "unverifiable", why, verdict.evidence,
                   [Part("plan", "unverifiable", why), *verdict.parts])


def judge(ctx: Context, flags: list[dict] | None = None, history: dict | None = None) -> Report:
    """Every minimum requirement of ``ctx.plan`` as of ``ctx.as_of``, with that plan's deadlines."""
    verdict_22, periods = twice_a_year(ctx)
    verdicts = [forum_every_six_months(ctx), latest_plan_documents(ctx), verdict_22, timeline_published_early(ctx),
                outreach_held(ctx), channel_open(ctx), responses_before_submission(ctx),
                civil_society_twice_a_year(ctx, cocreation_end(ctx), outreach_ids(ctx))]
    plan_id = ctx.plan.id if ctx.plan is not None else ""
    if ctx.plan is not None:
        verdicts = [coarse_dates(v, ctx.plan) for v in verdicts]
    return Report(ctx.as_of, {v.requirement: v for v in verdicts}, periods,
                  deadlines(ctx.model, plan_id or None), plan_id, flags or [], history or {})

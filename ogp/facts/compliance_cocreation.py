"""Co-creation requirements (3.1, 3.2, 3.3, 4.1), judged once per co-creation process of the plan.

A plan has its initial co-creation, and a four-year plan also its refresh
after the second year; each is a part of the verdict with its own status.
What is not in the repository does not exist for the assessment: a process
that must have happened and has no record is "not met", never "not applicable".
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ogp.facts.compliance import Context, Part, Verdict, from_parts, meeting_evidence, no_plan
from ogp.facts.dates import add_years, spell_days
from ogp.facts.model import refresh_due
from ogp.records.load import Record
from ogp.words import per_language, say, words

NOTICE_DAYS = 14  # 3.1: the timeline is published this many days before co-creation starts
OUTREACH_LEAD_DAYS = 60  # outreach meetings this long before co-creation still count for it


def processes(ctx: Context) -> list[tuple[str, Record | None, Part | None]]:
    """``(key, co-creation record, part when it is missing)`` for each process the plan must have had."""
    plan = ctx.plan
    mine = sorted((c for c in ctx.model.cocreation.values() if c.values["plan"] == plan.id),
                  key=lambda c: (c.values["start"], c.id))
    found: list[tuple[str, Record | None, Part | None]] = []
    initial = [c for c in mine if c.values["kind"] == "initial"]
    found += [(f"{c.id}", c, None) for c in initial] or [("initial", None, Part("initial", "not-met", words("compliance_cocreation.no-co-creation-record-3", id=plan.id)))]
    if plan.values.get("length_years") != 4:
        return found
    refresh = [c for c in mine if c.values["kind"] == "refresh"]
    if refresh:
        return found + [(c.id, c, None) for c in refresh]
    opens, due = add_years(plan.values["start"], 2), refresh_due(plan)
    if ctx.as_of < opens:
        missing = Part("refresh", "not-applicable", words("compliance_cocreation.the-refresh-is-co", opens=opens))
    elif ctx.as_of <= due:
        missing = Part("refresh", "at-risk", words("compliance_cocreation.no-co-creation-record", due=due))
    else:
        missing = Part("refresh", "not-met", words("compliance_cocreation.no-co-creation-record-2", due=due))
    return found + [("refresh", None, missing)]


def _each(ctx: Context, requirement: str, judge: Callable[[Context, str, Record, list], Part]) -> Verdict:
    """Judge every process of the plan with ``judge``; a missing record is its own part."""
    if ctx.plan is None:
        return no_plan(requirement)
    parts, evidence = [], []
    for key, record, missing in processes(ctx):
        parts.append(missing if record is None else judge(ctx, key, record, evidence))
    return from_parts(requirement, parts, evidence)


def _timeline(ctx: Context, key: str, c: Record, evidence: list) -> Part:
    start = c.values["start"]
    deadline = start - dt.timedelta(days=NOTICE_DAYS)
    first = ctx.published.get(c.file)
    where = (start, c.values["end"])
    if ctx.history_start is None or ctx.history_start > deadline:
        # Git cannot show what happened before it began: the record's own date is a claim.
        declared = c.values["timeline_published"]
        evidence.append({"kind": "declared", "file": c.file, "date": declared.isoformat()})
        if declared > deadline:
            return Part(key, "not-met", words("compliance_cocreation.the-record-itself-says", deadline=deadline, declared=declared), *where)
        since = ctx.history_start or "—"
        return Part(key, "unverifiable", words("compliance_cocreation.the-record-declares-publication", declared=declared, since=since), *where)
    if first is None:
        status = "at-risk" if ctx.as_of <= deadline else "not-met"
        return Part(key, status, words("compliance_cocreation.no-complete-timeline-both", deadline=deadline), *where)
    sha, day = first
    evidence.append({"kind": "commit", "sha": sha, "date": day.isoformat(), "file": c.file})
    lead = (start - day).days
    when = "before" if lead >= 0 else "after"
    first_published = per_language(lambda lang: say(f"compliance_cocreation.timeline-published-{when}", lang, day=day, sha=sha[:10],
                                                    n=abs(lead), lead=spell_days(abs(lead), lang)))
    if day > deadline:
        return Part(key, "not-met", per_language(lambda lang: say("compliance_cocreation.timeline-late", lang, found=first_published[lang],
                                                                  needed=NOTICE_DAYS)), *where)
    return Part(key, "met", per_language(lambda lang: first_published[lang] + "."), *where)


def timeline_published_early(ctx: Context) -> Verdict:
    """3.1: each co-creation's complete timeline first published at least 14 days before it started."""
    return _each(ctx, "3.1", _timeline)


def _outreach(ctx: Context, key: str, c: Record, evidence: list) -> Part:
    events: dict[str, Record] = {}  # by id: a listed event that is also an outreach meeting counts once
    for meeting_id in c.values.get("outreach") or []:
        meeting = ctx.model.meetings.get(meeting_id)
        if meeting is not None and meeting.values["date"] <= ctx.as_of:
            events[meeting.id] = meeting
    first = c.values["start"] - dt.timedelta(days=OUTREACH_LEAD_DAYS)
    for meeting in ctx.meetings("outreach"):
        if first <= meeting.values["date"] <= c.values["end"]:
            events[meeting.id] = meeting
    evidence += [meeting_evidence(m) for m in sorted(events.values(), key=lambda m: (m.values["date"], m.id))]
    where = (c.values["start"], c.values["end"])
    if not events:
        status = "at-risk" if ctx.as_of <= c.values["end"] else "not-met"
        return Part(key, status, words("compliance_cocreation.no-outreach-event-is"), *where)
    return Part(key, "met", words("compliance_cocreation.len-outreach-event-s", n=len(events)), *where)


def outreach_held(ctx: Context) -> Verdict:
    """3.2: outreach events listed in the co-creation record, or outreach meetings around co-creation."""
    return _each(ctx, "3.2", _outreach)


def _channels(ctx: Context, key: str, c: Record, evidence: list) -> Part:
    channels = [ch for ch in ctx.model.data.records.get("channel", []) if ch.parent is c
                and ch.values["opens"] and ch.values["closes"] and ch.values["closes"] > ch.values["opens"]
                and ch.values["opens"] <= ctx.as_of]  # a channel that has not opened yet proves nothing
    evidence += [{"kind": "channel", "id": ch.values["id"], "file": ch.file, "opens": ch.values["opens"].isoformat(),
                  "closes": ch.values["closes"].isoformat()} for ch in channels]
    if not channels:
        return Part(key, "at-risk" if ctx.as_of <= c.values["end"] else "not-met", words("compliance_cocreation.no-input-channel-with"))
    return Part(key, "met", words("compliance_cocreation.len-channel-s-open", n=len(channels)))


def channel_open(ctx: Context) -> Verdict:
    """3.3: at least one input channel open for a stated period, in every co-creation."""
    return _each(ctx, "3.3", _channels)


def _responses(ctx: Context, key: str, c: Record, evidence: list) -> Part:
    plan = ctx.plan
    inputs = [i for i in ctx.model.data.records.get("input", []) if i.parent is c]
    deadline = plan.values.get("refresh_submitted") if c.values["kind"] == "refresh" else plan.values["submitted"]
    evidence += [{"kind": "input", "id": f"{c.id}/{i.values['id']}", "file": i.file,
                  "response_published": i.values["response_published"].isoformat()} for i in inputs]
    if not inputs:  # while co-creation runs, input may still come
        return Part(key, "at-risk" if ctx.as_of <= c.values["end"] else "not-met",
                    words("compliance_cocreation.no-input-is-recorded"))
    late = [f"{c.id}/{i.values['id']}" for i in inputs if deadline and i.values["response_published"] > deadline]
    unpublished = [f"{c.id}/{i.values['id']}" for i in inputs if i.values["response_published"] > ctx.as_of]
    if late:
        return Part(key, "not-met", words("compliance_cocreation.responses-late", inputs=", ".join(late)))
    if unpublished:
        return Part(key, "at-risk", words("compliance_cocreation.responses-unpublished", inputs=", ".join(unpublished)))
    if deadline is None:
        return Part(key, "at-risk", words("compliance_cocreation.len-inputs-answered-the", len=len(inputs)))
    return Part(key, "met", words("compliance_cocreation.all-len-inputs-answered", len=len(inputs)))


def responses_before_submission(ctx: Context) -> Verdict:
    """4.1: every input has a reasoned response published before the plan (or its refresh) was submitted."""
    return _each(ctx, "4.1", _responses)


def cocreation_end(ctx: Context) -> dt.date | None:
    """The day the plan's initial co-creation ended (implementation meetings come after it)."""
    ends = [c.values["end"] for c in ctx.model.cocreation.values()
            if ctx.plan is not None and c.values["plan"] == ctx.plan.id and c.values["kind"] == "initial"]
    return max(ends, default=None)


def outreach_ids(ctx: Context) -> set[str]:
    """Meetings listed as outreach by any co-creation of the plan."""
    return {m for c in ctx.model.cocreation.values() if ctx.plan is not None and c.values["plan"] == ctx.plan.id
            for m in c.values.get("outreach") or []}

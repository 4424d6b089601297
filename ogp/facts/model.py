"""Facts derived from validated records, shared by the pages, the dashboard and the feeds.

Everything here is computed from ``Dataset`` values on each build and never
stored in the records: a commitment's status and progress come from its
milestones, so they cannot disagree with them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ogp.facts.dates import add_months, add_years
from ogp.records.load import Dataset, Record
from ogp.records.rules import milestone_key


@dataclass
class Model:
    """Records by id, and the links between them in both directions."""

    data: Dataset
    today: dt.date
    plans: dict[str, Record] = field(default_factory=dict)
    commitments: dict[str, Record] = field(default_factory=dict)
    milestones: dict[str, Record] = field(default_factory=dict)
    meetings: dict[str, Record] = field(default_factory=dict)
    evidence: dict[str, Record] = field(default_factory=dict)
    organisations: dict[str, Record] = field(default_factory=dict)
    cocreation: dict[str, Record] = field(default_factory=dict)
    irm_reports: dict[str, Record] = field(default_factory=dict)
    # Reverse links, built once: looking them up per page made big sites quadratic
    # (1,000 commitments x 3,000 evidence items took a minute).
    children: dict[int, list[Record]] = field(default_factory=dict)
    evidence_links: dict[tuple[str, str], list[Record]] = field(default_factory=dict)
    by_plan: dict[str, list[Record]] = field(default_factory=dict)

    def commitments_of(self, plan_id: str) -> list[Record]:
        """The plan's commitments in number order."""
        return sorted(self.by_plan.get(plan_id, []), key=lambda c: (c.values["number"] or 0, c.id))

    def milestones_of(self, commitment: Record) -> list[Record]:
        """The commitment's milestones in the order they are written."""
        return self.children.get(id(commitment), [])

    def updates_of(self, milestone: Record) -> list[Record]:
        """The milestone's progress updates in the order they are written."""
        return self.children.get(id(milestone), [])

    def evidence_for(self, kind: str, key: str) -> list[Record]:
        """Evidence that names ``key`` in its ``commitments``/``milestones``/``meetings``/``plans`` list."""
        return sorted(self.evidence_links.get((kind, key), []), key=lambda e: (e.values["date"], e.id))

    def evidence_of_commitment(self, commitment: Record) -> list[Record]:
        """Evidence for the commitment itself or any of its milestones, or listed by a milestone."""
        found = {e.id: e for e in self.evidence_links.get(("commitments", commitment.id), [])}
        for m in self.milestones_of(commitment):
            found.update((e.id, e) for e in self.evidence_links.get(("milestones", milestone_key(m)), []))
            found.update((eid, self.evidence[eid]) for eid in m.values.get("evidence") or [] if eid in self.evidence)
        return sorted(found.values(), key=lambda e: (e.values["date"], e.id))

    def evidence_groups(self) -> list[tuple[str, str, list[Record]]]:
        """The evidence repository's pages: ``(key, kind, items)`` per commitment, then co-creation, then the rest.

        ``key`` names the page (``evidence/<key>/``): a commitment's id,
        ``cocreation`` or ``other``. Computed once per model.
        """
        cached = self.__dict__.get("_evidence_groups")
        if cached is not None:
            return cached
        groups, placed = [], set()
        for c in sorted(self.commitments.values(), key=lambda c: (c.values["plan"], c.values["number"] or 0, c.id)):
            items = self.evidence_of_commitment(c)
            placed |= {e.id for e in items}
            groups.append((c.id, "commitment", items))
        cocreation = sorted((e for e in self.evidence.values() if e.values.get("plans") and e.id not in placed),
                            key=lambda e: (e.values["date"], e.id))
        placed |= {e.id for e in cocreation}
        rest = sorted((e for e in self.evidence.values() if e.id not in placed), key=lambda e: (e.values["date"], e.id))
        groups += [("cocreation", "cocreation", cocreation), ("other", "other", rest)]
        self.__dict__["_evidence_groups"] = groups
        return groups

    def evidence_home(self, evidence_id: str) -> str | None:
        """The key of the first evidence page listing an item (where links to it lead)."""
        homes = self.__dict__.get("_evidence_homes")
        if homes is None:
            homes = {}
            for key, _, items in self.evidence_groups():
                for e in items:
                    homes.setdefault(e.id, key)
            self.__dict__["_evidence_homes"] = homes
        return homes.get(evidence_id)

    def running_plan(self) -> Record | None:
        """The plan running today (the one that started last if two overlap), or None."""
        running = [p for p in self.plans.values() if p.values["start"] <= self.today <= p.values["end"]]
        return max(running, key=lambda p: p.values["start"], default=None)

    def current_plan(self) -> Record | None:
        """The plan running today; else the one that started last."""
        running = [p for p in self.plans.values() if p.values["start"] <= self.today <= p.values["end"]]
        pool = running or list(self.plans.values())
        return max(pool, key=lambda p: p.values["start"], default=None)


def build_model(data: Dataset, today: dt.date) -> Model:
    """Index valid records by id."""
    model = Model(data, today)
    targets = {
        "plan": model.plans, "commitment": model.commitments, "meeting": model.meetings,
        "evidence": model.evidence, "organisation": model.organisations,
        "cocreation": model.cocreation, "irm-report": model.irm_reports,
    }
    for kind, index in targets.items():
        for record in data.records.get(kind, []):
            index[record.id] = record
    for record in data.records.get("milestone", []):
        model.milestones[milestone_key(record)] = record
        model.children.setdefault(id(record.parent), []).append(record)
    for record in data.records.get("update", []):
        model.children.setdefault(id(record.parent), []).append(record)
    for record in model.commitments.values():
        model.by_plan.setdefault(record.values["plan"], []).append(record)
    for record in model.evidence.values():
        for kind in ("commitments", "milestones", "meetings", "plans"):
            for key in record.values.get(kind) or []:
                model.evidence_links.setdefault((kind, key), []).append(record)
    return model


def milestone_progress(milestone: Record) -> int:
    """Per cent done: completed is 100, an unstated progress is 0."""
    if milestone.values.get("status") == "completed":
        return 100
    return milestone.values.get("progress") or 0


def commitment_progress(model: Model, commitment: Record) -> int:
    """Mean progress of the milestones that are not cancelled (0 when there are none)."""
    live = [m for m in model.milestones_of(commitment) if m.values.get("status") != "cancelled"]
    return round(sum(milestone_progress(m) for m in live) / len(live)) if live else 0


def commitment_status(model: Model, commitment: Record) -> str:
    """A status derived from the milestones, in the milestone status vocabulary.

    Once the commitment's plan has ended its state is final: "completed", or
    "not-completed" (not completed by the end of the plan), never "delayed".
    """
    statuses = [m.values.get("status") for m in model.milestones_of(commitment)]
    live = [s for s in statuses if s != "cancelled"]
    if not live:
        return "cancelled" if statuses else "not-started"
    if all(s == "completed" for s in live):
        return "completed"
    plan = model.plans.get(commitment.values.get("plan"))
    if plan is not None and plan.values["end"] < model.today:
        return "not-completed"
    if "delayed" in live or any(
        m.values.get("status") not in ("completed", "cancelled") and m.values["due"] and m.values["due"] < model.today
        for m in model.milestones_of(commitment)
    ):
        return "delayed"
    if any(s in ("in-progress", "completed") for s in live):
        return "in-progress"
    return "not-started"


def next_milestone(model: Model, commitment: Record) -> Record | None:
    """The open milestone due soonest."""
    open_ = [m for m in model.milestones_of(commitment) if m.values.get("status") not in ("completed", "cancelled")]
    # A milestone of an earlier template may have no due date: it comes after every dated one.
    return min(open_, key=lambda m: (m.values["due"] is None, m.values["due"] or dt.date.max), default=None)


def refresh_due(plan: Record) -> dt.date | None:
    """A four-year plan's refresh is due six months after its second year."""
    if plan.values.get("length_years") != 4:
        return None
    return add_months(plan.values["start"], 30)


def next_plan_due(plan: Record) -> dt.date:
    """The next plan is due within one year of this plan's end (no extension exists)."""
    return add_years(plan.values["end"], 1)

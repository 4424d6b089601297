"""The home page dashboard: the current plan at a glance, in either language."""
from __future__ import annotations

import datetime as dt

from ogp.facts.model import Model, commitment_status
from ogp.render import md
from ogp.render.charts import bar_list
from ogp.render.labels import label
from ogp.render.pages import v
from ogp.render.texts import t
from ogp.words import words

MARKER = "<!-- ogp:dashboard -->"
STATUS_ORDER = ["completed", "in-progress", "delayed", "not-completed", "not-started", "cancelled"]
LIST_LIMIT = 10  # milestones due soon and overdue shown on the home page; the plan's page lists them all

_D = {
    "title": words("dashboard.title"),
    "latest": words("dashboard.latest"),
    "none_running": words("dashboard.none_running"),
    "not_completed": words("dashboard.not_completed"),
    "shown": words("dashboard.shown"),
    "plan_page": words("dashboard.plan_page"),
    "by_status": words("dashboard.by_status"),
    "done": words("dashboard.done"),
    "of": words("dashboard.of"),
    "due_soon": words("dashboard.due_soon"),
    "overdue": words("dashboard.overdue"),
    "latest_meetings": words("dashboard.latest_meetings"),
    "count": words("dashboard.count"),
    "all_plans": words("dashboard.all_plans"),
}


def _d(key: str, lang: str) -> str:
    return _D[key][lang]


def _status_bars(model: Model, plan, lang: str) -> list[tuple[str, str, int]]:
    counts = {s: 0 for s in STATUS_ORDER}
    for c in model.commitments_of(plan.id):
        counts[commitment_status(model, c)] += 1
    # A finished plan has final states only; an empty bar is shown only where it says something.
    always = ({"completed", "not-completed"} if plan.values["end"] < model.today
              else {"completed", "in-progress", "delayed", "not-started"})
    return [(s, label("status", s, lang), n) for s, n in counts.items() if n or s in always]


def dashboard(model: Model, lang: str) -> str:
    """Markdown for the dashboard, with links relative to the home page."""
    plan = model.current_plan()
    if plan is None:
        return ""
    commitments = model.commitments_of(plan.id)
    shown = _status_bars(model, plan, lang)
    milestones = [m for c in commitments for m in model.milestones_of(c) if m.values["status"] != "cancelled"]
    done = sum(1 for m in milestones if m.values["status"] == "completed")
    share = round(100 * done / len(milestones)) if milestones else 0
    open_ = [m for m in milestones if m.values["status"] != "completed" and m.values["due"]]  # undated: no deadline
    soon = sorted((m for m in open_ if model.today <= m.values["due"] <= model.today + dt.timedelta(days=90)),
                  key=lambda m: m.values["due"])
    late = sorted((m for m in open_ if m.values["due"] < model.today), key=lambda m: m.values["due"])

    def milestone_rows(items):
        return [[md.date(m.values["due"], lang), md.link(md.text(v(m.parent, "title", lang)), f"commitments/{m.parent.id}.md"),
                 md.text(v(m, "title", lang)), label("status", m.values["status"], lang)] for m in items]

    def capped(items) -> str:
        if not items:
            return t("none", lang)
        table = md.table(headers, milestone_rows(items[:LIST_LIMIT]))
        if len(items) <= LIST_LIMIT:
            return table
        return table + "\n\n" + _d("shown", lang).format(shown=LIST_LIMIT, total=len(items),
                                                          link=md.link(_d("plan_page", lang), f"plans/{plan.id}.md"))

    running = model.running_plan() is not None
    headers = [t("due", lang), t("commitment", lang), t("milestone", lang), t("status", lang)]
    out = [f"## {_d('title' if running else 'latest', lang)}: {md.link(md.text(v(plan, 'title', lang)), f'plans/{plan.id}.md')}", ""]
    if not running:
        out += [_d("none_running", lang), ""]
    out += [f"{t('period', lang)}: {md.date(plan.values['start'], lang)} – {md.date(plan.values['end'], lang)} · "
           f"{len(commitments)} {t('commitments', lang).lower()} · {md.link(_d('all_plans', lang), 'plans/index.md')}", "",
           f"### {_d('by_status', lang)}", "",
           bar_list(shown), "",
           md.table([t("status", lang), _d("count", lang)], [[text, str(n)] for _, text, n in shown]), "",
           f"### {_d('done', lang)}", "",
           f"{md.progress(share, _d('done', lang))} ({done} / {len(milestones)})", "",
           ]
    if running:
        out += [f"### {_d('due_soon', lang)}", "", capped(soon), "", f"### {_d('overdue', lang)}", "", capped(late), ""]
    else:
        out += [f"### {_d('not_completed', lang)}", "", capped(late), ""]
    meetings = sorted(model.meetings.values(), key=lambda m: m.values["date"], reverse=True)[:5]
    out += [f"### {_d('latest_meetings', lang)}", ""]
    out += [f"- {md.date(m.values['date'], lang)} — {md.link(md.text(v(m, 'title', lang)), f'meetings/{m.id}.md')} "
            f"({label('type', m.values['type'], lang)})" for m in meetings] or [t("none", lang)]
    return "\n".join(out) + "\n"

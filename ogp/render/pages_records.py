"""Generated pages for meetings, evidence, organisations, IRM reports and co-creation."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ogp.facts.model import Model
from ogp.records.load import Record
from ogp.render import md
from ogp.render.labels import label
from ogp.render.pages import csv_link, evidence_link, example_note, org_name, v
from ogp.render.texts import t
from ogp.words import languages


def demote(markdown: str) -> str:
    """Move every heading one level down, so a record's ``#`` sits under the page title."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        out.append("#" + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


def meeting_pages(model: Model, minutes: dict[str, dict[str, Path]]) -> dict[str, str]:
    """The list of meetings by year, and a page per meeting with its minutes."""
    pages = {}
    meetings = sorted(model.meetings.values(), key=lambda m: (m.values["date"], m.id), reverse=True)
    for lang in languages():
        out = [f"# {t('meetings', lang)}", "", t("meetings_intro", lang), ""]
        types = sorted({m.values["type"] for m in meetings})
        out += [f"**{t('by_type', lang)}:** " + ", ".join(
            f"{label('type', ty, lang)} ({sum(1 for m in meetings if m.values['type'] == ty)})" for ty in types), "",
            f'<div class="ogp-filter" data-form-label="{t("filter", lang)}" data-year-label="{t("year", lang)}" '
            f'data-type-label="{t("type", lang)}" data-all-label="{t("all", lang)}" '
            f'data-count-label="{t("shown_count", lang)}"></div>', ""]
        for year in sorted({m.values["date"].year for m in meetings}, reverse=True):
            rows = [[md.date(m.values["date"], lang), md.link(md.text(v(m, "title", lang)), f"{m.id}.md"),
                     label("type", m.values["type"], lang), label("format", m.values["format"], lang)]
                    for m in meetings if m.values["date"].year == year]
            out += [f"## {year}", "", md.table([t("date", lang), t("title", lang), t("type", lang), t("format", lang)], rows), ""]
        out += [csv_link("meeting", lang), ""]
        pages[f"meetings/index.{lang}.md"] = "\n".join(out)
        for m in meetings:
            pages[f"meetings/{m.id}.{lang}.md"] = _meeting_page(model, m, lang, minutes.get(m.id, {}).get(lang))
    return pages


def _meeting_page(model: Model, m: Record, lang: str, minutes: Path | None) -> str:
    plan = model.plans.get(m.values.get("plan") or "")
    facts = [[t("date", lang), md.date(m.values["date"], lang)], [t("type", lang), label("type", m.values["type"], lang)],
             [t("format", lang), label("format", m.values["format"], lang)]]
    if v(m, "place", lang):
        facts.append([t("place", lang), md.text(v(m, "place", lang))])
    if plan:
        facts.append([t("plan", lang), md.link(md.text(v(plan, "title", lang)), f"../plans/{plan.id}.md")])
    if m.values.get("organisations"):
        facts.append([t("participants", lang), ", ".join(org_name(model, o, lang) for o in m.values["organisations"])])
    out = [f"# {md.text(v(m, 'title', lang))}", "", example_note(m, lang), md.table([t("fact", lang), t("value", lang)], facts), ""]
    for key in ("agenda", "decisions"):
        if v(m, key, lang):
            out += [f"## {t(key, lang)}", "", demote(md.markdown(v(m, key, lang))), ""]
    if minutes is not None:
        out += [f"## {t('minutes', lang)}", "", demote(demote(md.markdown(minutes.read_text(encoding="utf-8")))), ""]
    documents = list(m.values.get("documents") or [])
    documents += [e.id for e in model.evidence_for("meetings", m.id) if e.id not in documents]
    if documents:
        out += [f"## {t('documents', lang)}", ""] + [f"- {evidence_link(model, d, lang, '../')}" for d in documents]
    return "\n".join(out) + "\n"


def _source(item: Record, lang: str, sizes: dict[str, int]) -> str:
    """Where an evidence item is: a file here (with type and size) or a web address (with its domain)."""
    if item.values.get("file"):
        rel = item.values["file"][len("data/"):]
        suffix = rel.rsplit(".", 1)[-1].upper() if "." in rel else "?"
        size = sizes.get(item.values["file"], 0)
        shown = f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"
        return f"[{md.text(rel.rsplit('/', 1)[-1])}](../{rel}) ({suffix}, {shown})"
    url = item.values["url"]
    return f"[{md.text(urlsplit(url).hostname or url)}]({url})"


def evidence_pages(model: Model, sizes: dict[str, int]) -> dict[str, str]:
    """The evidence repository: an index of folders, and a page per commitment, for co-creation and for the rest.

    One page per folder, not one page of everything: a national repository's
    single evidence page grew to megabytes, and every edit of a commitment's
    title made the preview render all of it again.
    """
    pages = {}
    groups = [group for group in model.evidence_groups() if group[2]]
    for lang in languages():
        rows = []
        for key, kind, items in groups:
            heading = _folder_title(model, key, kind, lang)
            rows.append([md.link(heading, f"{key}.md"), str(len(items)), md.date(max(e.values["date"] for e in items), lang)])
        out = [f"# {t('evidence', lang)}", "", t("evidence_intro", lang), t("evidence_folders_intro", lang), ""]
        if rows:
            out += [md.table([t("evidence_folder", lang), t("evidence_items", lang), t("evidence_latest", lang)], rows), ""]
        out += [csv_link("evidence", lang), ""]
        pages[f"evidence/index.{lang}.md"] = "\n".join(out)
        for key, kind, items in groups:
            back = md.link(t("evidence_back", lang), "index.md")
            out = [f"# {t('evidence', lang)}: {_folder_title(model, key, kind, lang)}", "",
                   f"{md.link(t('commitment', lang), f'../commitments/{key}.md')} · {back}" if kind == "commitment" else back, ""]
            rows = [[f'<span id="{e.id}"></span>**{md.text(v(e, "title", lang))}**'
                     + (f" — {md.text(v(e, 'description', lang))}" if v(e, "description", lang) else ""),
                     md.date(e.values["date"], lang),
                     label("kind", e.values["kind"], lang),
                     ", ".join(label("language", x, lang) for x in e.values.get("languages") or []),
                     _source(e, lang, sizes)] for e in items]
            out += [md.table([t("title", lang), t("date", lang), t("kind", lang), t("languages", lang), t("source", lang)], rows), ""]
            pages[f"evidence/{key}.{lang}.md"] = "\n".join(out)
    return pages


def _folder_title(model: Model, key: str, kind: str, lang: str) -> str:
    """The name of an evidence folder: the commitment's plan, number and title, or the group's name."""
    if kind == "commitment":
        c = model.commitments[key]
        return f"{md.text(c.values['plan'])} · {c.values['number']}. {md.text(v(c, 'title', lang))}"
    return t("cocreation", lang) if kind == "cocreation" else t("other_evidence", lang)


def organisation_pages(model: Model) -> dict[str, str]:
    """The list of organisations with the commitments each leads."""
    pages = {}
    # Who leads what, once: asked per organisation it was organisations x commitments x milestones
    # (2 million look-ups at 1,000 commitments, a sixth of a large preview).
    leads: dict[str, set[str]] = {}
    for c in model.commitments.values():
        for lead in {c.values.get("lead_agency"), *(m.values.get("lead_agency") for m in model.milestones_of(c))} - {None}:
            leads.setdefault(lead, set()).add(c.id)
    for lang in languages():
        orgs = sorted(model.organisations.values(), key=lambda o: (v(o, "name", lang) or o.id).lower())
        rows = []
        for o in orgs:
            led = [model.commitments[cid] for cid in leads.get(o.id, ())]
            rows.append([f'<span id="{o.id}"></span>{md.text(v(o, "name", lang))}', md.text(v(o, "short", lang)),
                         label("organisation", o.values["type"], lang),
                         f"[{md.text(urlsplit(o.values['website']).hostname)}]({o.values['website']})" if o.values.get("website") else "",
                         ", ".join(md.link(c.id, f"../commitments/{c.id}.md") for c in sorted(led, key=lambda c: c.id))])
        pages[f"organisations/index.{lang}.md"] = "\n".join([
            f"# {t('organisations', lang)}", "", t("organisations_intro", lang), "",
            md.table([t("title", lang), t("short", lang), t("type", lang), t("website", lang), t("leads", lang)], rows), "",
            csv_link("organisation", lang), ""])
    return pages


def irm_pages(model: Model) -> dict[str, str]:
    """IRM reports by plan, with links to both language versions."""
    pages = {}
    reports = sorted(model.irm_reports.values(), key=lambda r: (r.values["date"], r.id), reverse=True)
    for lang in languages():
        rows = [[md.link(md.text(r.values["plan"]), f"../plans/{r.values['plan']}.md"), label("kind", r.values["kind"], lang),
                 md.date(r.values["date"], lang), md.text(v(r, "title", lang)),
                 " · ".join(f"[{label('language', code, lang)}]({r.values[f'url_{code}']})" for code in languages())]
                for r in reports]
        pages[f"irm-reports/index.{lang}.md"] = "\n".join([
            f"# {t('irm_reports', lang)}", "", t("irm_intro", lang), "",
            md.table([t("plan", lang), t("kind", lang), t("date", lang), t("title", lang), t("report", lang)], rows), "",
            csv_link("irm-report", lang), ""])
    return pages


def cocreation_pages(model: Model) -> dict[str, str]:
    """A page per co-creation record: timeline, channels, outreach and every input with its response."""
    pages = {}
    for c in model.cocreation.values():
        plan = model.plans.get(c.values["plan"])
        channels = {ch.values["id"]: ch for ch in model.data.records.get("channel", []) if ch.parent is c}
        inputs = [i for i in model.data.records.get("input", []) if i.parent is c]
        for lang in languages():
            title = f"{t('cocreation', lang)}: {md.text(v(plan, 'title', lang)) if plan else md.text(c.values['plan'])}"
            facts = [[t("type", lang), label("kind", c.values["kind"], lang)],
                     [t("period", lang), f"{md.date(c.values['start'], lang)} – {md.date(c.values['end'], lang)}"],
                     [t("timeline_published", lang), md.date(c.values["timeline_published"], lang)]]
            if plan:
                facts.append([t("plan", lang), md.link(md.text(v(plan, "title", lang)), f"../plans/{plan.id}.md")])
            out = [f"# {title}", "", example_note(c, lang), md.table([t("fact", lang), t("value", lang)], facts), "",
                   f"## {t('timeline', lang)}", "", demote(md.markdown(v(c, "timeline", lang))), "",
                   f"## {t('channels', lang)}", "",
                   md.table([t("channel", lang), t("kind", lang), t("opens", lang), t("closes", lang)],
                            [[md.text(v(ch, "title", lang)), label("kind", ch.values["kind"], lang),
                              md.date(ch.values["opens"], lang), md.date(ch.values["closes"], lang)] for ch in channels.values()]), ""]
            outreach = [m for m in c.values.get("outreach") or [] if m in model.meetings]
            if outreach:
                out += [f"## {t('outreach', lang)}", ""]
                out += [f"- {md.link(md.text(v(model.meetings[m], 'title', lang)), f'../meetings/{m}.md')}" for m in outreach] + [""]
            out += [f"## {t('inputs', lang)}", ""]
            for i in inputs:  # a block each, not a row of seven columns: proposals and responses are long
                facts = [(t("channel", lang), md.text(v(channels[i.values["channel"]], "title", lang)) if i.values["channel"] in channels else "—"),
                         (t("proposal", lang), md.text(v(i, "summary", lang))), (t("decision", lang), label("decision", i.values["decision"], lang)),
                         (t("response", lang), md.text(v(i, "response", lang))),
                         (t("response_published", lang), md.date(i.values["response_published"], lang) or "—")]
                out += [f"### {md.date(i.values['date'], lang)} — {md.text(v(i, 'from', lang))} {{: #{i.values['id']} }}", ""]
                out += [line for term, value in facts for line in (term, f":   {value}", "")]
            out += [csv_link("input", lang), ""]
            pages[f"cocreation/{c.id}.{lang}.md"] = "\n".join(out)
    return pages

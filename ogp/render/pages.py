"""Generated pages for every record, in Mongolian and English, as Markdown.

Each function returns ``{relative path under content/: Markdown}``; the hook
writes them with ``ogp.render.write.write_pages``. Links between pages are
relative ``.md`` links, so MkDocs checks every one of them in strict mode.
"""
from __future__ import annotations

import datetime as dt
import re

from ogp.facts.model import Model, commitment_progress, commitment_status, milestone_progress, next_milestone, next_plan_due, refresh_due
from ogp.records.load import Record
from ogp.records.rules import milestone_key
from ogp.render import md
from ogp.render.labels import label
from ogp.render.texts import t
from ogp.words import languages

FOLDERS = ["plans", "commitments", "meetings", "evidence", "organisations", "cocreation", "irm-reports"]


def v(record: Record, name: str, lang: str):
    """The ``name_<lang>`` value of a bilingual field."""
    return record.values.get(f"{name}_{lang}")


def org_name(model: Model, org_id: str | None, lang: str) -> str:
    """An organisation's name as escaped text (its id when unknown, "not stated" when there is none)."""
    if not org_id:
        return t("not_stated", lang)
    org = model.organisations.get(org_id)
    return md.text(v(org, "name", lang)) if org else md.text(org_id)


def example_note(record: Record, lang: str) -> str:
    """A visible note on records marked as example data."""
    return f"!!! note \"{t('example_title', lang)}\"\n    {t('example_note', lang)}\n\n" if record.values.get("example") else ""


def evidence_link(model: Model, evidence_id: str, lang: str, prefix: str) -> str:
    """A link to an evidence item on the first evidence page that lists it."""
    item = model.evidence.get(evidence_id)
    title = md.text(v(item, "title", lang)) if item else md.text(evidence_id)
    home = model.evidence_home(evidence_id)
    return md.link(title, f"{prefix}evidence/{home}.md#{evidence_id}" if home else f"{prefix}evidence/index.md")


def csv_link(kind: str, lang: str, prefix: str = "../") -> str:
    """A link to the open-data CSV of a record type (every list offers its data as CSV)."""
    return f"{md.link(t('download_csv', lang), f'{prefix}data/{kind}.csv')} · {md.link('datapackage.json', f'{prefix}data/datapackage.json')}"


def commitment_rows(model: Model, plan_id: str, lang: str, prefix: str) -> list[list[str]]:
    """Rows of a plan's commitment table: number, title, lead agency, status, progress, next milestone."""
    rows = []
    for c in model.commitments_of(plan_id):
        nxt = next_milestone(model, c)
        rows.append([
            str(c.values["number"]),
            md.link(md.text(v(c, "title", lang)), f"{prefix}commitments/{c.id}.md"),
            org_name(model, c.values.get("lead_agency"), lang),
            label("status", commitment_status(model, c), lang),
            md.progress(commitment_progress(model, c), t("progress", lang)),
            f"{md.text(v(nxt, 'title', lang))} ({md.date(nxt.values['due'], lang)})" if nxt else "—",
        ])
    return rows


def plan_pages(model: Model) -> dict[str, str]:
    """The list of plans and a page per plan."""
    pages = {}
    plans = sorted(model.plans.values(), key=lambda p: p.values["start"], reverse=True)
    for lang in languages():
        rows = [[md.link(md.text(v(p, "title", lang)), f"{p.id}.md"),
                 f"{md.date(p.values['start'], lang)} – {md.date(p.values['end'], lang)}",
                 label("length_years", p.values["length_years"], lang),
                 str(len(model.commitments_of(p.id)))] for p in plans]
        pages[f"plans/index.{lang}.md"] = "\n".join([
            f"# {t('plans', lang)}", "", t("plans_intro", lang), "",
            md.table([t("plan", lang), t("period", lang), t("length", lang), t("commitments", lang)], rows), "",
            csv_link("plan", lang), ""])
        for p in plans:
            pages[f"plans/{p.id}.{lang}.md"] = _plan_page(model, p, lang)
    return pages


def _plan_page(model: Model, p: Record, lang: str) -> str:
    facts = [
        [t("period", lang), f"{md.date(p.values['start'], lang)} – {md.date(p.values['end'], lang)}"],
        [t("length", lang), label("length_years", p.values["length_years"], lang)],
        [t("submitted", lang), md.date(p.values["submitted"], lang)],
        [t("end_date", lang), md.date(p.values["end"], lang)],
        [t("next_plan_due", lang), md.date(next_plan_due(p), lang)],
    ]
    if refresh_due(p):
        facts.append([t("refresh_due", lang), md.date(refresh_due(p), lang)])
    if p.values.get("refresh_submitted"):
        facts.append([t("refresh_submitted", lang), md.date(p.values["refresh_submitted"], lang)])
    out = [f"# {md.text(v(p, 'title', lang))}", "", example_note(p, lang), md.markdown(v(p, "summary", lang)), "",
           md.table([t("fact", lang), t("value", lang)], facts), ""]
    documents = p.values.get("documents") or []
    if documents:
        out += [f"## {t('documents', lang)}", ""] + [f"- {evidence_link(model, d, lang, '../')}" for d in documents] + [""]
    cocreations = [c for c in model.cocreation.values() if c.values["plan"] == p.id]
    if cocreations:
        out += [f"## {t('cocreation', lang)}", ""]
        for c in sorted(cocreations, key=lambda c: c.values["start"]):
            out.append(f"- {md.link(label('kind', c.values['kind'], lang), f'../cocreation/{c.id}.md')}: "
                       f"{md.date(c.values['start'], lang)} – {md.date(c.values['end'], lang)}, "
                       f"{len(c.values.get('inputs') or [])} {t('inputs_received', lang)}")
        out.append("")
    reports = sorted((r for r in model.irm_reports.values() if r.values["plan"] == p.id), key=lambda r: r.values["date"])
    if reports:
        out += [f"## {t('irm_reports', lang)}", ""]
        out += [f"- {label('kind', r.values['kind'], lang)} ({md.date(r.values['date'], lang)}): "
                f"[{md.text(v(r, 'title', lang))}]({r.values['url_' + lang]})" for r in reports] + [""]
    out += [f"## {t('commitments', lang)}", "",
            md.table([t("number", lang), t("commitment", lang), t("lead_agency", lang), t("status", lang),
                      t("progress", lang), t("next_milestone", lang)], commitment_rows(model, p.id, lang, "../")), "",
            csv_link("commitment", lang), ""]
    return "\n".join(out)


def commitment_pages(model: Model, updated: dict[str, str], history: dict[str, list] | None = None,
                     commit_url: str = "") -> dict[str, str]:
    """A page per commitment.

    ``updated`` maps record files to the date they last changed in git;
    ``history`` maps them to the updates that touched them (newest first).
    """
    pages = {}
    for c in model.commitments.values():
        for lang in languages():
            page = _commitment_page(model, c, lang, updated.get(c.file))
            pages[f"commitments/{c.id}.{lang}.md"] = page + _record_history((history or {}).get(c.file, []), lang, commit_url)
    return pages


def _record_history(updates: list, lang: str, commit_url: str) -> str:
    """The record's own history: every update of its file, with the commit."""
    if not updates:
        return ""
    items = [f"- {md.date(u.date, lang)} — " + (md.link(f"`{u.sha[:10]}`", f"{commit_url}{u.sha}") if commit_url else f"`{u.sha[:10]}`")
             for u in updates]
    return "\n".join(["", f"## {t('record_history', lang)}", ""] + items + ["", md.link(t("ledger_link", lang), "../updates.md"), ""])


def _indented(text: str) -> str:
    """Markdown kept inside a definition (or a list item): every line after the first indented."""
    return "\n    ".join(text.splitlines())


def milestone_block(model: Model, m: Record, lang: str) -> list[str]:
    """One milestone as a heading and a definition list, then its dated progress updates, newest first.

    A block, not a table row: long titles and outputs wrap at any width and print whole.
    """
    proof = [evidence_link(model, e, lang, "../") for e in m.values.get("evidence") or []]
    proof += [evidence_link(model, e.id, lang, "../") for e in model.evidence_for("milestones", milestone_key(m))
              if e.id not in (m.values.get("evidence") or [])]
    stated = t("not_stated", lang)
    due = md.date(m.values["due"], lang) or (md.text(v(m, "due_text", lang)) if v(m, "due_text", lang) else stated)
    if m.values["due"] and v(m, "due_text", lang):
        due += f" ({md.text(v(m, 'due_text', lang))})"
    facts = [(t("status", lang), f"{label('status', m.values['status'], lang)} · {md.progress(milestone_progress(m), t('progress', lang))}"),
             (t("output", lang), _indented(md.markdown(v(m, "output", lang))) or stated), (t("due", lang), due)]
    if m.values.get("lead_agency"):
        facts.append((t("lead_agency", lang), org_name(model, m.values["lead_agency"], lang)))
    if m.values.get("completed"):
        facts.append((t("completed", lang), md.date(m.values["completed"], lang)))
    facts.append((t("evidence", lang), ", ".join(proof) or "—"))
    # "m2" is the second milestone: a reader sees "2."; an id the plan itself gave ("1.3") is shown as it is.
    shown = m.values["id"][1:] if re.fullmatch(r"m\d+", m.values["id"]) else m.values["id"]
    out = [f"### {md.text(shown)}. {md.text(v(m, 'title', lang))} {{: #{m.values['id']} }}", ""]
    for term, value in facts:
        out += [term, f":   {value}", ""]
    updates = sorted(model.updates_of(m), key=lambda u: (u.values["date"], u.base[-1]), reverse=True)
    if updates:
        out += [f"**{t('updates', lang)}**", ""]
        for u in updates:
            links = [evidence_link(model, e, lang, "../") for e in u.values.get("evidence") or []]
            line = f"- **{md.date(u.values['date'], lang)}**: {_indented(md.markdown(v(u, 'text', lang)))}"
            out += [line + (f" ({', '.join(links)})" if links else ""), ""]
    return out


def _commitment_page(model: Model, c: Record, lang: str, last_updated: str | None) -> str:
    plan = model.plans.get(c.values["plan"])
    facts = [
        [t("plan", lang), md.link(md.text(v(plan, "title", lang)), f"../plans/{plan.id}.md") if plan else ""],
        [t("number", lang), str(c.values["number"])],
        [t("ogp_id", lang), md.text(c.values.get("ogp_id") or t("not_assigned", lang))],
        [t("status", lang), label("status", commitment_status(model, c), lang)],
        [t("progress", lang), md.progress(commitment_progress(model, c), t("progress", lang))],
        [t("lead_agency", lang), org_name(model, c.values.get("lead_agency"), lang)],
        [t("supporting", lang), ", ".join(org_name(model, o, lang) for o in c.values.get("supporting") or []) or "—"],
        [t("challenge_area", lang), label("challenge_area", c.values.get("challenge_area"), lang) or "—"],
        [t("policy_areas", lang), ", ".join(md.text(label("policy_area", a, lang)) for a in c.values.get("policy_areas") or []) or "—"],
        [t("theme", lang), md.text(v(c, "theme", lang)) or "—"],
        [t("contact", lang), " ".join(x for x in (md.text(v(c, "contact", lang)), md.text(c.values.get("contact_email"))) if x) or "—"],
        [t("last_updated", lang), md.date(dt.date.fromisoformat(last_updated), lang) if last_updated else "—"],
    ]
    out = [f"# {c.values['number']}. {md.text(v(c, 'title', lang))}", "", example_note(c, lang),
           md.table([t("fact", lang), t("value", lang)], facts), "",
           f"## {t('problem', lang)}", "", md.markdown(v(c, "problem", lang)) or f"*{t('not_stated', lang)}*", "",
           f"## {t('description', lang)}", "", md.markdown(v(c, "description", lang)), ""]
    for value in ("transparency", "participation", "accountability"):
        if v(c, value, lang):
            out += [f"## {t(value, lang)}", "", md.markdown(v(c, value, lang)), ""]
    out += [f"## {t('milestones', lang)}", ""]
    for m in model.milestones_of(c):
        out += milestone_block(model, m, lang)
    irm = [(t(f, lang), label(group, c.values.get(f), lang)) for f, group in (
        ("irm_verifiable", "yesno"), ("irm_ogp_lens", "yesno"), ("irm_potential", "potential"),
        ("irm_completion", "completion"), ("irm_early_results", "early_results")) if c.values.get(f)]
    out += [f"## {t('irm_assessment', lang)}", ""]
    out += [md.table([t("fact", lang), t("value", lang)], [list(row) for row in irm]) if irm else t("no_irm", lang), ""]
    evidence = model.evidence_of_commitment(c)
    out += [f"## {t('evidence', lang)}", ""]
    out += [f"- {md.date(e.values['date'], lang)} — {evidence_link(model, e.id, lang, '../')}" for e in evidence] or [t("none", lang)]
    meetings = sorted({mid for e in evidence for mid in e.values.get("meetings") or [] if mid in model.meetings})
    if meetings:
        out += ["", f"## {t('meetings', lang)}", ""]
        out += [f"- {md.link(md.text(v(model.meetings[m], 'title', lang)), f'../meetings/{m}.md')}" for m in meetings]
    return "\n".join(out) + "\n"

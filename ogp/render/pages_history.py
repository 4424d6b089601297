"""Pages about the repository's own history: the minimum-requirements page and the update ledger."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ogp.facts.compliance import RULES
from ogp.facts.model import Model
from ogp.facts.report import Report
from ogp.facts.updates import Update
from ogp.records.partial import parse_partial
from ogp.render import md
from ogp.render.labels import label
from ogp.render.pages import evidence_link
from ogp.render.pages import v as value_in
from ogp.render.report_text import FLAG_WORDS, claims
from ogp.render.texts import t
from ogp.words import languages, words

_H = {
    "evidence_declared": words("pages_history.evidence_declared"),
    "evidence_channel": words("pages_history.evidence_channel"),
    "evidence_input": words("pages_history.evidence_input"),
    "compliance": words("pages_history.compliance"),
    "compliance_intro": words("pages_history.compliance_intro"),
    "requirement": words("pages_history.requirement"),
    "rule": words("pages_history.rule"),
    "found": words("pages_history.found"),
    "evidence": words("pages_history.evidence"),
    "deadlines": words("pages_history.deadlines"),
    "ledger": words("pages_history.ledger"),
    "ledger_intro": words("pages_history.ledger_intro"),
    "commit": words("pages_history.commit"),
    "records": words("pages_history.records"),
    "history_incomplete": words("pages_history.history_incomplete"),
    "judged_at": words("pages_history.judged_at"),
    "flags": words("pages_history.flags"),
    "flags_intro": words("pages_history.flags_intro"),
    "part": words("pages_history.part"),
    "publications": words("pages_history.publications"),
    "no_log": words("pages_history.no_log"),
    "log_state": words("pages_history.log_state"),
    "rewritten": words("pages_history.rewritten"),
    "check": words("pages_history.check"),
    "state": words("pages_history.state"),
    "no_history": words("pages_history.no_history"),
}


def h(key: str, lang: str) -> str:
    """A fixed text of these pages."""
    return _H[key][lang]


def record_link(path: str, pages: set[str], prefix: str = "") -> str:
    """A link to the page of a record file that exists today, else the path as code.

    ``pages`` holds the record files of today's dataset: the ledger keeps old
    commits, whose files may since have been deleted or renamed.
    """
    parts = path.split("/")
    if path not in pages:
        return f"`{path}`"
    name = parts[-1].rsplit(".", 1)[0]
    pages = {"plans": "plans", "meetings": "meetings", "cocreation": "cocreation"}
    if len(parts) == 4 and parts[1] == "commitments" and path.endswith(".yml"):
        return md.link(md.text(name), f"{prefix}commitments/{name}.md")
    if len(parts) == 3 and parts[1] in pages and path.endswith(".yml"):
        return md.link(md.text(name), f"{prefix}{pages[parts[1]]}/{name}.md")
    return f"`{path}`"


def _day(value: str | dt.date | None, lang: str) -> str:
    """A day of the report (its data keeps ISO text; a plan's date may be a month or a year) in words."""
    if not value:
        return "—"
    day = value if isinstance(value, dt.date) else parse_partial(value)
    return md.date(day, lang) if day else md.text(str(value))


def _titled(model: Model | None, kind: str, item: dict, lang: str) -> str:
    """A nested record's title (a channel, an input's sender) from the records, else its id."""
    if model is not None:
        for record in model.data.records.get(kind, []):
            if record.file == item.get("file") and item["id"].endswith(record.values.get("id") or "\0"):
                return md.text(value_in(record, "title" if kind == "channel" else "from", lang) or item["id"])
    return md.text(item["id"])


def _evidence_item(item: dict, lang: str, commit_url: str, pages: set[str], model: Model | None = None) -> str:
    """One piece of a verdict's evidence as a reader reads it: names, dates in words, links to the records."""
    where = f" ({record_link(item['file'], pages)})" if item.get("file") else ""
    kind = item["kind"]
    if kind == "meeting":
        meeting = model.meetings.get(item["id"]) if model else None
        title = md.text(value_in(meeting, "title", lang)) if meeting else md.text(item["id"])
        return f"{_day(item['date'], lang)} — {md.link(title, 'meetings/' + item['id'] + '.md')}"
    if kind == "commit":
        flag = f" ⚠ {md.text(FLAG_WORDS[item['flag']][lang])}" if item.get("flag") else ""
        return f"{_day(item['date'], lang)} — {commit_ref(item['sha'], commit_url)}{flag}{where}"
    if kind == "evidence":
        shown = evidence_link(model, item["id"], lang, "") if model else md.text(item["id"])
        spoken = ", ".join(label("language", code, lang) for code in item.get("languages") or [])
        return shown + (f" ({spoken})" if spoken else "")
    if kind == "declared":
        return h("evidence_declared", lang).format(date=_day(item["date"], lang)) + where
    if kind == "channel":
        return h("evidence_channel", lang).format(channel=_titled(model, "channel", item, lang), opens=_day(item["opens"], lang),
                                                  closes=_day(item["closes"], lang)) + where
    if kind == "input":
        return h("evidence_input", lang).format(sender=_titled(model, "input", item, lang),
                                                date=_day(item.get("response_published"), lang)) + where
    return md.text(item.get("id", "")) + where


def commit_ref(sha: str, commit_url: str) -> str:
    """A commit's short hash as code, linked to the hosting site when its address is known."""
    return md.link(f"`{sha[:10]}`", f"{commit_url}{sha}") if commit_url else f"`{sha[:10]}`"


def _checks(report: Report, rid: str) -> list[str]:
    """Commands that give the same answer from a full clone: ``ogp`` always, plain ``git`` where it can."""
    head, zone = report.history.get("head") or "HEAD", report.history.get("timezone", "")
    plan = f" --plan {report.plan}" if report.plan else ""
    found = [f"git checkout {head[:10]} && ogp compliance --as-of {report.as_of}{plan}"]
    if rid == "2.2":
        found.append(f"TZ={zone} git log --first-parent --date=format-local:%Y-%m-%d --format='%cd %h' -- data/")
    if rid == "3.1":
        for item in report.verdicts[rid].evidence:
            if item.get("file"):
                found.append(f"TZ={zone} git log --first-parent --follow --date=format-local:%Y-%m-%d "
                             f"--format='%cd %h' -- {item['file']}")
    return found


def _flags(report: Report, lang: str, commit_url: str) -> list[str]:
    if not report.flags:
        return []
    out = [f'!!! danger "{h("flags", lang)}"', "", f"    {h('flags_intro', lang)}", ""]
    for flag in report.flags:
        out.append(f"    - {commit_ref(flag['sha'], commit_url)}: {md.text(FLAG_WORDS[flag['flag']][lang])} — "
                   f"{md.text(claims(flag, lang))}")
    return out + [""]


def _publications(report: Report, lang: str, commit_url: str) -> list[str]:
    """The publication log's word on the history: how many deploys, the last one, every rewrite."""
    log = report.publications
    out = [f"## {h('publications', lang)} {{#publications}}", ""]
    if not log:
        return out + [h("no_log", lang), ""]
    last = log.get("last") or {}
    out += [h("log_state", lang).format(count=log["deploys"], commit=commit_ref(last.get("commit", ""), commit_url) if last else "—",
                                        when=last.get("deployed_at", "—").replace("T", " ")[:16] + " UTC"), ""]
    if log["rewrites"]:
        kind = "danger" if log["unacknowledged"] else "note"
        out += [f'!!! {kind} "{h("rewritten", lang)}"', ""]
        out += [f"    - {md.text(r['message'][lang])}" for r in log["rewrites"]] + [""]
    return out + [f"**{h('check', lang)}:** `ogp publications verify --log publications.json` · "
                  f"{md.link('publications.json', 'data/publications.json')}", ""]


def compliance_pages(report: Report, commit_url: str, notice: Mapping[str, str] | None = None,
                     pages: set[str] | None = None, model: Model | None = None) -> dict[str, str]:
    """``compliance.<lang>.md``: each requirement's status, rule, parts, evidence and how to check it.

    ``notice``, per language, says why the history could not be read (the verdicts then say unverifiable).
    """
    out_pages = {}
    pages = pages or set()
    for lang in languages():
        rows = [[f"[{rid}](#req-{rid.replace('.', '-')})", f"**{label('verdict', v.status, lang)}**",
                 md.text(RULES[rid][lang]), md.text(v.found[lang])] for rid, v in report.verdicts.items()]
        out = [f"# {h('compliance', lang)}", "", h("compliance_intro", lang).format(date=_day(report.as_of, lang), plan=report.plan or "—"), ""]
        if report.history.get("head"):
            out += [h("judged_at", lang).format(commit=commit_ref(report.history["head"], commit_url),
                                                begins=_day(report.history.get("begins"), lang), zone=report.history.get("timezone")), ""]
        if notice:
            out += [f'!!! warning "{h("history_incomplete", lang)}"', f"    {md.text(notice[lang])}", ""]
        out += _flags(report, lang, commit_url)
        out += [md.table([h("requirement", lang), t("status", lang), h("rule", lang), h("found", lang)], rows), ""]
        for rid, v in report.verdicts.items():
            out += [f"## {rid}: {label('verdict', v.status, lang)} {{#req-{rid.replace('.', '-')}}}", "",
                    md.text(RULES[rid][lang]), "", md.text(v.found[lang]), ""]
            if len(v.parts) > 1:
                out += [md.table([h("part", lang), t("status", lang), h("found", lang)],
                                 [[md.text(p.name(lang)), label("verdict", p.status, lang), md.text(p.found[lang])] for p in v.parts]), ""]
            if v.evidence:
                out += [f"**{h('evidence', lang)}:**", ""] + [f"- {_evidence_item(e, lang, commit_url, pages, model)}" for e in v.evidence[-20:]] + [""]
            out += [f"**{h('check', lang)}:**", ""] + [f"- `{command}`" for command in _checks(report, rid)] + [""]
        out += _publications(report, lang, commit_url)
        if report.deadlines:
            out += [f"## {h('deadlines', lang)}", "", md.table(
                [t("plan", lang), t("type", lang), t("date", lang), t("status", lang), h("state", lang)],
                [[md.link(d["plan"], f"plans/{d['plan']}.md"), label("deadline", d["kind"], lang), _day(d["date"], lang),
                  ("⚠ " if d["warning"] else "") + label("verdict", d["status"], lang), md.text(d["state"][lang])]
                 for d in report.deadlines]), ""]
        out_pages[f"compliance.{lang}.md"] = "\n".join(out)
    return out_pages


def ledger_pages(updates: list[Update], commit_url: str, pages: set[str] | None = None) -> dict[str, str]:
    """``updates.<lang>.md``: every update, newest first, with the records it touched.

    A commit whose date cannot be true is marked; it is listed at the date it counts at.
    """
    pages = pages or set()
    out_pages = {}
    for lang in languages():
        rows = [[md.date(u.date, lang),
                 commit_ref(u.sha, commit_url) + (f" ⚠ {md.text(FLAG_WORDS[u.flag][lang])}" if u.flag else ""),
                 ", ".join(record_link(f, pages) for f in u.files)] for u in updates]
        out = [f"# {h('ledger', lang)}", "", h("ledger_intro", lang), ""]
        out += [md.table([t("date", lang), h("commit", lang), h("records", lang)], rows) if rows else h("no_history", lang), "",
                f"{md.link(t('download_csv', lang), 'data/updates.csv')} · {md.link('updates.json', 'data/updates.json')} · "
                f"{md.link('compliance.json', 'data/compliance.json')}", ""]
        out_pages[f"updates.{lang}.md"] = "\n".join(out)
    return out_pages

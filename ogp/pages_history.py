"""Pages about the repository's own history: the minimum-requirements page and the update ledger."""
from __future__ import annotations

from . import md
from .compliance import RULES
from .compliance_plan import Report
from .labels import label
from .pages import LANGS
from .texts import t
from .updates import Update

_H = {
    "compliance": {"mn": "Зайлшгүй биелүүлэх шаардлага", "en": "Minimum requirements"},
    "compliance_intro": {
        "mn": "НЗТ-ийн оролцоо ба хамтын бүтээлийн стандартын зайлшгүй биелүүлэх шаардлага бүрийн төлөв, {date}-ны байдлаар. Дүгнэлт бүрийг энэ баримтын сангийн бичлэг ба git-ийн түүхээс автоматаар гаргадаг; нотолгоо нь доор бий.",
        "en": "The status of each OGP minimum requirement as of {date}. Every verdict is computed from this repository's records and its git history; the evidence is listed below.",
    },
    "requirement": {"mn": "Шаардлага", "en": "Requirement"},
    "rule": {"mn": "Дүрэм", "en": "Rule"},
    "found": {"mn": "Илэрсэн байдал", "en": "What was found"},
    "evidence": {"mn": "Нотолгоо", "en": "Evidence"},
    "deadlines": {"mn": "Төлөвлөгөөний хугацаанууд", "en": "Plan deadlines"},
    "days_left": {"mn": "Үлдсэн хоног", "en": "Days left"},
    "ledger": {"mn": "Шинэчлэлийн бүртгэл", "en": "Update ledger"},
    "ledger_intro": {
        "mn": "Баримтын сангийн бичлэг, нотлох баримтыг өөрчилсөн нийтлэгдсэн commit бүр (хэлбэр засварласан, зөвхөн хоосон зай өөрчилсөн commit-ийг тооцохгүй). Огноо нь тухайн commit үндсэн салбарт орсон өдөр (Улаанбаатарын цагаар). Hash бүрийг `git log` командаар шалгаж болно.",
        "en": "Every published commit that changed the repository's records or evidence (commits that only change formatting or whitespace do not count). The date is the day the commit reached the main branch, in Ulaanbaatar time. Each hash can be checked with `git log`.",
    },
    "commit": {"mn": "Commit", "en": "Commit"},
    "records": {"mn": "Өөрчлөгдсөн бичлэг", "en": "Records changed"},
    "history_incomplete": {"mn": "Git-ийн түүх дутуу", "en": "Git history incomplete"},
    "no_history": {"mn": "Git-ийн түүх олдсонгүй.", "en": "No git history was found."},
    "periods": {"mn": "Он тус бүрийн шинэчлэл", "en": "Updates per year"},
    "period": {"mn": "Хугацаа", "en": "Period"},
    "days": {"mn": "Шинэчилсэн өдрүүд", "en": "Update days"},
}


def h(key: str, lang: str) -> str:
    """A fixed text of these pages."""
    return _H[key][lang]


def record_link(path: str, prefix: str = "") -> str:
    """A link to the page of a record file, or the path as code when it has no page."""
    parts = path.split("/")
    name = parts[-1].rsplit(".", 1)[0]
    pages = {"plans": "plans", "meetings": "meetings", "cocreation": "cocreation"}
    if len(parts) == 4 and parts[1] == "commitments" and path.endswith(".yml"):
        return md.link(md.text(name), f"{prefix}commitments/{name}.md")
    if len(parts) == 3 and parts[1] in pages and path.endswith(".yml"):
        return md.link(md.text(name), f"{prefix}{pages[parts[1]]}/{name}.md")
    return f"`{path}`"


def _evidence_item(item: dict, lang: str, commit_url: str) -> str:
    if item["kind"] == "meeting":
        return f"{item['date']} — {md.link(md.text(item['id']), 'meetings/' + item['id'] + '.md')}"
    if item["kind"] == "commit":
        sha = item["sha"][:10]
        shown = md.link(f"`{sha}`", f"{commit_url}{item['sha']}") if commit_url else f"`{sha}`"
        return f"{item['date']} — {shown}" + (f" ({record_link(item['file'])})" if item.get("file") else "")
    shown = {k: ", ".join(v) if isinstance(v, list) else v for k, v in item.items() if k != "kind" and v}
    return " · ".join(f"{k}: {md.text(v)}" for k, v in shown.items())


def compliance_pages(report: Report, commit_url: str, notice: str = "") -> dict[str, str]:
    """``compliance.<lang>.md``: each requirement's status, rule, finding and evidence."""
    pages = {}
    for lang in LANGS:
        rows = [[f"[{rid}](#req-{rid.replace('.', '-')})", f"**{label('verdict', v.status, lang)}**",
                 md.text(RULES[rid][lang]), md.text(v.found[lang])] for rid, v in report.verdicts.items()]
        out = [f"# {h('compliance', lang)}", "", h("compliance_intro", lang).format(date=report.as_of), ""]
        if notice:
            out += [f'!!! warning "{h("history_incomplete", lang)}"', f"    {md.text(notice)}", ""]
        out += [
               md.table([h("requirement", lang), t("status", lang), h("rule", lang), h("found", lang)], rows), ""]
        for rid, v in report.verdicts.items():
            out += [f"## {rid}: {label('verdict', v.status, lang)} {{#req-{rid.replace('.', '-')}}}", "",
                    md.text(RULES[rid][lang]), "", md.text(v.found[lang]), ""]
            if v.evidence:
                out += [f"**{h('evidence', lang)}:**", ""] + [f"- {_evidence_item(e, lang, commit_url)}" for e in v.evidence[-20:]] + [""]
        if report.periods:
            out += [f"## {h('periods', lang)}", "", md.table(
                [h("period", lang), t("status", lang), h("days", lang)],
                [[f"{p.start} – {p.end}", label("verdict", p.status, lang), ", ".join(d.isoformat() for d in p.update_dates) or "—"]
                 for p in reversed(report.periods)]), ""]
        if report.deadlines:
            out += [f"## {h('deadlines', lang)}", "", md.table(
                [t("plan", lang), t("type", lang), t("date", lang), h("days_left", lang)],
                [[md.link(d["plan"], f"plans/{d['plan']}.md"), ("⚠ " if d["warning"] else "") + label("deadline", d["kind"], lang),
                  d["date"], str(d["days_left"])] for d in report.deadlines]), ""]
        pages[f"compliance.{lang}.md"] = "\n".join(out)
    return pages


def ledger_pages(updates: list[Update], commit_url: str) -> dict[str, str]:
    """``updates.<lang>.md``: every update, newest first, with the records it touched."""
    pages = {}
    for lang in LANGS:
        rows = [[u.date.isoformat(),
                 md.link(f"`{u.sha[:10]}`", f"{commit_url}{u.sha}") if commit_url else f"`{u.sha[:10]}`",
                 ", ".join(record_link(f) for f in u.files)] for u in updates]
        out = [f"# {h('ledger', lang)}", "", h("ledger_intro", lang), ""]
        out += [md.table([t("date", lang), h("commit", lang), h("records", lang)], rows) if rows else h("no_history", lang), "",
                f"{md.link(t('download_csv', lang), 'data/updates.csv')} · {md.link('updates.json', 'data/updates.json')} · "
                f"{md.link('compliance.json', 'data/compliance.json')}", ""]
        pages[f"updates.{lang}.md"] = "\n".join(out)
    return pages

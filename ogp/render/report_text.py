"""The minimum-requirements report as plain text, for ``ogp compliance`` (the page is in pages_history.py)."""
from __future__ import annotations

from ogp.facts.compliance import RULES
from ogp.facts.report import Report
from ogp.render.labels import label
from ogp.words import words

FLAG_WORDS = {
    "backdated": words("report_text.backdated"),
    "future": words("report_text.future"),
    "after-deploy": words("report_text.after-deploy"),
    "before-deploy": words("report_text.before-deploy"),
}

_T = {
    "head": words("report_text.head"),
    "at": words("report_text.at"),
    "deadlines": words("report_text.deadlines"),
    "flags": words("report_text.flags"),
    "rewrites": words("report_text.rewrites"),
    "claims": words("report_text.claims"),
}


def flag_line(flag: dict, lang: str) -> str:
    """One flagged commit in words: hash, what is wrong with its date, claimed and counted dates."""
    return f"{flag['sha'][:10]}  {FLAG_WORDS[flag['flag']][lang]}: {claims(flag, lang)}"


def claims(flag: dict, lang: str) -> str:
    """A flagged commit's dates in words: as written, and as counted (minutes, no seconds)."""
    return _T["claims"][lang].format(claimed=flag["claimed"][:16].replace("T", " "), counted=flag["counted"][:16].replace("T", " "))


def deadline_line(deadline: dict, lang: str) -> str:
    """One plan deadline in words: plan, what is due, date, status and state ("overdue by 183 days")."""
    return (f"{deadline['plan']}  {label('deadline', deadline['kind'], lang)}  {deadline['date']}  "
            f"{label('verdict', deadline['status'], lang)} — {deadline['state'][lang]}")


def report_text(report: Report, lang: str, commit: str = "") -> str:
    """Every verdict with its parts, the deadlines and the flagged commits, in ``lang``."""
    info = report.history
    out = [_T["head"][lang].format(plan=report.plan or "—", day=report.as_of)]
    if info.get("head") or commit:
        out.append("(" + _T["at"][lang].format(commit=(commit or info.get("head") or "")[:10], begins=info.get("begins") or "—",
                                              zone=info.get("timezone", "")) + ")")
    out.append("")
    for rid, verdict in report.verdicts.items():
        out.append(f"{rid}  {label('verdict', verdict.status, lang):<16} {verdict.found[lang]}")
        out.append(f"      {RULES[rid][lang]}")
        if len(verdict.parts) > 1:
            out += [f"      - {part.name(lang)}: {label('verdict', part.status, lang)} — {part.found[lang]}" for part in verdict.parts]
    if report.deadlines:
        out += ["", _T["deadlines"][lang]] + [f"  {deadline_line(d, lang)}" for d in report.deadlines]
    if report.flags:
        out += ["", _T["flags"][lang]] + [f"  {flag_line(f, lang)}" for f in report.flags]
    if report.publications.get("rewrites"):
        out += ["", _T["rewrites"][lang]] + [f"  {r['message'][lang]}" for r in report.publications["rewrites"]]
    return "\n".join(out)

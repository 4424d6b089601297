"""The minimum-requirements report as plain text, for ``ogp compliance`` (the page is in pages_history.py)."""
from __future__ import annotations

from ogp.facts.compliance import RULES
from ogp.facts.report import Report
from ogp.render.labels import label

FLAG_WORDS = {
    "backdated": {"mn": "эцэг commit-ийнхээс өмнөх огноотой", "en": "dated before its parent"},
    "future": {"mn": "ирээдүйн огноотой", "en": "dated in the future"},
    "after-deploy": {"mn": "өөрийг нь агуулсан анхны нийтлэлээс хойших огноотой",
                     "en": "dated after the first deploy that included it"},
    "before-deploy": {"mn": "өөрийг нь агуулаагүй, өмнөх нэгэн нийтлэлээс ч эрт огноотой",
                      "en": "dated before an earlier deploy that did not include it"},
}

_T = {
    "head": {"mn": "{plan} төлөвлөгөөний зайлшгүй биелүүлэх шаардлага, {day} өдрийн байдлаар",
             "en": "Minimum requirements of plan {plan} as of {day}"},
    "at": {"mn": "commit {commit}; git-ийн түүх эхэлсэн огноо: {begins}; цагийн бүс: {zone}",
           "en": "commit {commit}; the git history begins on {begins}; time zone {zone}"},
    "deadlines": {"mn": "Эцсийн хугацаанууд:", "en": "Deadlines:"},
    "flags": {"mn": "Огноо нь үнэн байх боломжгүй commit-ууд (түүхэнд нийцэх хамгийн эрт огноогоор тооцсон):",
              "en": "Commits whose date cannot be true (counted at the earliest date the history supports):"},
    "rewrites": {"mn": "Нийтлэлийн бүртгэлээс илэрсэн, дахин бичигдсэн түүх:", "en": "History rewritten, by the publication log:"},
    "claims": {"mn": "бичигдсэн огноо {claimed}, тооцсон огноо {counted}", "en": "claims {claimed}, counted at {counted}"},
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

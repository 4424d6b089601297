"""A generator of valid, bilingual synthetic datasets, for benchmarks and tests.

Every record it writes is marked ``example: true``. Sizes are chosen by the
caller; the records reference each other as real ones do (plans, commitments
with milestones, evidence proving milestones, meetings, organisations).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

_MN_WORDS = ["ил тод", "оролцоо", "хариуцлага", "төсөв", "мэдээлэл", "иргэд", "үйлчилгээ", "нээлттэй өгөгдөл"]
_EN_WORDS = ["transparency", "participation", "accountability", "budget", "information", "citizens",
             "services", "open data"]


def _text(words: list[str], n: int, length: int = 12) -> str:
    return " ".join(words[(n + i) % len(words)] for i in range(length)).capitalize() + "."


def write_dataset(root: Path, plans: int = 1, commitments: int = 15, milestones_per_commitment: int = 4,
                  meetings: int = 50, evidence: int = 500, organisations: int = 20) -> dict[str, int]:
    """Write a synthetic dataset under ``root/data``; return how many files of each kind."""
    data = Path(root) / "data"
    for folder in ("plans", "organisations", "meetings", "evidence", "files/synthetic"):
        (data / folder).mkdir(parents=True, exist_ok=True)
    for o in range(organisations):
        (data / "organisations" / f"org-{o}.yml").write_text(
            f"id: org-{o}\nname_mn: Байгууллага {o}\nname_en: Organisation {o}\ntype: government\nexample: true\n",
            encoding="utf-8")
    per_plan = max(1, -(-commitments // plans))
    commitment_ids = []
    for p in range(plans):
        start = dt.date(2024 - 2 * (plans - 1 - p), 1, 1)  # the last plan starts in 2024; none in the future
        end = dt.date(start.year + 3, 12, 31)
        (data / "plans" / f"nap{p + 1}.yml").write_text(
            f"id: nap{p + 1}\nnumber: {p + 1}\ntitle_mn: Төлөвлөгөө {p + 1}\ntitle_en: Plan {p + 1}\n"
            f"start: {start}\nend: {end}\nlength_years: 4\nsubmitted: {start - dt.timedelta(days=10)}\n"
            f"example: true\n", encoding="utf-8")
        folder = data / "commitments" / f"nap{p + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, per_plan + 1):
            if len(commitment_ids) >= commitments:
                break
            cid = f"nap{p + 1}-{n:02d}" if n < 100 else f"nap{p + 1}x{n}-{n % 100:02d}"
            commitment_ids.append((cid, start, end))
            lines = [
                f"id: {cid}", f"plan: nap{p + 1}", f"number: {n}",
                f"title_mn: Үүрэг амлалт {n}", f"title_en: Commitment {n}",
                f"problem_mn: {_text(_MN_WORDS, n)}", f"problem_en: {_text(_EN_WORDS, n)}",
                f"description_mn: {_text(_MN_WORDS, n + 1, 30)}", f"description_en: {_text(_EN_WORDS, n + 1, 30)}",
                f"transparency_mn: {_text(_MN_WORDS, n + 2)}", f"transparency_en: {_text(_EN_WORDS, n + 2)}",
                f"lead_agency: org-{n % organisations}", "challenge_area: fiscal-openness", "milestones:",
            ]
            for m in range(1, milestones_per_commitment + 1):
                due = start + dt.timedelta(days=200 * m)
                lines += [f"  - id: m{m}", f"    title_mn: Үе шат {m}", f"    title_en: Milestone {m}",
                          f"    output_mn: {_text(_MN_WORDS, m, 6)}", f"    output_en: {_text(_EN_WORDS, m, 6)}",
                          f"    due: {due}", "    status: in-progress", f"    progress: {(m * 20) % 100}"]
            lines.append("example: true")
            (folder / f"{cid}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "files/synthetic/report.txt").write_text("Synthetic evidence file.\n", encoding="utf-8")
    for e in range(evidence):
        cid, start, _ = commitment_ids[e % len(commitment_ids)]
        source = "file: data/files/synthetic/report.txt" if e % 2 else f"url: https://example.org/e/{e}.pdf"
        (data / "evidence" / f"ev-{e}.yml").write_text(
            f"id: ev-{e}\ntitle_mn: Нотлох баримт {e}\ntitle_en: Evidence {e}\ndate: {start}\nkind: report\n"
            f"{source}\nlanguages: [mn, en]\ncommitments: [{cid}]\nmilestones: [{cid}.m1]\nexample: true\n",
            encoding="utf-8")
    for m in range(meetings):
        day = dt.date(2016, 1, 1) + dt.timedelta(days=7 * m)
        mid = f"{day}-meeting-{m}"
        (data / "meetings" / f"{mid}.yml").write_text(
            f"id: {mid}\ndate: {day}\ntype: forum\nformat: online\ntitle_mn: Хурал {m}\ntitle_en: Meeting {m}\n"
            f"organisations: [org-{m % organisations}]\nexample: true\n", encoding="utf-8")
    return {"plans": plans, "commitments": len(commitment_ids), "meetings": meetings, "evidence": evidence,
            "organisations": organisations}

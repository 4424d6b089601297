"""The IRM evidence pack: one zip per plan with the evidence behind every verdict.

The manifest lists, per minimum requirement and per commitment, each piece of
evidence with the date and commit in which the repository first published it,
so a researcher can check it against ``git log`` on the same hashes.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from .audit import Audit
from .model import Model
from .updates import first_published

COLUMNS = ["section", "item", "status", "evidence_kind", "evidence_id", "title_en", "date", "file", "url",
           "first_published", "first_commit"]

README = """IRM evidence pack / ХБТМ-д зориулсан нотлох баримтын багц

manifest.csv  one row per piece of evidence, per minimum requirement and per commitment of the plan,
              with the date and commit in which this repository first published it.
              Нотлох баримт бүр (шаардлага ба үүрэг амлалт тус бүрээр), анх нийтэлсэн огноо, commit-ийн хамт.
compliance.json  the verdict on every minimum requirement / шаардлага бүрийн дүгнэлт.
data/         the record files and evidence files listed in the manifest / жагсаалтад буй файлууд.
"""


def _row(section, item, status, kind, evidence_id, title, date, file, url, published) -> list[str]:
    sha, day = published.get(file, ("", None)) if file else ("", None)
    return [section, item, status, kind, evidence_id, title or "", date or "", file or "", url or "",
            day.isoformat() if day else "", sha]


def manifest_rows(model: Model, found: Audit, plan_id: str) -> tuple[list[list[str]], set[str]]:
    """Rows of ``manifest.csv`` and the repository files they name."""
    published = first_published(found.commits)
    rows, files = [], set()
    for rid, verdict in found.report.verdicts.items():
        for item in verdict.evidence:
            file = item.get("file", "")
            rows.append(_row(rid, rid, verdict.status, item["kind"], item.get("id") or item.get("sha", ""), "",
                             item.get("date", ""), file, item.get("url", ""), published))
            if file:
                files.add(file)
        if not verdict.evidence:
            rows.append(_row(rid, rid, verdict.status, "", "", "", "", "", "", published))
    for commitment in model.commitments_of(plan_id):
        rows.append(_row("commitment", commitment.id, "", "record", commitment.id, commitment.values["title_en"],
                         "", commitment.file, "", published))
        files.add(commitment.file)
        for evidence in model.evidence_of_commitment(commitment):
            rows.append(_row("commitment", commitment.id, "", evidence.values["kind"], evidence.id, evidence.values["title_en"],
                             evidence.values["date"].isoformat(), evidence.values.get("file") or evidence.file,
                             evidence.values.get("url") or "", published))
            files.add(evidence.file)
            if evidence.values.get("file"):
                files.add(evidence.values["file"])
    return rows, files


def write_pack(model: Model, found: Audit, plan_id: str, out: Path) -> Path:
    """Write the zip for ``plan_id`` to ``out``; return its path."""
    rows, files = manifest_rows(model, found, plan_id)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Fixed timestamps: the same repository state gives the same zip, byte for byte.
    stamp = (found.report.as_of.year, found.report.as_of.month, found.report.as_of.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as pack:
        def add(name: str, data: bytes) -> None:
            pack.writestr(zipfile.ZipInfo(name, stamp), data, zipfile.ZIP_DEFLATED)

        add("README.txt", README.encode("utf-8"))
        add("manifest.csv", text.getvalue().encode("utf-8"))
        add("compliance.json", json.dumps(found.report.as_dict(), ensure_ascii=False, indent=1).encode("utf-8"))
        for name in sorted(files):
            path = model.data.root / name
            if path.is_file():
                add(name, path.read_bytes())
    return out

"""The IRM evidence pack: one zip per plan that says where it came from and can be checked line by line.

``manifest.json`` names the repository, branch, judged commit, date, time zone
and year mode; every file with its SHA-256 and git blob id; every update of
the plan's period with its commit, dates, author, subject and pull request;
the milestones with their evidence and the meetings with their minutes.
``manifest.csv`` lists the evidence per requirement and per commitment;
``compliance.json`` holds the verdicts. ``ogp irm-pack verify`` re-derives
every claim from a full clone (see :mod:`ogp.render.irmpack_verify`).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ogp import __version__
from ogp.facts.audit import Audit, commit_url
from ogp.facts.history import run_git
from ogp.facts.model import Model, milestone_key
from ogp.facts.updates import first_published
from ogp.facts.versions import blob_ids, commit_facts
from ogp.words import languages


def title_language() -> str:
    """The language of the titles in the manifest: English where the repository has it (the IRM reads it)."""
    return "en" if "en" in languages() else languages()[0]


def columns() -> list[str]:
    """The manifest's columns."""
    return ["section", "item", "status", "evidence_kind", "evidence_id", f"title_{title_language()}", "date", "file", "url",
            "first_published", "first_commit"]
# "Fix dates (#42)" from a squash merge, "Merge pull request #42 from ..." from a merge commit.
PULL_REQUEST = re.compile(r"\(#(\d+)\)\s*$|^Merge pull request #(\d+)\b")
README = (Path(__file__).parent / "irmpack_readme.txt")


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
        rows.append(_row("commitment", commitment.id, "", "record", commitment.id, commitment.values[f"title_{title_language()}"],
                         "", commitment.file, "", published))
        files.add(commitment.file)
        for evidence in model.evidence_of_commitment(commitment):
            rows.append(_row("commitment", commitment.id, "", evidence.values["kind"], evidence.id, evidence.values[f"title_{title_language()}"],
                             evidence.values["date"].isoformat(), evidence.values.get("file") or evidence.file,
                             evidence.values.get("url") or "", published))
            files.add(evidence.file)
            if evidence.values.get("file"):
                files.add(evidence.values["file"])
    return rows, files


def pull_request(subject: str) -> int | None:
    """The pull-request number a merge or squash commit's subject names, if any."""
    match = PULL_REQUEST.search(subject)
    return int(match.group(1) or match.group(2)) if match else None


def _repository(root: Path) -> tuple[str, str]:
    """The repository's address (``OGP_REPO_URL``, else origin without credentials) and the branch."""
    address = commit_url()[: -len("/commit/")] if commit_url() else ""
    if not address:
        origin = run_git(root, "config", "--get", "remote.origin.url").stdout.decode("utf-8", "replace").strip()
        parts = urlsplit(origin)  # a token or password in the address must not reach the pack
        address = urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))) \
            if parts.scheme and parts.hostname else re.sub(r"^[^@/]*@", "", origin)
    branch = run_git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.decode("utf-8", "replace").strip()
    return address, branch


def _meetings(model: Model, plan_id: str, files: set[str]) -> list[dict]:
    plan = model.plans[plan_id]
    starts = [c.values["start"] for c in model.cocreation.values() if c.values["plan"] == plan_id]
    first = min(starts + [plan.values["start"]])
    found = []
    for meeting in sorted(model.meetings.values(), key=lambda m: (m.values["date"], m.id)):
        if meeting.values.get("plan") == plan_id or first <= meeting.values["date"] <= plan.values["end"]:
            minutes = sorted(Path(path).relative_to(model.data.root).as_posix()
                             for path in model.data.minutes.get(meeting.id, {}).values())
            files.add(meeting.file)
            files.update(minutes)
            found.append({"id": meeting.id, "date": meeting.values["date"].isoformat(), "type": meeting.values["type"],
                          "file": meeting.file, "minutes": minutes})
    return found


def manifest(model: Model, found: Audit, plan_id: str, root: Path, commit: str, files: set[str]) -> dict:
    """The pack's ``manifest.json`` (``files`` gains the minutes and records it names)."""
    report, plan = found.report, model.plans[plan_id]
    head = commit or report.history.get("head") or ""
    address, branch = _repository(Path(root))
    facts = commit_facts(Path(root), head) if head else {}
    last = min(plan.values["end"], report.as_of)
    # Every update the verdicts counted: 2.2's first period may begin before the plan (its calendar year).
    first = min([plan.values["start"]] + [p.start for p in report.periods])
    updates = [{"commit": u.sha, "date": u.date.isoformat(), "counted": u.committed.isoformat(),
                "committer_date": facts.get(u.sha, {}).get("committer_date", ""), "flag": u.flag,
                "author": facts.get(u.sha, {}).get("author", ""), "subject": facts.get(u.sha, {}).get("subject", ""),
                "pull_request": pull_request(facts.get(u.sha, {}).get("subject", ""))}
               for u in reversed(found.updates) if first <= u.date <= last]
    milestones = [{"commitment": c.id, "milestone": milestone_key(m), "status": m.values.get("status"),
                   "due": m.values["due"].isoformat() if m.values.get("due") else None,
                   "completed": m.values["completed"].isoformat() if m.values.get("completed") else None,
                   "evidence": sorted(set(m.values.get("evidence") or [])
                                      | {e.id for e in model.evidence_for("milestones", milestone_key(m))})}
                  for c in model.commitments_of(plan_id) for m in model.milestones_of(c)]
    meetings = _meetings(model, plan_id, files)
    files.add(plan.file)
    blobs = blob_ids(Path(root), head) if head else {}
    listed = []
    for name in sorted(files):
        path = model.data.root / name
        if path.is_file() and not path.is_symlink():  # validation refuses links; never pack what one points at
            content = path.read_bytes()
            listed.append({"path": name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
                           "blob": blobs.get(name)})
    return {"repository": address, "branch": branch, "head": head, "as_of": report.as_of.isoformat(),
            "timezone": report.history.get("timezone"), "year_mode": report.history.get("year_mode"),
            "halves": report.history.get("halves"), "judged_at": found.judged_at, "tool": f"ogp {__version__}",
            "plan": {"id": plan_id, "start": plan.values["start"].isoformat(), "end": plan.values["end"].isoformat()},
            "history_begins": report.history.get("begins"), "files": listed, "updates": updates,
            "milestones": milestones, "meetings": meetings, "flagged_commits": report.flags,
            "publication_log": found.publications}


def write_pack(model: Model, found: Audit, plan_id: str, out: Path, root: Path | None = None,
               commit: str = "") -> tuple[Path, int]:
    """Write the zip for ``plan_id`` to ``out``; return its path and the number of manifest.csv rows."""
    rows, files = manifest_rows(model, found, plan_id)
    facts = manifest(model, found, plan_id, Path(root or model.data.root), commit, files)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns())
    writer.writerows(rows)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Fixed timestamps: the same repository state gives the same zip, byte for byte.
    stamp = (found.report.as_of.year, found.report.as_of.month, found.report.as_of.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as pack:
        def add(name: str, data: bytes) -> None:
            pack.writestr(zipfile.ZipInfo(name, stamp), data, zipfile.ZIP_DEFLATED)

        add("README.txt", README.read_bytes())
        add("manifest.json", json.dumps(facts, ensure_ascii=False, indent=1).encode("utf-8"))
        add("manifest.csv", text.getvalue().encode("utf-8"))
        add("compliance.json", json.dumps(found.report.as_dict(), ensure_ascii=False, indent=1).encode("utf-8"))
        for item in facts["files"]:
            add(item["path"], (model.data.root / item["path"]).read_bytes())
    return out, len(rows)

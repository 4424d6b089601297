"""``ogp new``: start a record with every field in place, today's date, and blanks to fill.

Blank texts are written as ``""``: until an editor fills them, validation
names each one (file, line, field) with its description, which is the to-do
list of the new record.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ogp.facts.model import build_model
from ogp.records.editor_rules import latin
from ogp.records.validate import validate
from ogp.words import languages, say
from ogp.words.said import Said

KINDS = ("meeting", "evidence", "commitment", "milestone")


class ScaffoldError(Said):
    """A record cannot be started (it exists already, or what it belongs to does not): ``scaffold.<key>`` says why."""

    def __init__(self, key: str, **params):
        super().__init__(f"scaffold.{key}", **params)


def _ids(folder: Path, pattern: str = "*.yml") -> str:
    return ", ".join(sorted(p.stem for p in folder.glob(pattern))) or "—"


def _current_plan(root: Path, today: dt.date) -> str:
    data, _ = validate(root, today)
    plan = build_model(data, today).current_plan()
    return plan.id if plan else ""


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError("exists", path=path.as_posix())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _head(kind: str) -> str:
    """The first line of a new record: what it is and what to do, in every language of the repository."""
    return "# " + " / ".join(say(f"scaffold.{kind}", lang) for lang in languages())


def _texts(*names: str, indent: str = "") -> list[str]:
    """Empty text fields to fill, each in every language: ``title_mn: ""``, ``title_en: ""``."""
    return [f'{indent}{name}_{code}: ""' for name in names for code in languages()]


def new_meeting(root: Path, today: dt.date, name: str = "meeting", meeting_type: str = '""',
                meeting_format: str = '""', plan: str | None = None) -> Path:
    """``data/meetings/<date>-<name>.yml``."""
    meeting_id = f"{today.isoformat()}-{latin(name)}"
    plan = _current_plan(root, today) if plan is None else plan
    lines = [_head("meeting"), f"id: {meeting_id}",
             f"date: {today.isoformat()}", f"type: {meeting_type}", f"format: {meeting_format}", *_texts("title", "place")]
    lines += [f"plan: {plan}"] if plan else []
    lines += ["organisations: []", "documents: []"]
    return _write(root / "data/meetings" / f"{meeting_id}.yml", "\n".join(lines) + "\n")


def new_evidence(root: Path, today: dt.date, evidence_id: str, url: str | None = None, file: str | None = None,
                 kind: str = '""', links: dict[str, list[str]] | None = None) -> Path:
    """``data/evidence/<id>.yml`` pointing at a web address or at a file under data/files/."""
    lines = [_head("evidence"), f"id: {latin(evidence_id)}", *_texts("title"), f"date: {today.isoformat()}", f"kind: {kind}"]
    lines += [f"url: {url}"] if url else [f"file: {file or 'data/files/'}"]
    lines += [f"languages: [{', '.join(languages())}]"]
    for field in ("commitments", "milestones", "meetings", "plans"):
        lines.append(f"{field}: [{', '.join((links or {}).get(field, []))}]")
    return _write(root / "data/evidence" / f"{latin(evidence_id)}.yml", "\n".join(lines) + "\n")


def _milestone_lines(number: int) -> list[str]:
    # The due date is the plan's to say: a blank, never today (which would be overdue at once).
    return [f"  - id: m{number}", *_texts("title", "output", indent="    "), '    due: ""', "    status: not-started", "    progress: 0", "    evidence: []"]


def new_commitment(root: Path, today: dt.date, plan: str) -> Path:
    """``data/commitments/<plan>/<plan>-NN.yml`` with the next free number and one milestone."""
    folder = root / "data/commitments" / plan
    if not plan:
        raise ScaffoldError("name-plan", plans=_ids(root / "data/plans"))
    if not (root / "data/plans" / f"{plan}.yml").exists():
        raise ScaffoldError("no-plan", plan=plan, plans=_ids(root / "data/plans"))
    taken = [int(m.group(1)) for p in folder.glob(f"{plan}-*.yml") if (m := re.fullmatch(rf"{plan}-(\d+)", p.stem))]
    number = max(taken, default=0) + 1
    lines = [_head("commitment"), f"id: {plan}-{number:02d}", f"plan: {plan}", f"number: {number}"]
    lines += _texts("title", "problem", "description", "transparency")
    lines += ['lead_agency: ""', "supporting: []", "policy_areas: []", "milestones:"]
    lines += _milestone_lines(1)
    return _write(folder / f"{plan}-{number:02d}.yml", "\n".join(lines) + "\n")


def new_milestone(root: Path, today: dt.date, commitment: str) -> Path:
    """Append a milestone with the next free id to ``commitment``'s file."""
    matches = sorted((root / "data/commitments").glob(f"*/{commitment}.yml")) if commitment else []
    if not matches:
        raise ScaffoldError("no-commitment" if commitment else "name-commitment", commitment=commitment,
                            commitments=_ids(root / "data/commitments", "*/*.yml"))
    path = matches[0]
    text = path.read_text(encoding="utf-8")
    if not re.search(r"^milestones:\s*$", text, re.M):
        raise ScaffoldError("no-list", path=path.relative_to(root).as_posix())
    numbers = [int(n) for n in re.findall(r"^  - id: m(\d+)\s*$", text, re.M)]
    block = "\n".join(_milestone_lines(max(numbers, default=0) + 1)) + "\n"
    # The new milestone goes right after the last line of the milestones list.
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(r"^milestones:\s*$", line))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    lines.insert(end, block)
    path.write_text("".join(lines), encoding="utf-8")
    return path

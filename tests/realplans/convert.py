"""Turn the U.S. open government tracker's Jekyll files (GSA/open.usa.gov) into this project's records.

The tracker keeps one Markdown file per commitment (``_commitments/US0114.md``) and one per
sub-commitment (``_subcommitments/us0114-0.md``); their YAML front matter holds the data. The
plan's own page (``pages/nap/5/nap-5.md``), the mid-term self-assessment and the meeting pages
say the rest. Every value written comes from those files; what the source does not state is left
out (the plan is marked ``template: earlier``), and what has no place in the records is listed in
the report that :func:`convert` returns.

    convert(Path("tests/realplans/fixture"), Path("/tmp/us"))
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

# The tracker's status words and this project's milestone statuses.
STATUSES = {"Complete": "completed", "In Progress": "in-progress", "Not Started": "not-started"}
# Time zone abbreviations the meeting pages use, and the tz-database zone each names.
ZONES = {"ET": "America/New_York"}
# The tracker's agencies are all federal government bodies (the field is `commitment_agency`).
AGENCY_TYPE = "government"

# Front-matter keys read into records; any other key is reported as having no place.
COMMITMENT_KEYS = {"commitment_id", "title", "commitment_detail_sub", "commitment_theme_name"}
SUB_KEYS = {"commitment_id", "commitment_detail_sub_id", "commitment_detail_sub", "commitment_agency", "commitment_status"}
# Keys that only drive the tracker's own web pages (layouts and addresses), not data.
PAGE_KEYS = {"layout", "permalink", "c_permalink", "commitment_link", "body-class"}

DEADLINE = re.compile(r"\bover the next (?:[a-z]+ )*?years?\b")  # "over the next two years"
BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def front_matter(path: Path) -> tuple[dict, str]:
    """The YAML front matter of a Jekyll file and the Markdown after it."""
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}, text
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head) or {}, body


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def agency_parts(agency: str) -> list[str]:
    """The tracker writes a department and its office on two lines: "Department <br> Office"."""
    return [part.strip() for part in BREAK.split(str(agency).strip().strip('"')) if part.strip()]


def _literal(dumper: yaml.SafeDumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, _literal)


def write(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")


def _settings(source: Path, prefix: str, not_placed: dict, not_stated: list) -> dict:
    settings: dict = {"languages": ["en"], "member_prefix": prefix}
    assessment, body = front_matter(source / "pages/nap/5/NAP5-Self-Assessment.md")
    country = re.search(r"of the (.+?)' \d+\w* Open Government", str(assessment.get("title", "")))
    if country:
        settings["country"] = {"en": country.group(1)}
    else:
        not_stated.append("ogp.yml country")
    zones = set()
    for page in sorted((source / "pages/meeting").glob("*.md")):
        zones |= set(re.findall(r"\d(?:am|pm|\s[ap]\.?m\.?)\s+([A-Z]{2,3})\b", page.read_text("utf-8")))
    if len(zones) == 1 and next(iter(zones)) in ZONES:
        settings["timezone"] = ZONES[zones.pop()]
    else:
        not_stated.append("ogp.yml timezone")
    # The United States had no multi-stakeholder forum during this plan; the self-assessment says so.
    no_forum = re.search(r"has not yet established a Multi-Stakeholder Forum", body)
    not_stated.append("ogp.yml forum" + (" (the self-assessment says no forum had been established)" if no_forum else ""))
    return settings


def _plan(source: Path, prefix: str, not_placed: dict, not_stated: list) -> dict:
    meta, body = front_matter(source / "pages/nap/5/nap-5.md")
    number = int(re.search(r"/national-action-plan/(\d+)/", meta["permalink"]).group(1))
    plan = {"id": f"{prefix.lower()}-nap{number}", "number": number, "title_en": meta["title"], "template": "earlier"}
    published = re.search(r"^((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\s*$",
                          body, re.MULTILINE)
    if published:  # the date on record: a month, written as one (YYYY-MM), no day made up
        month = dt.datetime.strptime(published.group(1), "%B %Y")
        plan["submitted"] = f"{month.year}-{month.month:02d}"
    assessment, text = front_matter(source / "pages/nap/5/NAP5-Self-Assessment.md")
    period = re.search(r"Self-Assessment Report (\d{4})-(\d{4})", text)
    if period:  # the plan's years, written as years
        plan["start"], plan["end"] = period.group(1), period.group(2)
    not_stated += ["plan start (day)", "plan end (day)", "plan length_years", "plan submitted (day)"]
    return plan


def convert(source_dir: Path, dest_root: Path) -> dict:
    """Write ``ogp.yml`` and ``data/`` under ``dest_root`` from the tracker files in ``source_dir``.

    Returns counts of the records written, the source fields that have no place in the records
    (``unplaced_fields``, with the values that were lost in ``not_placed``) and what the
    records need that the source does not state (``not_stated``).
    """
    source, dest = Path(source_dir), Path(dest_root)
    not_placed: dict = {}
    not_stated: list = []
    unplaced: set = set()
    commitments = [front_matter(p) for p in sorted((source / "_commitments").glob("*.md"))]
    subs = [front_matter(p) for p in sorted((source / "_subcommitments").glob("*.md"))]
    prefixes = {re.match(r"[A-Z]+", str(c["commitment_id"])).group(0) for c, _ in commitments}
    (prefix,) = prefixes

    settings = _settings(source, prefix, not_placed, not_stated)
    write(dest / "ogp.yml", settings)
    plan = _plan(source, prefix, not_placed, not_stated)
    write(dest / f"data/plans/{plan['id']}.yml", plan)

    organisations: dict[str, dict] = {}
    counts = {"plans": 1, "commitments": 0, "milestones": 0, "organisations": 0}
    for meta, _ in commitments:
        unplaced |= {f"commitment.{key}" for key in meta if key not in COMMITMENT_KEYS | PAGE_KEYS}
        cid = str(meta["commitment_id"])
        number = int(cid[len(prefix):])
        record: dict = {"id": f"{plan['id']}-{number:02d}", "plan": plan["id"], "number": number, "ogp_id": cid,
                        "title_en": str(meta["title"]).strip(), "description_en": str(meta["commitment_detail_sub"]).strip()}
        if meta.get("commitment_theme_name"):
            record["theme_en"] = str(meta["commitment_theme_name"]).strip()
        milestones = []
        leads = []
        mine = sorted((s for s in subs if str(s[0].get("commitment_id")) == cid),
                      key=lambda s: int(str(s[0]["commitment_detail_sub_id"]).rpartition(".")[2]))
        for sub, body in mine:
            unplaced |= {f"sub-commitment.{key}" for key in sub if key not in SUB_KEYS | PAGE_KEYS}
            if body.strip():
                unplaced.add("sub-commitment body (progress update and evidence links)")
            title = str(sub["commitment_detail_sub"]).strip()
            milestone = {"id": "m" + str(sub["commitment_detail_sub_id"]).rpartition(".")[2], "title_en": title}
            deadline = DEADLINE.search(title)
            if deadline:
                milestone["due_text_en"] = deadline.group(0)
            milestone["status"] = STATUSES[str(sub["commitment_status"]).strip()]
            parts = agency_parts(sub["commitment_agency"])
            if len(parts) > 1:
                not_placed.setdefault("organisation: department above the leading office", set()).update(parts[:-1])
            lead = slug(parts[-1])
            organisations.setdefault(lead, {"id": lead, "name_en": parts[-1], "type": AGENCY_TYPE})
            leads.append(lead)
            milestones.append(milestone)
        if len(set(leads)) == 1:
            record["lead_agency"] = leads[0]  # every sub-commitment has the same lead: it leads the commitment
        else:
            for milestone, lead in zip(milestones, leads):
                milestone["lead_agency"] = lead
            not_stated.append(f"{record['id']} lead_agency (its sub-commitments name {len(set(leads))} different agencies)")
        record["milestones"] = milestones
        write(dest / f"data/commitments/{plan['id']}/{record['id']}.yml", record)
        counts["commitments"] += 1
        counts["milestones"] += len(milestones)
    for organisation in organisations.values():
        write(dest / f"data/organisations/{organisation['id']}.yml", organisation)
    counts["organisations"] = len(organisations)
    not_placed = {key: sorted(value) if isinstance(value, set) else value for key, value in not_placed.items()}
    return {**counts, "unplaced_fields": sorted(unplaced), "not_placed": not_placed, "not_stated": not_stated}


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(convert(Path(sys.argv[1]), Path(sys.argv[2])), indent=2))

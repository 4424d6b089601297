"""What a change does to the site: pages added, changed and removed, records touched, verdicts before and after.

``ogp diff BASE HEAD`` and the pull request's report both come from here. Each
side is taken from git as committed (``data/``, ``content/``, ``ogp.yml``),
its records validated, its pages generated as a build would, and judged with
the history of that commit; the two are then compared. A page is named by its
address on the site (``en/plans/nap5/``), a verdict by its requirement and
part ("2.2 · 2026: at risk → met").
"""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ogp.facts.history import run_git
from ogp.facts.versions import snapshot
from ogp.records.validate import validate
from ogp.render.labels import label
from ogp.render.site import generate
from ogp.words import languages, path_prefix, say


@dataclass
class Side:
    """One commit, as the site would show it."""

    commit: str
    pages: dict[str, str] = field(default_factory=dict)      # address -> digest of its Markdown
    verdicts: dict[tuple[str, str], str] = field(default_factory=dict)  # (requirement, part) -> status
    problems: int = 0


@dataclass
class Effect:
    """The difference between two sides."""

    base: Side
    head: Side
    records: list[tuple[str, str]]  # (git status letter, path) of data/ files
    added: list[str]
    changed: list[str]
    removed: list[str]
    verdicts: list[tuple[str, str, str, str]]  # requirement, part, before, after


def address(rel: str) -> str | None:
    """``plans/nap5.en.md`` -> ``en/plans/nap5/``; ``index.mn.md`` -> ``/`` (the default language); None for a non-page."""
    if not rel.endswith(".md"):
        return None
    name, _, lang = rel[: -len(".md")].rpartition(".")
    if lang not in languages():
        return None
    path = name[: -len("index")] if name.endswith("index") else name + "/"
    return "/" + path_prefix(lang) + path


def _side(root: Path, commit: str, today: dt.date) -> Side:
    sha = run_git(root, "rev-parse", "--verify", f"{commit}^{{commit}}").stdout.decode().strip()
    if not sha:
        raise ValueError(commit)
    side = Side(sha)
    with tempfile.TemporaryDirectory(prefix="ogp-diff-") as tmp:
        folder = snapshot(root, sha, Path(tmp) / "repo", ("data", "content", "ogp.yml", ".ogp-ignore-commits"))
        data, problems = validate(folder, today)
        side.problems = len(problems)
        if problems:
            return side
        docs = Path(tmp) / "docs"
        if (folder / "content").is_dir():
            shutil.copytree(folder / "content", docs)
        docs.mkdir(exist_ok=True)
        _, found = generate(data, docs, today, "http://127.0.0.1:8000/", repo=root, rev=sha)
        for path in sorted(docs.rglob("*.md")):
            where = address(path.relative_to(docs).as_posix())
            if where:
                side.pages[where] = hashlib.sha256(path.read_bytes()).hexdigest()
        for rid, verdict in found.report.verdicts.items():
            side.verdicts[(rid, "")] = verdict.status
            for part in verdict.parts:
                side.verdicts[(rid, part.key)] = part.status
    return side


def effect(root: Path, base: str, head: str, today: dt.date) -> Effect:
    """What going from ``base`` to ``head`` does (both are commits or branch names of the repository at ``root``)."""
    before, after = _side(root, base, today), _side(root, head, today)
    listed = subprocess.run(["git", "-C", str(root), "-c", "core.quotePath=false", "diff", "--name-status", "-M",
                             before.commit, after.commit, "--", "data"], capture_output=True, text=True, check=True)
    records = [(line.split("\t")[0][0], line.split("\t")[-1]) for line in listed.stdout.splitlines() if line]
    pages_b, pages_a = before.pages, after.pages
    verdicts = [(rid, part, before.verdicts.get((rid, part), ""), status)
                for (rid, part), status in sorted(after.verdicts.items()) if before.verdicts.get((rid, part)) != status]
    verdicts += [(rid, part, status, "") for (rid, part), status in sorted(before.verdicts.items())
                 if (rid, part) not in after.verdicts]
    return Effect(before, after, records, sorted(set(pages_a) - set(pages_b)),
                  sorted(p for p in pages_a if p in pages_b and pages_a[p] != pages_b[p]), sorted(set(pages_b) - set(pages_a)), verdicts)


def report(found: Effect, langs: list[str], site_url: str = "") -> str:
    """The effect as Markdown, one section per language (the pull request's summary and comment)."""
    base = site_url.rstrip("/")
    out = []
    for lang in langs:
        out += [f"### {say('effect.title', lang)}", ""]
        if found.head.problems:
            out += [say("effect.invalid", lang, n=found.head.problems), ""]
            continue
        out.append(say("effect.counts", lang, added=len(found.added), changed=len(found.changed),
                       removed=len(found.removed), records=len(found.records)))
        out.append("")
        for key, pages in (("added", found.added), ("changed", found.changed), ("removed", found.removed)):
            if pages:
                shown = [f"[`{p}`]({base}{p})" if base and key != "removed" else f"`{p}`" for p in pages[:30]]
                more = f" {say('effect.more', lang, n=len(pages) - 30)}" if len(pages) > 30 else ""
                out += [f"**{say(f'effect.{key}', lang)}:** " + ", ".join(shown) + more, ""]
        if found.records:
            out += [f"**{say('effect.records', lang)}:** " + ", ".join(f"`{path}` ({status})" for status, path in found.records), ""]
        if found.verdicts:
            out += [f"**{say('effect.verdicts', lang)}:**", ""]
            for rid, part, before, after in found.verdicts:
                name = f"{rid} · {part}" if part else rid
                words = [label("verdict", s, lang) if s else say("effect.none", lang) for s in (before, after)]
                out.append(f"- {name}: {words[0]} → {words[1]}")
            out.append("")
        else:
            out += [say("effect.same-verdicts", lang), ""]
    return "\n".join(out)

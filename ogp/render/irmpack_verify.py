"""``ogp irm-pack verify``: re-derive every claim of an IRM pack from a full clone and list each mismatch.

Nothing in the pack is trusted: file contents are hashed again, blob ids and
commits are looked up in the clone, and the verdicts are computed again from
the judged commit's own records and history.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ogp.facts.history import load_chain, run_git
from ogp.facts.versions import blob_ids, commit_facts
from ogp.words import say as say_text
from ogp.words import words
from ogp.words.said import Said


class PackError(Said):
    """The pack cannot be read (not a zip, no manifest, a manifest of the wrong shape)."""


@dataclass(frozen=True)
class Mismatch:
    """One claim of the pack that the clone does not confirm."""

    what: str       # "head", "file", "update", "verdict"
    item: str       # the commit, path or requirement
    claimed: str
    found: str

    def describe(self, lang: str) -> str:
        """The mismatch in one line of ``lang`` (fixed words translated, hashes and texts as they are)."""
        def fixed(value: str) -> str:
            return WORDS[value][lang] if value in WORDS else value

        return say_text("irmpack_verify.mismatch", lang, what=fixed(self.what), item=self.item,
                        claimed=fixed(self.claimed), found=fixed(self.found))


# Fixed words of mismatches; anything else (hashes, paths, authors) is shown as it is.
WORDS = {
    "head": words("irmpack_verify.head"), "file": words("irmpack_verify.file"),
    "content": words("irmpack_verify.content"), "update": words("irmpack_verify.update"),
    "verdict": words("irmpack_verify.verdict"), "records": words("irmpack_verify.records"),
    "present": words("irmpack_verify.present"), "missing": words("irmpack_verify.missing"),
    "on-chain": words("irmpack_verify.on-chain"),
    "off-chain": words("irmpack_verify.off-chain"),
    "in-pack": words("irmpack_verify.in-pack"), "not-in-pack": words("irmpack_verify.not-in-pack"),
    "valid": words("irmpack_verify.valid"), "invalid": words("irmpack_verify.invalid"),
}


def _read(pack: Path) -> tuple[dict, dict, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(pack)
        manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
        report = json.loads(archive.read("compliance.json").decode("utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise PackError("irmpack_verify.not-a-pack", pack=pack, detail=err) from None
    if not isinstance(manifest, dict) or not manifest.get("head") or not isinstance(manifest.get("files"), list) \
            or not _day(manifest.get("as_of")) or not isinstance(manifest.get("publication_log", []), (list, type(None))) \
            or not _moment(manifest.get("judged_at")):
        raise PackError("irmpack_verify.manifest-shape", pack=pack)
    return manifest, report, archive


def _day(value) -> bool:
    """True for an ISO day such as 2026-12-01."""
    try:
        return isinstance(value, str) and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _moment(value) -> bool:
    """True for no value or an ISO moment such as 2026-12-01T12:00:00+00:00."""
    try:
        return value is None or (isinstance(value, str) and bool(dt.datetime.fromisoformat(value)))
    except ValueError:
        return False


def _blob_of(content: bytes) -> str:
    """Git's blob id of ``content`` (what ``git hash-object`` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def verify_pack(pack: Path, root: Path) -> list[Mismatch]:
    """Every claim of ``pack`` that the clone at ``root`` does not confirm ([] when all hold).

    Raises PackError for an unreadable pack and HistoryError when ``root``
    cannot be judged (not a repository, shallow).
    """
    manifest, report, archive = _read(Path(pack))
    root = Path(root)
    head = manifest["head"]
    found: list[Mismatch] = []
    if run_git(root, "cat-file", "-e", f"{head}^{{commit}}").returncode != 0:
        return [Mismatch("head", head, "present", "missing")]
    chain = {link.sha for link in load_chain(root).chain}
    if head not in chain:
        found.append(Mismatch("head", head, "on-chain", "off-chain"))
    blobs = blob_ids(root, head)
    with archive:
        for item in manifest["files"]:
            path = item.get("path", "")
            try:
                content = archive.read(path)
            except KeyError:
                found.append(Mismatch("file", path, "in-pack", "not-in-pack"))
                continue
            digest, blob, committed = hashlib.sha256(content).hexdigest(), _blob_of(content), blobs.get(path)
            if digest != item.get("sha256"):  # the manifest against the file it ships
                found.append(Mismatch("sha256", path, str(item.get("sha256")), digest))
            if item.get("blob") != committed:  # the manifest against the repository
                found.append(Mismatch("blob", path, str(item.get("blob")), str(committed)))
            if blob != committed:  # the shipped file against the repository
                found.append(Mismatch("content", path, f"blob {blob}", f"blob {committed}"))
    facts = commit_facts(root, head)
    for update in manifest.get("updates") or []:
        sha = update.get("commit", "")
        fact = facts.get(sha)
        if fact is None:
            found.append(Mismatch("update", sha, "on-chain", "off-chain"))
            continue
        for key in ("author", "subject", "committer_date"):
            if update.get(key) != fact[key]:
                found.append(Mismatch("update", f"{sha[:10]} {key}", str(update.get(key)), fact[key]))
    found += _verdicts(root, manifest, report)
    return found


def _verdicts(root: Path, manifest: dict, report: dict) -> list[Mismatch]:
    """The verdicts computed again from the judged commit's records, compared with the pack's."""
    from ogp.facts.audit import audit, state_at
    from ogp.facts.model import build_model
    from ogp.facts.publications import Entry
    from ogp.records.validate import validate

    day = dt.date.fromisoformat(manifest["as_of"])
    plan = (manifest.get("plan") or {}).get("id")
    with state_at(root, manifest["head"]) as folder:
        data, problems = validate(folder, day)
        if problems:
            return [Mismatch("records", manifest["head"][:10], "valid", "invalid")]
        judged = dt.datetime.fromisoformat(manifest["judged_at"]) if manifest.get("judged_at") else None
        log = manifest.get("publication_log")
        entries = None if log is None else [
            Entry(e["commit"], dt.datetime.fromisoformat(e["deployed_at"].replace("Z", "+00:00")), e.get("run", "")) for e in log]
        again = audit(data, day, build_model(data, day), plan_id=plan, rev=manifest["head"], repo=root, now=judged,
                      zone=manifest.get("timezone"), plan_years=manifest.get("year_mode") == "plan",
                      halves=bool(manifest.get("halves")), publications=entries).report.as_dict()
    found = []
    for rid, verdict in (report.get("requirements") or {}).items():
        status = again["requirements"].get(rid, {}).get("status")
        if verdict.get("status") != status:
            found.append(Mismatch("verdict", rid, str(verdict.get("status")), str(status)))
    return found


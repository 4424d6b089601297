"""The repository as it stood at a past commit: a record's earlier versions, a snapshot of ``data/``.

A verdict about the past must rest on what was published then, not on
today's files: "the timeline was published on D" means the record held a
timeline on D, and "as of D" means the records of the last commit of D.
Both are read from git objects, never from the work tree.
"""
from __future__ import annotations

import io
import tarfile
from pathlib import Path

from ogp.facts.history import HistoryError, failure, run_git

MARK = "\x1e"


class UnsafeSnapshotError(HistoryError):
    """A past commit holds a file whose extraction would leave the snapshot's folder."""


def file_versions(root: Path, path: str, rev: str = "HEAD") -> list[tuple[str, str | None]]:
    """Every first-parent version of ``path`` up to ``rev``, oldest first: ``(commit, text)``.

    Renames are followed (``git log --follow``), so a record renamed from
    another keeps the other's versions, each read under the name it had in its
    commit; a commit that deleted the file gives ``None``. Two git calls in all.
    """
    log = run_git(Path(root), "-c", "core.quotePath=false", "log", "--first-parent", "--follow", "--no-color",
               "--name-status", f"--format={MARK}%H", rev, "--", path)
    if log.returncode != 0:
        raise HistoryError("history.git-failed", command="log", where=path, detail=failure(log))
    wanted: list[tuple[str, str | None]] = []  # (commit, path in that commit, or None when deleted)
    for block in log.stdout.decode("utf-8", "replace").split(MARK)[1:]:
        sha, _, body = block.partition("\n")
        lines = [line for line in body.split("\n") if line]
        if not lines:
            continue
        fields = lines[-1].split("\t")
        wanted.append((sha.strip(), None if fields[0].startswith("D") else fields[-1]))
    wanted.reverse()
    request = "".join(f"{sha}:{name}\n" for sha, name in wanted if name)
    answer = run_git(Path(root), "cat-file", "--batch", stdin=request.encode("utf-8")).stdout if request else b""
    texts = _batch(answer)
    versions = []
    for sha, name in wanted:
        versions.append((sha, texts.pop(0) if name else None))
    return versions


def _batch(answer: bytes) -> list[str | None]:
    """The objects of a ``git cat-file --batch`` answer, in order (None for a missing one)."""
    found: list[str | None] = []
    at = 0
    while at < len(answer):
        end = answer.index(b"\n", at)
        header = answer[at:end].split(b" ")
        if header[-1] == b"missing":
            found.append(None)
            at = end + 1
            continue
        size = int(header[2])
        found.append(answer[end + 1:end + 1 + size].decode("utf-8", "replace"))
        at = end + 1 + size + 1
    return found


def snapshot(root: Path, commit: str, dest: Path, parts: tuple[str, ...] = ("data", ".ogp-ignore-commits")) -> Path:
    """Write the files of ``parts`` as they were in ``commit`` under ``dest``; return ``dest``.

    Parts the commit does not have are skipped (an early commit may have no
    records yet). The archive comes from git itself; members are extracted
    with tarfile's "data" filter, so no path can leave ``dest``.
    """
    root, dest = Path(root), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    listed = run_git(root, "ls-tree", "--name-only", commit, "--", *parts)
    if listed.returncode != 0:
        raise HistoryError("history.git-failed", command="ls-tree", where=commit, detail=failure(listed))
    present = [name for name in listed.stdout.decode("utf-8", "replace").split("\n") if name]
    if present:
        archive = run_git(root, "archive", "--format=tar", commit, "--", *present)
        if archive.returncode != 0:
            raise HistoryError("history.git-failed", command="archive", where=commit, detail=failure(archive))
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(dest, filter="data")
        except tarfile.FilterError as err:  # e.g. a committed link to an absolute path: bad input, not a crash
            raise UnsafeSnapshotError("history.unsafe-file", commit=commit[:10], detail=err) from None
    (dest / "data").mkdir(exist_ok=True)
    return dest


def blob_ids(root: Path, commit: str, folder: str = "data") -> dict[str, str]:
    """Git's blob id of every file under ``folder`` in ``commit`` (what ``git hash-object`` gives for its bytes)."""
    listed = run_git(Path(root), "-c", "core.quotePath=false", "ls-tree", "-r", "-z", commit, "--", folder)
    found = {}
    for entry in listed.stdout.decode("utf-8", "replace").split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split(" ")
        if len(fields) == 3 and fields[1] == "blob":
            found[path] = fields[2]
    return found


def commit_facts(root: Path, rev: str) -> dict[str, dict]:
    """Author, subject and committer date (as written) of every first-parent commit of ``rev``, by hash."""
    log = run_git(Path(root), "log", "--first-parent", "-z", "--format=%H%x1f%an%x1f%cI%x1f%s", rev, "--")
    found = {}
    for entry in log.stdout.decode("utf-8", "replace").split("\0"):
        fields = entry.strip("\n").split("\x1f")
        if len(fields) == 4:
            found[fields[0]] = {"author": fields[1], "committer_date": fields[2], "subject": fields[3]}
    return found

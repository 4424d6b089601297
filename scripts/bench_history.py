#!/usr/bin/env python3
"""Benchmark: analyse the git history of a repository with N commits under data/ (default 10,000).

Prints figures; it is not a test. Run: .venv/bin/python scripts/bench_history.py [N]
Target (OGP requirement 2.2, updates proved by git): 10,000 commits in under 2 s on 2 cores.

The repository is written with ``git fast-import`` (seconds instead of minutes of
``git commit``), with pinned committer dates spread over five years. Like a real
repository it mixes record edits, new records, whitespace-only and comment-only
commits, renames, a binary evidence file and merges of short branches.
"""
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ogp.facts.history import load_commits
from ogp.facts.updates import update_rule, updates

START = int(dt.datetime(2021, 1, 1, tzinfo=dt.timezone.utc).timestamp())
SPAN = 5 * 365 * 86400
FOLDERS = ("meetings", "evidence", "commitments/nap5", "organisations")


def record(name: str, version: int) -> str:
    """A YAML record of about fifteen lines; ``version`` changes one field."""
    lines = [f"id: {name}", f"title_mn: Бичлэг {name}", f"title_en: Record {name}", f"revision: {version}"]
    lines += [f"field_{k}: value {k} of {name}" for k in range(10)]
    return "\n".join(lines) + "\n"


def blob(path: str, text: str | bytes) -> bytes:
    """A fast-import inline file modification."""
    data = text.encode() if isinstance(text, str) else text
    return f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n"


def commit(branch: str, when: int, changes: list[bytes], parent: str | None = None, merge: str | None = None) -> bytes:
    """A fast-import commit on ``branch`` (optionally starting from ``parent``, merging ``merge``)."""
    message = b"change\n"
    head = [f"commit refs/heads/{branch}", f"committer Bench <bench@example.org> {when} +0800",
            f"data {len(message)}"]
    out = "\n".join(head).encode() + b"\n" + message
    if parent:
        out += f"from {parent}\n".encode()
    if merge:
        out += f"merge {merge}\n".encode()
    return out + b"".join(changes) + b"\n"


def stream(total: int, seed: int = 42) -> bytes:
    """The fast-import stream of ``total`` first-parent commits."""
    rng = random.Random(seed)
    paths = [f"data/{FOLDERS[i % len(FOLDERS)]}/r{i:05d}.yml" for i in range(max(50, total // 5))]
    versions = {paths[0]: 0}
    parts = [commit("main", START, [blob(paths[0], record("r00000", 0))])]
    for i in range(1, total):
        when = START + SPAN * i // total
        path = rng.choice(paths)
        kind = i % 20
        if path not in versions:  # a new record
            versions[path] = 0
            changes = [blob(path, record(Path(path).stem, 0))]
        elif kind == 3:  # whitespace only: trailing spaces and a blank line
            changes = [blob(path, record(Path(path).stem, versions[path]).replace("\n", "  \n", 3) + "\n")]
        elif kind == 7:  # a comment line only
            changes = [blob(path, "# checked\n" + record(Path(path).stem, versions[path]))]
        elif kind == 11:  # a rename
            new = path.replace(".yml", f"-{i}.yml")
            paths[paths.index(path)], versions[new] = new, versions.pop(path)
            changes = [f"R {path} {new}\n".encode()]
        elif kind == 15:  # a binary evidence file
            changes = [blob(f"data/files/e{i % 97}.pdf", b"%PDF-1.4\0" + i.to_bytes(4, "big"))]
        else:  # an edit
            versions[path] += 1
            changes = [blob(path, record(Path(path).stem, versions[path]))]
        if kind == 19:  # the edit arrives through a merged branch, one commit older
            parts.append(commit("side", when - 3600, changes, parent="refs/heads/main"))
            # fast-import does not merge: the merge commit carries the branch's change itself.
            parts.append(commit("main", when, changes, merge="refs/heads/side"))
        else:
            parts.append(commit("main", when, changes))
    return b"".join(parts)


def make_repository(root: Path, total: int) -> None:
    """Create a repository at ``root`` holding ``total`` first-parent commits."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=stream(total), check=True)
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=root, check=True)  # a work tree, as in a clone


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        make_repository(root, total)
        print(f"repository: {total} first-parent commits written in {time.perf_counter() - started:.1f} s")
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            history = load_commits(root)
            found = updates(history)
            verdicts = update_rule(found, dt.date(2025, 12, 31))
            runs.append(time.perf_counter() - started)
        print(f"commits: {len(history)}, updates: {len(found)}, periods: {len(verdicts)}, "
              f"files: {len({name for c in history for name in c.files})}")
        print(f"load_commits + updates + update_rule: min {min(runs):.2f} s, "
              f"median {statistics.median(runs):.2f} s, max {max(runs):.2f} s")


if __name__ == "__main__":
    main()

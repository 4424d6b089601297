"""The publication log: which commit each deploy published, and when.

Committer dates can be forged and a force-push can replace published history, so git alone cannot show that
nothing was rewritten. Each deploy appends (commit, time of the workflow run, run address) to a log published as
``/data/publications.json``, after checking that every logged commit is still an ancestor of the new one. A rewrite
stops the deploy unless acknowledged with a reason in ``.ogp-rewrites``: it can be explained, never hidden.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ogp.facts.history import HistoryError, run_git
from ogp.words import say, words
from ogp.words.said import Said

FORMAT = 1
ACK_FILE = ".ogp-rewrites"
UTC = dt.timezone.utc
_SHA = re.compile(r"[0-9a-f]{40}")
_PREFIX = re.compile(r"[0-9a-f]{7,40}")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # strptime alone would take "2026-1-1T1:2:3Z"
_STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class PublicationLogError(Said, ValueError):
    """A log, an acknowledgement file or an argument is unusable (exit status 2)."""


class HistoryUnavailableError(HistoryError):
    """Not a git repository, or a shallow clone: nothing can be judged (exit status 3)."""


class _Corrupt(PublicationLogError):
    """A defect of a log: every one has the same remedy, as the published copy is the reference."""

    def __init__(self, key: str, /, **params):
        super().__init__(key, restore=words("publications.restore"), **params)


@dataclass(frozen=True)
class Entry:
    """One deploy: the full commit hash, the run's time (aware, UTC) and the run's address ("" if unknown)."""

    commit: str
    deployed_at: dt.datetime
    run: str = ""


@dataclass(frozen=True)
class Rewrite:
    """A logged commit the history no longer leads to; ``acknowledged`` is the maintainers' reason, if any."""

    commit: str
    deployed_at: dt.datetime
    reason: str  # "missing" | "not-ancestor" | "not-first-parent"
    acknowledged: str | None = None


@dataclass(frozen=True)
class Check:
    """What :func:`verify` found: the entries, their rewrites, and the full hash that ``head`` named."""

    entries: list[Entry]
    rewrites: list[Rewrite] = field(default_factory=list)
    head: str = ""

    @property
    def ok(self) -> bool:
        """True when every rewrite found is acknowledged (or there is none)."""
        return all(r.acknowledged is not None for r in self.rewrites)


def format_time(moment: dt.datetime) -> str:
    """``moment`` as the log writes it: UTC, whole seconds, ``2026-12-01T12:34:56Z``."""
    return moment.astimezone(UTC).strftime(_STAMP_FORMAT)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    if len({key for key, _ in pairs}) != len(pairs):  # two JSON readers could see two different logs
        raise ValueError("a key is given twice")
    return dict(pairs)


def _entry(path: Path, index: int, item: object) -> Entry:
    where = f"{path}: entries[{index}]"
    if not isinstance(item, dict) or set(item) != {"commit", "deployed_at", "run"} \
            or not all(isinstance(value, str) for value in item.values()):
        raise _Corrupt("publications.entry-shape", where=where)
    if not _SHA.fullmatch(item["commit"]):
        raise _Corrupt("publications.commit-not-full", where=where, commit=repr(item["commit"]))
    try:
        if _STAMP.fullmatch(item["deployed_at"]):
            return Entry(item["commit"], dt.datetime.strptime(item["deployed_at"], _STAMP_FORMAT).replace(
                tzinfo=UTC), item["run"])
    except ValueError:  # 2026-13-01: the right shape, but no such day
        pass
    raise _Corrupt("publications.stamp-not-utc", where=where, stamp=repr(item["deployed_at"]))


def load_log(path: Path, missing_ok: bool = False) -> list[Entry]:
    """Read a publication log, oldest entry first; :class:`PublicationLogError` if it is unusable.

    A missing file is an empty log only with ``missing_ok`` (the first deploy): a lost log is not a new one.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"), object_pairs_hook=_unique_keys)
    except FileNotFoundError:
        if missing_ok:
            return []
        raise PublicationLogError("publications.log-missing", path=path) from None
    except (OSError, ValueError) as err:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _Corrupt("publications.log-not-json", where=path, detail=err) from None
    if not isinstance(data, dict) or set(data) != {"format", "entries"} or data["format"] != FORMAT \
            or not isinstance(data["entries"], list):
        raise _Corrupt("publications.log-shape", where=path, format=FORMAT)
    entries = [_entry(path, i, item) for i, item in enumerate(data["entries"])]
    for i in range(1, len(entries)):
        if entries[i].deployed_at < entries[i - 1].deployed_at:
            raise _Corrupt("publications.log-order", where=f"{path}: entries[{i}]", previous=i - 1)
    return entries


def read_acknowledged(root: Path) -> dict[str, str]:
    """The rewrites acknowledged in ``root/.ogp-rewrites``: lowercase hash prefix (7-40 hex) -> reason.

    One ``<hash>  <reason>`` per line. A line whose first non-blank character is ``#`` is a comment, so a
    reason may cite an issue (``#12``). The reason is required: an acknowledgement is a public explanation.
    """
    path = Path(root) / ACK_FILE
    try:
        lines = path.read_bytes().decode("utf-8").splitlines()
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        raise PublicationLogError("publications.ack-unreadable", path=path, detail=err) from None
    found: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        prefix, _, reason = line.strip().replace("\t", " ").partition(" ")
        if prefix.startswith("#") or not prefix:
            continue
        if not _PREFIX.fullmatch(prefix.lower()) or not reason.strip() or prefix.lower() in found:
            raise PublicationLogError("publications.ack-line", path=path, line=number)
        found[prefix.lower()] = reason.strip()
    return found


def _git(root: Path, *args: str, stdin: str | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """:func:`ogp.history.run_git` with text in and out (replace refs ignored there too)."""
    try:
        raw = run_git(root, *args, stdin=stdin.encode("utf-8") if stdin is not None else None)
    except HistoryError:  # git is not installed
        raise HistoryUnavailableError("publications.no-git") from None
    result = subprocess.CompletedProcess(raw.args, raw.returncode, raw.stdout.decode("utf-8", "replace"),
                                         raw.stderr.decode("utf-8", "replace"))
    if check and result.returncode != 0:
        raise HistoryUnavailableError("publications.git-failed", command=args[0], root=root, detail=result.stderr.strip())
    return result


def resolve(root: Path, rev: str) -> str:
    """The full hash of commit ``rev`` in the repository at ``root``, which must hold its whole history."""
    state = _git(root, "rev-parse", "--is-shallow-repository")
    if state.returncode != 0:
        raise HistoryUnavailableError("publications.not-a-repository", root=root)
    if state.stdout.strip() == "true":  # old commits are absent there: every one would look rewritten
        raise HistoryUnavailableError("publications.shallow", root=root)
    found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if found.returncode != 0:
        raise PublicationLogError("publications.not-a-commit", rev=repr(rev), root=root)
    return found.stdout.strip()


def verify(root: Path, entries: list[Entry], acknowledged: dict[str, str], head: str = "HEAD") -> Check:
    """Check that every logged commit still exists and is on the first-parent line of ``head``.

    Three git calls however long the log is: every ancestor of ``head`` and its first-parent line into sets, then one batch
    look-up of the logged commits outside it (one call per entry would cost seconds on a long log).
    """
    tip = resolve(root, head)
    ancestors: set[str] = set()
    mainline: set[str] = set()
    kinds: dict[str, str] = {}
    if entries:
        ancestors = set(_git(root, "rev-list", tip, check=True).stdout.split())
        # A published commit must stay on the branch's first-parent line: a "foxtrot" merge
        # (main merged into a branch, then fast-forwarded) keeps it as an ancestor but moves it off.
        mainline = set(_git(root, "rev-list", "--first-parent", tip, check=True).stdout.split())
        if outside := sorted({e.commit for e in entries} - ancestors):
            found = _git(root, "cat-file", "--batch-check=%(objectname) %(objecttype)", check=True,
                         stdin="".join(f"{sha}\n" for sha in outside)).stdout
            kinds = dict(line.split(" ", 1) for line in found.splitlines())  # "<sha> commit" or "<sha> missing"
    rewrites = []
    for entry in (e for e in entries if e.commit not in mainline):
        # A hash that names a tree or a blob is no published commit either: "missing".
        if entry.commit in ancestors:
            reason = "not-first-parent"
        else:
            reason = "not-ancestor" if kinds.get(entry.commit) == "commit" else "missing"
        reasons = [text for prefix, text in acknowledged.items() if entry.commit.startswith(prefix)]
        rewrites.append(Rewrite(entry.commit, entry.deployed_at, reason, reasons[0] if reasons else None))
    return Check(list(entries), rewrites, tip)


def append(entries: list[Entry], commit: str, deployed_at: dt.datetime, run: str = "") -> list[Entry]:
    """A new log: ``entries`` and then this deploy; a time earlier than the last entry's is refused."""
    if not _SHA.fullmatch(commit) or deployed_at.tzinfo is None:  # a caller's mistake, not an editor's
        raise ValueError(f"append needs a full 40-digit hash and an aware time, not {commit!r}, {deployed_at!r}")
    moment = deployed_at.astimezone(UTC).replace(microsecond=0)
    if entries and moment < entries[-1].deployed_at:
        new, last = format_time(moment), format_time(entries[-1].deployed_at)
        raise PublicationLogError("publications.earlier", new=new, last=last)
    return [*entries, Entry(commit, moment, run)]


def dump_log(entries: list[Entry]) -> str:
    """The log as stable JSON text: sorted keys, one-space indent, UTF-8 characters kept, trailing newline."""
    items = [{"commit": e.commit, "deployed_at": format_time(e.deployed_at), "run": e.run} for e in entries]
    return json.dumps({"format": FORMAT, "entries": items}, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def describe(rewrite: Rewrite, lang: str, head: str = "HEAD") -> str:
    """One sentence about ``rewrite`` in ``lang``, with its acknowledgement if any."""
    when = rewrite.deployed_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = say(f"publications.{rewrite.reason}", lang, short=rewrite.commit[:10], when=when, head=head)
    if rewrite.acknowledged is not None:
        text += say("publications.ack", lang, file=ACK_FILE, reason=rewrite.acknowledged)
    return text

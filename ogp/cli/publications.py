"""``ogp publications``: check the publication log against the git history, and add a deploy to it.

The deploy workflow runs ``append`` before every build; ``verify`` lets anyone
(a maintainer, an IRM researcher with a clone) repeat the check on a saved log.
Exit statuses: 0 fine; 1 a rewrite nobody acknowledged; 2 a bad argument or an
unusable log or acknowledgement file; 3 not a git repository, or a shallow clone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from ogp.facts.publications import (
    ACK_FILE,
    UTC,
    Check,
    HistoryUnavailableError,
    PublicationLogError,
    append,
    describe,
    dump_log,
    format_time,
    load_log,
    read_acknowledged,
    resolve,
    verify,
)
from ogp.records.errors import asked_language, for_reader
from ogp.words import languages, words
from ogp.words.said import Said, reader_order

EXIT_REWRITE, EXIT_USAGE, EXIT_HISTORY = 1, 2, 3

_TEXT = {
    "publications": words("cli_publications.publications"),
    "verify": words("cli_publications.verify"),
    "append": words("cli_publications.append"),
    "log": words("cli_publications.log"),
    "head": words("cli_publications.head"),
    "format": words("cli_publications.format"),
    "commit": words("cli_publications.commit"),
    "deployed_at": words("cli_publications.deployed_at"),
    "run": words("cli_publications.run"),
    "output": words("cli_publications.output"),
    "missing_ok": words("cli_publications.missing_ok"),
    "empty": words("cli_publications.empty"),
    "fine": words("cli_publications.fine"),
    "acknowledged": words("cli_publications.acknowledged"),
    "written": words("cli_publications.written"),
}

def _time(text: str) -> dt.datetime:
    # A time without a zone would mean different moments on a runner and on a laptop.
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(for_reader(Said("publications.time-not-iso", text=repr(text))))
    return moment.astimezone(UTC)


def add_parsers(sub, lang: str, root_help: str) -> None:
    """Add ``publications verify`` and ``publications append`` to the ``ogp`` parser."""
    group = sub.add_parser("publications", help=_TEXT["publications"][lang], description=_TEXT["publications"][lang])
    actions = group.add_subparsers(dest="publications_command", metavar="ACTION", required=True)
    check = actions.add_parser("verify", help=_TEXT["verify"][lang], description=_TEXT["verify"][lang])
    add = actions.add_parser("append", help=_TEXT["append"][lang], description=_TEXT["append"][lang])
    for parser in (check, add):
        parser.add_argument("--log", type=Path, required=True, help=_TEXT["log"][lang])
        parser.add_argument("--root", type=Path, default=Path("."), help=root_help)
    check.add_argument("--head", default="HEAD", help=_TEXT["head"][lang])
    check.add_argument("--format", choices=("text", "json"), default="text", help=_TEXT["format"][lang])
    add.add_argument("--commit", required=True, help=_TEXT["commit"][lang])
    add.add_argument("--deployed-at", type=_time, required=True, help=_TEXT["deployed_at"][lang])
    add.add_argument("--run", default="", help=_TEXT["run"][lang])
    add.add_argument("--output", type=Path, required=True, help=_TEXT["output"][lang])
    add.add_argument("--missing-ok", action="store_true", help=_TEXT["missing_ok"][lang])


def _as_json(check: Check, head: str) -> str:
    rewrites = [{"commit": r.commit, "deployed_at": format_time(r.deployed_at), "reason": r.reason,
                 "acknowledged": r.acknowledged, "message": {lang: describe(r, lang, head) for lang in languages()}}
                for r in check.rewrites]
    return json.dumps({"ok": check.ok, "head": check.head, "entries": len(check.entries), "rewrites": rewrites},
                      ensure_ascii=False, indent=2)


def _report(check: Check, head: str, lang: str) -> None:
    """Acknowledged rewrites on stdout in ``lang``; unacknowledged ones on stderr for every reader (:func:`for_reader`)."""
    for rewrite in check.rewrites:
        if rewrite.acknowledged is not None:
            print(describe(rewrite, lang, head))
    refused = [r for r in check.rewrites if r.acknowledged is None]
    readers = reader_order(asked_language())
    for rewrite in refused:
        print("\n".join(dict.fromkeys(describe(rewrite, code, head) for code in readers)), file=sys.stderr)
    if refused:
        print(for_reader(Said("publications.refused", file=ACK_FILE)), file=sys.stderr)
    else:
        key = "acknowledged" if check.rewrites else "fine" if check.entries else "empty"
        print(_TEXT[key][lang].format(count=len(check.entries), head=head, file=ACK_FILE))


def _write(path: Path, text: str) -> None:
    # Beside the target, then renamed over it: a step that dies half way leaves no half log to publish.
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise PublicationLogError("publications.cannot-write", path=path, detail=err) from None


def _run(args, lang: str) -> int:
    if args.publications_command == "verify":
        entries, acknowledged = load_log(args.log), read_acknowledged(args.root)
        check = verify(args.root, entries, acknowledged, args.head)
        if args.format == "json":
            print(_as_json(check, args.head))
        else:
            _report(check, args.head, lang)
        return 0 if check.ok else EXIT_REWRITE
    entries, acknowledged = load_log(args.log, missing_ok=args.missing_ok), read_acknowledged(args.root)
    commit = resolve(args.root, args.commit)
    # The logged commits must lead to the one being published, whatever HEAD is.
    check = verify(args.root, entries, acknowledged, commit)
    _report(check, commit[:10], lang)
    if not check.ok:
        return EXIT_REWRITE
    updated = append(entries, commit, args.deployed_at, args.run)
    _write(args.output, dump_log(updated))
    print(_TEXT["written"][lang].format(path=args.output, count=len(updated), commit=commit[:10],
                                        when=format_time(updated[-1].deployed_at)))
    return 0


def run(args, lang: str) -> int | None:
    """Run ``publications verify`` or ``publications append``; None for any other command."""
    if getattr(args, "command", None) != "publications":
        return None
    try:
        return _run(args, lang)
    except PublicationLogError as err:
        print(for_reader(err), file=sys.stderr)
        return EXIT_USAGE
    except HistoryUnavailableError as err:
        print(for_reader(err), file=sys.stderr)
        return EXIT_HISTORY


def main(argv: list[str], lang: str = "en") -> int:
    """Parse ``argv`` (``["publications", ...]``) as ``ogp`` would and run it; argparse errors give 2."""
    parser = argparse.ArgumentParser(prog="ogp")
    add_parsers(parser.add_subparsers(dest="command", metavar="COMMAND"), lang, "the project folder")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    status = run(args, lang)
    return EXIT_USAGE if status is None else status

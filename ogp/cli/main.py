"""The ``ogp`` command: one entry point, with subcommands.

Each subcommand is a thin front to a function in this package; the same
functions run inside ``mkdocs build`` through ``hooks/``. Messages follow
``OGP_LANG`` (``mn`` or ``en``) or the locale.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from ogp import __version__
from ogp.build.shutdown import finish
from ogp.cli import publications as cli_publications
from ogp.cli import tools as cli_tools
from ogp.cli.tools import parse_date as _date
from ogp.facts.audit import timezone
from ogp.facts.dates import today_in
from ogp.records.errors import for_reader, format_problems, message_language
from ogp.records.repository import use_repository
from ogp.records.settings import SettingsError
from ogp.records.translations import check_translations
from ogp.records.validate import FORMATS, render, validate
from ogp.words import languages, shipped, words

_TEXT = {
    "description": words("cli.description"),
    "check-translations": words("cli.check-translations"),
    "root": words("cli.root"),
    "ok": words("cli.ok"),
    "validate": words("cli.validate"),
    "format": words("cli.format"),
    "lang": words("cli.lang"),
    "today": words("cli.today"),
    "compliance": words("cli.compliance"),
    "as_of": words("cli.as_of"),
    "strict": words("cli.strict"),
    "irm-pack": words("cli.irm-pack"),
    "plan": words("cli.plan"),
    "pack": words("cli.pack"),
    "log": words("cli.log"),
    "pack_ok": words("cli.pack_ok"),
    "pack_bad": words("cli.pack_bad"),
    "output": words("cli.output"),
    "no_plan": words("cli.no_plan"),
    "internal": words("cli.internal"),
    "old_records": words("cli.old_records"),
    "plan_option": words("cli.plan_option"),
    "written": words("cli.written"),
    "valid": words("cli.valid"),
    "strict_warnings": words("cli.strict_warnings"),
}


def _parser(lang: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ogp", description=_TEXT["description"][lang])
    parser.add_argument("--version", action="version", version=f"ogp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser(
        "check-translations",
        help=_TEXT["check-translations"][lang],
        description=_TEXT["check-translations"][lang],
    )
    check.add_argument("--root", type=Path, default=Path("."), help=_TEXT["root"][lang])
    val = sub.add_parser("validate", help=_TEXT["validate"][lang], description=_TEXT["validate"][lang])
    val.add_argument("--root", type=Path, default=Path("."), help=_TEXT["root"][lang])
    val.add_argument("--format", choices=FORMATS, default="text", help=_TEXT["format"][lang])
    val.add_argument("--lang", choices=sorted({*languages(), *shipped()}), default=None, help=_TEXT["lang"][lang])
    val.add_argument("--today", type=_date, default=None, help=_TEXT["today"][lang])
    val.add_argument("--strict", action="store_true", help=_TEXT["strict_warnings"][lang])
    comp = sub.add_parser("compliance", help=_TEXT["compliance"][lang], description=_TEXT["compliance"][lang])
    comp.add_argument("--root", type=Path, default=Path("."), help=_TEXT["root"][lang])
    comp.add_argument("--as-of", type=_date, default=None, help=_TEXT["as_of"][lang])
    comp.add_argument("--format", choices=("text", "json"), default="text", help=_TEXT["format"][lang])
    comp.add_argument("--lang", choices=sorted({*languages(), *shipped()}), default=None, help=_TEXT["lang"][lang])
    comp.add_argument("--strict", action="store_true", help=_TEXT["strict"][lang])
    comp.add_argument("--plan", default=None, help=_TEXT["plan_option"][lang])
    pack = sub.add_parser("irm-pack", help=_TEXT["irm-pack"][lang], description=_TEXT["irm-pack"][lang])
    pack.add_argument("plan", help=_TEXT["plan"][lang])
    pack.add_argument("pack", nargs="?", type=Path, default=None, help=_TEXT["pack"][lang])
    pack.add_argument("--root", type=Path, default=Path("."), help=_TEXT["root"][lang])
    pack.add_argument("--as-of", type=_date, default=None, help=_TEXT["as_of"][lang])
    pack.add_argument("--output", type=Path, default=None, help=_TEXT["output"][lang])
    pack.add_argument("--lang", choices=sorted({*languages(), *shipped()}), default=None, help=_TEXT["lang"][lang])
    for command in (comp, pack):
        command.add_argument("--log", type=Path, default=None, help=_TEXT["log"][lang])
    cli_tools.add_parsers(sub, lang, _TEXT["root"][lang])
    cli_publications.add_parsers(sub, lang, _TEXT["root"][lang])
    return parser


# Exit statuses, one meaning each (README, "The `ogp` command"): 0 fine; 1 a check failed
# (a requirement or deadline missed with --strict); 2 invalid input (records, arguments,
# a missing page translation); 3 the git history cannot be judged; 4 an internal error.
EXIT_OK, EXIT_MISSED, EXIT_INPUT, EXIT_HISTORY, EXIT_INTERNAL = 0, 1, 2, 3, 4


def cmd_check_translations(root: Path, lang: str) -> int:
    """Print missing translations under ``root/content``; 2 when there are any."""
    problems = check_translations(root / "content", list(languages()), root=root)
    if problems:
        print(format_problems(problems, lang), file=sys.stderr)
        return EXIT_INPUT
    print(_TEXT["ok"][lang])
    return EXIT_OK


def cmd_validate(root: Path, fmt: str, lang: str, today: dt.date | None, strict: bool = False) -> int:
    """Validate the records and the content's links under ``root``; print problems; 2 when there are any but warnings."""
    day = today or today_in(timezone())
    data, problems = validate(root, day)
    if not problems:  # the records are sound: now what a strict build checks (links, anchors)
        from ogp.render.linkcheck import link_problems

        problems = link_problems(data, root, day)
    problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.col or 0, p.code)) + data.warnings  # errors first
    if problems:
        print(render(problems, fmt, lang))
    if any(not p.is_warning for p in problems):
        return EXIT_INPUT
    if strict and problems:
        return EXIT_MISSED  # only warnings, and --strict: a check failed
    if fmt in ("json", "markdown") and not problems:
        print(render([], fmt, lang))
    elif fmt == "text":
        count = sum(1 for records in data.records.values() for r in records if r.parent is None)
        print(_TEXT["valid"][lang].format(count=count))
    return EXIT_OK


def _judged(root: Path, as_of: dt.date | None, lang: str, plan: str | None, out, log: Path | None = None,
            committed: bool = False) -> int:
    """Judge ``plan`` (default: the current one) and hand ``out(model, audit, commit)`` the result.

    Without ``as_of`` the records of the work tree are judged as of today (in
    ``OGP_TIMEZONE``), or with ``committed`` those of the last commit; with
    ``as_of``, the records and history of the last commit of that day, read
    from git. Returns the exit status.
    """
    from contextlib import nullcontext

    from ogp.facts.audit import audit, head_state, publication_log, published_state
    from ogp.facts.history import HistoryError
    from ogp.facts.model import build_model
    from ogp.facts.publications import HistoryUnavailableError, PublicationLogError

    try:
        entries = publication_log(log)
    except PublicationLogError as err:
        print(for_reader(err), file=sys.stderr)
        return EXIT_INPUT
    try:
        state = (published_state(root, as_of, publications=entries) if as_of
                 else head_state(root) if committed else nullcontext(("", root)))
        with state as (commit, folder):
            day = as_of or today_in(timezone())
            data, problems = validate(folder, day)
            if any(not p.is_warning for p in problems):
                if commit:
                    print(_TEXT["old_records"][lang].format(commit=commit[:10], day=day), file=sys.stderr)
                print(render(problems, "text", lang), file=sys.stderr)
                return EXIT_INPUT
            model = build_model(data, day)
            if plan is not None and plan not in model.plans:
                print(_TEXT["no_plan"][lang].format(plan=plan, plans=", ".join(sorted(model.plans)) or "—"), file=sys.stderr)
                return EXIT_INPUT
            found = audit(data, day, model, plan_id=plan, rev=commit or "HEAD", repo=root, publications=entries)
            return out(model, found, commit)
    except (HistoryError, HistoryUnavailableError) as err:
        print(for_reader(err), file=sys.stderr)
        from ogp.facts.audit import BeforeHistoryError
        return EXIT_INPUT if isinstance(err, BeforeHistoryError) else EXIT_HISTORY


def cmd_compliance(root: Path, as_of, fmt: str, lang: str, strict: bool, plan: str | None = None,
                   log: Path | None = None) -> int:
    """Print every requirement's verdict; with ``strict``, 1 when any (or a deadline) is missed."""
    from ogp.render.report_text import report_text

    def out(_model, found, commit) -> int:
        report = found.report
        if fmt == "json":
            print(json.dumps(dict(report.as_dict(), commit=commit or report.history.get("head")), ensure_ascii=False, indent=2))
        else:
            print(report_text(report, lang, commit))
        rewritten = bool(report.publications.get("unacknowledged"))
        return EXIT_MISSED if strict and (report.missed() or report.overdue() or rewritten) else EXIT_OK

    return _judged(root, as_of, lang, plan, out, log)


def cmd_irm_pack(root: Path, plan: str, as_of, output: Path | None, lang: str, log: Path | None = None) -> int:
    """Write the IRM evidence pack of ``plan``."""
    from ogp.render.irmpack import write_pack

    def out(model, found, commit) -> int:
        path, rows = write_pack(model, found, plan, output or Path(f"irm-pack-{plan}.zip"), root, commit)
        print(_TEXT["written"][lang].format(path=path, rows=rows))
        return EXIT_OK

    # The pack names a commit: it holds what that commit holds, never unpublished edits.
    return _judged(root, as_of, lang, plan, out, log, committed=True)


def cmd_verify_pack(root: Path, pack: Path | None, lang: str, parser: argparse.ArgumentParser) -> int:
    """Check every claim of an IRM pack against the clone at ``root``; 1 when one does not hold."""
    from ogp.facts.history import HistoryError
    from ogp.render.irmpack_verify import PackError, verify_pack

    if pack is None:
        parser.error("irm-pack verify PACK")
    try:
        mismatches = verify_pack(pack, root)
    except PackError as err:
        print(for_reader(err), file=sys.stderr)
        return EXIT_INPUT
    except HistoryError as err:
        print(for_reader(err), file=sys.stderr)
        return EXIT_HISTORY
    if mismatches:
        print("\n".join(m.describe(lang) for m in mismatches))
        print(_TEXT["pack_bad"][lang].format(pack=pack, count=len(mismatches)))
        return EXIT_MISSED
    import json as _json
    import zipfile

    with zipfile.ZipFile(pack) as archive:
        facts = _json.loads(archive.read("manifest.json"))
    print(_TEXT["pack_ok"][lang].format(pack=pack, files=len(facts["files"]), updates=len(facts.get("updates") or [])))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the ``ogp`` command line; returns the exit status (bad arguments: 2, from argparse)."""
    lang = message_language()
    parser = _parser(lang)
    args = parser.parse_args(argv)
    try:
        use_repository(Path(getattr(args, "root", None) or "."))  # its languages and names (ogp.yml)
        lang = message_language()  # a repository may bring a language of its own
        return _dispatch(parser, args, lang)
    except SettingsError as err:  # a bad OGP_* value: invalid input, named and explained
        print(format_problems(err.problems, lang), file=sys.stderr)
        return EXIT_INPUT
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as err:  # a defect of ours: one clear line, and how to see the details
        if os.environ.get("OGP_DEBUG", "").strip().lower() in ("1", "true", "yes"):  # read directly: settings may be what failed
            raise
        print(_TEXT["internal"][lang].format(error=f"{type(err).__name__}: {err}"), file=sys.stderr)
        return EXIT_INTERNAL


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, lang: str) -> int:
    """Run the chosen subcommand."""
    if args.command == "check-translations":
        return cmd_check_translations(args.root, lang)
    if args.command == "validate":
        return cmd_validate(args.root, args.format, args.lang or lang, args.today, args.strict)
    if args.command == "compliance":
        return cmd_compliance(args.root, args.as_of, args.format, args.lang or lang, args.strict, args.plan, args.log)
    if args.command == "irm-pack" and args.plan == "verify":
        return cmd_verify_pack(args.root, args.pack, args.lang or lang, parser)
    if args.command == "irm-pack":
        return cmd_irm_pack(args.root, args.plan, args.as_of, args.output, args.lang or lang, args.log)
    for front in (cli_tools, cli_publications):
        status = front.run(args, lang)
        if status is not None:
            return status
    parser.print_help()
    return 0


def run() -> None:
    """Console entry point: ``main`` with a quiet exit when output is piped to ``head``."""
    try:
        status = main()
        finish()  # the next command starts faster, and this one ends at once (ogp.build.shutdown)
        sys.exit(status)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover - `python -m ogp.cli.main`
    run()

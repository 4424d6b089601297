"""The editors' subcommands of ``ogp``: ``new`` (start a record) and ``check-links``."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ogp.cli.links import check_links, report
from ogp.cli.scaffold import KINDS, ScaffoldError, new_commitment, new_evidence, new_meeting, new_milestone
from ogp.facts.audit import timezone
from ogp.facts.dates import today_in
from ogp.records.errors import asked_language, for_reader
from ogp.words import keys, languages, lookup, missing, words
from ogp.words.said import Said

_TEXT = {
    "new": words("tools.new"),
    "kind": words("tools.kind"),
    "target": words("tools.target"),
    "date": words("tools.date"),
    "url": words("tools.url"),
    "file": words("tools.file"),
    "written": words("tools.written"),
    "check-links": words("tools.check-links"),
    "format": words("tools.format"),
    "summary": words("tools.summary"),
    "timeout": words("tools.timeout"),
    "strict": words("tools.strict"),
    "bench": words("tools.bench"),
    "bench_install": words("tools.bench_install"),
    "size": words("tools.size"),
    "json": words("tools.json"),
    **{key: words(f"tools.{key}") for key in ("init", "init_path", "init_country", "init_languages", "init_timezone",
                                               "init_prefix", "init_forum", "init_done", "words", "words_language",
                                               "words_count", "words_head", "diff", "diff_base",
                                               "diff_head", "diff_site", "diff_unknown", "diff_pages")},
}


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD command-line value (argparse reports anything else as a usage error)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(for_reader(Said("tools.date-not-iso", text=repr(text)))) from None


def add_parsers(sub, lang: str, root_help: str) -> None:
    """Add ``new`` and ``check-links`` to the ``ogp`` parser."""
    new = sub.add_parser("new", help=_TEXT["new"][lang], description=_TEXT["new"][lang])
    new.add_argument("kind", choices=KINDS, help=_TEXT["kind"][lang])
    new.add_argument("target", nargs="?", default=None, help=_TEXT["target"][lang])
    new.add_argument("--root", type=Path, default=Path("."), help=root_help)
    new.add_argument("--date", type=parse_date, default=None, help=_TEXT["date"][lang])
    new.add_argument("--url", default=None, help=_TEXT["url"][lang])
    new.add_argument("--file", default=None, help=_TEXT["file"][lang])
    links = sub.add_parser("check-links", help=_TEXT["check-links"][lang], description=_TEXT["check-links"][lang])
    links.add_argument("--root", type=Path, default=Path("."), help=root_help)
    links.add_argument("--format", choices=("text", "github", "markdown"), default="text", help=_TEXT["format"][lang])
    links.add_argument("--summary", type=Path, default=None, help=_TEXT["summary"][lang])
    links.add_argument("--timeout", type=float, default=15.0, help=_TEXT["timeout"][lang])
    links.add_argument("--strict", action="store_true", help=_TEXT["strict"][lang])
    start = sub.add_parser("init", help=_TEXT["init"][lang], description=_TEXT["init"][lang])
    start.add_argument("path", type=Path, help=_TEXT["init_path"][lang])
    start.add_argument("--country", action="append", required=True, help=_TEXT["init_country"][lang])
    start.add_argument("--languages", required=True, help=_TEXT["init_languages"][lang])
    start.add_argument("--timezone", required=True, help=_TEXT["init_timezone"][lang])
    start.add_argument("--member-prefix", default="", help=_TEXT["init_prefix"][lang])
    start.add_argument("--forum", action="append", default=None, help=_TEXT["init_forum"][lang])
    change = sub.add_parser("diff", help=_TEXT["diff"][lang], description=_TEXT["diff"][lang])
    change.add_argument("base", help=_TEXT["diff_base"][lang])
    change.add_argument("head", nargs="?", default="HEAD", help=_TEXT["diff_head"][lang])
    change.add_argument("--root", type=Path, default=Path("."), help=root_help)
    change.add_argument("--site-url", default="", help=_TEXT["diff_site"][lang])
    change.add_argument("--pages", action="store_true", help=_TEXT["diff_pages"][lang])
    catalogue = sub.add_parser("words", help=_TEXT["words"][lang], description=_TEXT["words"][lang])
    catalogue.add_argument("language", nargs="?", default=None, help=_TEXT["words_language"][lang])
    catalogue.add_argument("--root", type=Path, default=Path("."), help=root_help)
    bench = sub.add_parser("bench", help=_TEXT["bench"][lang], description=_TEXT["bench"][lang])
    bench.add_argument("--size", choices=("national", "large", "ogp"), default="national", help=_TEXT["size"][lang])
    bench.add_argument("--json", type=Path, default=None, help=_TEXT["json"][lang])
    bench.add_argument("--install", action="store_true", help=_TEXT["bench_install"][lang])


def _diff(args, lang: str) -> int:
    """``ogp diff BASE [HEAD]``: the change's effect as Markdown; 2 when a commit is unknown."""
    from ogp.records.errors import language_known
    from ogp.render.effect import effect, report

    try:
        found = effect(args.root, args.base, args.head, today_in(timezone()))
    except ValueError as err:
        print(_TEXT["diff_unknown"][lang].format(commit=err), file=sys.stderr)
        return 2
    if args.pages:  # the addresses to check in a browser: every page added or changed, one a line
        print("\n".join(found.added + found.changed))
        return 0
    print(report(found, [lang] if language_known() else list(languages()), args.site_url))
    return 0


def _words(code: str | None, lang: str) -> int:
    """``ogp words``: how many texts each language lacks; with a language, each one to translate, commented out."""
    if code is None:
        for each in languages():
            print(_TEXT["words_count"][lang].format(lang=each, count=len(missing(each)), total=len(keys())))
        return 0
    print(_TEXT["words_head"][lang].format(lang=code))
    for key in missing(code):
        english = lookup(key, "en")
        print(f"# {key}: {json.dumps(english, ensure_ascii=False)}")
    return 0


def _init(args, lang: str) -> int:
    """``ogp init``: 0 when the repository is written, 2 when the options or the folder do not allow it."""
    from ogp.cli.init import InitError, init
    from ogp.records.repository import read_repository

    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    try:
        path = init(args.path, args.country, languages, args.timezone, args.member_prefix, args.forum)
        read_repository(path)  # what it wrote must read back as valid settings
    except InitError as err:
        print(for_reader(err), file=sys.stderr)
        return 2
    print(_TEXT["init_done"][lang].format(path=path))
    return 0


def run(args, lang: str) -> int | None:
    """Run ``new`` or ``check-links``; None for other commands."""
    if args.command == "new":
        today = args.date or today_in(timezone())
        try:
            if args.kind == "meeting":
                path = new_meeting(args.root, today, args.target or "meeting")
            elif args.kind == "evidence":
                path = new_evidence(args.root, today, args.target or "evidence", url=args.url, file=args.file)
            elif args.kind == "commitment":
                path = new_commitment(args.root, today, args.target or "")
            else:
                path = new_milestone(args.root, today, args.target or "")
        except ScaffoldError as err:
            print(err.told(lang), file=sys.stderr)
            return 2  # invalid input (see the exit statuses in ogp/cli/main.py)
        print(_TEXT["written"][lang].format(path=path.relative_to(args.root).as_posix()))
        return 0
    if args.command == "check-links":
        results = check_links(args.root, timeout=args.timeout)
        reader = asked_language()
        print(report(results, args.format, reader))
        if args.summary:
            with args.summary.open("a", encoding="utf-8") as handle:
                handle.write(report(results, "markdown", reader) + "\n")
        return 1 if args.strict and any(not r.ok for r in results) else 0
    if args.command == "diff":
        return _diff(args, lang)
    if args.command == "words":
        return _words(args.language, lang)
    if args.command == "init":
        return _init(args, lang)
    if args.command == "bench":
        from ogp.cli.bench import main as bench

        return bench(args.size, args.json, args.install)
    return None

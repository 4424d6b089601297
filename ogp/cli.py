"""The ``ogp`` command: one entry point, with subcommands.

Each subcommand is a thin front to a function in this package; the same
functions run inside ``mkdocs build`` through ``hooks/``. Messages follow
``OGP_LANG`` (``mn`` or ``en``) or the locale.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import __version__, cli_tools
from .cli_tools import parse_date as _date
from .errors import format_problems, message_language
from .translations import check_translations
from .validate import FORMATS, render, validate

LANGUAGES = ["mn", "en"]

_TEXT = {
    "description": {
        "mn": "Нээлттэй Засгийн Түншлэлийн үндэсний баримтын сангийн хэрэгсэл.",
        "en": "Tools for a national Open Government Partnership repository.",
    },
    "check-translations": {
        "mn": "content/ доторх хуудас бүр монгол, англи хоёр хэлээр байгаа эсэхийг шалгана.",
        "en": "Check that every page under content/ exists in Mongolian and in English.",
    },
    "root": {
        "mn": "төслийн үндсэн хавтас (анхдагч нь одоогийн хавтас)",
        "en": "the project folder (default: the current folder)",
    },
    "ok": {
        "mn": "Бүх хуудас хоёр хэлээр байна.",
        "en": "Every page exists in both languages.",
    },
    "validate": {
        "mn": "data/ доторх бүх бичлэгийг схемийн дагуу шалгаж, алдаа бүрийг файл, мөр, талбартай нь хэвлэнэ.",
        "en": "Check every record under data/ against its schema; print each problem with its file, line and field.",
    },
    "format": {
        "mn": "гаралтын хэлбэр: text (энгийн), github (GitHub-ийн тэмдэглэгээ), json",
        "en": "output: text, github (GitHub Actions annotations) or json",
    },
    "lang": {
        "mn": "мэдээллийн хэл: mn эсвэл en (анхдагч нь OGP_LANG эсвэл locale)",
        "en": "language of messages: mn or en (default: OGP_LANG, else the locale)",
    },
    "today": {
        "mn": "өнөөдрийн огноо гэж тооцох өдөр (ОООО-СС-ӨӨ); ирээдүйн огноог шалгахад хэрэглэнэ",
        "en": "the date to treat as today (YYYY-MM-DD), for the checks of dates in the future",
    },
    "compliance": {
        "mn": "Зайлшгүй биелүүлэх шаардлага бүрийн төлөвийг бичлэг ба git-ийн түүхээс гаргана.",
        "en": "Judge every OGP minimum requirement from the records and the git history.",
    },
    "as_of": {
        "mn": "дүгнэх өдөр (ОООО-СС-ӨӨ); анхдагч нь өнөөдөр",
        "en": "the date to judge as of (YYYY-MM-DD); default: today",
    },
    "strict": {
        "mn": "аль нэг шаардлага хангаагүй бол 1 гэсэн төлөвөөр дуусна",
        "en": "exit with status 1 when a requirement is not met",
    },
    "irm-pack": {
        "mn": "Төлөвлөгөөний нотлох баримтын багцыг (manifest.csv, compliance.json, файлууд) zip болгон үүсгэнэ.",
        "en": "Write a zip of a plan's evidence (manifest.csv, compliance.json and the files) for the IRM.",
    },
    "plan": {"mn": "төлөвлөгөөний id, жишээ нь nap5", "en": "the plan's id, e.g. nap5"},
    "output": {"mn": "zip файлын зам (анхдагч нь irm-pack-<plan>.zip)", "en": "where to write the zip (default irm-pack-<plan>.zip)"},
    "no_plan": {"mn": "{plan} гэсэн төлөвлөгөө алга. Байгаа нь: {plans}.", "en": "There is no plan {plan}. Plans: {plans}."},
    "written": {"mn": "{path} файлыг бичлээ ({rows} мөр).", "en": "Wrote {path} ({rows} rows)."},
    "valid": {
        "mn": "Бүх бичлэг зөв байна ({count} файл).",
        "en": "All records are valid ({count} files).",
    },
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
    val.add_argument("--lang", choices=LANGUAGES, default=None, help=_TEXT["lang"][lang])
    val.add_argument("--today", type=_date, default=None, help=_TEXT["today"][lang])
    comp = sub.add_parser("compliance", help=_TEXT["compliance"][lang], description=_TEXT["compliance"][lang])
    comp.add_argument("--root", type=Path, default=Path("."), help=_TEXT["root"][lang])
    comp.add_argument("--as-of", type=_date, default=None, help=_TEXT["as_of"][lang])
    comp.add_argument("--format", choices=("text", "json"), default="text", help=_TEXT["format"][lang])
    comp.add_argument("--lang", choices=LANGUAGES, default=None, help=_TEXT["lang"][lang])
    comp.add_argument("--strict", action="store_true", help=_TEXT["strict"][lang])
    pack = sub.add_parser("irm-pack", help=_TEXT["irm-pack"][lang], description=_TEXT["irm-pack"][lang])
    pack.add_argument("plan", help=_TEXT["plan"][lang])
    pack.add_argument("--root", type=Path, default=Path("."), help=_TEXT["root"][lang])
    pack.add_argument("--as-of", type=_date, default=None, help=_TEXT["as_of"][lang])
    pack.add_argument("--output", type=Path, default=None, help=_TEXT["output"][lang])
    pack.add_argument("--lang", choices=LANGUAGES, default=None, help=_TEXT["lang"][lang])
    cli_tools.add_parsers(sub, lang, _TEXT["root"][lang])
    return parser


def cmd_check_translations(root: Path, lang: str) -> int:
    """Print missing translations under ``root/content``; 0 when there are none."""
    problems = check_translations(root / "content", LANGUAGES, root=root)
    if problems:
        print(format_problems(problems, lang), file=sys.stderr)
        return 1
    print(_TEXT["ok"][lang])
    return 0


def cmd_validate(root: Path, fmt: str, lang: str, today: dt.date | None) -> int:
    """Validate the records under ``root``; print problems; 1 when there are any."""
    data, problems = validate(root, today)
    if problems:
        print(render(problems, fmt, lang))
        return 1
    if fmt == "json":
        print(render([], fmt, lang))
    elif fmt == "text":
        count = sum(1 for records in data.records.values() for r in records if r.parent is None)
        print(_TEXT["valid"][lang].format(count=count))
    return 0


# Exit statuses: 0 fine; 1 invalid records (or, with --strict, a requirement not met);
# 2 bad command line; 3 the git history cannot be judged (shallow clone, no repository).
EXIT_HISTORY = 3


def _audit(root: Path, as_of: dt.date | None, lang: str):
    """Validated records and their audit, or an exit status after printing why not."""
    from .audit import audit
    from .history import HistoryError
    from .model import build_model

    as_of = as_of or dt.date.today()
    data, problems = validate(root, as_of)
    if problems:
        print(render(problems, "text", lang), file=sys.stderr)
        return None, 1
    model = build_model(data, as_of)
    try:
        return (model, audit(data, as_of, model)), 0
    except HistoryError as err:
        print(str(err), file=sys.stderr)
        return None, EXIT_HISTORY


def cmd_compliance(root: Path, as_of, fmt: str, lang: str, strict: bool) -> int:
    """Print every requirement's verdict; with ``strict``, 1 when any is not met."""
    from .compliance import RULES
    from .labels import label

    result, status = _audit(root, as_of, lang)
    if result is None:
        return status
    _model, found = result
    report = found.report
    if fmt == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for rid, verdict in report.verdicts.items():
            print(f"{rid}  {label('verdict', verdict.status, lang):<14} {verdict.found[lang]}")
            print(f"      {RULES[rid][lang]}")
    return 1 if strict and report.missed() else 0


def cmd_irm_pack(root: Path, plan: str, as_of, output: Path | None, lang: str) -> int:
    """Write the IRM evidence pack of ``plan``."""
    from .irmpack import manifest_rows, write_pack

    result, status = _audit(root, as_of, lang)
    if result is None:
        return status
    model, found = result
    if plan not in model.plans:
        print(_TEXT["no_plan"][lang].format(plan=plan, plans=", ".join(sorted(model.plans))), file=sys.stderr)
        return 1
    path = write_pack(model, found, plan, output or Path(f"irm-pack-{plan}.zip"))
    print(_TEXT["written"][lang].format(path=path, rows=len(manifest_rows(model, found, plan)[0])))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``ogp`` command line; returns the exit status."""
    lang = message_language()
    parser = _parser(lang)
    args = parser.parse_args(argv)
    if args.command == "check-translations":
        return cmd_check_translations(args.root, lang)
    if args.command == "validate":
        return cmd_validate(args.root, args.format, args.lang or lang, args.today)
    if args.command == "compliance":
        return cmd_compliance(args.root, args.as_of, args.format, args.lang or lang, args.strict)
    if args.command == "irm-pack":
        return cmd_irm_pack(args.root, args.plan, args.as_of, args.output, args.lang or lang)
    status = cli_tools.run(args, lang)
    if status is not None:
        return status
    parser.print_help()
    return 0


def run() -> None:
    """Console entry point: ``main`` with a quiet exit when output is piped to ``head``."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover - `python -m ogp.cli`
    run()

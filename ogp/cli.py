"""The ``ogp`` command: one entry point, with subcommands.

Each subcommand is a thin front to a function in this package; the same
functions run inside ``mkdocs build`` through ``hooks/``. Messages follow
``OGP_LANG`` (``mn`` or ``en``) or the locale.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import __version__
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
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: YYYY-MM-DD / ОООО-СС-ӨӨ") from None


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


def main(argv: list[str] | None = None) -> int:
    """Run the ``ogp`` command line; returns the exit status."""
    lang = message_language()
    parser = _parser(lang)
    args = parser.parse_args(argv)
    if args.command == "check-translations":
        return cmd_check_translations(args.root, lang)
    if args.command == "validate":
        return cmd_validate(args.root, args.format, args.lang or lang, args.today)
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

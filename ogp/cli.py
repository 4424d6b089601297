"""The ``ogp`` command: one entry point, with subcommands.

Each subcommand is a thin front to a function in this package; the same
functions run inside ``mkdocs build`` through ``hooks/``. Messages follow
``OGP_LANG`` (``mn`` or ``en``) or the locale.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import format_problems, message_language
from .translations import check_translations

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
    return parser


def cmd_check_translations(root: Path, lang: str) -> int:
    """Print missing translations under ``root/content``; 0 when there are none."""
    problems = check_translations(root / "content", LANGUAGES, root=root)
    if problems:
        print(format_problems(problems, lang), file=sys.stderr)
        return 1
    print(_TEXT["ok"][lang])
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``ogp`` command line; returns the exit status."""
    lang = message_language()
    parser = _parser(lang)
    args = parser.parse_args(argv)
    if args.command == "check-translations":
        return cmd_check_translations(args.root, lang)
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover - `python -m ogp.cli`
    sys.exit(main())

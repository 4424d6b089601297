"""One error shape for the whole project.

Every problem the tool reports is a :class:`Problem`: where it is (file, line,
column, field), what it is (a ``code`` from :data:`CATALOGUE`) and the values
its message needs. The catalogue holds, per code, a title, a message template
and a hint, each in Mongolian and English, so the same problem reads the same
from the build, from ``ogp`` commands and in tests (which compare tuples of
``(file, line, field, code)`` rather than sentences).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field as dc_field
from typing import Mapping

LANGUAGES = ("mn", "en")


@dataclass(frozen=True)
class ErrorType:
    """A catalogue entry: texts keyed by language code ("mn", "en")."""

    code: str
    title: Mapping[str, str]
    message: Mapping[str, str]
    hint: Mapping[str, str]


def _entry(code, title_mn, title_en, message_mn, message_en, hint_mn, hint_en):
    return ErrorType(
        code,
        {"mn": title_mn, "en": title_en},
        {"mn": message_mn, "en": message_en},
        {"mn": hint_mn, "en": hint_en},
    )


# Codes are stable identifiers: tests, golden files and the documentation use them.
CATALOGUE: dict[str, ErrorType] = {
    e.code: e
    for e in [
        _entry(
            "missing-translation",
            "Орчуулга дутуу",
            "Missing translation",
            "{present} хуудсын {missing_lang_mn} хувилбар алга: {missing} файл байхгүй байна.",
            "{present} has no {missing_lang_en} version: {missing} does not exist.",
            "{missing} файлыг үүсгэж {missing_lang_mn} эх бичнэ үү, эсвэл {present} файлыг устгана уу.",
            "Create {missing} with the {missing_lang_en} text, or delete {present}.",
        ),
        _entry(
            "page-without-language",
            "Хэлгүй хуудас",
            "Page without a language",
            "{file} файлын нэр хэлийг заагаагүй байна.",
            "The file name {file} does not say its language.",
            "Файлыг {stem}.mn.md ба {stem}.en.md гэсэн хоёр файл болгон нэрлэнэ үү.",
            "Rename it to {stem}.mn.md and add {stem}.en.md (or the other way round).",
        ),
    ]
}

_LANGUAGE_NAMES = {
    "mn": {"mn": "монгол", "en": "Mongolian"},
    "en": {"mn": "англи", "en": "English"},
}


def language_name(code: str, in_lang: str) -> str:
    """Name of language ``code`` written in language ``in_lang``."""
    return _LANGUAGE_NAMES[code][in_lang]


def message_language(environ: Mapping[str, str] | None = None) -> str:
    """Choose the language of messages: ``OGP_LANG``, else the locale, else English.

    Editors in Mongolia get Mongolian with ``LANG=mn_MN.UTF-8``; CI logs stay
    English unless ``OGP_LANG=mn`` is set.
    """
    env = os.environ if environ is None else environ
    wanted = env.get("OGP_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "mn" if value.lower().startswith("mn") else "en"
    return "en"


@dataclass(frozen=True)
class Problem:
    """One located problem in one input file."""

    code: str
    file: str
    line: int | None = None
    col: int | None = None
    field: str | None = None
    params: Mapping[str, object] = dc_field(default_factory=dict)

    def key(self) -> tuple:
        """The tuple tests compare: ``(file, line, field, code)``."""
        return (self.file, self.line, self.field, self.code)

    def message(self, lang: str) -> str:
        """The message sentence in ``lang``."""
        return CATALOGUE[self.code].message[lang].format(**self._values())

    def hint(self, lang: str) -> str:
        """What to do about it, in ``lang``."""
        return CATALOGUE[self.code].hint[lang].format(**self._values())

    def location(self) -> str:
        """``path:line:col`` with the parts that are known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def format_text(self, lang: str) -> str:
        """``path:line:col: [code] message`` and an indented hint line."""
        return f"{self.location()}: [{self.code}] {self.message(lang)}\n    {self.hint(lang)}"

    def _values(self) -> dict:
        values = {"file": self.file, "field": self.field or ""}
        values.update(self.params)
        return values


def format_problems(problems: list[Problem], lang: str) -> str:
    """All problems as text, one block each, followed by a count line."""
    blocks = [p.format_text(lang) for p in problems]
    count = len(problems)
    summary = (
        f"Нийт {count} алдаа олдлоо." if lang == "mn" else f"{count} problem{'s' if count != 1 else ''} found."
    )
    return "\n".join(blocks + [summary])

"""One error shape for the whole project.

Every problem the tool reports is a :class:`Problem`: where it is (file, line,
column, field), what it is (a ``code`` from :data:`CATALOGUE`) and the values
its message needs. The catalogue holds, per code, a title, a message template
and a hint, in each language (``ogp/words/<lang>.yml``), so the same problem reads the same
from the build, from ``ogp`` commands and in tests (which compare tuples of
``(file, line, field, code)`` rather than sentences).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Mapping

from ogp.words import has, keys, language, languages, say, shipped, words
from ogp.words.said import Said


@dataclass(frozen=True)
class ErrorType:
    """A catalogue entry: its title, message and hint, each ``{lang: text}`` (``ogp/words/<lang>.yml``)."""

    code: str
    title: Mapping[str, str]
    message: Mapping[str, str]
    hint: Mapping[str, str]


def _load_catalogue() -> dict[str, ErrorType]:
    """Every code of the ``errors`` section of the word catalogue."""
    codes = sorted({key.split(".")[1] for key in keys() if key.startswith("errors.")})
    return {code: ErrorType(code, *(words(f"errors.{code}.{part}") for part in ("title", "message", "hint"))) for code in codes}


# Codes are stable identifiers: tests, golden files and CI annotations use them.
CATALOGUE: dict[str, ErrorType] = _load_catalogue()
# Codes of recommendations, not rules: shown (as warnings) but never failing a check or a build.
SHOWN_WARNINGS = 3  # in text output, per code; the JSON and GitHub formats list every one
WARNINGS = frozenset({"plan-length-unusual", "meeting-in-future", "raw-html", "file-name", "blank-field", "example-record"})


def language_name(code: str, in_lang: str) -> str:
    """Name of language ``code`` written in language ``in_lang`` (its own name when the catalogue has none)."""
    return say(f"languages.{code}", in_lang) if has(f"languages.{code}") else language(code)["name"]


def asked_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language ``OGP_LANG``, else the locale, names, when it is one messages exist in; None otherwise."""
    env = os.environ if environ is None else environ
    known = {*languages(), *shipped()}
    wanted = env.get("OGP_LANG", "").strip().lower()
    if wanted in known:
        return wanted
    value = next((env[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(var)), "")
    code = value.lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in known else None


def language_known(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``OGP_LANG`` or the locale names a language of messages (a CI runner usually names none)."""
    return asked_language(environ) is not None


def message_language(environ: Mapping[str, str] | None = None) -> str:
    """Choose the language of messages: ``OGP_LANG``, else the locale, else English.

    Editors in Mongolia get Mongolian with ``LANG=mn_MN.UTF-8``; CI logs stay
    English unless ``OGP_LANG=mn`` is set.
    """
    return asked_language(environ) or "en"


def for_reader(err: BaseException, environ: Mapping[str, str] | None = None) -> str:
    """A failure's message for whoever reads this process's output: in the editor's language when
    ``OGP_LANG`` or the locale names it, else in English and every configured language (a CI log)."""
    if isinstance(err, Said):
        return err.told(asked_language(environ))
    return str(err)


def _visible(text: str) -> str:
    """Control characters from an input (NUL, escape sequences) shown as \\xNN, never sent to a terminal."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in text)


@dataclass(frozen=True)
class Problem:
    """One located problem in one input file."""

    code: str
    file: str
    line: int | None = None
    col: int | None = None
    field: str | None = None
    params: Mapping[str, object] = dc_field(default_factory=dict)

    @property
    def is_warning(self) -> bool:
        """True for a recommendation (:data:`WARNINGS`): reported, but it fails nothing."""
        return self.code in WARNINGS

    def key(self) -> tuple:
        """The tuple tests compare: ``(file, line, field, code)``."""
        return (self.file, self.line, self.field, self.code)

    def message(self, lang: str) -> str:
        """The message sentence in ``lang``."""
        return say(f"errors.{self.code}.message", lang, **self._values(lang))  # n picks a plural form

    def hint(self, lang: str) -> str:
        """What to do about it, in ``lang``."""
        return say(f"errors.{self.code}.hint", lang, **self._values(lang)).strip()

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
        mark = f"({say('problems.warning', lang)}) " if self.is_warning else ""
        return f"{self.location()}: [{self.code}] {mark}{self.message(lang)}\n    {self.hint(lang)}"

    def _values(self, lang: str) -> dict:
        # A parameter may be given per language: {"mn": "англи", "en": "English"}.
        values = {"file": self.file, "field": self.field or ""}
        for name, value in self.params.items():
            value = value.get(lang, "") if isinstance(value, Mapping) else value
            if isinstance(value, dt.date):  # as the editor's file writes it, not in words
                value = value.isoformat()
            values[name] = _visible(value) if isinstance(value, str) else value
        return values


def format_problems(problems: list[Problem], lang: str, collapse: bool = True) -> str:
    """All problems as text, one block each, then the counts; a warning seen often is shown three times, then counted."""
    blocks, shown, hidden = [], {}, {}
    for p in problems:
        if collapse and p.is_warning and shown.get(p.code, 0) >= SHOWN_WARNINGS:
            hidden[p.code] = hidden.get(p.code, 0) + 1
            continue
        shown[p.code] = shown.get(p.code, 0) + 1
        blocks.append(p.format_text(lang))
    blocks += [say("problems.more-warnings", lang, n=n, code=code) for code, n in hidden.items()]
    warnings = sum(1 for p in problems if p.is_warning)
    lines = [say("problems.count", lang, n=len(problems) - warnings)] if warnings < len(problems) or not problems else []
    return "\n".join(blocks + lines + ([say("problems.warnings", lang, n=warnings)] if warnings else []))


def problems_as_json(problems: list[Problem], lang: str) -> list[dict]:
    """Problems as plain dicts (for ``--format json``), messages in ``lang``."""
    return [
        {
            "file": p.file, "line": p.line, "column": p.col, "field": p.field, "code": p.code,
            "title": CATALOGUE[p.code].title[lang], "message": p.message(lang), "hint": p.hint(lang),
            "severity": "warning" if p.is_warning else "error",
        }
        for p in problems
    ]

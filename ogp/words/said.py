"""Errors told in the catalogue's words: one exception shape for every failure that is not a record's problem.

A record's problem has its file, line and field (:class:`ogp.records.errors.Problem`). A failure of the
infrastructure (git missing, a shallow clone, a publication log that is no log, a pack that is no pack) has
only a key and its values. :class:`Said` keeps both, so that each reader gets it in a language they read:
``told(lang)`` for a page or a known editor's language, ``str()`` for a log whose reader is unknown.
"""
from __future__ import annotations

from collections.abc import Mapping

from ogp.words import FALLBACK, languages, lookup, say


def reader_order(lang: str | None = None) -> list[str]:
    """``[lang]`` when the reader's language is known; else English and then every configured language.

    English comes first when nobody knows who reads (a CI log): maintainers across members share it,
    and the editor's own language follows on the next line.
    """
    if lang:
        return [lang]
    return [FALLBACK, *(code for code in languages() if code != FALLBACK)]


def everywhere(key: str, lang: str | None = None, /, **params) -> str:
    """``key`` said in :func:`reader_order`'s languages, one line each, a text given twice said once."""
    lines: list[str] = []
    for code in reader_order(lang):
        text = say(key, code, **{name: _in(value, code) for name, value in params.items()})
        if text not in lines:
            lines.append(text)
    return "\n".join(lines)


def _in(value, lang: str):
    # A value may itself be a text per language (words(...)): the part in the line's language.
    return value[lang] if isinstance(value, Mapping) else value


class Said(Exception):
    """A failure named by a catalogue key (``history.shallow``) and its values, said in any language.

    Subclasses keep their own names (``HistoryError``, ``PackError``) so that callers choose exit statuses
    by kind; the words come from ``ogp/words/<lang>.yml``, never from the raising code.
    """

    def __init__(self, key: str, /, **params):
        lookup(key, FALLBACK)  # an unknown key fails where it is raised, not where it is printed
        super().__init__(key)
        self.key, self.params = key, params

    def told(self, lang: str | None = None) -> str:
        """The message in ``lang``, or (``None``) in English and every configured language."""
        return everywhere(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.told()

"""Plural forms: which form of a counted phrase a number takes in a language.

The rules are CLDR's cardinal rules for integers, for the few families the
shipped and likely languages use; a language names its family in
``languages.yml``. A catalogue text with plural forms gives each form its
language needs (English ``one`` and ``other``, Russian ``one``, ``few``,
``many``, ``other``); a missing form falls back to ``other``.
"""
from __future__ import annotations

PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def _slavic(n: int) -> str:
    # Russian, Ukrainian: 1, 21, 31 … one; 2–4, 22–24 … few; the rest many.
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def _arabic(n: int) -> str:
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    return "many" if 11 <= n % 100 <= 99 else "other"


RULES = {
    "one-other": lambda n: "one" if n == 1 else "other",     # English, Spanish, Kyrgyz, Mongolian's loanwords
    "other": lambda n: "other",                              # one form after a numeral: Mongolian, Kazakh nouns
    "zero-one-other": lambda n: "one" if n in (0, 1) else "other",  # French
    "slavic": _slavic,
    "arabic": _arabic,
}


def plural_form(rule: str, n) -> str:
    """The plural form (``one``, ``few``, ``other``…) number ``n`` takes under ``rule``."""
    try:
        count = abs(int(n))
    except (TypeError, ValueError):
        return "other"
    return RULES.get(rule, RULES["one-other"])(count)

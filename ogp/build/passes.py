"""Which language pass of a build is running.

mkdocs-static-i18n runs the whole build once per language: the first
language's build (the *outer* pass) starts the others, nested or in child
processes (``ogp.build.parallel``), and finishes the site once they are done.
Every hook that writes something once, or per language, asks here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pass:
    """One language pass: its language, the folder its pages go to, and whether it is the outer one."""

    language: str  # "" when the site has no static-i18n
    prefix: str  # "" for the first language, "<lang>/" for the others
    outer: bool


def current(config) -> Pass:
    """The pass now running for ``config``."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return Pass("", "", True)
    # static-i18n leaves current_language at the last language it built, so the outer
    # pass is recognised by its "building" flag (set for every other language's pass).
    if not getattr(i18n, "building", False):
        return Pass(i18n.default_language, "", True)
    language = i18n.current_language
    return Pass(language, "" if language == i18n.default_language else f"{language}/", False)

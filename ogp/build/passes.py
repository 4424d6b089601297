"""Which language pass of a build is running.

mkdocs-static-i18n runs the whole build once per language: the first
language's build (the *outer* pass) starts the others, nested or in child
processes (``ogp.build.parallel``), and finishes the site once they are done.
Every hook that writes something once, or per language, asks here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ogp.build import upstream


@dataclass(frozen=True)
class Pass:
    """One language pass: its language, the folder its pages go to, and whether it is the outer one."""

    language: str  # "" when the site has no static-i18n
    prefix: str  # "" for the first language, "<lang>/" for the others
    outer: bool


def current(config) -> Pass:
    """The pass now running for ``config``."""
    i18n = config.plugins.get(upstream.I18N_PLUGIN)
    if i18n is None:
        return Pass("", "", True)
    default = getattr(i18n, upstream.I18N_DEFAULT_LANGUAGE)
    # static-i18n leaves current_language at the last language it built, so the outer
    # pass is recognised by its "building" flag (set for every other language's pass).
    if not getattr(i18n, upstream.I18N_BUILDING, False):
        return Pass(default, "", True)
    language = getattr(i18n, upstream.I18N_CURRENT_LANGUAGE)
    return Pass(language, "" if language == default else f"{language}/", False)

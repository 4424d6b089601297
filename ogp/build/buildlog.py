"""The build's own progress lines (``INFO - ogp: …``), in the message language.

Errors go through :mod:`ogp.records.errors`; these lines only say what the build did
and which minimum requirements are missed, which editors read in the build log
of their pull request, so they follow ``OGP_LANG`` like the errors do. One is a
warning: an upstream contract (``ogp.build.upstream``) that no longer holds.
"""
from __future__ import annotations

from ogp.records.errors import message_language
from ogp.words import say


def line(key: str, lang: str | None = None, **values) -> str:
    """The progress line ``key`` in ``lang`` (default: the message language), filled with ``values``."""
    return say(f"buildlog.{key}", lang or message_language(), **values)

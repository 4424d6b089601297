#!/usr/bin/env python3
"""Which checks a change needs, from the paths it changes (one a line on stdin): ``content`` or ``full``.

A pull request that changes only records and pages (``data/``, ``content/``) needs the record checks,
a strict build and the browser checks of the pages it adds or changes: ``content``. Anything else
(code, theme, configuration, dependencies, workflows, tests) needs everything: ``full``. The rule
fails safe: an empty list, an unusual path or a path outside those two folders gives ``full``.
"""
from __future__ import annotations

import re
import sys

CONTENT = ("data/", "content/")
# A path git prints for a file: no parent steps, no absolute path, nothing a shell or YAML could misread.
PLAIN = re.compile(r"[A-Za-z0-9._/-][^\0\n]*")


def scope(paths: list[str]) -> str:
    """``content`` when every path is a record or a page; ``full`` otherwise (and for no path at all)."""
    paths = [p.strip() for p in paths if p.strip()]
    if not paths:
        return "full"
    for path in paths:
        if not PLAIN.fullmatch(path) or path.startswith("/") or ".." in path.split("/"):
            return "full"
        if not path.startswith(CONTENT):
            return "full"
    return "content"


if __name__ == "__main__":
    print(scope(sys.stdin.read().splitlines()))

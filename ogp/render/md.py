"""Small helpers to put record text into generated Markdown safely.

Record text arrives by pull request. Short texts (titles, names) are shown
literally: every character that Markdown or HTML would interpret is escaped.
Long texts (descriptions, minutes) are Markdown by design; raw HTML in them is
made inert here, before the sanitiser of the whole page sees it.
"""
from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
_RAW_TAG = re.compile(r"<(?!(?:https?://|mailto:)[^>\s]+>)")


def text(value) -> str:
    """A short record text (title, name) as literal inline Markdown on one line."""
    if value is None:
        return ""
    one_line = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


def cell(value) -> str:
    """Like :func:`text`, for a table cell (already free of pipes and line breaks)."""
    return text(value)


def markdown(value) -> str:
    """A long record text as Markdown, with raw HTML tags shown as text (autolinks kept)."""
    if value is None:
        return ""
    return _RAW_TAG.sub("&lt;", str(value)).strip()


def link(label: str, target: str) -> str:
    """A Markdown link; ``label`` must already be escaped inline Markdown."""
    return f"[{label}]({target})"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table from already-escaped cells."""
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def progress(percent: int, label: str) -> str:
    """A native progress bar (screen readers announce it) followed by the number as text."""
    percent = max(0, min(100, int(percent)))
    return f'<progress value="{percent}" max="100" aria-label="{html.escape(label)}"></progress> {percent}%'


def date(value, lang: str) -> str:
    """A date as YYYY-MM-DD (unambiguous in both languages and sortable)."""
    return value.isoformat() if value else ""

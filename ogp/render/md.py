"""Small helpers to put record text into generated Markdown safely.

Record text arrives by pull request. Short texts (titles, names) are shown
literally: every character that Markdown or HTML would interpret is escaped.
Long texts (descriptions, minutes) are Markdown by design; raw HTML in them is
made inert here, before the sanitiser of the whole page sees it.
"""
from __future__ import annotations

import html
import re

from ogp.words import spell_date

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
_RAW_TAG = re.compile(r"<(?!(?:https?://|mailto:)[^>\s]+>)")
# An embedded player (a video in minutes): kept as a link to what it plays, never as a frame.
_EMBED = re.compile(r"<(iframe|video|embed)\b([^>]*)>(?:.*?</\1\s*>)?", re.I | re.S)
_ATTRIBUTE = re.compile(r"""\b(src|title)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def text(value) -> str:
    """A short record text (title, name) as literal inline Markdown on one line."""
    if value is None:
        return ""
    one_line = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


def _embed_link(match: re.Match) -> str:
    found = {m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
             for m in _ATTRIBUTE.finditer(match.group(2))}
    source = found.get("src", "").strip()
    if not re.match(r"https?://[^\s<>\"']+$", source):
        return ""  # nothing safe to point at: the player goes, the text around it stays
    label = found.get("title", "").strip() or source.split("/")[2]
    return f"[{text(label)}](<{source}>)"


def markdown(value) -> str:
    """A long record text as Markdown: embedded players become links, other raw HTML is shown as text."""
    if value is None:
        return ""
    return _RAW_TAG.sub("&lt;", _EMBED.sub(_embed_link, str(value))).strip()


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
    """A date in words in ``lang`` (:func:`ogp.facts.dates.spell_date`): what a reader reads, not YYYY-MM-DD."""
    return spell_date(value, lang)


_SUMMARY_SKIP = re.compile(r"^\s*(#|\||!!!|<|\{|-{3}|[-*+] |\d+\. |>|```|~~~)")
_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def summary(markdown: str, limit: int = 160) -> str:
    """The first paragraph of a page as plain text, at most ``limit`` characters: its meta description."""
    for block in re.split(r"\n\s*\n", markdown):
        if not block.strip() or _SUMMARY_SKIP.match(block):
            continue
        text = _LINK_TEXT.sub(r"\1", block)
        text = re.sub(r"[*_`]+|\\(?=[^\w\s])|\{:[^}]*\}", "", html.unescape(text))
        text = " ".join(text.split())
        if len(text) > limit:
            text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return text
    return ""

"""Links and anchors in Markdown, checked the way a strict MkDocs build checks them, but located.

A strict build stops on a link to a page or file that does not exist, on an
anchor no heading of its page has, on an absolute link (``/plans/``) and on a
link MkDocs cannot resolve (a folder); it says so in English, without a line.
``ogp validate`` runs these checks first, on the hand-written pages, the
minutes and the records' Markdown texts, each at the place the site puts it,
so that "valid" means "the site builds" and every problem names its file and
line, in the editor's language.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from pymdownx.slugs import slugify

_SLUG = slugify(case="lower")  # the slugify of mkdocs.yml (toc), so anchors match the built pages
_FENCE = re.compile(r"^(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_HTML_LINK = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.I)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{:?\s*[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)


@dataclass(frozen=True)
class Link:
    """One link of a text: where it is (1-based line and column) and what it points at."""

    line: int
    col: int
    target: str


def _lines(text: str):
    """The text's lines outside fenced code blocks, with inline code blanked (links in code are text)."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
            continue
        if not fenced:
            yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def links(text: str) -> list[Link]:
    """Every Markdown and HTML link or image of ``text``, entities decoded (``&#109;ailto:`` is ``mailto:``)."""
    found = []
    for number, line in _lines(text):
        for pattern in (_LINK, _HTML_LINK):
            found += [Link(number, match.start(1) + 1, html.unescape(match.group(1))) for match in pattern.finditer(line)]
    return found


def anchors(text: str) -> set[str]:
    """The ids a page's headings and marked elements get: toc slugs (``name``, ``name_1``), ``{: #id }``, ``id="…"``."""
    ids: set[str] = set()
    counts: dict[str, int] = {}
    for _, line in _lines(text):
        heading = _HEADING.match(line)
        if heading:
            explicit = _ATTR_ID.search(heading.group(2))
            if explicit:
                ids.add(explicit.group(1))
            else:
                slug = _SLUG(re.sub(r"\{:[^}]*\}\s*$", "", heading.group(2)), "-")
                n = counts.get(slug, 0)
                counts[slug] = n + 1
                ids.add(slug if n == 0 else f"{slug}_{n}")
        elif (marked := _ATTR_ID.search(line)) is not None:
            ids.add(marked.group(1))
        ids.update(_HTML_ID.findall(line))
    return ids


def broken(link: Link, page: str, files: set[str], page_anchors: dict[str, set[str]]) -> tuple[str, str] | None:
    """Why ``link`` of the page at docs path ``page`` fails a strict build: (code, detail), or None.

    ``files`` holds every docs path of the site (``plans/index.md``, ``data/plan.csv``);
    ``page_anchors`` the anchors of each page.
    """
    target = link.target.strip()
    if not target:
        return ("link-empty", "")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None  # another site, mailto:, tel: — checked by `ogp check-links`, not by the build
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return ("link-absolute", target)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if resolved.startswith("../") or resolved == "..":
        return ("link-not-found", target)
    if path and resolved not in files:
        if resolved + "/index.md" in files or resolved.rstrip("/") + ".md" in files or path.endswith("/"):
            return ("link-unrecognized", target)  # a folder or a page without .md: MkDocs cannot resolve it
        return ("link-not-found", target)
    if fragment and resolved.endswith(".md") and fragment not in page_anchors.get(resolved, set()):
        return ("link-no-anchor", target)
    return None

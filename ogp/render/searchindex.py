"""One search index per language, built from each page's cleaned HTML.

Material's search plugin parses every page with ``html.parser`` (a fifth of a
large build) and static-i18n then merges all languages into one index and
removes duplicates pairwise (quadratic in the number of sections). Neither is
needed here: pages are already cleaned by ``ogp.render.sanitize``, so sections can be
cut at the headings with a regular expression, and each language writes its
own index (``search/search_index.json`` for the default language,
``<lang>/search/search_index.json`` for the others, addresses relative to that
root). Material's search box finds the index through the page's ``base``,
which ``point_page_at_language_root`` sets to the language's root.

The entries keep Material's shape (``location``, ``title``, ``text``), so its
search worker reads them unchanged.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ogp.words import language

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S | re.I)
_ID = re.compile(r'\bid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_CONFIG_BASE = re.compile(r'("base": ")([^"]*)(")')
# Material's own defaults for a site whose language lunr does not know (Mongolian):
# English lunr settings, words split at spaces and hyphens, no stemmer or trimmer
# (they would cut Cyrillic words at query time).
INDEX_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
                "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}
STEMMED = ["stemmer", "stopWordFilter", "trimmer"]  # lunr's full pipeline: "budgets" finds "budget"


def index_config(lang: str) -> dict:
    """The search settings of one language: its lunr stemmer where lunr has one (``languages.yml``), else none."""
    code = language(lang)["lunr"]
    return dict(INDEX_CONFIG, lang=[code], pipeline=STEMMED) if code else INDEX_CONFIG


def search_languages(codes) -> list[str]:
    """The lunr languages the site's searches load (``en`` for a language without a stemmer)."""
    return sorted({index_config(code)["lang"][0] for code in codes})


def _text(html: str) -> str:
    """Visible text of an HTML fragment, tags removed, spaces collapsed; entities stay escaped."""
    return _SPACE.sub(" ", _TAG.sub(" ", html)).strip()


def page_entries(html: str, url: str, title: str) -> list[dict]:
    """Search entries of one page: one for the page (its h1 and the text before the first subheading), one per later heading with an id.

    ``url`` is the page address relative to its language's root. The page's
    ``h1`` opens the first entry (located at the page itself); every later
    heading opens an entry located at its anchor.
    """
    entries: list[dict] = []
    position, anchor, section_title = 0, "", title
    for match in _HEADING.finditer(html):
        ident = _ID.search(match.group(2))
        if match.group(1) == "1" and not entries and not _text(html[position:match.start()]):
            section_title = _text(match.group(3)) or title  # the h1 names the page's own entry
            position = match.end()
            continue
        if ident is None:
            continue  # a heading without an anchor stays in the text of its section
        entries.append({"location": url + anchor, "title": section_title, "text": _text(html[position:match.start()])})
        position, anchor, section_title = match.end(), "#" + ident.group(1), _text(match.group(3))
    entries.append({"location": url + anchor, "title": section_title, "text": _text(html[position:])})
    # The first entry stays even when empty: Material's search groups a page's
    # sections under the entry located at the page itself.
    return entries


def write_index(site_dir: Path, prefix: str, entries: list[dict], lang: str) -> Path:
    """Write the index of language ``lang`` under ``site_dir/prefix``; return its path."""
    path = Path(site_dir) / prefix / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": index_config(lang), "docs": entries}, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return path


def point_page_at_language_root(html: str, lang: str) -> str:
    """Make Material's ``base`` of a page in ``lang`` the language's root (``<base>/<lang>/``).

    The trailing slash matters: Material resolves ``search/search_index.json``
    against it, and ``/en`` without it would resolve to the site root.
    """
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", html, count=1)

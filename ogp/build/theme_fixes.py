"""Small, tested corrections to the HTML and JavaScript that Material produces.

Each fix is a pure function on text, so tests call it directly and the hook
only feeds it pages and files.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

# Material's search dialog has role="dialog" and no name, which axe reports as
# ``aria-dialog-name``. We name it after the search box it contains.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'

SEARCH_LABEL = {"mn": "Сайтаас хайх", "en": "Search this site"}


def label_search_dialog(html: str, lang: str) -> str:
    """Give Material's search dialog an accessible name in the page's language."""
    if _SEARCH_DIALOG not in html or f'{_SEARCH_DIALOG} aria-label=' in html:
        return html
    label = SEARCH_LABEL.get(lang, SEARCH_LABEL["en"])
    return html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{label}"', 1)


# static-i18n points Material's <link rel="alternate" hreflang> head tags at each
# page's counterpart, but Material's JavaScript treats every such link as a
# language *root* and fetches "<link>/sitemap.xml": two 404s on every page view.
# The language switcher in the page body already links the counterpart (with or
# without JavaScript), and the sitemap carries the hreflang pairs for search
# engines, so the head tags go.
_HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_hreflang_head_links(html: str) -> str:
    """Remove Material's per-language ``<link rel="alternate" hreflang>`` tags (they are in the head only)."""
    end = html.find("</head>")
    if end < 0:
        return _HREFLANG_LINK.sub("", html)
    return _HREFLANG_LINK.sub("", html[:end]) + html[end:]


# Material's bundle can load scripts from unpkg.com: a ResizeObserver polyfill
# for browsers older than 2020 and Mermaid for diagrams (which this site does
# not enable). Either would send visitors to a third party, so both addresses
# are pointed at the site's own (absent) vendor folder. Old browsers then fall
# back to the pages without JavaScript, which are complete.
_THIRD_PARTY_SCRIPT = re.compile(r"https://unpkg\.com/([A-Za-z0-9@._/-]+)")


def keep_scripts_on_site(js: str, base_path: str) -> str:
    """Rewrite third-party script addresses in ``js`` to ``<base_path>assets/vendor/...``."""

    def local(match: re.Match) -> str:
        name = match.group(1).replace("/", "_").replace("@", "-")
        return f"{base_path}assets/vendor/{name}"

    return _THIRD_PARTY_SCRIPT.sub(local, js)


def fix_theme_bundles(site_dir: Path, base_path: str) -> list[Path]:
    """Apply :func:`keep_scripts_on_site` to Material's JavaScript in ``site_dir``.

    Returns the files changed. Running it twice changes nothing the second time.
    """
    changed = []
    for path in sorted((site_dir / "assets" / "javascripts").glob("**/*.js")):
        text = path.read_text(encoding="utf-8")
        fixed = keep_scripts_on_site(text, base_path)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            changed.append(path)
    return changed


# Material's templates leave indentation and blank lines that make up a sixth of
# a small page. A run of white space that holds a line break shows as one space
# in HTML, so it becomes one line break; <pre>, <textarea> and <script> keep theirs.
_VERBATIM = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_BREAKING_SPACE = re.compile(r"[ \t\r\f\v]*\n\s*")


def squeeze_whitespace(html: str) -> str:
    """Collapse white space holding line breaks to a single line break, outside verbatim elements."""
    parts = _VERBATIM.split(html)
    # split() yields text, whole verbatim element, its tag name, text, ...
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_BREAKING_SPACE.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def fix_page(html: str, lang: str) -> str:
    """Every fix a finished page gets: the search dialog named in ``lang``, hreflang head links dropped, white space squeezed."""
    return squeeze_whitespace(drop_hreflang_head_links(label_search_dialog(html, lang)))


def drop_unused_assets(site_dir: Path, search_languages: list[str]) -> list[str]:
    """Remove Material's source maps and, when search is English-only, its other lunr languages.

    Neither is fetched by a visitor's browser (source maps only by developer
    tools); together they were about 2 MB of every published site.
    """
    removed = []
    assets = Path(site_dir) / "assets"
    for path in sorted(assets.rglob("*.map")):
        path.unlink()
        removed.append(path.relative_to(site_dir).as_posix())
    lunr = assets / "javascripts" / "lunr"
    if search_languages == ["en"] and lunr.is_dir():
        shutil.rmtree(lunr)
        removed.append(lunr.relative_to(site_dir).as_posix() + "/")
    return removed

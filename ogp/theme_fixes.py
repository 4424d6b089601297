"""Small, tested corrections to the HTML and JavaScript that Material produces.

Each fix is a pure function on text, so tests call it directly and the hook
only feeds it pages and files.
"""
from __future__ import annotations

import re
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
    """Remove Material's per-language ``<link rel="alternate" hreflang>`` tags."""
    return _HREFLANG_LINK.sub("", html)


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

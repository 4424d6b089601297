"""Small, tested corrections to the HTML and JavaScript that Material produces.

Each fix is a pure function on text, so tests call it directly and the hook
only feeds it pages and files. The text each one looks for is Material's, named in
:mod:`ogp.build.upstream`; a fix that finds nothing to fix there reports its
contract broken (a build warning) rather than passing the page on unfixed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ogp.build.upstream import (
    ALTERNATE_LINKS,
    BUNDLE_GLOB,
    HREFLANG_ATTRIBUTE,
    HREFLANG_HEAD_LINK,
    JAVASCRIPTS,
    LUNR_LANGUAGES,
    SEARCH_DIALOG,
    UNPKG_SCRIPT,
    WORKER_GLOB,
    WORKER_PIPELINE,
    WORKER_WILDCARD,
    broken,
    patch,
)
from ogp.words import words

# Material's search dialog has role="dialog" and no name, which axe reports as
# ``aria-dialog-name``. We name it after the search box it contains.
SEARCH_LABEL = words("theme_fixes.search_label")


def label_search_dialog(html: str, lang: str, search: bool = True) -> str:
    """Give Material's search dialog an accessible name in the page's language.

    ``search``: the site has Material's search, so the page must hold the dialog.
    """
    if f'{SEARCH_DIALOG} aria-label=' in html:
        return html
    label = SEARCH_LABEL.get(lang, SEARCH_LABEL["en"])
    return patch(html, SEARCH_DIALOG, f'{SEARCH_DIALOG} aria-label="{label}"', "SEARCH_DIALOG", count=1, expected=search)


# static-i18n points Material's <link rel="alternate" hreflang> head tags at each
# page's counterpart, but Material's JavaScript treats every such link as a
# language *root* and fetches "<link>/sitemap.xml": two 404s on every page view.
# The language switcher in the page body already links the counterpart (with or
# without JavaScript), and the sitemap carries the hreflang pairs for search
# engines, so the head tags go.
def drop_hreflang_head_links(html: str) -> str:
    """Remove Material's per-language ``<link rel="alternate" hreflang>`` tags (they are in the head only)."""
    end = html.find("</head>")
    head, rest = (html, "") if end < 0 else (html[:end], html[end:])
    fixed = patch(head, HREFLANG_HEAD_LINK, "", "HREFLANG_HEAD_LINK", expected=HREFLANG_ATTRIBUTE in head)
    if HREFLANG_ATTRIBUTE in fixed:
        broken("HREFLANG_HEAD_LINK", "a head tag with hreflang is left")
    return fixed + rest


# Material's bundle can load scripts from unpkg.com: a ResizeObserver polyfill
# for browsers older than 2020 and Mermaid for diagrams (which this site does
# not enable). Either would send visitors to a third party, so both addresses
# are pointed at the site's own (absent) vendor folder. Old browsers then fall
# back to the pages without JavaScript, which are complete.
VENDOR = "assets/vendor/"


def keep_scripts_on_site(js: str, base_path: str, expected: bool = False) -> str:
    """Rewrite third-party script addresses in ``js`` to ``<base_path>assets/vendor/...``.

    ``expected``: ``js`` is Material's bundle, not yet rewritten, which must hold them.
    """

    def local(match) -> str:
        name = match.group(1).replace("/", "_").replace("@", "-")
        return f"{base_path}{VENDOR}{name}"

    return patch(js, UNPKG_SCRIPT, local, "UNPKG_SCRIPT", expected=expected)


def stem_search_queries(js: str) -> str:
    """Material's search worker with each query word cut by the index's own stemmer before its "*".

    The index holds stems ("publish" for "published"); the worker makes every query word a prefix
    ("published*"), on which lunr runs no stemmer. Stemmed first ("publish*"), a word finds its every
    form, and a word being typed still finds what it begins. Without a stemmer the query is unchanged.
    """
    stem = (r'\1self.ogpStem=\2.includes("stemmer")?void 0:(o=>a=>o.stemmer(new lunr.Token(a.toLowerCase())).toString())'
            r'(\3.lang[0]==="en"?lunr:lunr[\3.lang[0]]);')
    js = patch(js, WORKER_PIPELINE, stem, "WORKER_PIPELINE", count=1)
    return patch(js, WORKER_WILDCARD, r"\1`${(self.ogpStem||String)(\2)}*`", "WORKER_WILDCARD", count=1)


def fix_theme_bundles(site_dir: Path, base_path: str) -> list[Path]:
    """Apply :func:`keep_scripts_on_site` to Material's JavaScript in ``site_dir``.

    Returns the files changed. Running it twice changes nothing the second time.
    """
    changed, bundles = [], 0
    for path in sorted((site_dir / JAVASCRIPTS).glob("**/*.js")):
        text = path.read_text(encoding="utf-8")
        bundle = path.match(BUNDLE_GLOB)
        bundles += bundle
        fixed = keep_scripts_on_site(text, base_path, expected=bundle and f"{base_path}{VENDOR}" not in text)
        if path.match(WORKER_GLOB) and "self.ogpStem" not in fixed:  # not twice
            fixed = stem_search_queries(fixed)
        if bundle:  # the feed's autodiscovery link is no language root
            fixed = patch(fixed, ALTERNATE_LINKS, r'\1"link[rel=alternate][hreflang]")', "ALTERNATE_LINKS",
                          expected="link[rel=alternate][hreflang]" not in fixed)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            changed.append(path)
    if not bundles:
        broken("BUNDLE_GLOB", f"no {BUNDLE_GLOB} in {JAVASCRIPTS}")
    return changed


# lunr.js as MkDocs ships it is 100 KB, more than half of it documentation comments: the finder page
# fetched 25 KB gzipped of it. Comments that fill whole lines and the indentation go (10 KB left);
# a comment after code on its line, strings and regular expressions are left as they are, and so is
# the opening comment: lunr's name, version and licence, which a copy must keep.
_COMMENT_LINES = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n|^[ \t]*//[^\n]*\n", re.S | re.M)
_INDENT = re.compile(r"^[ \t]+|\n{2,}", re.M)


def compact_script(js: str) -> str:
    """``js`` without its whole-line comments (the first one kept), indentation and blank lines.

    For lunr.js, which MkDocs ships without a minified copy.
    """
    banner = re.match(r"/\*.*?\*/\n", js, re.S)
    head, body = (banner.group(0), js[banner.end():]) if banner else ("", js)
    return head + _INDENT.sub(lambda m: "\n" if m.group(0).startswith("\n") else "", _COMMENT_LINES.sub("", body))


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


def fix_page(html: str, lang: str, search: bool = True) -> str:
    """Every fix a finished page gets: the search dialog named in ``lang``, hreflang head links dropped, white space squeezed.

    ``search``: the site has Material's search (see :func:`label_search_dialog`).
    """
    return squeeze_whitespace(drop_hreflang_head_links(label_search_dialog(html, lang, search)))


# Word splitters Material's search worker loads beside a language's stemmer (its search worker's Ie()).
SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def unused_assets(src_uris: Iterable[str], search_languages: list[str]) -> list[str]:
    """Of a build's files, Material's source maps and the lunr languages no search of the site loads.

    Neither is fetched by a visitor's browser (source maps only by developer
    tools); together they were about 2 MB of every published site. A search in
    ``xx`` loads ``min/lunr.stemmer.support.min.js`` and ``min/lunr.xx.min.js``
    (English needs neither); those stay. Taken out of the files before they are
    copied: copying 30 files to delete them cost about 0.04 s of every build here.
    """
    uris = list(src_uris)
    folder = LUNR_LANGUAGES + "/"
    if not any(uri.startswith(folder) for uri in uris):
        broken("LUNR_LANGUAGES", f"no {LUNR_LANGUAGES} folder in the site")
    others = [code for code in search_languages if code != "en"]
    kept = {"min/lunr.stemmer.support.min.js", *(f"min/lunr.{code}.min.js" for code in others),
            *(SEGMENTERS[code] for code in others if code in SEGMENTERS)} if others else set()
    return [uri for uri in uris
            if (uri.startswith("assets/") and uri.endswith(".map")) or (uri.startswith(folder) and uri[len(folder):] not in kept)]

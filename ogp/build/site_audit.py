"""Find what a built site would fetch from other hosts.

Visitors' browsers must talk to the site's own host only: no web fonts, CDN
scripts, styles or trackers elsewhere. This scans the built HTML, CSS and
JavaScript for addresses on other hosts that a browser would load.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes that make a browser fetch something, by tag.
_LOADING_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
# <link rel=...> values that fetch (or open a connection to) their href.
_LOADING_RELS = {
    "stylesheet", "preload", "prefetch", "modulepreload", "icon", "shortcut",
    "apple-touch-icon", "manifest", "preconnect", "dns-prefetch", "prerender",
}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
_JS_URL = re.compile(r"""(['"`]?)(https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?[^\s'"`)]*)""")
# JavaScript is full of addresses in comments and licence banners that nothing
# loads. An address counts when its host serves scripts, styles, fonts or
# tracking for other sites, or when a string literal (not a comment) names such a file.
THIRD_PARTY_ASSET_HOSTS = frozenset({
    "unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "ajax.googleapis.com",
    "fonts.googleapis.com", "fonts.gstatic.com", "use.fontawesome.com", "kit.fontawesome.com",
    "code.jquery.com", "stackpath.bootstrapcdn.com", "maxcdn.bootstrapcdn.com",
    "www.googletagmanager.com", "www.google-analytics.com", "ssl.google-analytics.com",
    "static.cloudflareinsights.com", "plausible.io", "cdn.matomo.cloud", "polyfill.io",
})
_ASSET_PATH = re.compile(r"\.(?:m?js|css|woff2?|ttf|otf|eot)(?:[?#]|$)", re.I)


def _loads_in_js(quote: str, url: str) -> bool:
    parts = urlsplit(url)
    if (parts.hostname or "") in THIRD_PARTY_ASSET_HOSTS:
        return True
    return bool(quote) and bool(_ASSET_PATH.search(parts.path))


@dataclass(frozen=True)
class ExternalReference:
    """One address on another host that a built file would load."""

    file: str
    url: str
    context: str


def is_external(url: str, own_hosts: frozenset[str] = frozenset()) -> bool:
    """True for http(s) or scheme-relative addresses on a host not in ``own_hosts``."""
    url = url.strip()
    parts = urlsplit(url)
    if url.startswith("//") or parts.scheme in ("http", "https"):
        return (parts.hostname or "") not in own_hosts
    return False


class _ResourceTags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in _LOADING_ATTRS.get(tag, ()):
            for url in _split_srcset(attrs.get(name) or ""):
                self.found.append((url, f"<{tag} {name}>"))
        if tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & _LOADING_RELS and attrs.get("href"):
                self.found.append((attrs["href"], f"<link rel={attrs.get('rel')}>"))
        style = attrs.get("style")
        if style:
            self.found += [(u, f"<{tag} style>") for u in _css_urls(style)]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found += [(u, "<style>") for u in _css_urls(data)]


def _split_srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.split()]


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(css)]


def external_references(
    site_dir: Path, own_hosts: frozenset[str] = frozenset(), js_allow: frozenset[str] = frozenset()
) -> list[ExternalReference]:
    """Every external address a browser could load from the built ``site_dir``.

    ``js_allow`` lists hosts whose addresses may stand in JavaScript because the
    code that uses them is switched off by configuration (see the caller).
    """
    found: list[ExternalReference] = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix not in (".html", ".css", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".html":
            parser = _ResourceTags()
            parser.feed(text)
            refs = parser.found
        elif suffix == ".css":
            refs = [(u, "css url()") for u in _css_urls(text)]
        else:
            refs = [(u, "javascript") for q, u in _JS_URL.findall(text) if _loads_in_js(q, u)]
            refs = [(u, c) for u, c in refs if (urlsplit(u).hostname or "") not in js_allow]
        found += [ExternalReference(rel, u, c) for u, c in refs if is_external(u, own_hosts)]
    return found

"""One sitemap for all languages, written once at the end of the build.

static-i18n renders ``sitemap.xml`` in every language pass into the same
file; the last pass knew every language's pages and won. With the languages
built side by side (``ogp.build.parallel``) the last writer is a matter of timing,
so the sitemap is made here instead: each language pass records its pages
and their counterparts, a child process sends its list back, and the outer
pass writes ``sitemap.xml`` and ``sitemap.xml.gz`` once, in language order.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ogp.build import parallel, upstream


class _Recorded:
    """The sitemap entries recorded in this process, by language, until the sitemap is written."""

    def __init__(self) -> None:
        self.entries: dict[str, list[dict]] = {}
        self.dates: dict[str, str] = {}  # docs path without language -> the day its page last changed


_recorded = _Recorded()


def _href(file, site_url: str) -> str:
    """The absolute address of a file's page, as static-i18n's sitemap template computes it."""
    page = getattr(file, "page", None)
    if page is not None and page.canonical_url:
        return page.canonical_url
    return site_url if file.url == "./" else site_url + file.url


def use_dates(dates: dict[str, str]) -> None:
    """The day each page last changed (``ogp.render.site.page_dates``): its ``lastmod``, not the build's day."""
    _recorded.dates = dict(dates)


def _unsuffixed(src_uri: str, language: str) -> str:
    return src_uri.replace(f".{language}.md", ".md") if src_uri.endswith(f".{language}.md") else src_uri


def record(language: str, files, site_url: str) -> None:
    """Keep the sitemap entries of one language pass (its pages and their other-language versions)."""
    rows = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.is_link:
            continue
        versions = getattr(file, upstream.I18N_FILE_ALTERNATES, None) or {}
        alternates = {locale: _href(other, site_url) for locale, other in versions.items()}
        rows.append({"loc": _href(file, site_url), "lastmod": _recorded.dates.get(_unsuffixed(file.src_uri, language), ""),
                     "alternates": alternates})
    _recorded.entries[language] = rows


def export() -> dict[str, list[dict]]:
    """The entries this (child) process recorded."""
    return dict(_recorded.entries)


def absorb(sent: dict[str, list[dict]]) -> None:
    """Take in a child's entries."""
    _recorded.entries.update(sent)


parallel.channel("sitemap", export, absorb)


def render(languages: list[str]) -> str:
    """The sitemap XML of the recorded languages, in the given order."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for language in languages:
        for row in _recorded.entries.get(language, []):
            lines.append("    <url>")
            lines.append(f"        <loc>{escape(row['loc'])}</loc>")
            if row["lastmod"]:
                lines.append(f"        <lastmod>{row['lastmod']}</lastmod>")
            lines.append("        <changefreq>daily</changefreq>")
            for locale, href in row["alternates"].items():
                lines.append(f'        <xhtml:link rel="alternate" hreflang={quoteattr(locale)} href={quoteattr(href)}/>')
            lines.append("    </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write(site_dir: Path, languages: list[str]) -> Path:
    """Write ``sitemap.xml`` and its gzip copy (dated by the newest page, as MkDocs does); forget the entries."""
    path = Path(site_dir) / "sitemap.xml"
    key = (str(path), list(languages), _recorded.entries)
    if _written[0] != key:  # a preview rebuild that changed no page's address or date writes the same again
        text = render(languages).encode("utf-8")
        dates = [row["lastmod"] for rows in _recorded.entries.values() for row in rows if row["lastmod"]]
        timestamp = int(dt.datetime.fromisoformat(max(dates)).replace(tzinfo=dt.timezone.utc).timestamp()) if dates else 0
        packed = io.BytesIO()
        with gzip.GzipFile(fileobj=packed, filename=str(path) + ".gz", mode="wb", mtime=timestamp) as gz:
            gz.write(text)
        _written[:] = [key, text, packed.getvalue()]
    path.write_bytes(_written[1])
    Path(str(path) + ".gz").write_bytes(_written[2])
    _recorded.entries = {}
    return path


_written: list = [None, b"", b""]  # (where, languages, entries) of the last sitemap written, its text and gzip


def write_robots(site_dir: Path, site_url: str) -> Path:
    """``robots.txt``: everything may be read, and where the sitemap is (an absolute address, as the standard asks)."""
    path = Path(site_dir) / "robots.txt"
    lines = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"] if site_url else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path

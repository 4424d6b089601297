"""MkDocs hook: a search index per language, built by ``ogp.render.searchindex`` instead of Material's parser."""
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from ogp.build import passes
from ogp.build.pagecache import replayed, reuse
from ogp.build.upstream import LUNR_JS
from ogp.render.searchindex import page_entries, point_page_at_language_root, write_index

_entries: dict[str, list] = {}


def on_pre_build(config):
    """Start this language's entries afresh (a preview server builds many times)."""
    _entries[passes.current(config).language] = []


def on_page_content(html, page, config, files):
    """Index the cleaned page; Material's own (slower) parser is told to skip it."""
    search = page.meta.get("search") or {}
    if isinstance(search, dict) and search.get("exclude"):
        return html
    now = passes.current(config)
    url = page.url[len(now.prefix):] if now.prefix and page.url.startswith(now.prefix) else page.url
    found = reuse(page, "search", lambda: page_entries(html, url, page.title or ""))
    _entries.setdefault(now.language, []).extend(found)
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return html


def on_post_page(output, page, config):
    """Pages of a non-default language search their own language's index."""
    now = passes.current(config)
    return point_page_at_language_root(output, now.language) if now.prefix and not replayed(page) else output


@event_priority(-200)  # after Material (0) and static-i18n (-100) wrote their joint index
def on_post_build(config):
    """Write this language's index over whatever the search plugin wrote."""
    now = passes.current(config)
    write_index(Path(config.site_dir), now.prefix, _entries.get(now.language, []))
    if not now.prefix:
        # The finder's lunr.js sits beside ogp-finder.js, which loads it on the finder page only.
        shutil.copyfile(LUNR_JS, Path(config.site_dir) / "assets/javascripts/lunr.js")

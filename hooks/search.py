"""MkDocs hook: a search index per language, built by ``ogp.render.searchindex`` instead of Material's parser."""
from pathlib import Path

from mkdocs.plugins import event_priority

from ogp.build import passes, upstream
from ogp.build.pagecache import replayed, reuse
from ogp.build.theme_fixes import compact_script
from ogp.render.searchindex import page_entries, point_page_at_language_root, write_index

_entries: dict[str, list] = {}  # this process's search entries, by language


def on_pre_build(config):
    """Start this language's entries afresh (a preview server builds many times)."""
    _entries[passes.current(config).language] = []


def on_page_content(html, page, config, files):
    """Index the cleaned page; Material's own (slower) parser is told to skip it."""
    search = page.meta.get(upstream.SEARCH_META) or {}
    if isinstance(search, dict) and search.get(upstream.SEARCH_EXCLUDE):
        return html
    now = passes.current(config)
    url = page.url[len(now.prefix):] if now.prefix and page.url.startswith(now.prefix) else page.url
    found = reuse(page, "search", lambda: page_entries(html, url, page.title or ""))
    _entries.setdefault(now.language, []).extend(found)
    page.meta[upstream.SEARCH_META] = {**(search if isinstance(search, dict) else {}), upstream.SEARCH_EXCLUDE: True}
    return html


def on_post_page(output, page, config):
    """Pages of a non-default language search their own language's index."""
    now = passes.current(config)
    if not now.prefix or replayed(page):
        return output
    return upstream.patched_by(output, point_page_at_language_root, now.language, contract="CONFIG_BASE")


@event_priority(-200)  # after Material (0) and static-i18n (-100) wrote their joint index
def on_post_build(config):
    """Write this language's index over whatever the search plugin wrote."""
    now = passes.current(config)
    write_index(Path(config.site_dir), now.prefix, _entries.get(now.language, []), now.language)
    if not now.prefix:
        # The finder's lunr.js sits beside ogp-finder.js, which loads it on the finder page only.
        target = Path(config.site_dir) / "assets/javascripts/lunr.js"
        target.write_text(compact_script(Path(upstream.LUNR_JS).read_text("utf-8")), "utf-8")

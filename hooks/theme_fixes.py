"""MkDocs hook: accessibility, size and no-third-party fixes to Material's output.

Thin adapter: the fixes live in ``ogp.theme_fixes``.
"""
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from ogp.pagecache import replayed
from ogp.searchindex import INDEX_CONFIG
from ogp.theme_fixes import drop_hreflang_head_links, drop_unused_assets, fix_theme_bundles, label_search_dialog, squeeze_whitespace


def on_post_page(output, page, config):
    """Name the search dialog in the page's language; drop head links that cause 404s; trim white space."""
    if replayed(page):
        return output  # the preview's cached output is final already
    output = label_search_dialog(output, config.theme.get("language", "en"))
    return squeeze_whitespace(drop_hreflang_head_links(output))


@event_priority(-150)  # after static-i18n (-100) and every language's copy of the theme's files
def on_post_build(config):
    """Once, at the end of the outer build: trim the theme's files and keep its scripts on the site."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    base_path = urlsplit(config.site_url or "/").path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    drop_unused_assets(Path(config.site_dir), INDEX_CONFIG["lang"])
    fix_theme_bundles(Path(config.site_dir), base_path)

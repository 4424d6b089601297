"""MkDocs hook: accessibility and no-third-party fixes to Material's output.

Thin adapter: the fixes live in ``ogp.theme_fixes``.
"""
from pathlib import Path
from urllib.parse import urlsplit

from ogp.theme_fixes import drop_hreflang_head_links, fix_theme_bundles, label_search_dialog


def on_post_page(output, page, config):
    """Name the search dialog in the page's language; drop head links that cause 404s."""
    output = label_search_dialog(output, config.theme.get("language", "en"))
    return drop_hreflang_head_links(output)


def on_post_build(config):
    """Point Material's optional CDN script loaders at the site itself."""
    base_path = urlsplit(config.site_url or "/").path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    fix_theme_bundles(Path(config.site_dir), base_path)

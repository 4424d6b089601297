"""MkDocs hook: accessibility, size and no-third-party fixes to Material's output.

Thin adapter: the fixes live in ``ogp.build.theme_fixes``.
"""
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from ogp.build import passes, upstream
from ogp.build.pagecache import replayed
from ogp.build.theme_fixes import fix_page, fix_theme_bundles, unused_assets
from ogp.render.searchindex import search_languages
from ogp.words import languages


def on_config(config):
    """A new build pass: a broken upstream contract is reported again, once (``ogp.build.upstream``)."""
    upstream.contracts.new_pass()
    return config


@event_priority(100)  # before static-i18n makes each language's files from these
def on_files(files, config):
    """Leave out the theme's files no visitor loads (source maps, other languages' lunr), before they are copied."""
    unused = set(unused_assets((file.src_uri for file in files), search_languages(languages())))
    for file in [file for file in files if file.src_uri in unused]:
        files.remove(file)
    return files


def on_post_page(output, page, config):
    """Name the search dialog in the page's language; drop head links that cause 404s; trim white space."""
    if replayed(page):
        return output  # the preview's cached output is final already
    search = upstream.has_search_dialog(config)
    return fix_page(output, config.theme.get("language", "en"), search)


@event_priority(-150)  # after static-i18n (-100) and every language's copy of the theme's files
def on_post_build(config):
    """Once, at the end of the outer build: keep the theme's scripts on the site."""
    if not passes.current(config).outer:
        return
    base_path = urlsplit(config.site_url or "/").path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    fix_theme_bundles(Path(config.site_dir), base_path)

"""MkDocs hook: a search index per language, built by ``ogp.searchindex`` instead of Material's parser."""
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from ogp.finder import LUNR_JS
from ogp.pagecache import replayed
from ogp.searchindex import page_entries, point_page_at_language_root, write_index

_entries: dict[str, list] = {}


def _language(config) -> tuple[str, str]:
    """(language of this pass, its folder prefix); the outer pass is the default language's."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return "", ""
    # static-i18n leaves current_language at the last language it built, so the
    # outer pass (not "building") is recognised by that flag, not by the code.
    if not getattr(i18n, "building", False) or i18n.current_language == i18n.default_language:
        return i18n.default_language, ""
    return i18n.current_language, i18n.current_language + "/"


def on_pre_build(config):
    """Start this language's entries afresh (a preview server builds many times)."""
    _entries[_language(config)[0]] = []


def on_page_content(html, page, config, files):
    """Index the cleaned page; Material's own (slower) parser is told to skip it."""
    search = page.meta.get("search") or {}
    if isinstance(search, dict) and search.get("exclude"):
        return html
    lang, prefix = _language(config)
    url = page.url[len(prefix):] if prefix and page.url.startswith(prefix) else page.url
    _entries.setdefault(lang, []).extend(page_entries(html, url, page.title or ""))
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return html


def on_post_page(output, page, config):
    """Pages of a non-default language search their own language's index."""
    lang, prefix = _language(config)
    return point_page_at_language_root(output, lang) if prefix and not replayed(page) else output


@event_priority(-200)  # after Material (0) and static-i18n (-100) wrote their joint index
def on_post_build(config):
    """Write this language's index over whatever the search plugin wrote."""
    lang, prefix = _language(config)
    write_index(Path(config.site_dir), prefix, _entries.get(lang, []))
    if not prefix:
        # The finder's lunr.js sits beside ogp-finder.js, which loads it on the finder page only.
        shutil.copyfile(LUNR_JS, Path(config.site_dir) / "assets/javascripts/lunr.js")

"""MkDocs hook: a search index per language (see ``ogp.search_split``)."""
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from ogp.finder import LUNR_JS
from ogp.search_split import point_page_at_language_root, split_search_index


def _i18n(config):
    return config.plugins.get("i18n")


def on_post_page(output, page, config):
    """Pages of a non-default language search their own language's index."""
    i18n = _i18n(config)
    if i18n is not None and i18n.current_language != i18n.default_language:
        return point_page_at_language_root(output, i18n.current_language)
    return output


@event_priority(-200)  # after static-i18n (-100) has built every language and written the joint index
def on_post_build(config):
    """Split the joint index once, at the end of the default-language pass."""
    i18n = _i18n(config)
    # During the other languages' builds static-i18n is "building"; when the outer
    # pass ends, every language is written and the joint index is complete.
    if i18n is None or getattr(i18n, "building", False):
        return
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    split_search_index(config.site_dir, others)
    # The finder's lunr.js sits beside ogp-finder.js, which loads it on the finder page only.
    shutil.copyfile(LUNR_JS, Path(config.site_dir) / "assets/javascripts/lunr.js")

"""MkDocs hook: stop the build when a page lacks one of its languages, or an image its text alternative.

Thin adapter: the rule lives in ``ogp.records.translations``.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ogp.build import passes, upstream
from ogp.records.content_check import check_pages
from ogp.records.errors import format_problems, message_language
from ogp.records.translations import check_translations


def _languages(config) -> list[str]:
    """Language codes configured for mkdocs-static-i18n, default first."""
    i18n = config.plugins[upstream.I18N_PLUGIN]
    default = getattr(i18n, upstream.I18N_DEFAULT_LANGUAGE)
    return sorted(getattr(i18n, upstream.I18N_BUILD_LANGUAGES), key=lambda code: code != default)


@event_priority(-40)  # before the outer pass waits for the other languages (hooks/parallel.py, -50): meanwhile
def on_post_build(config):
    """Check page pairs once, in the outer (first-language) pass, while the other languages are still building.

    Not before the build: in a large repository that kept both cores waiting on one for 0.3 s. A failure here
    still fails the build (and ends the other languages' processes), so nothing is published.
    """
    if not passes.current(config).outer:
        return  # another language's pass: the same files were checked by the outer pass
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    problems = check_translations(docs_dir, _languages(config), root=root) + check_pages(docs_dir, root)
    if problems:
        raise PluginError(format_problems(problems, message_language()))

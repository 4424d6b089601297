"""MkDocs hook: validate every record under data/ before the site is built.

Thin adapter: the checks live in ``ogp.validate``. static-i18n runs the whole
build once per language; the records do not depend on the language, so they
are checked in the default-language pass only.
"""
import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from ogp.errors import message_language
from ogp.validate import render, validate


log = logging.getLogger("mkdocs.plugins.ogp")


def _is_default_language_pass(config) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is None or i18n.current_language in (None, i18n.default_language)


def on_pre_build(config):
    """Stop the build with every located problem, in the editor's language."""
    if not _is_default_language_pass(config):
        return
    root = Path(config.config_file_path).parent
    started = time.perf_counter()
    data, problems = validate(root)
    if problems:
        raise PluginError("\n" + render(problems, "text", message_language()))
    files = sum(1 for records in data.records.values() for r in records if r.parent is None)
    log.info("ogp: %d record files valid (%.2f s)", files, time.perf_counter() - started)

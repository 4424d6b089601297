"""MkDocs hook: write the generated pages (from schemas and records) before files are collected.

Thin adapter: page texts come from ``ogp.reference``; ``ogp.generate`` writes
them without ever touching a hand-written page. Language-independent, so it
runs in the default-language pass only.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError

from ogp.generate import HandWrittenFileError, write_pages
from ogp.reference import data_reference

GENERATED = ["data-reference.mn.md", "data-reference.en.md"]


def on_pre_build(config):
    """Write (or refresh) the generated Markdown pages in the docs folder."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language not in (None, i18n.default_language):
        return
    pages = {f"data-reference.{lang}.md": data_reference(lang) for lang in ("mn", "en")}
    try:
        write_pages(Path(config.docs_dir), pages, owned=GENERATED)
    except HandWrittenFileError as err:
        raise PluginError(str(err)) from None

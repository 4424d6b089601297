"""MkDocs hook: build the other languages in child processes, alongside the default one.

Thin adapter: the forking lives in ``ogp.build.parallel``.
"""
import sys

from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ogp.build import parallel, passes
from ogp.records.errors import message_language

_children: dict = {}
_done: list = []  # language entries of static-i18n's config switched off for its own loop
_clean = {"original": None}


def _restore_cleaning() -> None:
    if _clean["original"] is not None:
        utils.clean_directory = _clean["original"]
        _clean["original"] = None


def _restore() -> None:
    for language in _done:
        language.build = True
    _done.clear()
    _restore_cleaning()


@event_priority(100)
def on_config(config):
    """A config object reused for another build gets its languages back."""
    _restore()
    return config


@event_priority(-100)  # after the records are checked and their pages written (hooks/records.py)
def on_pre_build(config):
    """In the outer build, clean the site folder and start one child per other language.

    MkDocs cleans the folder right after this event; it is done here instead,
    before the fork, so that the children can start at once without their
    files being wiped.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None or not passes.current(config).outer or not parallel.enabled():
        return
    if "--dirty" not in sys.argv and "--dirtyreload" not in sys.argv:
        utils.clean_directory(config.site_dir)
    _clean["original"] = utils.clean_directory
    utils.clean_directory = lambda path: path
    _children.update(parallel.start(config, i18n))


@event_priority(-50)  # before static-i18n (-100), which would otherwise build them again
def on_post_build(config):
    """Wait for the other languages; fail the build if one of them failed."""
    if not _children:
        return
    built = {lang for lang, _ in _children.values()}
    failed = parallel.wait(_children)
    _restore_cleaning()
    if failed:
        raise PluginError(parallel.failure_message(failed, message_language()))
    # static-i18n's own loop builds every language marked "build"; these are built.
    for language in config.plugins["i18n"].config.languages:
        if language.locale in built:
            language.build = False
            _done.append(language)


def on_build_error(error):
    """A failed default-language build ends its children too."""
    parallel.stop(_children)
    _restore()

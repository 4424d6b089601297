"""MkDocs hook: build the other languages in child processes, alongside the default one.

Thin adapter: the forking lives in ``ogp.parallel``.
"""
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ogp import parallel

_children: dict = {}
_done: list = []  # language entries of static-i18n's config switched off for its own loop


def _restore() -> None:
    for language in _done:
        language.build = True
    _done.clear()


@event_priority(100)
def on_config(config):
    """A config object reused for another build gets its languages back."""
    _restore()
    return config


@event_priority(-200)  # after the site directory is cleaned and static-i18n arranged the files
def on_files(files, config):
    """In the outer build, start one child per other language."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and not i18n.building and parallel.enabled():
        _children.update(parallel.start(config, i18n))
    return files


@event_priority(-50)  # before static-i18n (-100), which would otherwise build them again
def on_post_build(config):
    """Wait for the other languages; fail the build if one of them failed."""
    if not _children:
        return
    built = {lang for lang, _ in _children.values()}
    failed = parallel.wait(_children)
    if failed:
        raise PluginError(f"the build of {', '.join(failed)} failed (its messages are above)")
    # static-i18n's own loop builds every language marked "build"; these are built.
    for language in config.plugins["i18n"].config.languages:
        if language.locale in built:
            language.build = False
            _done.append(language)


def on_build_error(error):
    """A failed default-language build ends its children too."""
    parallel.stop(_children)
    _restore()

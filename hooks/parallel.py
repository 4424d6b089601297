"""MkDocs hook: build the other languages in child processes, alongside the default one.

Thin adapter: the forking lives in ``ogp.build.parallel``.
"""
from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ogp.build import parallel, passes, upstream
from ogp.records.errors import message_language


class _Run:
    """The outer build's children, and what it changed in MkDocs and static-i18n until they are done."""

    def __init__(self) -> None:
        self.children: dict = {}
        self.switched_off: list = []  # language entries of static-i18n's config switched off for its own loop
        self.original_clean = None  # MkDocs' clean_directory while a no-op stands in for it

    def restore_cleaning(self) -> None:
        if self.original_clean is not None:
            setattr(utils, upstream.CLEAN_DIRECTORY, self.original_clean)
            self.original_clean = None

    def restore(self) -> None:
        for language in self.switched_off:
            setattr(language, upstream.I18N_LANGUAGE_BUILD, True)
        self.switched_off.clear()
        self.restore_cleaning()


_run = _Run()


@event_priority(100)
def on_config(config):
    """A config object reused for another build gets its languages back."""
    _run.restore()
    return config


@event_priority(-100)  # after the records are checked and their pages written (hooks/records.py)
def on_pre_build(config):
    """In the outer build, clean the site folder and start one child per other language.

    MkDocs cleans the folder right after this event; it is done here instead,
    before the fork, so that the children can start at once without their
    files being wiped.
    """
    i18n = config.plugins.get(upstream.I18N_PLUGIN)
    if i18n is None or not passes.current(config).outer or not parallel.enabled():
        return
    clean = getattr(utils, upstream.CLEAN_DIRECTORY)
    if not parallel.dirty():
        clean(config.site_dir)
    _run.original_clean = clean
    setattr(utils, upstream.CLEAN_DIRECTORY, lambda path: path)
    _run.children.update(parallel.start(config, i18n))


@event_priority(-50)  # before static-i18n (upstream.I18N_POST_BUILD_PRIORITY), which would otherwise build them again
def on_post_build(config):
    """Wait for the other languages; fail the build if one of them failed."""
    if not _run.children:
        return
    built = {lang for lang, _ in _run.children.values()}
    failed = parallel.wait(_run.children)
    _run.restore_cleaning()
    if failed:
        raise PluginError(parallel.failure_message(failed, message_language()))
    # static-i18n's own loop builds every language marked "build"; these are built.
    for language in config.plugins[upstream.I18N_PLUGIN].config.languages:
        if language.locale in built:
            setattr(language, upstream.I18N_LANGUAGE_BUILD, False)
            _run.switched_off.append(language)


def on_build_error(error):
    """A failed default-language build ends its children too."""
    parallel.stop(_run.children)
    _run.restore()

"""static-i18n's Files of each language, remembered between the preview's rebuilds.

On every build static-i18n makes, for each language pass, a new ``File`` of
every file of the docs folder (its language, address and destination), through
pathlib: at 1,000 commitments, 13,000 files a pass, 1.3 s of each language's
process, though what comes out depends only on the file's names and the
configuration, never on its content. Under ``mkdocs serve`` (only there: a
build makes each of them once) :func:`install` puts a memo in front of that
function (``upstream.I18N_CREATE_FILE``): a File already made for the same
names, language and configuration is handed out again as a fresh copy, with its
own ``alternates`` (the one attribute static-i18n fills in afterwards), so no
build sees what another build did to its Files. A child building another
language (``ogp.build.parallel``) sends back the Files it made, so the next
child, a copy of the parent, finds them.
"""
from __future__ import annotations

import importlib

from ogp.build import parallel, upstream


class _Made:
    """The Files made so far in this process, by everything they are made from."""

    def __init__(self) -> None:
        self.files: dict[tuple, object] = {}
        self.fresh: set[tuple] = set()  # keys made since this build pass began (what a child sends back)
        self.original = None  # static-i18n's own function, while the memo stands in for it


_made = _Made()


def _key(file, current: str, default: str, languages, config) -> tuple:
    return (file.src_uri, file.src_dir, file.dest_uri, file.inclusion, current, default, tuple(languages),
            config.docs_dir, config.site_dir, config.use_directory_urls)


def _fresh(made, current: str):
    """A copy of a made File, its own ``alternates`` naming the copy (as static-i18n's new File names itself)."""
    copy = object.__new__(type(made))
    copy.__dict__.update(vars(made))
    setattr(copy, upstream.I18N_FILE_ALTERNATES, {current: copy})
    return copy


def remembered(file, current_language: str, default_language: str, all_languages, config):
    """Stands in for static-i18n's ``create_i18n_file``: the same File, made once per set of names."""
    key = _key(file, current_language, default_language, all_languages, config)
    made = _made.files.get(key)
    if made is None:
        made = _made.files[key] = _made.original(file, current_language, default_language, all_languages, config)
        _made.fresh.add(key)
    return _fresh(made, current_language)


def install(on: bool) -> None:
    """Put the memo in front of static-i18n's function (``on``), or take it away and forget the Files."""
    module = importlib.import_module(upstream.I18N_SUFFIX_MODULE)
    if on and _made.original is None:
        _made.original = getattr(module, upstream.I18N_CREATE_FILE)
        setattr(module, upstream.I18N_CREATE_FILE, remembered)
    elif not on and _made.original is not None:
        setattr(module, upstream.I18N_CREATE_FILE, _made.original)
        _made.original = None
        _made.files.clear()


def begin() -> None:
    """A build pass starts: what it makes from here on is what a child sends back."""
    _made.fresh.clear()


def _export() -> dict:
    return {key: _made.files[key] for key in _made.fresh} if _made.original is not None else {}


def _absorb(sent: dict) -> None:
    if _made.original is not None:
        _made.files.update(sent)


parallel.channel("i18nfiles", _export, _absorb)

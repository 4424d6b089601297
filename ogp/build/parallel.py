"""Build the languages side by side, one process per language.

mkdocs-static-i18n builds the default language, then, from its
``on_post_build``, every other language one after another in the same
process. The languages share nothing once the records are checked and their
pages written, so here the outer build forks one child per other language
right then (having cleaned the site folder itself); the child runs the same nested
build static-i18n would have run, and the parent builds the default language
meanwhile. On a two-core machine this nearly halves the page work.

A child sends back, through a pipe, what the parent needs of its language:
its sitemap entries (``ogp.build.sitemap``) and, under ``mkdocs serve``, the pages
it rendered, so the preview's page cache (``ogp.build.pagecache``) holds every
language. The preview server's other threads only wait (on sockets and on
file events) while a build runs, so forking from its build loop is safe; the
child never returns into them and ends with ``os._exit``.

Used where ``os.fork`` exists (not Windows) and ``OGP_JOBS`` is not ``1``.
"""
from __future__ import annotations

import gc
import importlib
import logging
import os
import pickle
import sys
from typing import Callable

from ogp.build import upstream
from ogp.records.settings import read_settings
from ogp.words import words


class _Processes:
    """This process's side of the forking: what children send back, and which languages they build.

    One instance per process (``_processes``); a child gets a copy of its parent's at the fork.
    """

    def __init__(self) -> None:
        self.channels: dict[str, tuple[Callable[[], object], Callable[[object], None]]] = {}
        self.languages: set[str] = set()  # in the parent: the languages its children are building now
        self.child = False  # this process is a child building one language


_processes = _Processes()


def forked_languages() -> set[str]:
    """In the parent: the languages its children are building now."""
    return set(_processes.languages)


def in_child() -> bool:
    """Whether this process is a child building one language."""
    return _processes.child


def channel(name: str, export: Callable[[], object], absorb: Callable[[object], None]) -> None:
    """Register what a child sends back when its language is built (``export``) and how the parent takes it in."""
    _processes.channels[name] = (export, absorb)


log = logging.getLogger(upstream.PLUGIN_LOGGER)


def enabled() -> bool:
    """Whether languages may be built in parallel in this process."""
    return hasattr(os, "fork") and not read_settings().sequential


def dirty() -> bool:
    """Whether this build was asked to be dirty (MkDocs does not tell plugins; static-i18n reads sys.argv too)."""
    return any(flag in sys.argv for flag in upstream.DIRTY_FLAGS)


def _build_one_language(config, i18n, lang: str) -> None:
    """What static-i18n's loop does for one language (``upstream.I18N_LOOP_STEPS``), in this (child) process."""
    utils = importlib.import_module(upstream.UTILS_MODULE)
    build = getattr(importlib.import_module(upstream.BUILD_MODULE), upstream.BUILD_FUNCTION)

    setattr(i18n, upstream.I18N_BUILDING, True)
    setattr(i18n, upstream.I18N_CURRENT_LANGUAGE, lang)
    setattr(utils, upstream.CLEAN_DIRECTORY, lambda path: path)  # the parent cleaned the site directory already
    build(config, dirty=dirty())


class _Quiet(logging.Filter):
    """Hides a child's "Documentation built in" line: the parent prints the total."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(upstream.BUILD_LOG_LINES)


def start(config, i18n) -> dict[int, tuple[str, int]]:
    """Fork a child building each non-default language; return ``{pid: (language, pipe)}``.

    Under ``mkdocs serve`` this runs in the server's build loop while its other
    threads wait (``upstream.SERVER_BUILD_LOOP``): the child never returns into them.
    """
    children: dict[int, tuple[str, int]] = {}
    default = getattr(i18n, upstream.I18N_DEFAULT_LANGUAGE)
    # What the children inherit is never scanned by their garbage collector (so never copied page by page
    # into the child's memory); the parent collects as before once they are started.
    gc.freeze()
    try:
        _fork_each(config, i18n, [code for code in getattr(i18n, upstream.I18N_BUILD_LANGUAGES) if code != default], children)
    finally:
        gc.unfreeze()
    return children


def _fork_each(config, i18n, others: list[str], children: dict[int, tuple[str, int]]) -> None:
    for lang in others:
        sys.stdout.flush()
        sys.stderr.flush()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: build, report, and never return into the parent's build
            os.close(read_end)
            _processes.child = True
            code = 1
            try:
                logging.getLogger(upstream.BUILD_LOGGER).addFilter(_Quiet())
                _build_one_language(config, i18n, lang)
                with os.fdopen(write_end, "wb") as pipe:
                    sent = {name: export() for name, (export, _) in _processes.channels.items()}
                    pickle.dump(sent, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except SystemExit as err:  # mkdocs' Abort (strict mode) carries its own message
                print(str(err), file=sys.stderr)
            except BaseException as err:  # noqa: BLE001 - any failure must end the child with a status
                log.error("%s", err)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        os.close(write_end)
        children[pid] = (lang, read_end)
        _processes.languages.add(lang)


def failure_message(failed: list[str], lang: str) -> str:
    """The build's error when a child failed; the child printed its own messages (files, lines) above."""
    names = ", ".join(failed)
    texts = words("parallel.texts", names=names)
    return texts.get(lang, texts["en"])


def wait(children: dict[int, tuple[str, int]]) -> list[str]:
    """Wait for every child and take in the pages it rendered; return the languages that failed."""
    failed = []
    for pid, (lang, read_end) in children.items():
        with os.fdopen(read_end, "rb") as pipe:
            sent = pipe.read()  # read before waiting: a full pipe would block the child
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(lang)
        elif sent:
            for name, value in pickle.loads(sent).items():
                _processes.channels[name][1](value)
    children.clear()
    _processes.languages.clear()
    return failed


def stop(children: dict[int, tuple[str, int]]) -> None:
    """End the children of a build that failed in the parent."""
    for pid, (_, read_end) in children.items():
        try:
            os.kill(pid, 15)
            os.waitpid(pid, 0)
            os.close(read_end)
        except OSError:
            pass
    children.clear()
    _processes.languages.clear()

"""Material's templates, listed and compiled once per process instead of once per environment.

MkDocs makes a new Jinja environment for every build and language pass (and
Material's search plugin makes more to translate its settings). Each new
environment compiled Material's templates again, and listing the theme's
files walked its 14,000 icon files again: together about a third of a
preview rebuild. Here the environment the theme hands out keeps compiled
templates in a per-process bytecode cache (Jinja compares each template's
source checksum, so an edited template is compiled anew) and lists the files
of installed themes once, without the hidden ones MkDocs would drop anyway;
folders of the project itself (``theme_overrides``) are listed afresh every
time, since an editor may add a file there.

The compiled templates also outlive the process, in the virtual environment
(``<sys.prefix>/ogp-cache/templates.json``, gone with ``make clean``) where
Material's templates live: compiling them took about 0.2 s of every build, in
each language's process. Jinja's bytecode carries the Python version and the
template's source checksum, so a changed template or interpreter compiles anew.
"""
from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from ogp.build import upstream


class _Kept:
    """What this process keeps for its life: compiled templates (by Jinja's key) and installed themes' listings."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.listings: dict[str, list[str]] = {}
        self.saved: set[str] = set()  # keys of the compiled templates the file on disk holds
        self.loaded = False


_kept = _Kept()
STORE = Path(sys.prefix) / "ogp-cache" / "templates.json"


def _load() -> None:
    """The compiled templates an earlier build left, once per process (nothing when there is no usable file)."""
    if _kept.loaded:
        return
    _kept.loaded = True
    try:
        stored = json.loads(STORE.read_text("utf-8"))
        compiled = {str(key): base64.b64decode(value) for key, value in stored.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return  # no file yet, or one cut short: compile, as without it
    _kept.compiled.update(compiled)
    _kept.saved.update(compiled)


def save() -> None:
    """Keep this process's newly compiled templates for later builds; silent when the folder is not writable."""
    if set(_kept.compiled) <= _kept.saved:
        return
    try:
        STORE.parent.mkdir(parents=True, exist_ok=True)
        temporary = STORE.with_name(f".{STORE.name}.{os.getpid()}")
        temporary.write_text(json.dumps({key: base64.b64encode(value).decode("ascii")
                                         for key, value in _kept.compiled.items()}), "utf-8")
        os.replace(temporary, STORE)  # whole or not at all, whichever build writes last
        _kept.saved = set(_kept.compiled)
    except OSError:
        pass


class TemplateBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process (shared by every environment)."""

    def __init__(self, compiled: dict[str, bytes] | None = None) -> None:
        self._compiled = _kept.compiled if compiled is None else compiled

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


def _walk(folder: str) -> list[str]:
    """Template names under one folder, as Jinja's FileSystemLoader lists them, without hidden ones.

    MkDocs lists the theme's files only to copy them and drops every name with a
    part starting with a dot (its filter's ``.*`` and ``*/.*``, ``upstream.THEME_HIDDEN_PATTERNS``): Material's
    ``.icons`` folder alone is 14,000 names, matched one by one against its patterns.
    """
    names = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith("."):
                continue
            name = os.path.join(dirpath, filename)[len(folder):].strip(os.sep).replace(os.sep, "/")
            names.append(name[2:] if name[:2] == "./" else name)
    return names


def list_templates(folders: list[str], project: Path) -> list[str]:
    """Every template name in ``folders``; folders outside ``project`` are walked once per process."""
    found: set[str] = set()
    listings = _kept.listings
    for folder in folders:
        inside = Path(folder).resolve().is_relative_to(project.resolve())
        if inside or folder not in listings:
            listing = _walk(folder)
            if inside:
                found.update(listing)
                continue
            listings[folder] = listing
        found.update(listings[folder])
    return sorted(found)


def install(theme, project: Path) -> None:
    """Make ``theme.get_env`` hand out environments that share compiled templates and file listings."""
    original = getattr(theme, upstream.THEME_GET_ENV)
    if getattr(original, "ogp_cached", False):
        return
    _load()

    def get_env() -> jinja2.Environment:
        env = original()
        env.bytecode_cache = TemplateBytecode()
        folders = list(getattr(env.loader, upstream.LOADER_SEARCHPATH))
        setattr(env.loader, upstream.LOADER_LIST_TEMPLATES, lambda: list_templates(folders, project))
        return env

    get_env.ogp_cached = True
    setattr(theme, upstream.THEME_GET_ENV, get_env)

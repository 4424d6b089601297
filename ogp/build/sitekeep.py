"""The preview's site folder kept between rebuilds: unchanged files are neither deleted nor written again.

Every MkDocs build empties the site folder and writes every page and asset
anew. On this machine's file systems, making a folder and a file costs about
0.3 ms each: at 1,000 commitments, 4,544 pages in their own folders, that was
3 s of a preview rebuild whose pages nearly all came unchanged from the page
cache. Under ``mkdocs serve`` (only there) :func:`install` replaces three of
MkDocs' helpers (``upstream.CLEAN_DIRECTORY``, ``WRITE_FILE``, ``COPY_FILE``):

* emptying the folder only leaves a mark (a hidden file: its time is the
  build's start, in the file system's own clock);
* a page whose file already holds exactly its bytes, or an asset whose copy
  is as large and newer than its source, is not written but touched;
* at the end of the build (:func:`sweep`) every file older than the mark, so
  neither written nor touched by this build, is deleted, and then every folder
  left empty: the folder holds what a build into an empty folder would have
  written, as ``tests/test_speed.py`` checks byte for byte.
"""
from __future__ import annotations

import importlib
import os

from ogp.build import upstream

MARK = ".ogp-build-started"  # hidden, as MkDocs' cleaning spares hidden names at the top


class _Kept:
    """MkDocs' own helpers while ours stand in for them."""

    def __init__(self) -> None:
        self.originals: dict[str, object] = {}


_kept = _Kept()


def _mark(directory: str) -> None:
    """Stands in for emptying the site folder: note when this build started writing."""
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, MARK), "wb"):
        pass


def _write(content: bytes, output_path: str) -> None:
    """Stands in for MkDocs' ``write_file``: a file that holds these bytes already is only touched."""
    try:
        with open(output_path, "rb") as held:
            same = held.read(len(content) + 1) == content
    except OSError:
        same = False
    _touch_or(same, upstream.WRITE_FILE, content, output_path)


def _copy(source_path: str, output_path: str) -> None:
    """Stands in for MkDocs' ``copy_file``: a copy as large as its source and newer than any change to it is touched."""
    try:
        source, held = os.stat(source_path), os.stat(output_path)
        same = (held.st_size == source.st_size and max(source.st_mtime_ns, source.st_ctime_ns) <= held.st_mtime_ns
                and not os.path.isdir(output_path))
    except OSError:
        same = False
    _touch_or(same, upstream.COPY_FILE, source_path, output_path)


def _touch_or(same: bool, helper: str, given, output_path: str) -> None:
    """Touch ``output_path`` when it holds what it should already; otherwise let MkDocs' own ``helper`` make it."""
    if same:
        os.utime(output_path)
    else:
        _kept.originals[helper](given, output_path)


def install(on: bool) -> None:
    """Put the keeping helpers in place of MkDocs' (``on``), or give MkDocs its own back."""
    utils = importlib.import_module(upstream.UTILS_MODULE)
    ours = {upstream.CLEAN_DIRECTORY: _mark, upstream.WRITE_FILE: _write, upstream.COPY_FILE: _copy}
    if on and not _kept.originals:
        for name, helper in ours.items():
            _kept.originals[name] = getattr(utils, name)
            setattr(utils, name, helper)
    elif not on and _kept.originals:
        for name, original in _kept.originals.items():
            setattr(utils, name, original)
        _kept.originals.clear()


def installed() -> bool:
    """Whether the site folder is kept between builds in this process."""
    return bool(_kept.originals)


def sweep(directory: str) -> int:
    """Delete what this build neither wrote nor touched (older than its mark), then empty folders; return the count."""
    mark = os.path.join(directory, MARK)
    try:
        since = os.stat(mark).st_mtime_ns
    except OSError:
        return 0  # nothing marked: this build emptied nothing
    removed = 0
    kept: set[str] = set()  # folders that still hold something
    for folder, subfolders, names in os.walk(directory, topdown=False):
        top = folder == directory
        for name in names:
            path = os.path.join(folder, name)
            if (top and name.startswith(".")) or os.lstat(path).st_mtime_ns >= since:
                kept.add(folder)
            else:
                os.remove(path)
                removed += 1
        for name in subfolders:
            path = os.path.join(folder, name)
            if path in kept or (top and name.startswith(".")) or os.path.islink(path):
                kept.add(folder)
            else:
                try:
                    os.rmdir(path)
                except OSError:  # something arrived meanwhile: it stays
                    kept.add(folder)
    os.remove(mark)
    return removed

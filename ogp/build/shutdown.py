"""The end of a run: bytecode left for the next one, and the exit made without a last collection.

**Bytecode.** ``PYTHONDONTWRITEBYTECODE`` (set on many CI machines and in container images)
keeps Python from caching the bytecode of what it imports, so every run
compiles its modules from source again: about 300 modules, 0.6 s of a 2.7 s
national build on the 2-core machine of the benchmarks, a quarter of the build.
The installer does not compile either (``scripts/pip.sh`` passes ``--no-compile``:
compiling every installed package took 6 s here, a fifth of ``make site``, where
what a build imports takes 0.6 s).

So after a run, :func:`compile_imported` compiles the modules that run imported
and that have no fresh cached bytecode, as ``pip`` would have at install time.
It writes only inside the virtual environment this run uses (``.venv`` when
``make`` made it) and inside the ``ogp`` package (its ``__pycache__`` folders,
which git ignores), never into a system Python or a content repository's
folders; a folder it cannot write to is skipped before anything is compiled. A
cache counts as fresh as Python judges it: by the source's time and size
recorded in its header. A later run then reads the cache, as it would without
the variable.

**Exit.** As the interpreter ends it collects its cyclic garbage while it
tears the modules down: 0.26–0.29 s after a national build here, with about
110,000 tracked objects, for memory the system takes back anyway. :func:`finish`
freezes the heap first (``gc.freeze``), which leaves that collection nothing to
walk (0.03 s). Objects are still freed as their last reference goes; only
garbage in reference cycles is not finalized, which Python never promised at
exit, and every file this project writes is closed where it is written.
"""
from __future__ import annotations

import gc
import importlib.util
import os
import py_compile
import sys
from pathlib import Path

_OGP = Path(__file__).resolve().parents[1]


def _owned_folders() -> list[str]:
    """Where bytecode may be written: the virtual environment (if this is one) and the ``ogp`` package,
    unless it was installed into the system's Python."""
    system = str(Path(sys.base_prefix).resolve()) + os.sep
    folders = [str(_OGP) + os.sep]
    if sys.prefix != sys.base_prefix:
        folders.append(str(Path(sys.prefix).resolve()) + os.sep)
    return [folder for folder in folders if not folder.startswith(system)]


def _stale(source: str, cached: str) -> bool:
    """Whether Python would not take ``cached`` for ``source``: missing, another version's, or another source's."""
    try:
        with open(cached, "rb") as handle:
            header = handle.read(16)
        stat = os.stat(source)
    except OSError:
        return True
    if header[:4] != importlib.util.MAGIC_NUMBER:
        return True
    if int.from_bytes(header[4:8], "little") != 0:
        return False  # checked against the source's hash by Python itself
    return (int.from_bytes(header[8:12], "little"), int.from_bytes(header[12:16], "little")) != \
        (int(stat.st_mtime) & 0xFFFFFFFF, stat.st_size & 0xFFFFFFFF)


def _writable(cached: str) -> bool:
    """Whether the cache file's folder (or, before it exists, the source's folder) may be written to."""
    folder = os.path.dirname(cached)
    return os.access(folder if os.path.isdir(folder) else os.path.dirname(folder), os.W_OK)


def missing_bytecode(folders: list[str]) -> list[tuple[str, str]]:
    """``(source, cache file)`` of every imported module under ``folders`` whose cached bytecode is missing or stale,
    where it can be written."""
    found = []
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        source, cached = getattr(spec, "origin", None), getattr(spec, "cached", None)
        if not source or not cached or not source.endswith(".py"):
            continue
        # Cheapest test first: after the first run nearly every cache is fresh, and resolving a path costs more.
        if _stale(source, cached) and any(os.path.realpath(source).startswith(folder) for folder in folders) \
                and _writable(cached):
            found.append((source, cached))
    return found


def compile_imported(folders: list[str] | None = None) -> int:
    """Compile what :func:`missing_bytecode` lists (under the owned folders unless told), when Python itself
    would not; how many files were written."""
    if not sys.dont_write_bytecode:
        return 0  # Python caches what it imports itself
    written = 0
    for source, cached in missing_bytecode(_owned_folders() if folders is None else folders):
        try:
            py_compile.compile(source, cfile=cached, doraise=True)
        except (OSError, py_compile.PyCompileError):
            continue  # a source that changed or went away under us: the next run compiles it again
        written += 1
    return written


def finish() -> None:
    """What a run does last: leave the bytecode of what it imported (:func:`compile_imported`), then freeze the heap."""
    compile_imported()
    gc.freeze()

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
It writes only inside the virtual environment this run uses (``.venv``, which
``make`` made) and inside the ``ogp`` package, never into a system Python or a
content repository's folders; files it cannot write are left as they are. A
later run then reads the cache, as it would without the variable.

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
    try:
        return os.stat(cached).st_mtime < os.stat(source).st_mtime
    except OSError:
        return True


def missing_bytecode(folders: list[str]) -> list[tuple[str, str]]:
    """``(source, cache file)`` of every imported module under ``folders`` whose cached bytecode is absent or older."""
    found = []
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        source, cached = getattr(spec, "origin", None), getattr(spec, "cached", None)
        if not source or not cached or not source.endswith(".py"):
            continue
        resolved = os.path.realpath(source)
        if any(resolved.startswith(folder) for folder in folders) and _stale(source, cached):
            found.append((source, cached))
    return found


def compile_imported(folders: list[str] | None = None) -> int:
    """Compile what :func:`missing_bytecode` lists (under the owned folders unless told), when Python itself
    would not; how many files were written."""
    if not sys.dont_write_bytecode:
        return 0  # Python caches what it imports itself
    written = 0
    for source, cached in missing_bytecode(folders or _owned_folders()):
        try:
            py_compile.compile(source, cfile=cached, doraise=True)
        except (OSError, py_compile.PyCompileError):
            continue  # a read-only environment, or a source that changed under us: the next run compiles it again
        written += 1
    return written


def finish() -> None:
    """What a run does last: leave the bytecode of what it imported (:func:`compile_imported`), then freeze the heap."""
    compile_imported()
    gc.freeze()

"""The project's own YAML files (the word catalogues, the languages table, the schemas), parsed once per change.

Every build and every ``ogp`` command starts by reading about 240 KB of them: 50–80 ms
here even with libyaml. What a file parsed to is kept beside it in Python's
``marshal`` format, in the git-ignored ``__pycache__`` folder of its package folder
(where the bytecode of the modules is, and trusted as that is), stamped with the
source's size and modification time as Python stamps bytecode; a file changed in
any way is parsed again. ``marshal`` and not pickle: reading a kept copy builds
plain values and never runs code; and not JSON, which turns the catalogues' number
keys (the months) into text. Only files inside the ``ogp`` package are kept (a
repository's own ``words/<lang>.yml`` is read each time); where that folder cannot
be written, or a document holds a value ``marshal`` does not keep (a date), the
file is simply parsed each time.

Part of the lowest layer: imports nothing else of ``ogp``.
"""
from __future__ import annotations

import marshal
import os
from pathlib import Path

import yaml

PACKAGE = Path(__file__).resolve().parent.parent
FORMAT = 1  # raise when the kept copies' shape changes, so that old ones are parsed again


def kept_copy(path: Path) -> Path | None:
    """Where the parsed form of ``path`` is kept, or None for a file outside the ``ogp`` package."""
    source = path.resolve()
    if not source.is_relative_to(PACKAGE):
        return None
    return source.parent / "__pycache__" / f"{source.name}.marshal"


def load(path: Path) -> object:
    """The YAML document in ``path`` (YAML's safe types), from its kept copy when that is fresh."""
    stat = path.stat()
    stamp = [FORMAT, stat.st_mtime_ns, stat.st_size]
    kept = kept_copy(path)
    if kept is not None:
        try:
            saved_stamp, data = marshal.loads(kept.read_bytes())
            if saved_stamp == stamp:
                return data
        except (OSError, ValueError, EOFError, TypeError):
            pass  # missing, cut short or of another shape: parse the source
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if kept is not None:
        _keep(kept, stamp, data)
    return data


def _keep(kept: Path, stamp: list[int], data: object) -> None:
    try:
        packed = marshal.dumps((stamp, data))
    except ValueError:  # a date, or another value marshal does not keep
        return
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
    try:
        kept.parent.mkdir(exist_ok=True)
        partial.write_bytes(packed)
        os.replace(partial, kept)  # whole or not at all, even with another process reading or writing
    except OSError:  # a read-only installation: parse each time
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass

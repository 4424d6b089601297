"""Evidence files: where they may be, what they may be, and how big.

A file reference comes from a pull request, so it is checked as hostile: it
must be a plain relative path under data/files/ (no absolute path, ``..``,
backslash, drive letter, percent-encoding, NUL, or symlink anywhere on the
way), its type must be one we publish, its bytes must be what its name says,
and it must not be larger than the limit.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

# Extension -> the byte signatures its content may start with (None: UTF-8 text without NUL bytes).
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "docx": (b"PK\x03\x04",), "xlsx": (b"PK\x03\x04",), "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",), "ods": (b"PK\x03\x04",), "odp": (b"PK\x03\x04",),
    "txt": None, "md": None, "csv": None, "json": None,
}


def limit_mb() -> float:
    """The size limit for one evidence file: ``OGP_MAX_FILE_MB`` or 25 MB (see :mod:`ogp.records.settings`)."""
    from ogp.records.settings import read_settings

    return read_settings().max_file_mb


def path_problem(value: str, root: Path) -> str | None:
    """The code of what is wrong with the path itself, or None when it is a safe path that exists."""
    parts = value.split("/")
    if (not value.startswith("data/files/") or any(c in value for c in "\\:%\x00") or ".." in parts
            or "" in parts or "." in parts or value.endswith("/")):
        return "bad-file-path"
    current = os.fspath(root)
    found = None
    for part in parts:  # a symlink anywhere could point outside the repository
        current = os.path.join(current, part)
        try:
            found = os.lstat(current)
        except OSError:
            return "file-not-found"
        if stat.S_ISLNK(found.st_mode):
            return "bad-file-path"
    # No part is a link, "." or "..": the path stays inside the repository, whatever the root itself is.
    return None if found is not None and stat.S_ISREG(found.st_mode) else "file-not-found"


def content_problem(path: Path) -> tuple[str, dict] | None:
    """A code and its values when the file's type, bytes or size are not acceptable."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in SIGNATURES:
        return "file-type-not-allowed", {"suffix": suffix or "?", "allowed": ", ".join(sorted(SIGNATURES))}
    size = path.stat().st_size
    limit = limit_mb()
    if size > limit * 1024 * 1024:
        return "file-too-large", {"size": f"{size / 1048576:.1f}", "limit": f"{limit:g}"}
    with path.open("rb") as handle:
        head = handle.read(4096)
    signatures = SIGNATURES[suffix]
    if signatures is None:
        try:
            text_ok = b"\x00" not in head and path.read_bytes().decode("utf-8") is not None
        except UnicodeDecodeError:
            text_ok = False
        ok = text_ok
    else:
        ok = any(head.startswith(sig) for sig in signatures) and (suffix != "webp" or head[8:12] == b"WEBP")
    return None if ok else ("file-content-mismatch", {"suffix": suffix.upper()})

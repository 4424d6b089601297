"""The preview server's watcher, told to ignore what the build writes itself.

``mkdocs serve`` watches the docs folder and rebuilds on any change in it. The
build writes the generated pages there (only those whose text changed), so
one saved record caused two rebuilds, and the browser waited for both. The
watcher here ignores the generator's files: pages starting with the
generator's marker and files listed in its manifest.
"""
from __future__ import annotations

import os
from pathlib import Path

import watchdog.events

from .generate import MANIFEST, is_generated


def written_by_generator(docs_dir: Path, path: str) -> bool:
    """True for a file the generator owns (or its manifest); a person's file is never ignored."""
    target = Path(path)
    try:
        rel = target.relative_to(docs_dir).as_posix()
    except ValueError:
        return False
    if rel == MANIFEST:
        return True
    manifest = docs_dir / MANIFEST
    if manifest.exists() and rel in manifest.read_text(encoding="utf-8").split("\n"):
        return True
    return target.suffix == ".md" and is_generated(target)


def watch_docs_ignoring_generated(server, docs_dir: str) -> None:
    """Replace the server's watch of ``docs_dir`` by one that skips generated files.

    Uses the server's rebuild condition (MkDocs 1.6's LiveReloadServer has no
    public way to ask for a rebuild); the preview test covers it.
    """
    docs = Path(os.path.abspath(docs_dir))
    if str(docs) not in server._watched_paths:
        return
    server.unwatch(str(docs))

    def callback(event) -> None:
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if event.is_directory or all(not p or written_by_generator(docs, p) for p in paths):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback
    server.observer.schedule(handler, str(docs), recursive=True)

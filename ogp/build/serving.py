"""The preview server's watcher: told at once, and deaf to what the build writes itself.

``mkdocs serve`` looks for changes by polling every watched file twice a
second: a saved record waited a quarter of a second on average before the
rebuild began (half a second at worst), and a large repository's tens of
thousands of files were examined all the time. The operating system's own
notifications (inotify, FSEvents, ReadDirectoryChangesW, through watchdog)
are used instead; ``OGP_PREVIEW_POLLING=1`` keeps MkDocs' polling, for
folders where notifications do not arrive (some network or virtual-machine
mounts).

MkDocs also watches the docs folder and rebuilds on any change in it. The
build writes the generated pages there (only those whose text changed), so
one saved record caused two rebuilds, and the browser waited for both. The
watcher here ignores the generator's files: pages starting with the
generator's marker, files listed in its manifest, and any file exactly as
the generator of this process left it (or a partial write it is renaming;
see :mod:`ogp.render.write`).
"""
from __future__ import annotations

import os
from pathlib import Path

import watchdog.events
import watchdog.observers

from ogp.build import upstream
from ogp.records.settings import read_settings
from ogp.render.write import MANIFEST, is_generated, left_by_generator


def written_by_generator(docs_dir: Path, path: str) -> bool:
    """True for a file the generator owns (or its manifest); a person's file is never ignored."""
    if left_by_generator(path):
        return True
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


# Notifications also report files being opened and read: the build reads every
# record and page, and MkDocs' handler would take each read for a change and
# rebuild for ever. Only these events are changes.
CHANGES = [watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent, watchdog.events.FileDeletedEvent,
           watchdog.events.FileMovedEvent, watchdog.events.DirCreatedEvent, watchdog.events.DirDeletedEvent,
           watchdog.events.DirMovedEvent]


class ChangesObserver(watchdog.observers.Observer):
    """The platform's notification observer, passing on changes only (see :data:`CHANGES`)."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES, **options)


def use_native_watcher(server) -> bool:
    """Give the server an observer driven by the system's file notifications; False when polling is kept."""
    if read_settings().preview_polling:
        return False
    paths = list(getattr(server, upstream.SERVER_WATCHED_PATHS))
    unwatch = getattr(server, upstream.SERVER_UNWATCH)
    for path in paths:
        unwatch(path)
    setattr(server, upstream.SERVER_OBSERVER, ChangesObserver(timeout=getattr(server, upstream.SERVER_SHUTDOWN_DELAY)))
    for path in paths:
        server.watch(path)
    return True


def watch_docs_ignoring_generated(server, docs_dir: str) -> None:
    """Replace the server's watch of ``docs_dir`` by one that skips generated files.

    Uses the server's rebuild condition (MkDocs 1.6's LiveReloadServer has no
    public way to ask for a rebuild); the preview test covers it.
    """
    docs = Path(os.path.abspath(docs_dir))
    if str(docs) not in getattr(server, upstream.SERVER_WATCHED_PATHS):
        return
    getattr(server, upstream.SERVER_UNWATCH)(str(docs))

    def callback(event) -> None:
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if event.is_directory or all(not p or written_by_generator(docs, p) for p in paths):
            return
        rebuild = getattr(server, upstream.SERVER_REBUILD_COND)
        with rebuild:
            setattr(server, upstream.SERVER_WANT_REBUILD, True)
            rebuild.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback
    getattr(server, upstream.SERVER_OBSERVER).schedule(handler, str(docs), recursive=True)

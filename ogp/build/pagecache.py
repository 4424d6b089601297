"""Reuse, in a preview server, the pages whose inputs did not change since the last rebuild.

``mkdocs serve`` rebuilds the whole site on every save; an editor who fixes
one record waits for every page again. Here each page's result is kept in
memory, keyed by a hash of everything the page's HTML depends on:

* the site-wide *fingerprint*: the configuration file, the ``OGP_*``
  settings, this package's, the hooks' and the theme overrides' files, the
  list of every site file (links and the language switcher depend on which
  files exist) and the navigation's titles (the source of a page the
  navigation does not name, whose first heading becomes its menu title);
* the page's own address, metadata and Markdown after every hook changed it
  (the dashboard is part of that Markdown).

A page whose key is known skips Markdown and Material's template: its title,
anchors, links to anchors, messages and final output (after every
``post_page`` fix, which the fixing hooks then skip: see :func:`replayed`)
are restored from the cache, so link and anchor checks and warnings stay
exactly as in a full build. Any
change to the fingerprint (a file added, a setting changed) rebuilds all.

Only the preview server uses it: ``mkdocs build`` always renders every page.
"""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ogp.build import parallel, upstream

TEMPLATE = "ogp-cached.html"  # prints ``page.ogp_cached_output`` (theme_overrides/)


@dataclass
class Entry:
    """What a rendered page leaves behind, enough to stand in for rendering it again."""

    content: str
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]]
    messages: list[tuple[str, int, str]] = field(default_factory=list)
    output: str | None = None
    derived: dict = field(default_factory=dict)  # what hooks computed from the page (see reuse)


@dataclass
class _Cache:
    """This process's pages (by key), the keys used since the last prune, and the round's counts."""

    enabled: bool = False
    store: dict[str, Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    fresh: set[str] = field(default_factory=set)  # the keys of pages rendered since the last prune
    fingerprint: str = ""
    hits: int = 0
    misses: int = 0


_cache = _Cache()


class Recorder(logging.Handler):
    """Collects the messages MkDocs logs while one page is rendered, to repeat them on a cache hit."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.name, record.levelno, record.getMessage()))


def enable(on: bool) -> None:
    """Turn the cache on (preview server) or off, forgetting what it held when turned off."""
    _cache.enabled = on
    if not on:
        _cache.store.clear()


def enabled() -> bool:
    """Whether this process reuses pages."""
    return _cache.enabled


def _hash_tree(digest, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())


def fingerprint(config, files, nav, language: str) -> str:
    """A hash of everything every page of this build depends on (see the module's docstring)."""
    digest = hashlib.sha256(language.encode())
    root = Path(config.config_file_path).parent
    digest.update(Path(config.config_file_path).read_bytes())
    digest.update(repr(sorted((k, v) for k, v in os.environ.items() if k.startswith("OGP_"))).encode())
    digest.update(f"{config.site_url}\0{config.site_name}\0{config.theme.get('language')}".encode())
    for folder in (Path(__file__).parents[1], root / "hooks", Path(config.theme.custom_dir or root / "theme_overrides")):
        if folder.is_dir():
            _hash_tree(digest, folder)
    for uri in sorted(f"{f.src_uri}\0{f.dest_uri}" for f in files):
        digest.update(uri.encode() + b"\n")
    for page in nav.pages:
        # A title given in the navigation is set on the page already; otherwise the
        # page's first heading names it in every page's menu, so its source counts.
        given = vars(page).get(upstream.PAGE_GIVEN_TITLE)
        digest.update(given.encode() if isinstance(given, str) else page.file.content_bytes)
    return digest.hexdigest()


def begin(config, files, nav, language: str) -> None:
    """Start a build (one language pass): compute its fingerprint."""
    _cache.fingerprint = fingerprint(config, files, nav, language)


def page_key(page, markdown: str) -> str:
    """The key of one page: the build's fingerprint, the page's address, metadata and final Markdown."""
    digest = hashlib.sha256(_cache.fingerprint.encode())
    digest.update(f"{page.file.src_uri}\0{page.url}\0{page.meta!r}\0".encode())
    digest.update(markdown.encode())
    return digest.hexdigest()


def lookup(key: str) -> Entry | None:
    """The cached entry of a key, marking it as used by this build."""
    entry = _cache.store.get(key)
    _cache.used.add(key)
    found = entry is not None and entry.output is not None
    if found:
        _cache.hits += 1
    else:
        _cache.misses += 1
    return entry if found else None


def replayed(page) -> bool:
    """Whether a page's output comes from the cache, already final (later ``post_page`` work is done)."""
    return getattr(page, "ogp_cache_hit", None) is not None


def reuse(page, name: str, compute):
    """A value a hook derives from a page's content: kept from the first rendering on a replayed page.

    ``compute()`` runs for a page rendered now, and its result is kept with the
    page's entry, so the next rebuild that replays the page skips the work.
    """
    hit = getattr(page, "ogp_cache_hit", None)
    if hit is not None and name in hit.derived:
        return hit.derived[name]
    value = compute()
    new = getattr(page, "ogp_cache_new", None)
    if new is not None:
        new.derived[name] = value
    return value


def restore(page, entry: Entry, files) -> None:
    """Stand in for ``page.render``: give the page what the cached rendering produced, without Markdown."""
    from mkdocs.structure.toc import get_toc

    page.content = entry.content
    page.toc = get_toc([])  # only Material's template reads it, and a replayed page skips the template
    setattr(page, upstream.PAGE_RENDERED_TITLE, entry.title)  # MkDocs takes a page's title from its first heading while rendering
    setattr(page, upstream.PAGE_ANCHOR_IDS, set(entry.anchors))
    links = {}
    known = files.src_uris  # by the exact names kept (static-i18n's lookup would try language suffixes first)
    for src_uri, anchors in entry.links.items():
        target = known.get(src_uri)
        if target is not None:
            links[target] = dict(anchors)
    setattr(page, upstream.PAGE_ANCHOR_LINKS, links)
    for name, level, message in entry.messages:
        logging.getLogger(name).log(level, "%s", message)
    page.ogp_cached_output = entry.output
    page.meta["template"] = TEMPLATE


def capture(page, messages: list[tuple[str, int, str]]) -> Entry:
    """What to keep of a page that was just rendered (its HTML and output come with :func:`complete`)."""
    links = {target.src_uri: dict(anchors) for target, anchors in (getattr(page, upstream.PAGE_ANCHOR_LINKS) or {}).items()}
    return Entry("", getattr(page, upstream.PAGE_RENDERED_TITLE), set(getattr(page, upstream.PAGE_ANCHOR_IDS) or ()), links, messages)


def complete(key: str, entry: Entry, content: str, output: str) -> None:
    """Keep a page once every hook has worked on it: the cleaned HTML (so hooks can skip a replay) and the output."""
    entry.content, entry.output = content, output
    _cache.store[key] = entry
    _cache.fresh.add(key)


def export() -> dict:
    """What a child process (another language, see ``ogp.build.parallel``) hands back: its new pages, the keys
    it used and its counts. The pages it replayed came from the parent's cache (the child is a copy of it)."""
    if not enabled():
        return {}
    return {"store": {k: _cache.store[k] for k in _cache.fresh}, "used": set(_cache.used),
            "hits": _cache.hits, "misses": _cache.misses}


def absorb(sent: dict) -> None:
    """Take in what a child process exported."""
    if not sent or not enabled():
        return
    _cache.store.update(sent["store"])
    _cache.used.update(sent["used"])
    _cache.hits += sent["hits"]
    _cache.misses += sent["misses"]


parallel.channel("pagecache", export, absorb)


def prune() -> dict[str, int]:
    """Forget the pages no build used since the last prune; return this round's hits and misses."""
    for key in [k for k in _cache.store if k not in _cache.used]:
        del _cache.store[key]
    _cache.used.clear()
    _cache.fresh.clear()
    counts = {"hits": _cache.hits, "misses": _cache.misses}
    _cache.hits = _cache.misses = 0
    return counts


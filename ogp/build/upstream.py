"""What the build takes from MkDocs, Material and static-i18n beyond their public options.

Each constant here names one *contract*: a file, a private attribute, a
module's internal behaviour, a template name or a piece of HTML or JavaScript
of an installed package that the build relies on, with what it is used for and
where. The other build modules take these names from here instead of writing
them inline, and ``tests/test_upstream.py`` checks each one against the
installed packages (in seconds, without a build), so an upgrade that moves
one fails there, naming it. A weekly workflow (``.github/workflows/upgrades.yml``)
runs that test against the newest releases ``pyproject.toml`` allows.

Every change the build makes to upstream text goes through :func:`patch` (or
:func:`patched_by`): a patch that no longer matches what it was written for
logs a warning on an ``mkdocs.*`` logger, which ``mkdocs build --strict``
counts, so the build fails naming the contract instead of quietly publishing
the unfixed page.

Plain imports of upstream modules (``mkdocs.plugins.event_priority``,
``mkdocs.structure.toc.get_toc``...) are not listed: they fail loudly by themselves.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable

import material
import mkdocs

from ogp.build import buildlog

# --- MkDocs ---------------------------------------------------------------------------------

MKDOCS_DIR = Path(mkdocs.__file__).parent

# lunr.js as MkDocs ships it for its own search plugin: hooks/search.py copies it into the
# site, where the finder (assets/javascripts/ogp-finder.js) loads it.
LUNR_JS = MKDOCS_DIR / "contrib/search/templates/search/lunr.js"

# MkDocs logs everything under this logger, and `build --strict` counts the warnings it sees
# there: hooks/pagecache.py records the messages of a rendered page from it.
LOGGER = "mkdocs"
# Our own logger, a child of LOGGER so that --strict counts our warnings (ogp/build/parallel.py,
# hooks/records.py, hooks/pagecache.py; the contract warnings below use a child of it).
PLUGIN_LOGGER = "mkdocs.plugins.ogp"
# What MkDocs' build() does for --strict: hang a warning counter on LOGGER (checked as text
# in mkdocs/commands/build.py by the test).
STRICT_COUNTER = "logging.getLogger('mkdocs').addHandler(warning_counter)"

# The module whose function CLEAN_DIRECTORY empties site_dir at the start of every build().
# build() looks it up on the module each time, so replacing the module attribute with a no-op
# keeps a nested build from wiping the folder: static-i18n does so for its own loop, and
# hooks/parallel.py and ogp/build/parallel.py (in each child) do the same.
UTILS_MODULE = "mkdocs.utils"
CLEAN_DIRECTORY = "clean_directory"
# How build() calls it (text of mkdocs/commands/build.py): through the module attribute.
BUILD_CLEANS = "utils.clean_directory(config.site_dir)"
# The module's two writers of the site: every page (and theme template) goes through WRITE_FILE,
# every asset through COPY_FILE, both looked up on the module at each call (texts BUILD_WRITES in
# mkdocs/commands/build.py and FILES_COPY in mkdocs/structure/files.py). Under `mkdocs serve`,
# ogp/build/sitekeep.py replaces them and CLEAN_DIRECTORY to keep the site folder between rebuilds.
WRITE_FILE = "write_file"
COPY_FILE = "copy_file"
BUILD_WRITES = "utils.write_file(output.encode('utf-8'"
FILES_COPY = "utils.copy_file(self.abs_src_path, output_path)"
# MkDocs' cleaning spares hidden entries at the top of the site folder (its text, in mkdocs/utils):
# the sweep of ogp/build/sitekeep.py spares the same ones.
CLEAN_SPARES_HIDDEN = "if entry.startswith('.'):"

# The module and function of one full build: a child of ogp/build/parallel.py calls it
# with (config, dirty=...) for its language, as static-i18n's loop does.
BUILD_MODULE = "mkdocs.commands.build"
BUILD_FUNCTION = "build"
# The build's two steps run for every page, looked up on BUILD_MODULE at each call (texts
# BUILD_CALLS_PAGE_STEPS in build()): ogp/build/tracing.py times them.
BUILD_PAGE_STEPS = ("_populate_page", "_build_page")
BUILD_CALLS_PAGE_STEPS = ("_populate_page(file.page, config, files, dirty)", "_build_page(\n")
# A plugin collection's registered methods by event name (a dict of lists, which run_event walks
# at each call) and the plugin each came from, for MkDocs' messages: ogp/build/tracing.py wraps them.
PLUGINS_EVENTS = "events"
PLUGINS_EVENT_ORIGINS = "_event_origins"
# The build's logger and the two lines each build() prints; a child hides them
# (ogp/build/parallel.py, _Quiet), the parent prints the total.
BUILD_LOGGER = "mkdocs.commands.build"
BUILD_LOG_LINES = ("Documentation built in", "Building documentation to")
# The command-line flags of a dirty build. MkDocs does not tell plugins whether a nested build
# is dirty, so, like static-i18n, ogp/build/parallel.py and hooks/parallel.py read sys.argv.
DIRTY_FLAGS = ("--dirty", "--dirtyreload")

# Page.render(config, files): MkDocs calls it on the page object (text of build.py below), so
# hooks/pagecache.py replaces it on one page instance to restore a cached rendering instead.
PAGE_RENDER = "render"
BUILD_RENDERS_PAGE = "page.render(config, files)"
# Private fields Page.render fills: the first heading's text (the title when none is given),
# the anchors the page has and the links to anchors of other pages (MkDocs checks those after
# every page is rendered). ogp/build/pagecache.py stores and restores them; hooks/sanitize.py
# makes the first one safe.
PAGE_RENDERED_TITLE = "_title_from_render"
PAGE_ANCHOR_IDS = "present_anchor_ids"
PAGE_ANCHOR_LINKS = "links_to_anchors"
# Page.title is a weak_property: a title given by the navigation lives in the instance's
# __dict__ under this key, one from the first heading does not (ogp/build/pagecache.py,
# fingerprint, tells the two apart with vars(page)).
PAGE_GIVEN_TITLE = "title"

# Theme.get_env: ogp/build/themecache.py replaces it on the theme instance so every Jinja
# environment shares compiled templates and the theme's file listing. It relies on the
# environment's loader being a FileSystemLoader with LOADER_SEARCHPATH, and on Jinja's
# Environment.list_templates calling LOADER_LIST_TEMPLATES on the loader (replaced there).
THEME_GET_ENV = "get_env"
LOADER_SEARCHPATH = "searchpath"
LOADER_LIST_TEMPLATES = "list_templates"
# The patterns with which MkDocs' Files.add_files_from_theme drops hidden theme files; the
# listing of ogp/build/themecache.py (_walk) leaves them out beforehand, which is only
# invisible while MkDocs drops them too.
THEME_HIDDEN_PATTERNS = ("'.*'", "'*/.*'")

# mkdocs.livereload.LiveReloadServer, handed to on_serve (ogp/build/serving.py, hooks/pagecache.py):
SERVER_WATCHED_PATHS = "_watched_paths"  # dict of watched paths: read to move them to another observer
SERVER_UNWATCH = "unwatch"  # undocumented counterpart of server.watch
SERVER_OBSERVER = "observer"  # the watchdog observer, replaced by one driven by file notifications
SERVER_SHUTDOWN_DELAY = "shutdown_delay"  # the observer's timeout, kept for the new observer
SERVER_REBUILD_COND = "_rebuild_cond"  # condition the build loop waits on...
SERVER_WANT_REBUILD = "_want_rebuild"  # ...for this flag: set by the docs watcher to ask for a rebuild
SERVER_BUILD_DELAY = "build_delay"  # seconds MkDocs waits after the last change; lowered to 0.05
# The server's serve() runs its build loop on the calling (main) thread; its other threads
# (HTTP, file observer) only wait while a build runs. ogp/build/parallel.py forks from a build,
# so under `mkdocs serve` it forks a process with threads: the child never returns into them
# and ends with os._exit. The test checks serve() still calls this method itself.
SERVER_BUILD_LOOP = "_build_loop"

# --- mkdocs-static-i18n --------------------------------------------------------------------

# The plugin's key in config.plugins (ogp/build/passes.py, hooks/*).
I18N_PLUGIN = "i18n"
# True while the plugin builds the other languages, from its own on_post_build: how
# ogp/build/passes.py tells the outer pass from the others; a child of ogp/build/parallel.py
# sets it, as the plugin's loop does.
I18N_BUILDING = "building"
# The language being built; the plugin's loop sets it before each nested build (so does a child).
I18N_CURRENT_LANGUAGE = "current_language"
# Properties: the default locale and the locales whose entry has build: true
# (ogp/build/passes.py, ogp/build/parallel.py, hooks/i18n_guard.py).
I18N_DEFAULT_LANGUAGE = "default_language"
I18N_BUILD_LANGUAGES = "build_languages"
# Each language entry's `build` option, read afresh by I18N_BUILD_LANGUAGES: hooks/parallel.py
# switches it off for the languages its children built, so the plugin's loop skips them.
I18N_LANGUAGE_BUILD = "build"
# The steps of the plugin's on_post_build loop that a child of ogp/build/parallel.py repeats
# for its one language (text of mkdocs_static_i18n/plugin.py).
I18N_LOOP_STEPS = ("self.building = True", "utils.clean_directory = lambda", "self.current_language = locale",
                   "build(config, dirty=dirty)")
# The plugin's on_post_build priority: it builds the other languages there. hooks/parallel.py
# (-50) must run before it; theme_fixes (-150), site_files (-160), search (-200) and
# pagecache (-300) after it (the test compares the hooks' priorities with the real one).
I18N_POST_BUILD_PRIORITY = -100
# Attribute static-i18n gives every File: {locale: File} of its versions (ogp/build/sitemap.py).
I18N_FILE_ALTERNATES = "alternates"
# The language menu: static-i18n sets it as an *attribute* of config.extra in on_page_context
# (what Material's template reads), not as its item (hooks/site_files.py resets its links on
# the 404 page). I18N_SETS_EXTRA_ALTERNATE is that line of mkdocs_static_i18n/reconfigure.py.
I18N_EXTRA_ALTERNATE = "alternate"
I18N_SETS_EXTRA_ALTERNATE = "config.extra.alternate = "

# The function static-i18n makes each language's version of a File with, from the File, the pass's
# language, the default one, all languages and the config; its Files loop (I18N_RECONFIGURE_FILES
# of mkdocs_static_i18n/reconfigure.py) looks it up on the module each call. Under `mkdocs serve`
# ogp/build/i18nfiles.py replaces the module attribute with a memo (a preview rebuild made every
# File of every language anew: a tenth of a large rebuild). The File it returns has exactly the
# attributes a plain copy carries over, and I18N_FILE_ALTERNATES is the one it mutates afterwards.
I18N_SUFFIX_MODULE = "mkdocs_static_i18n.suffix"
I18N_CREATE_FILE = "create_i18n_file"
I18N_RECONFIGURE_FILES = "create_i18n_file = suffix.create_i18n_file"

# --- Material for MkDocs -------------------------------------------------------------------

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# One Jinja macro file per language Material has words for; a language without one needs its own (ogp init writes it).
MATERIAL_LANGUAGES = MATERIAL_TEMPLATES / "partials/languages"

# Material's search plugin, as MkDocs names it in config.plugins. The header
# (templates/partials/header.html, SEARCH_HEADER) includes the search dialog SEARCH_DIALOG
# patches when this plugin is there and enabled: see has_search_dialog (used by
# hooks/theme_fixes.py and hooks/site_files.py).
SEARCH_PLUGIN = "material/search"
HEADER_PARTIAL = "partials/header.html"
SEARCH_HEADER = ('{% if "material/search" in config.plugins %}', "{% if search.enabled %}", '{% include "partials/search.html" %}')
# The page metadata by which Material's search plugin skips a page (hooks/search.py sets it on
# every page it indexes itself); SEARCH_SKIPS_EXCLUDED is the plugin's test of it.
SEARCH_META = "search"
SEARCH_EXCLUDE = "exclude"
SEARCH_SKIPS_EXCLUDED = 'search.get("exclude")'

# Static templates whose output hooks/site_files.py handles in on_post_template: the theme's
# 404 page (written once per language) and the sitemap (emptied, written once for all).
TEMPLATE_404 = "404.html"
TEMPLATE_SITEMAP = "sitemap.xml"

# The search dialog's opening tag (templates/partials/search.html): role="dialog" and no name,
# which axe reports. ogp/build/theme_fixes.py (label_search_dialog) adds an aria-label.
SEARCH_PARTIAL = "partials/search.html"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'

# The head tags of the language menu (templates/base.html); Material's JavaScript fetches
# <link>/sitemap.xml for each. ogp/build/theme_fixes.py (drop_hreflang_head_links) removes them.
BASE_TEMPLATE = "base.html"
HREFLANG_HEAD_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
# Any hreflang attribute left in a page's head after that patch means the tags changed form.
HREFLANG_ATTRIBUTE = 'hreflang="'

# The key of the page's <script id="__config"> JSON (templates/base.html, through Jinja's
# tojson): the address search_index.json is resolved against. ogp.render.searchindex
# (point_page_at_language_root) rewrites it on other languages' pages (hooks/search.py).
CONFIG_BASE = '"base": '

# Material's scripts in a built site, and its main bundle among them: its CDN loaders
# (a ResizeObserver polyfill, Mermaid) are pointed at the site by ogp/build/theme_fixes.py
# (fix_theme_bundles, keep_scripts_on_site).
JAVASCRIPTS = "assets/javascripts"
BUNDLE_GLOB = "bundle.*.min.js"
# Material's search worker (src/templates/assets/javascripts/integrations/search): ogp/build/theme_fixes.py
# (stem_search_queries) makes a query find every form of its words. The worker appends "*" to every query
# term, and lunr runs no pipeline on a wildcard term, so an index's stemmer only ever cut the indexed words:
# "published*" then found nothing where the index holds "publish". WORKER_WILDCARD is that "*" (in
# transform(): `${term}*`); WORKER_PIPELINE the end of the index's setup, where the stemmer is known.
WORKER_GLOB = "workers/search.*.min.js"
WORKER_WILDCARD = re.compile(r"(\.map\((\w+)=>/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\(\2\)\?\2:)`\$\{\2\}\*`")
WORKER_PIPELINE = re.compile(r"(let (\w+)=\w+\(\[\"trimmer\",\"stopWordFilter\",\"stemmer\"\],(\w+)\.pipeline\);)")
UNPKG_SCRIPT = re.compile(r"https://unpkg\.com/([A-Za-z0-9@._/-]+)")
# The bundle's selector of the head links it takes for language roots (it fetches <link>/sitemap.xml for
# each): narrowed to links with hreflang by ogp/build/theme_fixes.py, so the feed's own
# <link rel="alternate" type="application/atom+xml"> (theme_overrides/main.html) fetches nothing.
ALTERNATE_LINKS = re.compile(r'(\w+\()"link\[rel=alternate\]"\)')
# Material's lunr languages, unused when search is English-only: ogp/build/theme_fixes.py
# (drop_unused_assets) deletes the folder from the site.
LUNR_LANGUAGES = "assets/javascripts/lunr"


def has_search_dialog(config) -> bool:
    """Whether Material's header puts the search dialog on every page of this build (see SEARCH_HEADER)."""
    plugin = config.plugins.get(SEARCH_PLUGIN)
    return plugin is not None and bool(plugin.config.enabled)


# --- broken contracts -------------------------------------------------------------------------

log = logging.getLogger(PLUGIN_LOGGER + ".upstream")


class Contracts:
    """The contracts found broken in the running build pass: each is reported once a pass.

    One broken patch would otherwise warn on every page. ``new_pass`` runs at the start
    of every build() (hooks/theme_fixes.py, on_config), so each pass, and each rebuild of
    a preview server, reports again; --strict counts warnings per build().
    """

    def __init__(self) -> None:
        self.reported: set[str] = set()

    def new_pass(self) -> None:
        self.reported.clear()

    def broken(self, contract: str, detail: str) -> None:
        """Warn, through MkDocs' logger, that ``contract`` (a name in this module) no longer holds."""
        if contract in self.reported:
            return
        self.reported.add(contract)
        log.warning(buildlog.line("contract_broken", contract=contract, detail=detail))


contracts = Contracts()
broken = contracts.broken


def _shown(old: str | re.Pattern) -> str:
    text = old.pattern if isinstance(old, re.Pattern) else old
    return repr(text if len(text) <= 80 else text[:77] + "...")


def patch(text: str, old: str | re.Pattern, new: str | Callable[[re.Match], str], contract: str, *,
          count: int = 0, expected: bool = True) -> str:
    """``text`` with ``old`` (a string, or a compiled pattern) replaced by ``new``; all of them, or the first ``count``.

    When ``old`` matches nothing although ``expected`` (the caller knows the text
    should hold it), the contract named ``contract`` is reported broken and the
    text comes back unchanged.
    """
    if isinstance(old, re.Pattern):
        result, found = old.subn(new, text, count=count)
    else:
        found = old in text
        result = text.replace(old, new, count or -1) if found else text
    if not found and expected:
        broken(contract, f"{_shown(old)} matched nothing")
    return result


def patched_by(text: str, fix: Callable[..., str], *args, contract: str, expected: bool = True) -> str:
    """``fix(text, *args)``, for a patch that lives outside the build glue: no change at all means it matched nothing."""
    result = fix(text, *args)
    if result == text and expected:
        broken(contract, f"{fix.__name__} changed nothing")
    return result

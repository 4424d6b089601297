"""Every upstream contract of ``ogp.build.upstream`` still holds in the installed packages (seconds, no build).

Each check reads the real classes, modules and files of MkDocs, Material,
static-i18n (and Jinja, lunr) as installed, so a release that moves one fails
here, named in the assertion message. ``.github/workflows/upgrades.yml`` runs
this file every week against the newest releases ``pyproject.toml`` allows.
Then: the patch helper warns, where ``--strict`` counts it, when a patch
matches nothing; and the build glue keeps every such name in ``upstream.py``.
"""
from __future__ import annotations

import ast
import importlib.util
import inspect
import logging
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import yaml
from conftest import ROOT
from mkdocs.plugins import PluginCollection

from ogp.build import upstream
from ogp.build.upstream import (
    ALTERNATE_LINKS,
    BASE_TEMPLATE,
    BUILD_CALLS_PAGE_STEPS,
    BUILD_CLEANS,
    BUILD_FUNCTION,
    BUILD_LOG_LINES,
    BUILD_LOGGER,
    BUILD_MODULE,
    BUILD_PAGE_STEPS,
    BUILD_RENDERS_PAGE,
    BUILD_WRITES,
    BUNDLE_GLOB,
    CLEAN_DIRECTORY,
    CLEAN_SPARES_HIDDEN,
    CONFIG_BASE,
    COPY_FILE,
    DIRTY_FLAGS,
    FILES_COPY,
    HEADER_PARTIAL,
    HREFLANG_ATTRIBUTE,
    HREFLANG_HEAD_LINK,
    I18N_BUILD_LANGUAGES,
    I18N_BUILDING,
    I18N_CREATE_FILE,
    I18N_CURRENT_LANGUAGE,
    I18N_DEFAULT_LANGUAGE,
    I18N_EXTRA_ALTERNATE,
    I18N_FILE_ALTERNATES,
    I18N_LANGUAGE_BUILD,
    I18N_LOOP_STEPS,
    I18N_PLUGIN,
    I18N_POST_BUILD_PRIORITY,
    I18N_RECONFIGURE_FILES,
    I18N_SETS_EXTRA_ALTERNATE,
    I18N_SUFFIX_MODULE,
    JAVASCRIPTS,
    LOADER_LIST_TEMPLATES,
    LOADER_SEARCHPATH,
    LOGGER,
    LUNR_JS,
    LUNR_LANGUAGES,
    MATERIAL_LANGUAGES,
    MATERIAL_TEMPLATES,
    MKDOCS_DIR,
    PAGE_ANCHOR_IDS,
    PAGE_ANCHOR_LINKS,
    PAGE_GIVEN_TITLE,
    PAGE_RENDER,
    PAGE_RENDERED_TITLE,
    PLUGIN_LOGGER,
    PLUGINS_EVENT_ORIGINS,
    PLUGINS_EVENTS,
    SEARCH_DIALOG,
    SEARCH_EXCLUDE,
    SEARCH_HEADER,
    SEARCH_META,
    SEARCH_PARTIAL,
    SEARCH_PLUGIN,
    SEARCH_SKIPS_EXCLUDED,
    SERVER_BUILD_DELAY,
    SERVER_BUILD_LOOP,
    SERVER_OBSERVER,
    SERVER_REBUILD_COND,
    SERVER_SHUTDOWN_DELAY,
    SERVER_UNWATCH,
    SERVER_WANT_REBUILD,
    SERVER_WATCHED_PATHS,
    STRICT_COUNTER,
    TEMPLATE_404,
    TEMPLATE_SITEMAP,
    THEME_GET_ENV,
    THEME_HIDDEN_PATTERNS,
    UNPKG_SCRIPT,
    UTILS_MODULE,
    WORKER_GLOB,
    WORKER_PIPELINE,
    WORKER_WILDCARD,
    WRITE_FILE,
)


def source_of(module_name: str) -> str:
    """The installed source text of a module (read from its file, as it will run)."""
    return inspect.getsource(importlib.import_module(module_name))


def material_file(name: str) -> str:
    path = MATERIAL_TEMPLATES / name
    assert path.is_file(), f"Material has no {name} (contracts on it: see ogp/build/upstream.py)"
    return path.read_text("utf-8")


def material_bundle() -> Path:
    found = sorted((MATERIAL_TEMPLATES / JAVASCRIPTS).glob(BUNDLE_GLOB))
    assert len(found) == 1, f"BUNDLE_GLOB: expected one {BUNDLE_GLOB} in Material's {JAVASCRIPTS}, found {found}"
    return found[0]


# --- MkDocs ---------------------------------------------------------------------------------------


def test_lunr_js_is_shipped_by_mkdocs_in_the_version_the_finder_index_is_written_for():
    import lunr

    assert LUNR_JS.is_file() and LUNR_JS.is_relative_to(MKDOCS_DIR), f"LUNR_JS: {LUNR_JS} is missing"
    header = LUNR_JS.read_text("utf-8")[:300]
    version = re.search(r"lunr - http://lunrjs\.com .* - (\d+\.\d+\.\d+)", header)
    assert version, f"LUNR_JS: no version in the header of {LUNR_JS}"
    # The finder's index is prebuilt by lunr.py and loaded by this lunr.js: the formats must agree.
    assert version.group(1) == lunr.__TARGET_JS_VERSION__, \
        f"LUNR_JS: MkDocs ships lunr.js {version.group(1)}, lunr.py writes indexes for {lunr.__TARGET_JS_VERSION__}"


def test_build_cleans_the_site_through_a_replaceable_module_function():
    utils = importlib.import_module(UTILS_MODULE)
    assert callable(getattr(utils, CLEAN_DIRECTORY, None)), f"CLEAN_DIRECTORY: {UTILS_MODULE}.{CLEAN_DIRECTORY} is gone"
    build_source = source_of(BUILD_MODULE)
    assert BUILD_CLEANS in build_source, f"BUILD_CLEANS: {BUILD_MODULE} no longer calls {BUILD_CLEANS!r}"
    assert f"from mkdocs import {UTILS_MODULE.rsplit('.', 1)[1]}" in build_source, \
        f"BUILD_CLEANS: {BUILD_MODULE} no longer looks clean_directory up on {UTILS_MODULE}"


def test_the_site_is_written_and_copied_through_replaceable_module_functions():
    utils = importlib.import_module(UTILS_MODULE)
    for name in (WRITE_FILE, COPY_FILE):
        assert list(inspect.signature(getattr(utils, name)).parameters)[1] == "output_path", f"{name}: signature moved"
    assert BUILD_WRITES in source_of(BUILD_MODULE), f"BUILD_WRITES: {BUILD_MODULE} no longer calls {BUILD_WRITES!r}"
    files = source_of("mkdocs.structure.files")
    assert FILES_COPY in files and "from mkdocs import utils" in files, f"FILES_COPY: assets are no longer copied by {FILES_COPY!r}"
    assert CLEAN_SPARES_HIDDEN in inspect.getsource(getattr(utils, CLEAN_DIRECTORY)), \
        "CLEAN_SPARES_HIDDEN: MkDocs' cleaning no longer spares hidden entries, and the preview's sweep would differ"


def test_a_nested_build_is_one_call_with_config_and_dirty():
    module = importlib.import_module(BUILD_MODULE)
    build = getattr(module, BUILD_FUNCTION, None)
    assert callable(build), f"BUILD_FUNCTION: {BUILD_MODULE}.{BUILD_FUNCTION} is gone"
    parameters = inspect.signature(build).parameters
    assert list(parameters)[0] == "config" and "dirty" in parameters, f"BUILD_FUNCTION: signature is now {parameters}"


def test_the_page_steps_and_event_lists_the_tracer_wraps_are_where_it_expects_them():
    module = importlib.import_module(BUILD_MODULE)
    for step, call in zip(BUILD_PAGE_STEPS, BUILD_CALLS_PAGE_STEPS):
        assert callable(getattr(module, step, None)), f"BUILD_PAGE_STEPS: {BUILD_MODULE}.{step} is gone"
        assert call in inspect.getsource(getattr(module, BUILD_FUNCTION)), f"BUILD_CALLS_PAGE_STEPS: build() no longer calls {call!r}"
    assert "for method in self.events[name]:" in inspect.getsource(PluginCollection.run_event), \
        f"PLUGINS_EVENTS: run_event no longer walks self.{PLUGINS_EVENTS} at each call"
    collection = PluginCollection()
    assert isinstance(getattr(collection, PLUGINS_EVENTS), dict) and isinstance(getattr(collection, PLUGINS_EVENT_ORIGINS), dict), \
        "PLUGINS_EVENTS / PLUGINS_EVENT_ORIGINS: a plugin collection no longer keeps them as dicts"
    assert PLUGINS_EVENT_ORIGINS in inspect.getsource(PluginCollection.run_event), "PLUGINS_EVENT_ORIGINS: no longer read by run_event"


def test_the_build_log_lines_a_child_hides_are_still_printed_by_the_build():
    module = importlib.import_module(BUILD_MODULE)
    assert module.log.name == BUILD_LOGGER, f"BUILD_LOGGER: the build logs to {module.log.name!r}"
    source = source_of(BUILD_MODULE)
    for line in BUILD_LOG_LINES:
        assert f"log.info(f'{line}" in source or f'log.info(f"{line}' in source, f"BUILD_LOG_LINES: {line!r} is no longer logged"


def test_strict_counts_warnings_of_the_mkdocs_logger_and_ours_reach_it():
    from mkdocs.utils import CountHandler

    assert STRICT_COUNTER in source_of(BUILD_MODULE), f"STRICT_COUNTER: build() no longer does {STRICT_COUNTER!r}"
    assert PLUGIN_LOGGER.startswith(LOGGER + "."), "PLUGIN_LOGGER: not under the logger --strict counts"
    with captured() as (records, counter):
        logging.getLogger(PLUGIN_LOGGER).warning("probe")
    assert isinstance(counter, CountHandler) and counter.get_counts() == [("WARNING", 1)], \
        f"PLUGIN_LOGGER: a warning of {PLUGIN_LOGGER} is not counted by --strict"


def test_the_dirty_flags_are_still_command_line_options():
    source = source_of("mkdocs.__main__")
    for flag in DIRTY_FLAGS:
        assert re.search(rf"""click\.option\([^)]*['/]{re.escape(flag)}'""", source), f"DIRTY_FLAGS: {flag} is no longer an option"


def _minimal_site(tmp_path: Path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Первый заголовок\n\nSee [the part](other.md#part).\n", "utf-8")
    (docs / "other.md").write_text("# Other\n\n## Part\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: probe\ndocs_dir: docs\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    return config, get_files(config)


def test_a_rendered_page_keeps_its_title_anchors_and_links_where_the_page_cache_reads_them(tmp_path: Path):
    from mkdocs.structure.pages import Page

    config, files = _minimal_site(tmp_path)
    render = getattr(Page, PAGE_RENDER, None)
    assert callable(render) and list(inspect.signature(render).parameters) == ["self", "config", "files"], \
        f"PAGE_RENDER: Page.{PAGE_RENDER} is now {render}"
    assert BUILD_RENDERS_PAGE in source_of(BUILD_MODULE), f"BUILD_RENDERS_PAGE: the build no longer calls {BUILD_RENDERS_PAGE!r}"
    other = Page(None, files.get_file_from_path("other.md"), config)
    page = Page(None, files.get_file_from_path("index.md"), config)
    for each in (other, page):
        for name in (PAGE_RENDERED_TITLE, PAGE_ANCHOR_IDS, PAGE_ANCHOR_LINKS):
            assert hasattr(each, name), f"{name}: Page has no {name!r} before rendering"
        each.read_source(config)
        each.render(config, files)
    assert getattr(page, PAGE_RENDERED_TITLE) == "Первый заголовок", f"PAGE_RENDERED_TITLE: {vars(page)}"
    assert page.title == "Первый заголовок", "PAGE_RENDERED_TITLE: no longer the title of an untitled page"
    assert "part" in getattr(other, PAGE_ANCHOR_IDS), f"PAGE_ANCHOR_IDS: {getattr(other, PAGE_ANCHOR_IDS)!r}"
    links = getattr(page, PAGE_ANCHOR_LINKS)
    assert links == {other.file: {"part": "other.md#part"}}, f"PAGE_ANCHOR_LINKS: {links!r}"


def test_a_given_title_lives_in_the_page_instance_and_a_rendered_one_does_not(tmp_path: Path):
    from mkdocs.structure.pages import Page

    config, files = _minimal_site(tmp_path)
    given = Page("Given", files.get_file_from_path("index.md"), config)
    untitled = Page(None, files.get_file_from_path("other.md"), config)
    assert vars(given).get(PAGE_GIVEN_TITLE) == "Given", f"PAGE_GIVEN_TITLE: a given title is not in vars(page): {vars(given)}"
    assert PAGE_GIVEN_TITLE not in vars(untitled), "PAGE_GIVEN_TITLE: an untitled page has a title in vars(page)"


def test_the_theme_environment_can_share_compiled_templates_and_listings():
    import jinja2
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    from ogp.build.themecache import _walk

    theme = Theme(name="material")
    assert callable(getattr(theme, THEME_GET_ENV, None)), f"THEME_GET_ENV: Theme has no {THEME_GET_ENV}"
    env = getattr(theme, THEME_GET_ENV)()
    assert isinstance(env.loader, jinja2.FileSystemLoader), f"LOADER_SEARCHPATH: the theme's loader is {type(env.loader)}"
    folders = getattr(env.loader, LOADER_SEARCHPATH, None)
    assert folders and str(MATERIAL_TEMPLATES) in [str(Path(f)) for f in folders], f"LOADER_SEARCHPATH: {folders!r}"
    assert f"self.loader.{LOADER_LIST_TEMPLATES}()" in inspect.getsource(jinja2.Environment.list_templates), \
        f"LOADER_LIST_TEMPLATES: Jinja's Environment.list_templates no longer calls loader.{LOADER_LIST_TEMPLATES}()"
    assert env.list_templates() == sorted(env.loader.list_templates()), "LOADER_LIST_TEMPLATES: the environment lists otherwise"
    theme_files = inspect.getsource(Files.add_files_from_theme)
    for pattern in THEME_HIDDEN_PATTERNS:
        assert pattern in theme_files, f"THEME_HIDDEN_PATTERNS: MkDocs no longer drops theme files matching {pattern}"
    # The quick listing is Jinja's own, less the hidden names MkDocs drops (14,000 icons).
    listed = jinja2.FileSystemLoader([str(MATERIAL_TEMPLATES)]).list_templates()
    visible = {name for name in listed if not any(part.startswith(".") for part in name.split("/"))}
    assert set(_walk(str(MATERIAL_TEMPLATES))) == visible, "LOADER_LIST_TEMPLATES: Jinja names templates otherwise"


def test_the_preview_server_has_the_parts_the_watcher_replaces(tmp_path: Path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:  # not bound (the server binds in serve()), so nothing listens
        assert isinstance(getattr(server, SERVER_WATCHED_PATHS, None), dict), f"SERVER_WATCHED_PATHS: {SERVER_WATCHED_PATHS} is gone"
        assert callable(getattr(server, SERVER_UNWATCH, None)) and callable(server.watch), f"SERVER_UNWATCH: {SERVER_UNWATCH} is gone"
        observer = getattr(server, SERVER_OBSERVER, None)
        assert observer is not None and callable(observer.schedule), f"SERVER_OBSERVER: {SERVER_OBSERVER} is {observer!r}"
        assert isinstance(getattr(server, SERVER_SHUTDOWN_DELAY, None), float), f"SERVER_SHUTDOWN_DELAY: {SERVER_SHUTDOWN_DELAY} is gone"
        assert isinstance(getattr(server, SERVER_BUILD_DELAY, None), float), f"SERVER_BUILD_DELAY: {SERVER_BUILD_DELAY} is gone"
        condition = getattr(server, SERVER_REBUILD_COND, None)
        assert isinstance(condition, threading.Condition), f"SERVER_REBUILD_COND: {SERVER_REBUILD_COND} is {condition!r}"
        assert getattr(server, SERVER_WANT_REBUILD, None) is False, f"SERVER_WANT_REBUILD: {SERVER_WANT_REBUILD} is gone"
        # The build loop waits on that condition for that flag: setting both is how a rebuild is asked for.
        loop = inspect.getsource(getattr(LiveReloadServer, SERVER_BUILD_LOOP))
        assert f"self.{SERVER_REBUILD_COND}" in loop and f"self.{SERVER_WANT_REBUILD}" in loop, \
            f"SERVER_WANT_REBUILD: the build loop no longer waits for self.{SERVER_WANT_REBUILD}"
        server.watch(str(tmp_path))
        assert str(tmp_path) in getattr(server, SERVER_WATCHED_PATHS), "SERVER_WATCHED_PATHS: watch() does not record the path"
        getattr(server, SERVER_UNWATCH)(str(tmp_path))
        assert str(tmp_path) not in getattr(server, SERVER_WATCHED_PATHS), "SERVER_UNWATCH: unwatch() keeps the path"
    finally:
        server.server_close()


def test_the_preview_server_builds_on_the_thread_that_serves_so_a_fork_leaves_only_waiting_threads():
    from mkdocs.livereload import LiveReloadServer

    serve = inspect.getsource(LiveReloadServer.serve)
    assert serve.rstrip().endswith(f"self.{SERVER_BUILD_LOOP}()"), f"SERVER_BUILD_LOOP: serve() no longer runs self.{SERVER_BUILD_LOOP}() itself"
    assert "self.builder()" in inspect.getsource(getattr(LiveReloadServer, SERVER_BUILD_LOOP)), \
        f"SERVER_BUILD_LOOP: {SERVER_BUILD_LOOP} no longer calls the builder"


# --- mkdocs-static-i18n ---------------------------------------------------------------------------


def _i18n_plugin():
    from mkdocs_static_i18n.plugin import I18n

    plugin = I18n()
    errors, _ = plugin.load_config({"docs_structure": "suffix", "languages": [
        {"locale": "mn", "name": "Монгол", "default": True}, {"locale": "en", "name": "English"}]})
    assert errors == [], errors
    return plugin


def test_static_i18n_keeps_its_language_state_where_the_passes_read_it():
    import importlib.metadata

    names = {entry.name for entry in importlib.metadata.entry_points(group="mkdocs.plugins")}
    assert I18N_PLUGIN in names, f"I18N_PLUGIN: no plugin named {I18N_PLUGIN!r}"
    plugin = _i18n_plugin()
    assert getattr(plugin, I18N_BUILDING, None) is False, f"I18N_BUILDING: a new plugin's {I18N_BUILDING} is not False"
    assert hasattr(plugin, I18N_CURRENT_LANGUAGE), f"I18N_CURRENT_LANGUAGE: the plugin has no {I18N_CURRENT_LANGUAGE}"
    assert getattr(plugin, I18N_DEFAULT_LANGUAGE, None) == "mn", f"I18N_DEFAULT_LANGUAGE: {getattr(plugin, I18N_DEFAULT_LANGUAGE, None)!r}"
    assert getattr(plugin, I18N_BUILD_LANGUAGES, None) == ["mn", "en"], f"I18N_BUILD_LANGUAGES: {getattr(plugin, I18N_BUILD_LANGUAGES, None)!r}"
    # Switching a language's `build` off after the configuration is read removes it from the loop.
    setattr(plugin.config.languages[1], I18N_LANGUAGE_BUILD, False)
    assert getattr(plugin, I18N_BUILD_LANGUAGES) == ["mn"], f"I18N_LANGUAGE_BUILD: switched off, {getattr(plugin, I18N_BUILD_LANGUAGES)!r}"


def test_the_loop_a_child_repeats_is_still_static_i18n_s_loop_at_its_priority():
    from mkdocs_static_i18n.plugin import I18n

    priority = getattr(I18n.on_post_build, "mkdocs_priority", 0)
    assert priority == I18N_POST_BUILD_PRIORITY, f"I18N_POST_BUILD_PRIORITY: static-i18n's on_post_build is now at {priority}"
    loop = inspect.getsource(I18n.on_post_build)
    for step in I18N_LOOP_STEPS:
        assert step in loop, f"I18N_LOOP_STEPS: static-i18n's loop no longer does {step!r}"
    for flag in DIRTY_FLAGS:
        assert f'"{flag}" in sys.argv' in loop, f"DIRTY_FLAGS: static-i18n no longer reads {flag} from sys.argv"


def test_static_i18n_sets_file_alternates_and_the_menu_as_an_attribute():
    for module in ("mkdocs_static_i18n.suffix", "mkdocs_static_i18n.folder"):
        assert f"file.{I18N_FILE_ALTERNATES} = " in source_of(module), f"I18N_FILE_ALTERNATES: {module} no longer sets file.{I18N_FILE_ALTERNATES}"
    reconfigure = source_of("mkdocs_static_i18n.reconfigure")
    assert I18N_SETS_EXTRA_ALTERNATE == f"config.extra.{I18N_EXTRA_ALTERNATE} = "
    assert I18N_SETS_EXTRA_ALTERNATE in reconfigure, f"I18N_EXTRA_ALTERNATE: static-i18n no longer sets {I18N_SETS_EXTRA_ALTERNATE!r}"


def test_static_i18n_makes_each_language_s_file_through_a_module_function_a_copy_can_stand_for(tmp_path: Path):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, InclusionLevel

    assert I18N_RECONFIGURE_FILES in source_of("mkdocs_static_i18n.reconfigure"), \
        f"I18N_RECONFIGURE_FILES: static-i18n no longer looks up {I18N_CREATE_FILE} on its module each time"
    create = getattr(importlib.import_module(I18N_SUFFIX_MODULE), I18N_CREATE_FILE)
    assert list(inspect.signature(create).parameters) == ["file", "current_language", "default_language", "all_languages", "config"]
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])
    made = create(File("a/page.en.md", config.docs_dir, config.site_dir, True), "en", "mn", ["mn", "en"], config)
    assert made.url == "en/a/page/" and made.inclusion is InclusionLevel.UNDEFINED
    # Every attribute but the alternates is a plain value a shallow copy may share (ogp/build/i18nfiles.py).
    mutable = {name for name, value in vars(made).items() if not isinstance(value, (str, bool, int, type(None), InclusionLevel))}
    assert mutable == {I18N_FILE_ALTERNATES}, f"I18N_CREATE_FILE: the File it makes now holds {mutable}"


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(f"upstream_test_hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hooks_run_on_the_right_side_of_static_i18n_and_material_search():
    from material.plugins.search.plugin import SearchPlugin

    def priority(function) -> int:
        return getattr(function, "mkdocs_priority", 0)

    material = priority(SearchPlugin.on_post_build)
    assert priority(_hook("parallel").on_post_build) > I18N_POST_BUILD_PRIORITY, "I18N_POST_BUILD_PRIORITY: parallel no longer runs first"
    for name in ("theme_fixes", "site_files", "search", "pagecache"):
        assert priority(_hook(name).on_post_build) < I18N_POST_BUILD_PRIORITY, f"I18N_POST_BUILD_PRIORITY: {name} runs before static-i18n"
    assert priority(_hook("search").on_post_build) < material, "SEARCH_PLUGIN: Material writes its index after hooks/search.py writes ours"


# --- Material -------------------------------------------------------------------------------------


def test_material_search_skips_the_pages_our_index_holds_and_its_header_holds_the_dialog():
    import importlib.metadata

    from material.plugins.search.config import SearchConfig

    names = {entry.name for entry in importlib.metadata.entry_points(group="mkdocs.plugins")}
    assert SEARCH_PLUGIN in names, f"SEARCH_PLUGIN: no plugin named {SEARCH_PLUGIN!r}"
    assert hasattr(SearchConfig, "enabled"), "SEARCH_PLUGIN: Material's search has no 'enabled' option"
    search = source_of("material.plugins.search.plugin")
    assert f'page.meta.get("{SEARCH_META}")' in search, f"SEARCH_META: Material's search no longer reads page.meta[{SEARCH_META!r}]"
    assert SEARCH_SKIPS_EXCLUDED in search and f'"{SEARCH_EXCLUDE}"' in SEARCH_SKIPS_EXCLUDED, \
        f"SEARCH_SKIPS_EXCLUDED: Material's search no longer tests {SEARCH_SKIPS_EXCLUDED!r}"
    header = material_file(HEADER_PARTIAL)
    positions = [header.find(part) for part in SEARCH_HEADER]
    assert -1 not in positions and positions == sorted(positions), f"SEARCH_HEADER: {HEADER_PARTIAL} includes the search dialog otherwise"
    assert f'"{SEARCH_PLUGIN}"' in SEARCH_HEADER[0]


def test_the_search_dialog_tag_is_material_s():
    from ogp.build.theme_fixes import label_search_dialog

    partial = material_file(SEARCH_PARTIAL)
    assert SEARCH_DIALOG in partial, f"SEARCH_DIALOG: {SEARCH_PARTIAL} no longer opens with {SEARCH_DIALOG!r}"
    with captured() as (records, _):
        labelled = label_search_dialog(partial, "mn")
    assert f'{SEARCH_DIALOG} aria-label="Сайтаас хайх">' in labelled and records == [], f"SEARCH_DIALOG: {records}"


def test_the_hreflang_head_tags_are_material_s():
    from ogp.build.theme_fixes import drop_hreflang_head_links

    base = material_file(BASE_TEMPLATE)
    tags = [line for line in base.splitlines(keepends=True) if HREFLANG_ATTRIBUTE in line]
    assert tags, f"HREFLANG_HEAD_LINK: {BASE_TEMPLATE} has no hreflang tag any more"
    # Jinja's expressions filled in, each line is what a page gets, and the pattern takes all of it.
    for tag in tags:
        rendered = re.sub(r"\{\{.*?\}\}", "/x/", tag)
        assert HREFLANG_HEAD_LINK.fullmatch(rendered), f"HREFLANG_HEAD_LINK: does not match {tag.strip()!r}"
    head = "<html><head>\n" + "".join(re.sub(r"\{\{.*?\}\}", "/x/", tag) for tag in tags) + "</head><body>hreflang</body>"
    with captured() as (records, _):
        assert drop_hreflang_head_links(head) == "<html><head>\n</head><body>hreflang</body>"
    assert records == [], f"HREFLANG_HEAD_LINK: {records}"


def test_the_page_config_base_is_what_the_language_fix_rewrites():
    from mkdocs.theme import Theme

    from ogp.render.searchindex import point_page_at_language_root

    base = material_file(BASE_TEMPLATE)
    script = base[base.find('<script id="__config"'):]
    script = script[:script.find("</script>")]
    assert '"base": base_url' in script and "| tojson" in script, f"CONFIG_BASE: {BASE_TEMPLATE}'s __config no longer holds base"
    # Rendered by Material's own environment, the key is written as the fix expects it.
    env = Theme(name="material").get_env()
    rendered = env.from_string('{{ {"base": base_url, "features": []} | tojson }}').render(base_url="..")
    assert f'{CONFIG_BASE}".."' in rendered, f"CONFIG_BASE: tojson writes {rendered!r}"
    assert point_page_at_language_root(rendered, "en") != rendered, "CONFIG_BASE: point_page_at_language_root misses it"


def test_material_s_bundle_loads_from_unpkg_only_in_the_form_the_fix_rewrites():
    from ogp.build.theme_fixes import keep_scripts_on_site

    bundle = material_bundle().read_text("utf-8")
    matches = UNPKG_SCRIPT.findall(bundle)
    assert matches, f"UNPKG_SCRIPT: Material's bundle no longer loads from unpkg.com (drop the patch): {material_bundle()}"
    assert bundle.count("https://unpkg.com/") == len(matches), "UNPKG_SCRIPT: some unpkg.com addresses escape the pattern"
    with captured() as (records, _):
        fixed = keep_scripts_on_site(bundle, "/ogp/", expected=True)
    assert "unpkg.com" not in fixed and records == [], f"UNPKG_SCRIPT: {records}"


def test_material_s_bundle_selects_the_alternate_head_links_it_fetches_sitemaps_for():
    bundle = next((MATERIAL_TEMPLATES / JAVASCRIPTS).glob(BUNDLE_GLOB)).read_text("utf-8")
    assert len(ALTERNATE_LINKS.findall(bundle)) == 1, "ALTERNATE_LINKS: the selector is not in Material's bundle"


def test_material_s_search_worker_wildcards_each_query_term_after_its_pipeline_setup():
    from ogp.build.theme_fixes import stem_search_queries

    workers = list((MATERIAL_TEMPLATES / JAVASCRIPTS).glob(WORKER_GLOB))
    assert len(workers) == 1, f"WORKER_GLOB: {WORKER_GLOB} matches {workers}"
    worker = workers[0].read_text("utf-8")
    assert len(WORKER_WILDCARD.findall(worker)) == 1, "WORKER_WILDCARD: the worker no longer appends * to each query term"
    assert len(WORKER_PIPELINE.findall(worker)) == 1, "WORKER_PIPELINE: the worker's pipeline setup moved"
    with captured() as (records, _):
        fixed = stem_search_queries(worker)
    assert records == [] and fixed.count("self.ogpStem") == 2


def test_material_keeps_one_macro_file_per_language_with_its_direction():
    # ogp init writes one for a language Material lacks; base.html reads "direction" from it.
    assert (MATERIAL_LANGUAGES / "en.html").is_file(), f"MATERIAL_LANGUAGES: {MATERIAL_LANGUAGES}"
    assert '"direction": "rtl"' in (MATERIAL_LANGUAGES / "ar.html").read_text("utf-8"), "MATERIAL_LANGUAGES: no direction"
    assert 'lang.t("direction")' in (MATERIAL_TEMPLATES / "base.html").read_text("utf-8"), "MATERIAL_LANGUAGES: base.html"
    assert 'partials/languages/" ~ config.theme.language' in (MATERIAL_TEMPLATES / "partials/language.html").read_text("utf-8")


def test_material_ships_its_lunr_languages_and_the_static_templates_the_hooks_handle():
    from mkdocs.theme import Theme

    folder = MATERIAL_TEMPLATES / LUNR_LANGUAGES
    assert folder.is_dir() and list(folder.glob("*.js")), f"LUNR_LANGUAGES: Material has no {LUNR_LANGUAGES}"
    static = Theme(name="material").static_templates
    for name in (TEMPLATE_404, TEMPLATE_SITEMAP):
        assert name in static, f"TEMPLATE_{'404' if name == TEMPLATE_404 else 'SITEMAP'}: {name} is not a static template: {static}"


# --- the patch helper -----------------------------------------------------------------------------


@contextmanager
def captured():
    """Warnings reaching MkDocs' logger (as ``build --strict`` sees them), and a strict-mode counter."""
    from mkdocs.utils import CountHandler

    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    logger = logging.getLogger(LOGGER)
    keep, counter = Keep(logging.WARNING), CountHandler()
    counter.setLevel(logging.WARNING)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(keep)
    logger.addHandler(counter)
    upstream.contracts.new_pass()
    try:
        yield records, counter
    finally:
        logger.removeHandler(keep)
        logger.removeHandler(counter)
        logger.setLevel(level)
        upstream.contracts.new_pass()


def test_a_patch_that_matches_nothing_warns_naming_its_contract():
    with captured() as (records, counter):
        assert upstream.patch("<p>x</p>", SEARCH_DIALOG, "y", "SEARCH_DIALOG") == "<p>x</p>"
    assert [r.levelno for r in records] == [logging.WARNING] and counter.get_counts() == [("WARNING", 1)]
    assert records[0].name.startswith(PLUGIN_LOGGER) and "SEARCH_DIALOG" in records[0].getMessage()


def test_a_pattern_or_function_that_matches_nothing_warns_too_and_a_match_is_silent():
    with captured() as (records, _):
        assert upstream.patch("abc", re.compile("b"), "B", "UNPKG_SCRIPT") == "aBc"
        assert upstream.patch("abab", "a", "A", "SEARCH_DIALOG", count=1) == "Abab"
        assert upstream.patch("abc", "zz", "y", "SEARCH_DIALOG", expected=False) == "abc"
    assert records == []
    with captured() as (records, _):
        upstream.patch("abc", re.compile("z"), "", "UNPKG_SCRIPT")
        upstream.patched_by("<html>", str.replace, "x", "y", contract="CONFIG_BASE")
    assert [("UNPKG_SCRIPT" in r.getMessage(), "CONFIG_BASE" in r.getMessage()) for r in records] == [(True, False), (False, True)]


def test_a_broken_contract_is_reported_once_a_pass():
    with captured() as (records, counter):
        for _ in range(3):
            upstream.patch("page", SEARCH_DIALOG, "x", "SEARCH_DIALOG")
        assert len(records) == 1
        upstream.contracts.new_pass()
        upstream.patch("page", SEARCH_DIALOG, "x", "SEARCH_DIALOG")
    assert len(records) == 2 and counter.get_counts() == [("WARNING", 2)]


def test_the_theme_fixes_warn_when_material_s_markup_moves(tmp_path: Path):
    from ogp.build.theme_fixes import fix_page, fix_theme_bundles, unused_assets

    good = ('<html><head>\n<link rel="alternate" href="/en/" hreflang="en">\n</head><body>'
            f'{SEARCH_DIALOG}>\n</div><script id="__config">{{{CONFIG_BASE}"."}}</script></body></html>')
    with captured() as (records, _):
        fix_page(good, "en")
        fix_page("<html><head></head><body>no search here</body></html>", "en", search=False)
    assert records == [], [r.getMessage() for r in records]
    moved = good.replace('data-md-component="search" role="dialog"', 'role="dialog" data-md-component="search"')
    moved = moved.replace('href="/en/" hreflang="en"', 'hreflang="en" href="/en/"')
    with captured() as (records, _):
        fix_page(moved, "en")
    named = sorted(re.search(r"contract (\w+)", r.getMessage()).group(1) for r in records)
    assert named == ["HREFLANG_HEAD_LINK", "SEARCH_DIALOG"], named
    site = tmp_path / "site"
    (site / JAVASCRIPTS / "workers").mkdir(parents=True)
    (site / JAVASCRIPTS / "bundle.0000.min.js").write_text('load("https://cdn.example.org/x.js")', "utf-8")
    (site / JAVASCRIPTS / "workers/search.0000.min.js").write_text("no loaders here", "utf-8")
    with captured() as (records, _):
        fix_theme_bundles(site, "/")
        unused_assets(["assets/javascripts/bundle.0000.min.js"], ["en"])
        fix_theme_bundles(tmp_path / "empty", "/")
    named = [re.search(r"contract (\w+)", r.getMessage()).group(1) for r in records]
    assert named == ["UNPKG_SCRIPT", "ALTERNATE_LINKS", "WORKER_PIPELINE", "WORKER_WILDCARD", "LUNR_LANGUAGES", "BUNDLE_GLOB"], named


# --- the build glue keeps every contract here -----------------------------------------------------

GLUE = sorted([*(ROOT / "ogp/build").glob("*.py"), *(ROOT / "hooks").glob("*.py")])
# Attribute names of upstream objects that the glue must take from upstream.py, never write as `x.name`.
# (PAGE_GIVEN_TITLE is left out: `page.title` is MkDocs' public property; only vars(page) needs it.)
PRIVATE_ATTRIBUTES = {CLEAN_DIRECTORY, PAGE_RENDER, PAGE_RENDERED_TITLE, PAGE_ANCHOR_IDS, PAGE_ANCHOR_LINKS, THEME_GET_ENV,
                      LOADER_SEARCHPATH, LOADER_LIST_TEMPLATES, SERVER_WATCHED_PATHS, SERVER_UNWATCH, SERVER_OBSERVER,
                      SERVER_SHUTDOWN_DELAY, SERVER_REBUILD_COND, SERVER_WANT_REBUILD, SERVER_BUILD_DELAY, SERVER_BUILD_LOOP,
                      I18N_BUILDING, I18N_CURRENT_LANGUAGE, I18N_DEFAULT_LANGUAGE, I18N_BUILD_LANGUAGES, I18N_LANGUAGE_BUILD,
                      I18N_FILE_ALTERNATES, I18N_EXTRA_ALTERNATE}
# Texts of upstream packages that must not be written inline either (template names are left out: the
# same names are our own output files, "404.html", "sitemap.xml").
UPSTREAM_TEXTS = {SEARCH_DIALOG, CONFIG_BASE, HREFLANG_HEAD_LINK.pattern, UNPKG_SCRIPT.pattern, *BUILD_LOG_LINES, *DIRTY_FLAGS,
                  LOGGER, BUILD_LOGGER, I18N_PLUGIN, SEARCH_PLUGIN, BUNDLE_GLOB, LUNR_LANGUAGES}


def inline_uses(source: str) -> list[str]:
    """Where a module writes a private attribute or an upstream text itself instead of naming its constant."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES:
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in UPSTREAM_TEXTS:
            found.append(f"{node.lineno}: {node.value!r}")
    return found


def test_the_glue_names_upstream_details_only_through_upstream_py():
    wrong = [f"{path.relative_to(ROOT)}:{use}" for path in GLUE if path.name != "upstream.py"
             for use in inline_uses(path.read_text("utf-8"))]
    assert wrong == [], "take these from ogp/build/upstream.py:\n" + "\n".join(wrong)


def test_the_inline_check_itself_sees_attributes_and_texts():
    # A check that cannot fail is a defect: it must see each form it forbids, and not the public title.
    sample = 'page._title_from_render = 1\nif "--dirty" in argv:\n    server._rebuild_cond.notify_all()\nx = page.title\n'
    assert sorted(use.split(": ", 1)[1] for use in inline_uses(sample)) == ["'--dirty'", "._rebuild_cond", "._title_from_render"]


def contract_names_in_patches() -> dict[str, str]:
    """Every contract name the glue passes to patch(), patched_by() or broken(), with where."""
    found = {}
    for path in GLUE:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            args = {"patch": node.args[3:4], "broken": node.args[:1]}.get(name, [])
            args += [k.value for k in node.keywords if k.arg == "contract" and name in ("patch", "patched_by")]
            for arg in args:
                if isinstance(arg, ast.Constant):
                    found[arg.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_every_patch_names_a_contract_of_upstream_py():
    found = contract_names_in_patches()
    # The scan must see the patches it is meant to check, or this test proves nothing.
    assert {"SEARCH_DIALOG", "HREFLANG_HEAD_LINK", "UNPKG_SCRIPT", "CONFIG_BASE", "BUNDLE_GLOB", "LUNR_LANGUAGES"} <= set(found), found
    unknown = {name: where for name, where in found.items() if not name.isupper() or not hasattr(upstream, name)}
    assert unknown == {}, f"patches naming no contract of ogp/build/upstream.py: {unknown}"


def test_every_contract_of_upstream_py_is_checked_here():
    names = [name for name, value in vars(upstream).items() if name.isupper() and not callable(value)]
    assert len(names) > 40, names
    body = Path(__file__).read_text("utf-8")
    body = body[body.index("# --- MkDocs ---"):]  # the checks, not the import list
    unchecked = [name for name in names if not re.search(rf"\b{name}\b", body)]
    assert unchecked == [], f"contracts of ogp/build/upstream.py with no check in this file: {unchecked}"


# --- watched every week -----------------------------------------------------------------------------


def _workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github/workflows" / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_a_weekly_workflow_runs_these_checks_on_the_newest_allowed_releases():
    workflow = _workflow("upgrades.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    minute, hour, day, month, weekday = workflow["on"]["schedule"][0]["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "once a week"
    runs = "\n".join(line for job in workflow["jobs"].values() for step in job["steps"]
                     for line in step.get("run", "").splitlines() if not line.strip().startswith("#"))
    install = runs[:runs.index("tests/test_upstream.py")]
    # The newest releases pyproject.toml's ranges allow: never requirements.txt's pins.
    assert "pip install" in install and " -e ." in install and "grep -E '^[A-Za-z0-9]' requirements-dev.txt | cut -d' ' -f1" in install
    assert "make install" not in install and "-r requirements.txt" not in install
    assert "make check" in runs and runs.index("tests/test_upstream.py") < runs.index("make check")
    dependabot = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text("utf-8"))
    assert dependabot["version"] == 2
    assert {(u["package-ecosystem"], u["directory"], u["schedule"]["interval"]) for u in dependabot["updates"]} == {
        ("pip", "/", "weekly"), ("github-actions", "/", "weekly")}

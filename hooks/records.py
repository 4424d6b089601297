"""MkDocs hook: validate the records, then generate their pages, before the site is built.

Thin adapter: checks live in ``ogp.records.validate``, pages in ``ogp.render.site`` and
``ogp.render.dashboard``. static-i18n runs the whole build once per language; records
and generated files do not depend on the language, so they are produced in the
default-language pass and reused by the others.
"""
import html
import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ogp.build import buildlog, parallel, passes, sitemap, upstream
from ogp.build.languages import language_problems
from ogp.facts.history import HistoryError
from ogp.facts.publications import PublicationLogError
from ogp.records.errors import for_reader, format_problems, message_language
from ogp.records.repository import use_repository
from ogp.records.settings import SettingsError, read_settings
from ogp.records.validate import render, validate
from ogp.render.dashboard import MARKER, dashboard
from ogp.render.finder import finder_index, indexed, indexing_alongside, remember_indexes, stop_indexing
from ogp.render.labels import label
from ogp.render.md import summary
from ogp.render.site import generate, page_dates, today_from_env
from ogp.render.write import MARKER as GENERATED
from ogp.render.write import HandWrittenFileError
from ogp.words import keys, languages, missing, path_prefix, say
from ogp.words import language as language_of

SITE_WORDS = ("built-with", "source", "not-found", "not-found-text", "not-found-short", "not-found-home")
log = logging.getLogger(upstream.PLUGIN_LOGGER)


class _Records:
    """What the outer pass derived from the records, for the later events and passes of this process."""

    def __init__(self) -> None:
        self.model = None  # the facts model of the last records checked (ogp.facts.model)
        self.indexed: dict = {}  # in a child: the finder index it made, sent back for the parent to remember


_records = _Records()
# A preview forks a new child for every rebuild: what the last one indexed saves the next one the work.
parallel.channel("finder", lambda: _records.indexed, remember_indexes)


@event_priority(2000)  # before every other hook: they all work in the repository's languages
def on_config(config):
    """Read the repository's settings (``ogp.yml``); stop when they are bad or ``mkdocs.yml`` disagrees."""
    try:
        repository = use_repository(Path(config.config_file_path).parent)
        repo_url = read_settings().repo_url  # and a bad OGP_* value stops the build here, named
    except SettingsError as err:
        raise PluginError("\n" + str(err)) from None
    problems = language_problems(config, repository.languages)
    # The words per language of the footer (theme_overrides/partials/copyright.html) and of the 404 page
    # (theme_overrides/404.html), each language's home and direction, and the source repository.
    config.extra["ogp"] = {"words": {code: {name.replace("-", "_"): say(f"site.{name}", code) for name in SITE_WORDS}
                                     for code in repository.languages},
                           "languages": [{"code": code, "home": path_prefix(code), "dir": language_of(code)["dir"]}
                                         for code in repository.languages],
                           "repository": repo_url}
    config.extra["generator"] = False  # Material's own credit line, English on every page
    if problems:
        raise PluginError("\n" + render(problems, "text", message_language()))
    if passes.current(config).outer:
        for code in repository.languages:
            if left := missing(code):  # shown in English until words/<code>.yml translates them
                log.info(buildlog.line("untranslated", lang=code, count=len(left), total=len(keys())))
    return config


def on_pre_build(config):
    """Stop the build on any record problem; otherwise write the generated pages."""
    if not passes.current(config).outer:
        return
    root = Path(config.config_file_path).parent
    started = time.perf_counter()
    try:
        read_settings()  # once, first: a bad OGP_* value stops the build with its name and the fix
    except SettingsError as err:
        raise PluginError("\n" + str(err)) from None
    today = today_from_env()
    data, problems = validate(root, today)
    if problems:
        raise PluginError("\n" + render(problems, "text", message_language()))
    if data.warnings:  # recommendations: said in the log (a warning seen often, once with its count), never failing the build
        for text in format_problems(data.warnings, message_language()).splitlines():
            log.info("ogp: %s", text.strip())
    files = sum(1 for records in data.records.values() for r in records if r.parent is None)
    log.info(buildlog.line("records_valid", count=files, seconds=time.perf_counter() - started))
    try:
        _records.model, found = generate(data, Path(config.docs_dir), today, config.site_url or "")
        sitemap.use_dates(page_dates(_records.model, found))
    except (HandWrittenFileError, HistoryError, PublicationLogError) as err:
        raise PluginError(for_reader(err)) from None
    # Missed requirements are reported, not fatal: a past miss cannot be repaired by a
    # pull request, and the site must still publish it.
    lang = message_language()
    for rid in found.report.missed():
        log.info(buildlog.line("requirement_missed", lang, rid=rid, found=found.report.verdicts[rid].found[lang]))
    for deadline in found.report.overdue():
        log.info(buildlog.line("deadline_overdue", lang, plan=deadline["plan"], kind=label("deadline", deadline["kind"], lang),
                               state=deadline["state"][lang]))
    if found.history_error:
        log.info("ogp: %s", for_reader(found.history_error))


def on_post_build(config):
    """Write the finder's index of this pass's language into the site (only the finder's script reads it).

    Each process builds the index of its own language, as it ends its pages.
    When another process built every language's index (``start_indexing``, large
    repositories), the parent takes them all and writes the children's too: a
    child cannot wait for a process it did not start.
    """
    if _records.model is None:
        return
    helped = indexing_alongside()
    if parallel.in_child() and helped:
        return
    now = passes.current(config)
    own = now.language or languages()[0]
    targets = [(own, now.prefix)]
    if now.outer and helped:
        targets += [(language, f"{language}/") for language in sorted(parallel.forked_languages())]
    for language, prefix in targets:
        folder = Path(config.site_dir) / prefix / "finder"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.json").write_bytes(finder_index(_records.model, language))
    if parallel.in_child():
        _records.indexed = {own: indexed(own)}


def on_page_markdown(markdown, page, config, files):
    """Drop the generator's marker line; put the dashboard, in the page's language, where a page asks for it."""
    if markdown.startswith(GENERATED):
        # MkDocs takes a page's title from its first element only when it is the h1:
        # with the marker first, every generated page was titled after its file name.
        markdown = markdown[len(GENERATED):].lstrip("\n")
    if page.meta is not None:
        # One description per page (its own, or its first paragraph): search results and shared links show it.
        # The theme prints it into an attribute as it is: escaped here, quotes included, whoever wrote it.
        given = str(page.meta.get("description") or "")
        page.meta["description"] = html.escape(html.unescape(given) or summary(markdown), quote=True) or None
    if page.meta is not None:  # theme_overrides/main.html links the feed of the page's language
        page.meta["ogp_feed"] = path_prefix(passes.current(config).language or languages()[0]) + "feed.xml"
    if MARKER in markdown and _records.model is not None:
        return markdown.replace(MARKER, dashboard(_records.model, passes.current(config).language or languages()[0]))
    return markdown


def on_build_error(error):
    """A failed build drops the finder's indexes another process was still building for it.

    Only the process that started that work stops it: a language's child inherits the note of it, not the work.
    """
    if not parallel.in_child():
        stop_indexing()

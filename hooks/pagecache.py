"""MkDocs hook: a preview server reuses pages whose inputs did not change (see ``ogp.build.pagecache``).

The events wrap the other hooks: the key is taken after every ``page_markdown``
change (lowest priority), the rendering is captured before any ``page_content``
change (highest priority), and the output after every ``post_page`` change
(lowest priority), so the hooks that fix pages skip a replayed one.
"""
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from ogp.build import buildlog, i18nfiles, pagecache, passes, shutdown, sitekeep, themecache, upstream
from ogp.records.load import remember_reads

log = logging.getLogger(upstream.PLUGIN_LOGGER)
_recorder = pagecache.Recorder()


def on_startup(command, dirty):
    """Only ``mkdocs serve`` (without --dirty, which has its own shortcuts) reuses pages, records read,
    static-i18n's Files and the site folder's unchanged files: a build makes each once."""
    pagecache.enable(command == "serve" and not dirty)
    i18nfiles.install(pagecache.enabled())
    remember_reads(pagecache.enabled())
    sitekeep.install(pagecache.enabled())


@event_priority(1000)  # before Material's search plugin makes its first environment
def on_config(config):
    """List and compile the theme's templates once per process, not once per language and rebuild."""
    themecache.install(config.theme, Path(config.config_file_path).parent)
    i18nfiles.begin()
    return config


def on_serve(server, config, builder):
    """Hear saved files at once (not by polling), and not the pages the build itself writes."""
    from ogp.build.serving import use_native_watcher, watch_docs_ignoring_generated  # watchdog: 30 ms a build would import for nothing

    setattr(server, upstream.SERVER_BUILD_DELAY, 0.05)  # MkDocs waits this long after the last change before rebuilding (0.1 s)
    use_native_watcher(server)
    watch_docs_ignoring_generated(server, config.docs_dir)
    return server


@event_priority(-1000)
def on_nav(nav, config, files):
    """Hash what every page depends on, once this pass knows its files and navigation."""
    if pagecache.enabled():
        pagecache.begin(config, files, nav, passes.current(config).language)
    return nav


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    """A known page is not rendered (its ``render`` restores the cache); an unknown one is watched for messages."""
    if not pagecache.enabled():
        return markdown
    page.ogp_cache_key = pagecache.page_key(page, markdown)
    hit = page.ogp_cache_hit = pagecache.lookup(page.ogp_cache_key)
    if hit is not None:
        # MkDocs calls page.render next; on this one page it restores instead of converting.
        setattr(page, upstream.PAGE_RENDER, lambda config, files: pagecache.restore(page, hit, files))
        return markdown
    _recorder.records = []
    logging.getLogger(upstream.LOGGER).addHandler(_recorder)
    return markdown


@event_priority(1000)
def on_page_content(html, page, config, files):
    """Restore a known page; remember what an unknown one became."""
    if not pagecache.enabled() or not hasattr(page, "ogp_cache_key"):
        return html
    if page.ogp_cache_hit is not None:
        return html  # restored by page.render (see on_page_markdown)
    logging.getLogger(upstream.LOGGER).removeHandler(_recorder)
    page.ogp_cache_new = pagecache.capture(page, list(_recorder.records))
    return html


@event_priority(1000)  # before static-i18n (50) and Material's search (0)
def on_page_context(context, page, config, nav):
    """A replayed page's output is final: its HTML is not read again (Material's search would rewrite it)."""
    if pagecache.replayed(page):
        page.content = ""
    return context


@event_priority(-1000)
def on_post_page(output, page, config):
    """Keep the final output of a newly rendered page (after every other hook's fixes)."""
    entry = getattr(page, "ogp_cache_new", None)
    if entry is not None:
        pagecache.complete(page.ogp_cache_key, entry, page.content, output)
    return output


@event_priority(-300)
def on_post_build(config):
    """After the outer pass (every language built): keep the compiled templates, forget pages no longer in the
    site, and delete from a kept site folder what this build did not write."""
    if passes.current(config).outer:
        themecache.save()
        if sitekeep.installed():
            sitekeep.sweep(config.site_dir)
    if pagecache.enabled() and passes.current(config).outer:
        counts = pagecache.prune()
        log.info(buildlog.line("pages_reused", hits=counts["hits"], misses=counts["misses"]))


def on_build_error(error):
    """A failed build keeps nothing it half made."""
    logging.getLogger(upstream.LOGGER).removeHandler(_recorder)


def on_shutdown():
    """Leave the bytecode of what this run imported for the next run, and exit without a last collection
    (``ogp.build.shutdown``)."""
    shutdown.finish()

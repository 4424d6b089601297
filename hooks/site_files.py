"""MkDocs hook: the sitemap and the root 404 page are written once, not by every language pass.

Thin adapter: the sitemap lives in ``ogp.build.sitemap``. The 404 page of a
language other than the first goes to ``<lang>/404.html``; the root
``404.html`` (the one GitHub Pages serves for every missing address) is the
first language's, speaking every language by ``theme_overrides/404.html``.
"""
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from ogp.build import passes, sitemap, upstream
from ogp.build.theme_fixes import fix_page


def on_env(env, config, files):
    """Every page is read by now: record this language's pages for the sitemap."""
    sitemap.record(passes.current(config).language, files, config.site_url or "")
    return env


def on_template_context(context, template_name, config):
    """The 404 page's language switcher leads to each language's home page.

    static-i18n leaves it pointing at the counterpart of the last page rendered.
    """
    i18n = config.plugins.get(upstream.I18N_PLUGIN)
    if template_name == upstream.TEMPLATE_404 and i18n is not None:
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        default = getattr(i18n, upstream.I18N_DEFAULT_LANGUAGE)
        # static-i18n sets the menu as an attribute of config.extra (what the template
        # reads), not as its item.
        menu = getattr(config.extra, upstream.I18N_EXTRA_ALTERNATE, None) or config.extra.get(upstream.I18N_EXTRA_ALTERNATE)
        for entry in menu or []:
            entry["link"] = root if entry.get("lang") == default else f"{root}{entry.get('lang')}/"
    return context


def on_post_template(output_content, template_name, config):
    """Keep the theme's sitemap and the other languages' 404 pages from overwriting one shared file."""
    if template_name == upstream.TEMPLATE_SITEMAP:
        return ""  # written once, in on_post_build
    if template_name != upstream.TEMPLATE_404:
        return output_content
    # The 404 page gets the fixes every page gets (hooks/theme_fixes.py).
    search = upstream.has_search_dialog(config)
    output_content = fix_page(output_content, config.theme.get("language", "en"), search)
    now = passes.current(config)
    if not now.outer:
        target = Path(config.site_dir) / now.language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output_content.encode("utf-8"))
        return ""
    return output_content


@event_priority(-160)  # after every language is built: in a child (-50) or by static-i18n (-100)
def on_post_build(config):
    """Write the sitemap of all languages, first language first."""
    now = passes.current(config)
    if not now.outer:
        return
    i18n = config.plugins.get(upstream.I18N_PLUGIN)
    order = [now.language] + ([lang.locale for lang in i18n.config.languages if lang.locale != now.language] if i18n else [])
    sitemap.write(Path(config.site_dir), order)
    sitemap.write_robots(Path(config.site_dir), config.site_url or "")

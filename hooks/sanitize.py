"""MkDocs hook: every page body goes through the allow-list of ``ogp.render.sanitize``, and every title is made safe.

After cleaning, wide tables are marked to be read as cards on a phone (``ogp.render.tables``).
"""
from ogp.build.pagecache import replayed
from ogp.build.upstream import PAGE_RENDERED_TITLE
from ogp.render.sanitize import clean_html, safe_title
from ogp.render.tables import stackable_tables


def on_page_content(html, page, config, files):
    """Clean the page's HTML and its title (from front matter or its first heading), before the theme prints them."""
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = safe_title(page.meta["title"])
    rendered = getattr(page, PAGE_RENDERED_TITLE)  # MkDocs keeps the first heading's text here, unescaped
    if rendered:
        setattr(page, PAGE_RENDERED_TITLE, safe_title(rendered))
    if replayed(page):
        return html  # a preview's replayed page holds the HTML this hook cleaned when it was rendered
    return stackable_tables(clean_html(html))

"""MkDocs hook: every page body goes through the allow-list of ``ogp.sanitize``."""
from ogp.sanitize import clean_html


def on_page_content(html, page, config, files):
    """Clean the page's HTML after Markdown has made it, before the theme wraps it."""
    return clean_html(html)

"""Page HTML reduced to a small allow-list: nothing from a pull request can run in a visitor's browser.

Pages and records arrive by pull request. After Markdown becomes HTML, every
page body goes through this allow-list (nh3, the Python binding of the Rust
sanitiser ammonia): no script, iframe, object, embed or style elements, no
event-handler or style attributes, no ``javascript:``/``vbscript:``/``data:``
addresses, however they are encoded. The theme's own markup (navigation,
search, Material's scripts) is outside the page body and is not touched.
"""
from __future__ import annotations

import html

import nh3

_TEXT = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp", "em",
         "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "q", "cite", "span",
         "div", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption", "table", "thead", "tbody",
         "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "details", "summary", "progress", "time"}
ALLOWED_TAGS = frozenset(_TEXT)
# Attributes allowed on every element; `lang` marks text in the other language.
_GENERIC = {"id", "class", "lang", "dir", "title"}
ALLOWED_ATTRIBUTES = {
    "*": _GENERIC,
    "a": _GENERIC | {"href", "hreflang"},
    "img": _GENERIC | {"src", "alt", "width", "height", "loading"},
    "th": _GENERIC | {"colspan", "rowspan", "scope", "align"},
    "td": _GENERIC | {"colspan", "rowspan", "align"},
    "ol": _GENERIC | {"start", "reversed", "type"},
    "progress": _GENERIC | {"value", "max", "aria-label"},
    "time": _GENERIC | {"datetime"},
    "details": _GENERIC | {"open"},
    "abbr": _GENERIC,
    "div": _GENERIC | {"data-form-label", "data-year-label", "data-type-label", "data-all-label", "data-count-label"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def _local_images_only(tag: str, attribute: str, value: str) -> str | None:
    # An image from another host would be fetched by every visitor's browser: a third-party
    # request. Links may point anywhere; images must be the site's own files.
    if tag == "img" and attribute == "src":
        lowered = value.strip().lower()
        if lowered.startswith("//") or ":" in lowered.split("/", 1)[0]:
            return None
    return value


def clean_html(html: str) -> str:
    """The page body with everything outside the allow-list removed (text is kept, escaped)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener",
        strip_comments=True,
        attribute_filter=_local_images_only,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select"},
    )


def safe_title(title: str) -> str:
    """A page title the theme can print as it is, in text and in ``<title>``.

    Material prints titles without escaping, and its ``<title>`` passes them
    through Jinja's ``striptags``, which turns entities back into characters:
    an escaped ``&lt;/title&gt;&lt;script&gt;`` would come out as markup. So
    the angle brackets become look-alike quotation marks (‹ ›), which no filter
    turns back, and ``&`` is escaped once. MkDocs hands over a heading's text
    already escaped, a front-matter title as written: both are unescaped first.
    """
    return html.unescape(str(title)).replace("&", "&amp;").replace("<", "‹").replace(">", "›")

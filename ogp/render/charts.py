"""Charts as HTML drawn at build time: the site's own font and size, readable on any screen, without JavaScript.

A bar is a list item: its label and its number are text (what a screen reader reads and a phone shows
at the page's size), the bar only draws the number. The bar's length is one of 21 classes
(``ogp-w0`` … ``ogp-w100``, in steps of 5 %) because page bodies pass an HTML allow-list that keeps
``class`` but never ``style`` or SVG. The colours are in ``ogp.css`` (at least 3:1 against white,
WCAG 1.4.11). Every chart is paired with a table of its numbers on the page.
"""
from __future__ import annotations

import html

STEP = 5  # per cent: the bar classes' step


def bar_list(bars: list[tuple[str, str, int]]) -> str:
    """Horizontal bars: ``bars`` are (key, label, value); the key (a status) picks the colour."""
    top = max((value for _, _, value in bars), default=0) or 1
    items = []
    for key, text, value in bars:
        width = round(100 * value / top / STEP) * STEP
        items.append(f'<li class="ogp-bars__item ogp-bars--{html.escape(key)}"><span class="ogp-bars__label">{html.escape(text)}</span>'
                     f'<span class="ogp-bars__track"><span class="ogp-bars__bar ogp-w{width}"></span></span>'
                     f'<span class="ogp-bars__value">{value}</span></li>')
    return f'<ul class="ogp-bars">{"".join(items)}</ul>'

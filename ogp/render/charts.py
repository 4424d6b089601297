"""Static SVG charts drawn at build time: readable without JavaScript, with a text alternative.

Every chart is paired with a table of its numbers on the page; the SVG itself
carries a title and a description for screen readers.
"""
from __future__ import annotations

import html

# Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
PALETTE = {"completed": "#2e7d32", "in-progress": "#1565c0", "delayed": "#c62828", "not-completed": "#8e24aa",
           "not-started": "#616161", "cancelled": "#6d4c41"}


def bar_chart(bars: list[tuple[str, str, int]], title: str, description: str, chart_id: str = "chart") -> str:
    """A horizontal bar chart: ``bars`` are (key, label, value); the key picks the colour."""
    width, bar_height, gap, label_width = 640, 26, 10, 220
    top = max((value for _, _, value in bars), default=0) or 1
    height = len(bars) * (bar_height + gap) + gap
    parts = [
        f'<svg class="ogp-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html.escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{html.escape(description)}</desc>',
    ]
    for i, (key, text, value) in enumerate(bars):
        y = gap + i * (bar_height + gap)
        length = round((width - label_width - 60) * value / top)
        colour = PALETTE.get(key, "#37474f")
        parts += [
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.7:.0f}" text-anchor="end" font-size="15" fill="#212121">{html.escape(text)}</text>',
            f'<rect x="{label_width}" y="{y}" width="{max(length, 2)}" height="{bar_height}" fill="{colour}"></rect>',
            f'<text x="{label_width + max(length, 2) + 6}" y="{y + bar_height * 0.7:.0f}" font-size="15" fill="#212121">{value}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)

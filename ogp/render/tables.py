"""Tables that a phone can read: each row becomes a card of "header: value" lines on a narrow screen.

A table of records with three or more columns is wider than a 320 px screen. Letting words break
anywhere made "Хэрэгжиж байна" into "Хэрэгжи/ж байна"; letting the table scroll sideways hides
columns and needs keyboard focus (axe ``scrollable-region-focusable``). Here every body cell of such a
table is given its column's header as ``data-label``, and the table ``data-ogp-stack``; ``ogp.css``
stacks the cells under their labels below Material's tablet width and keeps the table on wider screens
and on paper. The roles are written out (``role="table"`` …) because a browser may drop a table's
semantics once its cells are displayed as blocks, and a screen reader would lose the headers.
"""
from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEADER = re.compile(r"<th( [^>]*)?>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td( [^>]*)?>")
_HEAD_CELL = re.compile(r"<th(?=[ >])")
_TAGS = re.compile(r"<[^>]+>")
MIN_COLUMNS = 3  # a two-column table (a fact and its value) fits any screen


def _label(cell_html: str) -> str:
    return html.escape(" ".join(html.unescape(_TAGS.sub("", cell_html)).split()), quote=True)


def _stack(match: re.Match) -> str:
    inner = match.group(1)
    head = _HEAD.search(inner)
    headers = [_label(text) for _, text in _HEADER.findall(head.group(1))] if head else []
    if len(headers) < MIN_COLUMNS:
        return match.group(0)

    def row(found: re.Match) -> str:
        cells = iter(headers)

        def cell(c: re.Match) -> str:
            label = next(cells, "")
            return f'<td role="cell" data-label="{label}"{c.group(1) or ""}>'

        return f'<tr role="row">{_CELL.sub(cell, found.group(1))}</tr>'

    body = _ROW.sub(row, inner[head.end():]).replace("<tbody>", '<tbody role="rowgroup">')
    heading = _HEAD_CELL.sub('<th role="columnheader"', head.group(0)).replace("<tr>", '<tr role="row">')
    heading = heading.replace("<thead>", '<thead role="rowgroup">')
    return f'<table role="table" data-ogp-stack="">{inner[:head.start()]}{heading}{body}</table>'


def stackable_tables(page_html: str) -> str:
    """Mark every table of ``MIN_COLUMNS`` or more columns to be stacked on a phone, its cells labelled."""
    return _TABLE.sub(_stack, page_html) if "<table>" in page_html else page_html

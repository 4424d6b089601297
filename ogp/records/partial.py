"""Dates as coarse as the sources give them: a year (``2026``), a month (``2023-12``) or a day.

Real plans and trackers often give a deadline as a month or a year. Such a
date is kept as written, never filled in with an invented day: it shows as
written, and it compares as the last day of its period (a deadline of
``2023-12`` is overdue from 1 January 2024), while ``first`` is the first day
(a completion in ``2026`` is not "in the future" during 2026).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

# What a partial-date field accepts; also the pattern given to frictionless and the data package.
PATTERN = r"(19|20|21)[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"  # years 1900-2199
_FULL = re.compile(PATTERN)


class PartialDate(dt.date):
    """The last day of a year or month, that remembers it is one (``precision``: year, month or day)."""

    # Class defaults: ``date.replace`` and arithmetic make plain days of this type.
    precision = "day"
    _first: dt.date | None = None

    @property
    def first(self) -> dt.date:
        """The first day of the period (the day itself for a full date)."""
        return self._first or dt.date(self.year, self.month, self.day)

    def __reduce__(self):  # pickled as written, so the precision survives
        return parse_partial, (self.isoformat(),)

    def isoformat(self) -> str:  # the text as written: 2026, 2023-12 or 2023-12-15
        """The date as written: ``2026``, ``2023-12`` or ``2023-12-15``."""
        full = dt.date.isoformat(self)
        return {"year": full[:4], "month": full[:7]}.get(self.precision, full)

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"


def parse_partial(text: str) -> PartialDate | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a PartialDate; None for anything else (or an impossible date)."""
    if not isinstance(text, str) or not _FULL.fullmatch(text):
        return None
    parts = [int(p) for p in text.split("-")]
    try:
        if len(parts) == 1:
            first, last, precision = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"
        elif len(parts) == 2:
            days = calendar.monthrange(parts[0], parts[1])[1]
            first, last, precision = dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], days), "month"
        else:
            first = last = dt.date(*parts)
            precision = "day"
    except ValueError:
        return None
    value = PartialDate(last.year, last.month, last.day)
    value.precision, value._first = precision, first
    return value

"""The one place for calendar arithmetic: months, plan windows, "today" in a time zone.

Every rule of the OGP process is counted in calendar months from a date (a plan
year, six months between forum meetings, a refresh after two years). Months
have different lengths, so a day that does not exist in the target month (the
31st, or 29 February) becomes that month's last day, and every window of a
series is counted from the series' own start, so that no error accumulates.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ogp.words import say, spell_date


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months (negative goes back); a missing day becomes the month's last."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def months_between(start: dt.date, end: dt.date) -> float:
    """Months from ``start`` to ``end``: whole months, then the rest as a part of the next month."""
    whole = (end.year - start.year) * 12 + end.month - start.month
    while whole > 0 and add_months(start, whole) > end:
        whole -= 1
    begin = add_months(start, whole)
    rest = (end - begin).days / (add_months(start, whole + 1) - begin).days
    return whole + rest


@dataclass(frozen=True)
class Window:
    """One window of a series (a plan year, a six-month period), with what it must hold.

    ``share`` is the window's length as a part of a full window (1.0 for all
    but a short last one), so a rule can ask for proportionally fewer events.
    """

    start: dt.date
    end: dt.date
    share: float = 1.0

    def needs(self, per_window: int) -> int:
        """How many events this window needs when a full one needs ``per_window`` (at least one)."""
        return max(1, math.ceil(per_window * self.share - 1e-9))

    def holds(self, day: dt.date) -> bool:
        """True when ``day`` falls inside the window (both ends included)."""
        return self.start <= day <= self.end


def windows(start: dt.date, end: dt.date, months: int) -> list[Window]:
    """Consecutive windows of ``months`` months covering ``start`` .. ``end``, both included.

    A remainder shorter than half a window joins the window before it (a plan
    that ends a month after its fourth year has four years, the last one of
    thirteen months); a longer remainder is a window of its own with a share
    below one. A plan shorter than one window is one window.
    """
    found: list[Window] = []
    index = 0
    while True:
        begin = add_months(start, months * index)
        if begin > end:
            break
        stop = add_months(start, months * (index + 1)) - dt.timedelta(days=1)
        found.append(Window(begin, min(stop, end)))
        index += 1
    if len(found) > 1 and found[-1].end < add_months(found[-1].start, months) - dt.timedelta(days=1):
        last = found[-1]
        share = months_between(last.start, last.end + dt.timedelta(days=1)) / months
        if share < 0.5:
            found[-2:] = [Window(found[-2].start, last.end)]
        else:
            found[-1] = Window(last.start, last.end, share)
    return found


def today_in(zone: str | ZoneInfo, now: dt.datetime | None = None) -> dt.date:
    """The calendar date in ``zone`` (not the machine's own zone) now, or at the aware moment ``now``."""
    zone = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(zone).date()


def end_of_day(day: dt.date, zone: str | ZoneInfo) -> dt.datetime:
    """The last instant of ``day`` in ``zone``, as an aware datetime."""
    zone = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    return dt.datetime.combine(day, dt.time(23, 59, 59, 999999), zone)


def spell_span(start: dt.date, end: dt.date, lang: str) -> str:
    """Two dates as a span in words: "1 June 2024 – 30 November 2024"."""
    return f"{spell_date(start, lang)} – {spell_date(end, lang)}"


def spell_days(days: int, lang: str) -> str:
    """A count of days in words, plural-correct in ``lang``: "1 day", "183 days"; Mongolian "183 хоног"."""
    return say("dates.days", lang, n=days)

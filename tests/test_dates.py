"""Month arithmetic, plan windows and "today" in the repository's time zone (ogp/facts/dates.py)."""
from __future__ import annotations

import datetime as dt

from ogp.facts.dates import Window, add_months, add_years, end_of_day, spell_days, today_in, windows

D = dt.date


def test_a_missing_day_becomes_the_last_day_of_the_month():
    assert add_months(D(2024, 7, 31), 6) == D(2025, 1, 31)
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28) and add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_months(D(2024, 3, 31), -1) == D(2024, 2, 29)


def test_every_window_is_counted_from_the_start_so_nothing_drifts():
    # From 31 August, six-month windows start on the 28th of February, then on 31 August again.
    found = windows(D(2024, 8, 31), D(2026, 8, 30), 6)
    assert [(w.start, w.end) for w in found] == [
        (D(2024, 8, 31), D(2025, 2, 27)), (D(2025, 2, 28), D(2025, 8, 30)),
        (D(2025, 8, 31), D(2026, 2, 27)), (D(2026, 2, 28), D(2026, 8, 30))]


def test_a_short_remainder_joins_the_last_window_and_a_long_one_stands_alone():
    # Mongolia's fifth plan: December 2023 to December 2027, four years and a month.
    years = windows(D(2023, 12, 1), D(2027, 12, 31), 12)
    assert [(w.start, w.end) for w in years][-1] == (D(2026, 12, 1), D(2027, 12, 31))
    assert len(years) == 4 and all(w.share == 1.0 for w in years)
    # Two and a half years: the last half year is a window of its own, needing one meeting of two.
    found = windows(D(2024, 7, 1), D(2026, 12, 31), 12)
    assert [(w.start, w.end) for w in found][-1] == (D(2026, 7, 1), D(2026, 12, 31))
    assert found[-1].share < 1 and found[-1].needs(2) == 1 and found[0].needs(2) == 2
    assert windows(D(2024, 1, 1), D(2024, 3, 31), 12) == [Window(D(2024, 1, 1), D(2024, 3, 31))]


def test_today_is_the_date_in_the_time_zone_not_on_the_machine():
    evening = dt.datetime(2026, 12, 1, 15, 30, tzinfo=dt.timezone.utc)  # 23:30 in Ulaanbaatar
    assert today_in("Asia/Ulaanbaatar", evening) == D(2026, 12, 1)
    assert today_in("Asia/Ulaanbaatar", evening + dt.timedelta(hours=1)) == D(2026, 12, 2)
    assert today_in("UTC", evening + dt.timedelta(hours=1)) == D(2026, 12, 1)
    assert end_of_day(D(2026, 12, 1), "Asia/Ulaanbaatar").astimezone(dt.timezone.utc).hour == 15


def test_days_are_spelt_with_their_number():
    assert (spell_days(1, "en"), spell_days(183, "en"), spell_days(183, "mn")) == ("1 day", "183 days", "183 хоног")

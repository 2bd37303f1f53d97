"""Working days: deadlines in the chain count Monday to Friday, without Dutch public holidays.

The holidays come from the maintained ``holidays`` package (Nieuwjaarsdag, Goede Vrijdag,
Pasen, Koningsdag, Bevrijdingsdag in lustrum years, Hemelvaart, Pinksteren, Kerst), so nobody
maintains a list of dates by hand.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.NL(years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count)."""
    day, remaining = start, days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_before(start: date, days: int) -> date:
    """The working day ``days`` working days before ``start`` (``start`` itself does not count)."""
    day, remaining = start, days
    while remaining > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count

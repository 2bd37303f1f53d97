"""Working days: deadlines in the chain count Monday to Friday, without Dutch public holidays.

Handovers are due at a time of day (12:00 by default) on the next working day: the crisis
service's handover of a call, and a desk's handover to another team, both by
``next_working_day_at``.

The holidays come from the maintained ``holidays`` package (Nieuwjaarsdag, Goede Vrijdag,
Pasen, Koningsdag, Bevrijdingsdag in lustrum years, Hemelvaart, Pinksteren, Kerst), so nobody
maintains a list of dates by hand.
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays
from django.utils import timezone


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


def next_working_day_at(moment: datetime, at: time, *, not_today: bool = False) -> datetime:
    """``at`` o'clock (local time) on the first working day on which that time still lies after
    ``moment``: a crisis call at 03:00 on a Monday is handed over by 12:00 that Monday, one at
    12:30 or on Friday evening by 12:00 on the next working day (Tuesday after Easter Monday).

    With ``not_today`` the count starts the day after ``moment``: a desk handing over at 09:00
    must not leave the receiver three hours, so its receiver has until the next working day.
    Both handovers live here so the rule "by 12:00 on the next working day" has one home.
    """
    start = timezone.localtime(moment)
    if not_today:
        start = timezone.make_aware(datetime.combine(start.date() + timedelta(days=1), time.min))
    day = start.date()
    while True:
        due = timezone.make_aware(datetime.combine(day, at))
        if is_working_day(day) and due > start:
            return due
        day += timedelta(days=1)

"""Deadlines count working days: Monday to Friday, without Dutch public holidays."""

from datetime import date

from ketenzicht.organisations.calendar import (
    add_working_days,
    is_working_day,
    working_days_before,
    working_days_between,
)


def test_weekends_are_not_working_days():
    assert is_working_day(date(2026, 11, 20))  # Friday
    assert not is_working_day(date(2026, 11, 21))
    assert not is_working_day(date(2026, 11, 22))


def test_dutch_public_holidays_are_not_working_days():
    for holiday in (date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 14), date(2026, 5, 25),
                    date(2026, 12, 25), date(2027, 1, 1)):
        assert not is_working_day(holiday), holiday


def test_ten_working_days_skip_weekends_and_holidays():
    # Friday 2026-12-18 + 10 working days: Christmas (25, 26) and New Year (1 Jan) fall between.
    assert add_working_days(date(2026, 12, 18), 10) == date(2027, 1, 5)
    assert working_days_between(date(2026, 12, 18), date(2027, 1, 5)) == 10
    assert working_days_before(date(2027, 1, 5), 10) == date(2026, 12, 18)


def test_bevrijdingsdag_counts_only_in_lustrum_years():
    assert not is_working_day(date(2025, 5, 5))
    assert is_working_day(date(2026, 5, 5))

"""Working days skip weekends and Dutch public holidays (organisations/calendar.py)."""

from datetime import date, timedelta

import pytest

from ketenzicht.organisations.calendar import add_working_days, is_working_day
from ketenzicht.verwijsindex.deadlines import last_start_with_term_passed
from ketenzicht.verwijsindex.models import Match

from .match_helpers import client_match_on, deadline_jobs_at

pytestmark = pytest.mark.usefixtures("emmen")


def test_escalation_respects_dutch_public_holidays():
    # Bevrijdingsdag, Monday 5 May 2025 (a lustrum year), is no working day: counted from
    # Monday 28 April the 10th working day is Tuesday 13 May, not Monday 12 May.
    assert not is_working_day(date(2025, 5, 5))
    client_match_on(date(2025, 4, 28))

    assert deadline_jobs_at(date(2025, 5, 13))["escalated"] == 0
    assert deadline_jobs_at(date(2025, 5, 14))["escalated"] == 1
    assert Match.objects.get().escalated_at.date() == date(2025, 5, 14)


@pytest.mark.parametrize("today, last_start", [
    (date(2025, 9, 16), date(2025, 9, 1)),  # plain weeks
    (date(2025, 5, 14), date(2025, 4, 28)),  # over Bevrijdingsdag
    (date(2025, 12, 30), date(2025, 12, 11)),  # over Christmas (25 and 26 December)
])
def test_term_boundaries_count_working_days_only(today, last_start):
    assert last_start_with_term_passed(today, 10) == last_start
    # The same boundary as the calendar's own arithmetic: the term of ``last_start`` is over,
    # that of the next day is not.
    assert add_working_days(last_start, 10) < today <= add_working_days(
        last_start + timedelta(days=1), 10)

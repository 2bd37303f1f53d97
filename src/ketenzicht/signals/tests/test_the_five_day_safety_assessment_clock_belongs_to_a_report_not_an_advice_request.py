"""Veilig Thuis's safety assessment within 5 working days is the term of a report (melding,
domain.md §4). An advice request (adviesvraag) is asked without the person's name: there is no
one to assess, so it has no 5-day due date and the job never flags it as a late safety
assessment — while a report shared the same morning still is."""

from datetime import datetime

import time_machine

from ketenzicht.signals import clocks, desks
from ketenzicht.signals.deadlines import OVERDUE, run_deadline_jobs
from ketenzicht.signals.services import request_advice

from .conftest import AMSTERDAM, OFFICE_HOURS, acting, signal_as
from .support import notices_of, report_through_meldcode

QUESTION = "Een leerling komt al een week zonder jas en ontbijt; melden of eerst hulp?"
#: Well past 5 working days after Wednesday 25 November 2026.
WEEKS_LATER = datetime(2026, 12, 14, 9, tzinfo=AMSTERDAM)


def _advice():
    return request_advice(*acting("leerkracht"), signal_as("leerkracht"), QUESTION, OFFICE_HOURS)


def test_an_advice_request_has_no_five_day_due_date(emmen):
    advice = _advice()
    assert advice.due_at is None
    assert not clocks.is_waiting(advice)
    assert not clocks.is_overdue(advice, WEEKS_LATER)
    assert not desks.is_safety_assessment(advice)


def test_an_advice_request_is_never_flagged_as_a_late_safety_assessment(emmen):
    advice = _advice()
    desks.accept(*acting("veiligthuis"), advice, now=OFFICE_HOURS)  # accepted, never answered
    report = report_through_meldcode(signal_as("jgz"), "jgz")  # the youth doctor's, on Daan
    with time_machine.travel(WEEKS_LATER, tick=False):
        assert run_deadline_jobs()["routes_overdue"] == 1
    (notice,) = notices_of("veiligthuis", OVERDUE)
    assert notice.link == f"/loket/{report.uuid}/"  # the report, not the advice request

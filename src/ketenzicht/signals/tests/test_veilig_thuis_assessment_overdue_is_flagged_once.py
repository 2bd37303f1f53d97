"""Veilig Thuis finishes its safety assessment within 5 working days of a report: after that the
route is overdue (clock) and Veilig Thuis is told once."""

from datetime import datetime

import time_machine

from ketenzicht.signals import clocks, desks
from ketenzicht.signals.deadlines import OVERDUE, run_deadline_jobs

from .conftest import AMSTERDAM, acting, signal_as
from .support import notices_of, report_through_meldcode

DUE = datetime(2026, 12, 2, 17, tzinfo=AMSTERDAM)  # reported Wed 25 Nov: 5 working days later
BEFORE, AFTER = datetime(2026, 12, 2, 16, 59, tzinfo=AMSTERDAM), datetime(2026, 12, 2, 17, 1,
                                                                             tzinfo=AMSTERDAM)


def _run(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return run_deadline_jobs()["routes_overdue"]


def test_report_is_due_five_working_days_later_at_close_of_office(emmen):
    route = report_through_meldcode(signal_as("leerkracht"))
    assert route.due_at == DUE
    assert not clocks.is_overdue(route, BEFORE)
    assert clocks.is_overdue(route, AFTER)


def test_overdue_assessment_is_flagged_once_to_veilig_thuis(emmen):
    route = report_through_meldcode(signal_as("leerkracht"))
    assert _run(BEFORE) == 0
    assert _run(AFTER) == 1
    (notice,) = notices_of("veiligthuis", OVERDUE)  # Veilig Thuis has no teamleider in the demo
    assert notice.link == f"/loket/{route.uuid}/"
    assert "02-12-2026 17:00" in notice.body
    assert _run(AFTER) == 0
    assert _run(datetime(2026, 12, 10, 9, tzinfo=AMSTERDAM)) == 0
    assert len(notices_of("veiligthuis", OVERDUE)) == 1
    assert notices_of("leerkracht", OVERDUE) == []


def test_accepted_but_not_assessed_is_still_overdue(emmen):
    route = report_through_meldcode(signal_as("leerkracht"))
    desks.accept(*acting("veiligthuis"), route, now=BEFORE)
    route.refresh_from_db()
    assert clocks.is_overdue(route, AFTER)
    assert _run(AFTER) == 1


def test_assessed_in_time_is_never_overdue(emmen):
    route = report_through_meldcode(signal_as("leerkracht"))
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, route, now=BEFORE)
    desks.record_assessment(vt, actor, route, "onderzoek", now=BEFORE)
    route.refresh_from_db()
    assert not clocks.is_overdue(route, AFTER)
    assert _run(AFTER) == 0

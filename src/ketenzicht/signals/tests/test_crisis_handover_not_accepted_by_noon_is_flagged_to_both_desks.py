"""A crisis outside office hours goes to the crisis service, with a handover to the CJG-Jeugdteam
of residence due at 12:00 on the next working day; not accepted by then, both desks are told."""

from datetime import datetime

import time_machine

from ketenzicht.organisations.models import Role
from ketenzicht.signals import clocks, desks
from ketenzicht.signals.deadlines import OVERDUE, run_deadline_jobs

from .conftest import AMSTERDAM, acting, signal_as
from .support import colleague, notices_of, route_at, share

FRIDAY_EVENING = datetime(2026, 11, 27, 20, tzinfo=AMSTERDAM)
MONDAY_NOON = datetime(2026, 11, 30, 12, tzinfo=AMSTERDAM)


def _crisis():
    colleague("spoed4jeugd", "teamleider-spoed", Role.TEAM_LEAD)
    signal = signal_as("leerkracht", categories=("crisis-jeugdige",), urgency="acuut",
                       now=FRIDAY_EVENING)
    share(signal, now=FRIDAY_EVENING)
    return signal, route_at(signal, "spoed4jeugd"), route_at(signal, "cjg-de-monden")


def _run(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return run_deadline_jobs()["routes_overdue"]


def test_handover_not_accepted_by_noon_is_flagged_once_to_both_desks(emmen):
    _signal, crisis, handover = _crisis()
    assert handover.due_at == MONDAY_NOON
    assert _run(datetime(2026, 11, 30, 11, 59, tzinfo=AMSTERDAM)) == 0
    assert _run(datetime(2026, 11, 30, 12, 1, tzinfo=AMSTERDAM)) == 1
    for username in ("teamleider-demonden", "teamleider-spoed"):
        (notice,) = notices_of(username, OVERDUE)
        assert notice.title == "Overdracht van Spoed4Jeugd is niet op tijd aangenomen"
        assert notice.link == f"/loket/{handover.uuid}/"
    assert _run(datetime(2026, 11, 30, 12, 2, tzinfo=AMSTERDAM)) == 0
    assert len(notices_of("teamleider-spoed", OVERDUE)) == 1
    # The crisis service's own route carries no clock: the receiving team's route does.
    assert not clocks.is_overdue(crisis, datetime(2026, 12, 1, tzinfo=AMSTERDAM))


def test_handover_accepted_in_time_is_not_flagged(emmen):
    _signal, _crisis_route, handover = _crisis()
    desks.accept(*acting("cjg-demonden"), handover, now=datetime(2026, 11, 30, 9, tzinfo=AMSTERDAM))
    assert _run(datetime(2026, 11, 30, 12, 1, tzinfo=AMSTERDAM)) == 0
    assert notices_of("teamleider-spoed", OVERDUE) == []

"""A signal shared with a CJG-Jeugdteam or sociaal gebiedsteam must be accepted within a term the
municipality sets (``SignalSettings.acceptance_working_days``, default 2 working days, to the end
of that office day), as Veilig Thuis has its 5 days: a signal lying unaccepted is flagged once to
the desk's team leads — or to all its professionals when it has no teamleider."""

from datetime import datetime

import pytest
import time_machine

from ketenzicht.signals import clocks, desks
from ketenzicht.signals.deadlines import OVERDUE, run_deadline_jobs
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, SignalSettings
from ketenzicht.signals.services import Consent, ShareRequest

from .conftest import AMSTERDAM, ANJA, OFFICE_HOURS, acting, signal_as
from .support import notices_of, share

#: Shared on Wednesday 25 November 2026, 10:00: two working days later is Friday 27 November.
DUE = datetime(2026, 11, 27, 17, tzinfo=AMSTERDAM)
JUST_BEFORE = datetime(2026, 11, 27, 16, 59, tzinfo=AMSTERDAM)
JUST_AFTER = datetime(2026, 11, 27, 17, 1, tzinfo=AMSTERDAM)
CLIENTS_CONSENT = ShareRequest(Consent(ConsentBasis.CONSENT, given_by=ConsentGiver.CLIENT))


def _run(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return run_deadline_jobs()["routes_overdue"]


def test_a_signal_to_the_cjg_is_due_two_working_days_later_at_close_of_office(emmen):
    route = share(signal_as("leerkracht"))
    assert route.desk.slug == "cjg-de-monden"
    assert route.due_at == DUE
    assert clocks.is_waiting(route)
    assert not clocks.is_overdue(route, JUST_BEFORE)
    assert clocks.is_overdue(route, JUST_AFTER)


def test_the_municipality_sets_the_acceptance_term(emmen):
    SignalSettings.objects.update(acceptance_working_days=4)
    route = share(signal_as("leerkracht"))
    assert route.due_at == datetime(2026, 12, 1, 17, tzinfo=AMSTERDAM)  # Tuesday, 4 working days


def test_a_signal_lying_unaccepted_is_flagged_once_to_the_team_lead(emmen):
    route = share(signal_as("leerkracht"))
    assert _run(JUST_BEFORE) == 0
    assert _run(JUST_AFTER) == 1
    (notice,) = notices_of("teamleider-demonden", OVERDUE)
    assert notice.title == "Signaal niet binnen de termijn aangenomen"
    assert notice.link == f"/loket/{route.uuid}/"
    assert "27-11-2026 17:00" in notice.body
    assert notices_of("cjg-demonden", OVERDUE) == []  # the teamleider hears it
    assert _run(JUST_AFTER) == 0
    assert _run(datetime(2026, 12, 10, 9, tzinfo=AMSTERDAM)) == 0
    assert len(notices_of("teamleider-demonden", OVERDUE)) == 1


def test_a_team_without_teamleider_hears_it_all(emmen):
    """The sociaal gebiedsteam De Monden has no teamleider in the demo."""
    route = share(signal_as("ggz", ANJA, categories=("schulden",)), "ggz", CLIENTS_CONSENT)
    assert route.desk.slug == "sgt-de-monden"
    assert _run(JUST_AFTER) == 1
    assert [n.link for n in notices_of("sgt-demonden", OVERDUE)] == [f"/loket/{route.uuid}/"]


@pytest.mark.parametrize("moment", [JUST_BEFORE, OFFICE_HOURS])
def test_a_signal_accepted_in_time_is_never_flagged(emmen, moment):
    route = share(signal_as("leerkracht"))
    desks.accept(*acting("cjg-demonden"), route, now=moment)
    route.refresh_from_db()
    assert not clocks.is_overdue(route, JUST_AFTER)
    assert _run(datetime(2026, 12, 10, 9, tzinfo=AMSTERDAM)) == 0

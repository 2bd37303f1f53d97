"""When every route a signal took has ended, the signal is closed only if the signaller's
Meldcode is done too. A signal shared early (at step 1) whose route ends is back with the
signaller, open: the Meldcode goes on, and it can be shared again."""

from datetime import timedelta

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import desks, meldcode
from ketenzicht.signals.models import MeldcodeStep, RouteStatus, SignalStatus
from ketenzicht.signals.services import ShareRequest

from .conftest import OFFICE_HOURS, PARENTS_CONSENT, acting, signal_as
from .support import consult, fresh, report_through_meldcode, share

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 8)]


def _end(route, way: str, username: str = "cjg-demonden", start: int = 0) -> None:
    """End the route: after help started, or without help through the triage."""
    who, actor = acting(username)
    desks.accept(who, actor, route, now=LATER[start])
    if way == "na-hulp":
        desks.record_help_started(who, actor, route, now=LATER[start + 1])
        desks.end_route(who, actor, route, now=LATER[start + 2])
    else:
        desks.record_assessment(who, actor, route, way, now=LATER[start + 1])


@pytest.mark.parametrize("way", ["na-hulp", "alleen-advies", "afsluiten"])
def test_a_route_ended_before_the_meldcode_is_done_returns_the_signal_open(emmen, way):
    signal = signal_as("leerkracht")
    route = share(signal)
    _end(route, way)
    route.refresh_from_db()
    assert route.status == RouteStatus.ENDED
    signal = fresh(signal)
    assert (signal.status, signal.closed_at) == (SignalStatus.OPEN, None)
    # The Meldcode goes on where the teacher left it, and the signal can be shared again.
    assert meldcode.next_step(signal).step == MeldcodeStep.CONSULTATION
    consult(signal, now=LATER[5])
    again = share(signal, now=LATER[6])
    assert again.status == RouteStatus.SHARED and again.pk != route.pk
    assert fresh(signal).status == SignalStatus.SHARED


def test_the_signal_stays_with_the_desks_while_one_route_is_open(emmen):
    signal = signal_as("leerkracht")
    first = share(signal)
    second = share(signal, request=ShareRequest(
        PARENTS_CONSENT.consent, desk_slug="sgt-de-monden",
        deviation_reason="Moeder heeft schulden; het sociaal gebiedsteam kent het gezin."))
    _end(first, "na-hulp")
    assert fresh(signal).status == SignalStatus.SHARED  # the sociaal gebiedsteam has not accepted
    _end(second, "afsluiten", "sgt-demonden", start=3)
    assert (fresh(signal).status, fresh(signal).closed_at) == (SignalStatus.OPEN, None)


def test_a_signal_whose_meldcode_is_done_is_closed_when_its_last_route_ends(emmen):
    signal = signal_as("leerkracht")
    report = report_through_meldcode(signal)
    assert fresh(signal).next_step is None  # step 5: report to Veilig Thuis
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=LATER[0])
    desks.record_assessment(vt, actor, report, "onderzoek", now=LATER[1])
    assert fresh(signal).status == SignalStatus.ASSESSED
    desks.conclude_investigation(vt, actor, report, "hulp-gestart", with_slug="mee-drenthe",
                                 now=LATER[2])
    desks.end_route(vt, actor, report, now=LATER[2])
    assert (fresh(signal).status, fresh(signal).closed_at) == (SignalStatus.CLOSED, LATER[2])
    with pytest.raises(Refused) as refused:
        share(signal, now=LATER[3])
    assert refused.value.code == "signaal-afgesloten"

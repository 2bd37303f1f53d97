"""A crisis outside office hours goes to the crisis service, and sharing it creates the handover
to the CJG-Jeugdteam of residence at once, due at 12:00 on the next working day. When the CJG
accepts, the crisis route is handed over and the signaller is told."""

from datetime import datetime

import pytest

from ketenzicht.organisations.models import Role
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import desks
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import FeedbackMoment, RouteKind, RouteStatus, SignalStatus

from .conftest import AMSTERDAM, OFFICE_HOURS, acting, signal_as
from .support import colleague, fresh, notices_of, route_at, share


def at(month: int, day: int, hour: int, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


def _crisis_shared(moment: datetime):
    signal = signal_as("leerkracht", categories=("crisis-jeugdige",), urgency="acuut", now=moment)
    share(signal, now=moment)
    return signal


@pytest.mark.parametrize(("moment", "due"), [
    pytest.param(at(11, 27, 20), at(11, 30, 12), id="vrijdagavond-maandag-12:00"),
    pytest.param(at(11, 28, 11), at(11, 30, 12), id="zaterdag-maandag-12:00"),
    pytest.param(at(4, 27, 10), at(4, 28, 12), id="koningsdag-dinsdag-12:00"),
    pytest.param(at(4, 5, 15), at(4, 7, 12), id="paaszondag-dinsdag-12:00"),
    pytest.param(at(11, 30, 3), at(11, 30, 12), id="maandag-03:00-maandag-12:00"),
])
def test_sharing_a_crisis_out_of_hours_creates_the_handover(emmen, moment, due):
    colleague("spoed4jeugd", "spoed-dienst")
    signal = _crisis_shared(moment)
    crisis, handover = route_at(signal, "spoed4jeugd"), route_at(signal, "cjg-de-monden")
    assert (crisis.kind, handover.kind) == (RouteKind.CRISIS, RouteKind.CRISIS)
    assert crisis.handed_over_to == handover
    assert handover.due_at == due and crisis.due_at == due
    assert handover.status == RouteStatus.SHARED
    assert crisis in desks.inbox(acting("spoed-dienst")[0])
    assert handover in desks.inbox(acting("cjg-demonden")[0])
    assert fresh(signal).status == SignalStatus.SHARED


def test_crisis_in_office_hours_goes_straight_to_the_cjg(emmen):
    signal = _crisis_shared(OFFICE_HOURS)
    (route,) = signal.routes.all()
    assert (route.desk.slug, route.kind, route.due_at) == ("cjg-de-monden", RouteKind.CRISIS, None)


def test_cjg_accepting_completes_the_handover_and_tells_the_signaller(emmen):
    colleague("spoed4jeugd", "spoed-dienst")
    signal = _crisis_shared(at(11, 27, 20))
    crisis, handover = route_at(signal, "spoed4jeugd"), route_at(signal, "cjg-de-monden")
    desks.accept(*acting("spoed-dienst"), crisis, now=at(11, 27, 20))
    desks.accept(*acting("cjg-demonden"), handover, now=at(11, 30, 9))
    crisis.refresh_from_db()
    assert crisis.status == RouteStatus.HANDED_OVER
    assert crisis.ended_at == at(11, 30, 9)
    told = [(f.moment, f.desk.slug, f.route_started,
             f.with_organisation.slug if f.with_organisation else None) for f in feedback_for(signal)]
    assert told == [
        (FeedbackMoment.ACCEPTED, "spoed4jeugd", None, "spoed4jeugd"),
        (FeedbackMoment.ACCEPTED, "cjg-de-monden", None, "cjg-de-monden"),
        (FeedbackMoment.HANDED_OVER, "spoed4jeugd", True, "cjg-de-monden"),
    ]
    assert str(FeedbackMoment.HANDED_OVER.label) in [n.title for n in notices_of("leerkracht")]
    assert fresh(signal).status == SignalStatus.ACCEPTED


def test_the_desks_hear_of_the_crisis(emmen):
    colleague("spoed4jeugd", "teamleider-spoed", Role.TEAM_LEAD)
    signal = _crisis_shared(at(11, 27, 20))
    (spoed,) = notices_of("teamleider-spoed", "signaal-loket")
    (cjg,) = notices_of("teamleider-demonden", "signaal-loket")
    assert spoed.link == f"/loket/{route_at(signal, 'spoed4jeugd').uuid}/"
    assert cjg.link == f"/loket/{route_at(signal, 'cjg-de-monden').uuid}/"
    assert spoed.title.startswith("Crisis")


@pytest.mark.parametrize("lets_go", ["beeindigen", "afsluiten"])
def test_the_crisis_service_stays_responsible_until_the_cjg_accepts(emmen, lets_go):
    """Warm handover: nobody lets go of a family before the receiver has taken it on."""
    colleague("spoed4jeugd", "spoed-dienst")
    signal = _crisis_shared(at(11, 27, 20))
    crisis, handover = route_at(signal, "spoed4jeugd"), route_at(signal, "cjg-de-monden")
    spoed, actor = acting("spoed-dienst")
    desks.accept(spoed, actor, crisis, now=at(11, 27, 21))

    def let_go():
        if lets_go == "beeindigen":
            return desks.end_route(spoed, actor, crisis, now=at(11, 28, 9))
        return desks.record_assessment(spoed, actor, crisis, "afsluiten", now=at(11, 28, 9))

    with pytest.raises(Refused) as refused:
        let_go()
    assert (refused.value.code, refused.value.kind) == ("overdracht-niet-aangenomen",
                                                        RefusalKind.CONFLICT)
    crisis.refresh_from_db()
    assert crisis.status == RouteStatus.ACCEPTED
    desks.accept(*acting("cjg-demonden"), handover, now=at(11, 30, 9))
    crisis.refresh_from_db()
    assert crisis.status == RouteStatus.HANDED_OVER

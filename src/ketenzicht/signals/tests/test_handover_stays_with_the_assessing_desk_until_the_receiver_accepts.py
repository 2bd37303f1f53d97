"""Warm handover (domain.md §4): when Veilig Thuis or a team hands a signal to another
organisation, it stays responsible — its route assessed, not handed over, still in its Postvak —
until the receiver accepts, which is due by 12:00 on the next working day. Accepting completes
the handover and the signaller hears it; a handover not accepted in time is flagged to both
desks. Handing back to the signaller's own organisation — a care organisation, involved
already — completes at once."""

from datetime import datetime

import pytest
import time_machine

from ketenzicht.access.services import visible_person
from ketenzicht.organisations.models import Role
from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import clocks, desks
from ketenzicht.signals.deadlines import OVERDUE, run_deadline_jobs
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import FeedbackMoment, Route, RouteStatus, SignalStatus

from .conftest import AMSTERDAM, DAAN, OFFICE_HOURS, acting, signal_as
from .support import colleague, fresh, notices_of, person, report_through_meldcode, route_at, share


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMSTERDAM)


#: OFFICE_HOURS is Wednesday 25 November 2026, 10:00.
THURSDAY_NOON = at(11, 26, 12)


def _handed_over_by_veilig_thuis(handed_to: str = "cjg-de-monden",
                                 outcome: str = "lokaal-team", now: datetime = OFFICE_HOURS,
                                 signaller: str = "leerkracht"):
    """The teacher's (or another signaller's) report about Daan, accepted and assessed by Veilig
    Thuis at ``now``."""
    signal = signal_as(signaller)
    report = report_through_meldcode(signal, signaller)
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=now)
    desks.record_assessment(vt, actor, report, outcome, handed_to_slug=handed_to, now=now)
    report.refresh_from_db()
    return signal, report


def _handed_over_by_the_cjg():
    """A regular signal: the CJG-Jeugdteam triages it and hands it to the sociaal gebiedsteam."""
    signal = signal_as("leerkracht")
    route = share(signal)
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=OFFICE_HOURS)
    desks.record_assessment(cjg, actor, route, "lokaal-team", handed_to_slug="sgt-de-monden",
                            now=OFFICE_HOURS)
    route.refresh_from_db()
    return signal, route


def test_the_assessing_desk_stays_responsible_until_the_receiver_accepts(emmen):
    signal, report = _handed_over_by_veilig_thuis()
    handover = route_at(signal, "cjg-de-monden")
    vt = acting("veiligthuis")[0]

    assert (report.status, report.ended_at) == (RouteStatus.ASSESSED, None)
    assert report.handed_over_to == handover and handover.status == RouteStatus.SHARED
    assert handover.due_at == THURSDAY_NOON
    assert report in desks.inbox(vt) and handover in desks.inbox(acting("cjg-demonden")[0])
    assert visible_person(vt, person(DAAN).uuid) is not None
    assert fresh(signal).status == SignalStatus.ASSESSED
    assert [f.moment for f in feedback_for(signal)] == [FeedbackMoment.ACCEPTED,
                                                        FeedbackMoment.ASSESSED]

    desks.accept(*acting("cjg-demonden"), handover, now=at(11, 26, 9))

    report.refresh_from_db()
    assert (report.status, report.ended_at) == (RouteStatus.HANDED_OVER, at(11, 26, 9))
    assert report not in desks.inbox(vt)
    assert visible_person(vt, person(DAAN).uuid) is None  # its basis ended with its route
    last = list(feedback_for(signal))[-1]
    assert (last.moment, last.desk.slug, last.route_started, last.with_organisation.slug) == (
        FeedbackMoment.HANDED_OVER, "veilig-thuis-drenthe", True, "cjg-de-monden")
    assert str(FeedbackMoment.HANDED_OVER.label) in [
        n.title for n in notices_of("leerkracht", "terugkoppeling")]
    assert fresh(signal).status == SignalStatus.ACCEPTED


@pytest.mark.parametrize("lets_go", ["beeindigen", "hulp-gestart-en-beeindigen"])
def test_the_assessing_desk_cannot_let_go_before_the_receiver_accepts(emmen, lets_go):
    """Not by ending its route, not even after it recorded that help started."""
    _signal, report = _handed_over_by_veilig_thuis()
    vt, actor = acting("veiligthuis")
    if lets_go == "hulp-gestart-en-beeindigen":
        desks.record_help_started(vt, actor, report, with_slug="mee-drenthe", now=at(11, 25, 11))
    assert not desks.may_end(report)
    with pytest.raises(Refused) as refused:
        desks.end_route(vt, actor, report, now=at(11, 25, 12))
    assert (refused.value.code, refused.value.kind) == ("overdracht-niet-aangenomen",
                                                        RefusalKind.CONFLICT)
    assert "u blijft verantwoordelijk tot het team de overdracht aanneemt" in refused.value.message
    report.refresh_from_db()
    assert report.ended_at is None and report.status in (RouteStatus.ASSESSED,
                                                         RouteStatus.HELP_STARTED)


@pytest.mark.parametrize(("assessed", "due"), [
    pytest.param(at(11, 25, 11, 30), at(11, 26, 12), id="woensdag-11:30-donderdag-12:00"),
    pytest.param(at(11, 27, 10), at(11, 30, 12), id="vrijdag-maandag-12:00"),
    pytest.param(at(11, 28, 20), at(11, 30, 12), id="zaterdagavond-maandag-12:00"),
    pytest.param(at(12, 24, 15), at(12, 28, 12), id="kerstavond-maandag-na-kerst-12:00"),
])
def test_the_receiver_has_until_noon_on_the_next_working_day(emmen, assessed, due):
    signal, _report = _handed_over_by_veilig_thuis(now=assessed)
    assert route_at(signal, "cjg-de-monden").due_at == due


def test_handing_back_to_the_signallers_own_organisation_completes_at_once(emmen):
    """The youth doctor's GGD helps and is involved with Daan already: no route to accept,
    Veilig Thuis lets go. (Never to a school: it cannot take responsibility for help.)"""
    signal, report = _handed_over_by_veilig_thuis("ggd-drenthe", "betrokken-professional",
                                                  signaller="jgz")
    assert (report.status, report.ended_at, report.handed_over_to) == (
        RouteStatus.HANDED_OVER, OFFICE_HOURS, None)
    assert list(signal.routes.all()) == [report]
    assert visible_person(acting("veiligthuis")[0], person(DAAN).uuid) is None
    last = list(feedback_for(signal))[-1]
    assert (last.moment, last.route_started, last.with_organisation.slug) == (
        FeedbackMoment.ASSESSED, True, "ggd-drenthe")
    assert fresh(signal).status == SignalStatus.CLOSED  # its Meldcode was done (step 5: melden)


def _run(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return run_deadline_jobs()["routes_overdue"]


@pytest.mark.parametrize(("hand_over", "sender_leads", "receiver_leads", "title"), [
    pytest.param(_handed_over_by_veilig_thuis, ["veiligthuis"], ["teamleider-demonden"],
                 "Overdracht van Veilig Thuis Drenthe is niet op tijd aangenomen", id="veilig-thuis"),
    pytest.param(_handed_over_by_the_cjg, ["teamleider-demonden"], ["teamleider-sgt"],
                 "Overdracht van CJG-Jeugdteam De Monden is niet op tijd aangenomen", id="cjg"),
])
def test_a_handover_not_accepted_by_noon_is_flagged_once_to_both_desks(
        emmen, hand_over, sender_leads, receiver_leads, title):
    colleague("sgt-de-monden", "teamleider-sgt", Role.TEAM_LEAD)
    _signal, sender = hand_over()
    handover = Route.objects.get(handed_over_from=sender)
    assert _run(at(11, 26, 11, 59)) == 0
    assert _run(at(11, 26, 12, 1)) == 1
    for username in sender_leads + receiver_leads:
        (notice,) = notices_of(username, OVERDUE)
        assert (notice.title, notice.link) == (title, f"/loket/{handover.uuid}/")
    assert _run(at(11, 26, 12, 2)) == 0
    assert len(notices_of(sender_leads[0], OVERDUE)) == 1
    # The sending desk's own route carries no clock: the receiving route does.
    assert not clocks.is_overdue(sender, at(12, 10, 9))
    assert clocks.is_overdue(handover, at(11, 26, 12, 1))


def test_a_handover_accepted_in_time_is_not_flagged(emmen):
    signal, _report = _handed_over_by_veilig_thuis()
    desks.accept(*acting("cjg-demonden"), route_at(signal, "cjg-de-monden"), now=at(11, 26, 11))
    assert _run(at(11, 26, 12, 1)) == 0
    assert notices_of("veiligthuis", OVERDUE) == []

"""After "Veilig Thuis onderzoekt zelf" the route carries on (domain.md §4): the investigation has
a target of 10 weeks (``SignalSettings.investigation_weeks``), flagged once to Veilig Thuis when
it passes; its conclusion is recorded and leads to a warm handover to the local team or an
involved care organisation, or to help that has started, after which the route may end. Deciding
to investigate lets nobody go, and the signaller hears the conclusion — from structured fields
only, never the content of the investigation."""

from datetime import datetime, timedelta

import pytest
import time_machine

from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import clocks, desks
from ketenzicht.signals.deadlines import OVERDUE, run_deadline_jobs
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import FeedbackMoment, RouteStatus, SignalSettings

from .conftest import AMSTERDAM, DAAN, OFFICE_HOURS, acting, signal_as
from .support import involve, notices_of, report_through_meldcode, route_at

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 8)]
#: Decided on Wednesday 25 November 2026: ten weeks later is Wednesday 3 February 2027.
TEN_WEEKS = datetime(2027, 2, 3, 17, tzinfo=AMSTERDAM)
SECRET = "Moeder vertelde in het onderzoek over de schulden van vader."


def _investigating():
    signal = signal_as("leerkracht")
    report = report_through_meldcode(signal)
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=LATER[0])
    desks.record_assessment(vt, actor, report, "onderzoek", now=LATER[1])
    report.refresh_from_db()
    return signal, report, vt, actor


def _run(moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return run_deadline_jobs()["routes_overdue"]


def _told(signal) -> list[tuple]:
    return [(f.moment, f.route_started, f.with_organisation.slug if f.with_organisation else None)
            for f in feedback_for(signal)]


def test_the_investigation_has_a_ten_week_clock(emmen):
    _signal, report, _vt, _actor = _investigating()
    assert (report.status, report.outcome) == (RouteStatus.ASSESSED, "onderzoek")
    assert report.due_at == TEN_WEEKS
    assert clocks.is_waiting(report)
    assert not clocks.is_overdue(report, TEN_WEEKS - timedelta(minutes=1))
    assert clocks.is_overdue(report, TEN_WEEKS + timedelta(minutes=1))


def test_the_municipality_sets_the_investigation_target(emmen):
    SignalSettings.objects.update(investigation_weeks=8)
    _signal, report, _vt, _actor = _investigating()
    assert report.due_at == datetime(2027, 1, 20, 17, tzinfo=AMSTERDAM)


def test_an_overdue_investigation_is_flagged_once(emmen):
    _signal, report, _vt, _actor = _investigating()
    assert _run(TEN_WEEKS - timedelta(minutes=1)) == 0
    assert _run(TEN_WEEKS + timedelta(minutes=1)) == 1
    (notice,) = notices_of("veiligthuis", OVERDUE)
    assert notice.title == "Onderzoek van Veilig Thuis niet binnen de termijn afgerond"
    assert notice.link == f"/loket/{report.uuid}/"
    assert _run(TEN_WEEKS + timedelta(days=30)) == 0
    assert notices_of("leerkracht", OVERDUE) == []


def test_a_late_safety_assessment_does_not_silence_the_investigations_clock(emmen):
    """Flagged once per clock: the 5 days passed unassessed, then the 10 weeks."""
    signal = signal_as("leerkracht")
    report = report_through_meldcode(signal)
    vt, actor = acting("veiligthuis")
    assert _run(datetime(2026, 12, 3, 9, tzinfo=AMSTERDAM)) == 1
    late = datetime(2026, 12, 3, 10, tzinfo=AMSTERDAM)
    desks.accept(vt, actor, report, now=late)
    desks.record_assessment(vt, actor, report, "onderzoek", now=late)
    report.refresh_from_db()
    assert report.due_at == datetime(2027, 2, 11, 17, tzinfo=AMSTERDAM)
    assert _run(datetime(2027, 2, 11, 17, 1, tzinfo=AMSTERDAM)) == 1
    assert len(notices_of("veiligthuis", OVERDUE)) == 2


def test_deciding_to_investigate_lets_nobody_go(emmen):
    _signal, report, vt, actor = _investigating()
    assert not desks.may_end(report)
    with pytest.raises(Refused) as refused:
        desks.end_route(vt, actor, report, now=LATER[2])
    assert (refused.value.code, refused.value.kind) == ("hulp-niet-gestart", RefusalKind.CONFLICT)
    report.refresh_from_db()
    assert report.status == RouteStatus.ASSESSED and report in desks.inbox(vt)


def test_the_conclusion_hands_over_warmly_to_the_local_team(emmen):
    signal, report, vt, actor = _investigating()
    desks.conclude_investigation(vt, actor, report, "lokaal-team", handed_to_slug="cjg-de-monden",
                                 now=LATER[2])
    report.refresh_from_db()
    handover = route_at(signal, "cjg-de-monden")
    assert (report.status, report.investigation_conclusion, report.concluded_at) == (
        RouteStatus.ASSESSED, "lokaal-team", LATER[2])
    assert report.handed_over_to == handover and report.handed_to.slug == "cjg-de-monden"
    assert not clocks.is_waiting(report)  # the team's acceptance carries the clock now
    assert clocks.is_waiting(handover)
    with pytest.raises(Refused):  # Veilig Thuis holds the family until the team accepts
        desks.end_route(vt, actor, report, now=LATER[3])
    assert _told(signal)[-1] == (FeedbackMoment.INVESTIGATED, True, "cjg-de-monden")

    desks.accept(*acting("cjg-demonden"), handover, now=LATER[3])
    report.refresh_from_db()
    assert report.status == RouteStatus.HANDED_OVER
    assert _told(signal)[-1] == (FeedbackMoment.HANDED_OVER, True, "cjg-de-monden")


def test_the_conclusion_hands_over_to_an_involved_care_organisation(emmen):
    involve("ggd-drenthe", DAAN)
    signal, report, vt, actor = _investigating()
    desks.conclude_investigation(vt, actor, report, "betrokken-professional",
                                 handed_to_slug="ggd-drenthe", signaller_keeps_role=True,
                                 safety_conditions="De school meldt elke afwezigheid.", now=LATER[2])
    report.refresh_from_db()
    assert report.handed_over_to == route_at(signal, "ggd-drenthe")
    last = list(feedback_for(signal))[-1]
    assert (last.moment, last.with_organisation.slug, last.safety_conditions) == (
        FeedbackMoment.INVESTIGATED, "ggd-drenthe", "De school meldt elke afwezigheid.")


def test_the_conclusion_help_started_lets_the_route_end(emmen):
    signal, report, vt, actor = _investigating()
    desks.conclude_investigation(vt, actor, report, "hulp-gestart", with_slug="mee-drenthe",
                                 now=LATER[2])
    report.refresh_from_db()
    assert (report.status, report.help_with.slug, report.investigation_conclusion) == (
        RouteStatus.HELP_STARTED, "mee-drenthe", "hulp-gestart")
    assert not clocks.is_waiting(report)
    desks.end_route(vt, actor, report, now=LATER[3])
    report.refresh_from_db()
    assert report.status == RouteStatus.ENDED
    assert _told(signal)[-3:] == [(FeedbackMoment.INVESTIGATED, True, "mee-drenthe"),
                                  (FeedbackMoment.HELP_STARTED, True, "mee-drenthe"),
                                  (FeedbackMoment.ENDED, True, "mee-drenthe")]
    assert _run(TEN_WEEKS + timedelta(days=1)) == 0


def test_the_signaller_hears_the_conclusion_never_its_content(emmen):
    """Conditions agreed without a role for the signaller stay with Veilig Thuis."""
    signal, report, vt, actor = _investigating()
    desks.conclude_investigation(vt, actor, report, "lokaal-team", handed_to_slug="cjg-de-monden",
                                 safety_conditions=SECRET, now=LATER[2])
    last = list(feedback_for(signal))[-1]
    assert (last.moment, last.safety_conditions) == (FeedbackMoment.INVESTIGATED, "")
    told = [n.title + n.body for n in notices_of("leerkracht", "terugkoppeling")]
    assert told[-1].startswith("Het onderzoek van Veilig Thuis is afgerond")
    assert not any(SECRET in text or "Daan" in text for text in told)


@pytest.mark.parametrize(("conclusion", "slug", "code"), [
    ("betrokken-professional", "kristalla", "geen-hulporganisatie"),
    ("lokaal-team", "ggd-drenthe", "organisatie-onbekend"),
    ("afsluiten", "", "conclusie-onbekend"),
])
def test_a_conclusion_goes_only_where_someone_takes_responsibility(emmen, conclusion, slug, code):
    signal, report, vt, actor = _investigating()
    with pytest.raises(Refused) as refused:
        desks.conclude_investigation(vt, actor, report, conclusion, handed_to_slug=slug,
                                     now=LATER[2])
    assert refused.value.code == code
    report.refresh_from_db()
    assert (report.status, report.investigation_conclusion, report.handed_over_to) == (
        RouteStatus.ASSESSED, "", None)
    assert list(signal.routes.all()) == [report]


def test_only_an_investigation_is_concluded(emmen):
    signal = signal_as("leerkracht")
    report = report_through_meldcode(signal)
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=LATER[0])
    with pytest.raises(Refused) as refused:
        desks.conclude_investigation(vt, actor, report, "hulp-gestart", now=LATER[1])
    assert (refused.value.code, refused.value.kind) == ("geen-onderzoek", RefusalKind.CONFLICT)

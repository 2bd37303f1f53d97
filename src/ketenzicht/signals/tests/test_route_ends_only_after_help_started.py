"""Nobody lets go of a family before help has started (domain.md §4): a desk ends its route only
after recording that help started — for Veilig Thuis's own investigation, its conclusion "hulp
gestart" — and never while its handover waits. Ending without help goes through the triage or the safety
assessment (advice only, or end), so the signaller always hears that no route started."""

from datetime import timedelta

import pytest

from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals import desks
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import FeedbackMoment, RouteStatus

from .conftest import OFFICE_HOURS, acting, signal_as
from .support import report_through_meldcode, share

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 6)]


def _cjg_route(up_to: str):
    """A signal with CJG De Monden, taken as far as ``up_to``."""
    route = share(signal_as("leerkracht"))
    cjg, actor = acting("cjg-demonden")
    if up_to != "gedeeld":
        desks.accept(cjg, actor, route, now=LATER[0])
    if up_to in ("beoordeeld", "hulp-gestart"):
        desks.record_assessment(cjg, actor, route, "eigen-hulp", now=LATER[1])
    if up_to == "hulp-gestart":
        desks.record_help_started(cjg, actor, route, with_slug="mee-drenthe", now=LATER[2])
    route.refresh_from_db()
    return route, cjg, actor


def _moments(route) -> list[str]:
    return [f.moment for f in feedback_for(route.signal) if f.route_id == route.pk]


@pytest.mark.parametrize("up_to", ["gedeeld", "aangenomen", "beoordeeld"])
def test_a_team_cannot_end_its_route_before_help_started(emmen, up_to):
    route, cjg, actor = _cjg_route(up_to)
    status, told = route.status, _moments(route)
    assert not desks.may_end(route)
    with pytest.raises(Refused) as refused:
        desks.end_route(cjg, actor, route, now=LATER[3])
    assert (refused.value.code, refused.value.kind) == ("hulp-niet-gestart", RefusalKind.CONFLICT)
    assert refused.value.message.startswith("Een route eindigt pas als de hulp is gestart.")
    assert "alleen advies of afsluiten" in refused.value.message
    route.refresh_from_db()
    assert (route.status, route.ended_at) == (status, None)
    assert _moments(route) == told  # the signaller was told nothing


def test_after_help_started_the_team_ends_and_the_signaller_hears_with_whom(emmen):
    route, cjg, actor = _cjg_route("hulp-gestart")
    assert desks.may_end(route)
    desks.end_route(cjg, actor, route, now=LATER[3])
    route.refresh_from_db()
    assert (route.status, route.ended_at) == (RouteStatus.ENDED, LATER[3])
    last = list(feedback_for(route.signal))[-1]
    assert (last.moment, last.route_started, last.with_organisation.slug) == (
        FeedbackMoment.ENDED, True, "mee-drenthe")


def _veilig_thuis_report():
    report = report_through_meldcode(signal_as("leerkracht"))
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=LATER[0])
    report.refresh_from_db()
    return report, vt, actor


def test_veilig_thuis_ends_only_after_help_started_from_its_investigation(emmen):
    report, vt, actor = _veilig_thuis_report()
    with pytest.raises(Refused) as refused:
        desks.end_route(vt, actor, report, now=LATER[1])
    assert refused.value.code == "hulp-niet-gestart"

    desks.record_assessment(vt, actor, report, "onderzoek", now=LATER[1])
    report.refresh_from_db()
    assert not desks.may_end(report)  # investigating is no help yet
    desks.conclude_investigation(vt, actor, report, "hulp-gestart", with_slug="mee-drenthe",
                                 now=LATER[2])
    report.refresh_from_db()
    assert desks.may_end(report)
    desks.end_route(vt, actor, report, now=LATER[3])
    report.refresh_from_db()
    assert report.status == RouteStatus.ENDED
    last = list(feedback_for(report.signal))[-1]
    assert (last.moment, last.route_started, last.with_organisation.slug) == (
        FeedbackMoment.ENDED, True, "mee-drenthe")


@pytest.mark.parametrize("outcome", ["alleen-advies", "afsluiten"])
def test_ending_without_help_goes_through_the_assessment(emmen, outcome):
    route, cjg, actor = _cjg_route("aangenomen")
    desks.record_assessment(cjg, actor, route, outcome, now=LATER[1])
    route.refresh_from_db()
    assert (route.status, route.outcome, route.ended_at) == (RouteStatus.ENDED, outcome, LATER[1])
    told = [(f.moment, f.route_started, f.with_organisation) for f in feedback_for(route.signal)]
    assert told[1:] == [(FeedbackMoment.ASSESSED, False, None), (FeedbackMoment.ENDED, False, None)]
    assert not desks.may_end(route)
    with pytest.raises(Refused) as refused:  # an ended route does not end twice
        desks.end_route(cjg, actor, route, now=LATER[2])
    assert refused.value.kind == RefusalKind.CONFLICT

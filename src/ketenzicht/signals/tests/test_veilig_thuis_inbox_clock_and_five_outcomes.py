"""Reports (zorgmelding) arrive in Veilig Thuis's inbox with the 5-working-day clock (advice
requests without it: they name nobody to assess); its safety
assessment ends in exactly the five outcomes of domain.md §4, and handing to the local team opens
a route there. A CJG-Jeugdteam's triage has an outcome set of its own."""

from datetime import datetime

import pytest

from ketenzicht.refusals import Refused
from ketenzicht.signals import desks
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, RouteKind, RouteStatus
from ketenzicht.signals.services import request_advice

from .conftest import AMSTERDAM, DAAN, OFFICE_HOURS, acting, signal_as
from .support import involve, report_through_meldcode, route_at, share

#: domain.md §4: hand to the local team or an existing professional; advice only; end; or
#: investigate itself.
VEILIG_THUIS_OUTCOMES = {"lokaal-team", "betrokken-professional", "alleen-advies", "afsluiten",
                         "onderzoek"}
CJG_TRIAGE_OUTCOMES = {"eigen-hulp", "lokaal-team", "betrokken-professional", "alleen-advies",
                       "afsluiten"}


def _accepted_report():
    signal = signal_as("leerkracht")
    route = report_through_meldcode(signal)
    vt, actor = acting("veiligthuis")
    return signal, desks.accept(vt, actor, route, now=OFFICE_HOURS), vt, actor


def test_reports_land_in_veilig_thuis_inbox_with_the_clock_advice_requests_without(emmen):
    report = report_through_meldcode(signal_as("leerkracht"))
    advice = request_advice(*acting("jgz"), signal_as("jgz", categories=("overig",),
                            now=datetime(2026, 11, 24, 9, tzinfo=AMSTERDAM)),
                            "Melden of eerst hulp?", datetime(2026, 11, 24, 9, tzinfo=AMSTERDAM))
    vt, _actor = acting("veiligthuis")
    inbox = list(desks.inbox(vt))
    assert inbox == [report, advice]  # a deadline first, then the oldest without one
    assert [r.kind for r in inbox] == [RouteKind.REPORT, RouteKind.ADVICE]
    assert report.due_at == datetime(2026, 12, 2, 17, tzinfo=AMSTERDAM)
    assert advice.due_at is None
    assert list(desks.inbox(acting("cjg-demonden")[0])) == []


def test_veilig_thuis_has_exactly_the_five_outcomes():
    assert set(desks.SAFETY_ASSESSMENT_OUTCOMES) == VEILIG_THUIS_OUTCOMES


def test_cjg_triage_has_its_own_outcomes():
    assert set(desks.TRIAGE_OUTCOMES) == CJG_TRIAGE_OUTCOMES


@pytest.mark.parametrize(("outcome", "handed_to", "status", "opens"), [
    # Warm handover: Veilig Thuis stays responsible (assessed) until the receiver accepts.
    pytest.param("lokaal-team", "cjg-de-monden", RouteStatus.ASSESSED, True, id="lokaal-team"),
    pytest.param("betrokken-professional", "ggd-drenthe", RouteStatus.ASSESSED, True,
                 id="betrokken-professional"),
    pytest.param("alleen-advies", "", RouteStatus.ENDED, False, id="alleen-advies"),
    pytest.param("afsluiten", "", RouteStatus.ENDED, False, id="afsluiten"),
    pytest.param("onderzoek", "", RouteStatus.ASSESSED, False, id="onderzoek-zelf"),
])
def test_veilig_thuis_outcome(emmen, outcome, handed_to, status, opens):
    involve("ggd-drenthe", DAAN)  # the youth doctor already sees Daan
    signal, route, vt, actor = _accepted_report()
    route = desks.record_assessment(vt, actor, route, outcome, handed_to_slug=handed_to,
                                    now=OFFICE_HOURS)
    assert (route.status, route.outcome) == (status, outcome)
    assert route.assessed_at == OFFICE_HOURS
    assert (route.handed_to.slug if route.handed_to else "") == handed_to
    opened = list(signal.routes.exclude(pk=route.pk))
    assert [r.desk.slug for r in opened] == ([handed_to] if opens else [])
    assert route.handed_over_to == (opened[0] if opens else None)


def test_handing_to_the_local_team_opens_a_route_in_its_inbox(emmen):
    signal, route, vt, actor = _accepted_report()
    desks.record_assessment(vt, actor, route, "lokaal-team", handed_to_slug="cjg-de-monden",
                            now=OFFICE_HOURS)
    handover = route_at(signal, "cjg-de-monden")
    assert (handover.status, handover.kind) == (RouteStatus.SHARED, RouteKind.SIGNAL)
    # The report was made with the parents' consent: that basis travels with the handover.
    assert (handover.consent_basis, handover.consent_given_by, handover.safety_reason) == (
        ConsentBasis.CONSENT, ConsentGiver.PARENTS, "")
    assert handover in desks.inbox(acting("cjg-demonden")[0])


def test_veilig_thuis_cannot_choose_a_triage_outcome(emmen):
    _signal, route, vt, actor = _accepted_report()
    with pytest.raises(Refused) as refused:
        desks.record_assessment(vt, actor, route, "eigen-hulp", now=OFFICE_HOURS)
    assert refused.value.code == "uitkomst-onbekend"
    assert "Veilig Thuis onderzoekt zelf" in refused.value.message  # names keep their capitals
    route.refresh_from_db()
    assert route.status == RouteStatus.ACCEPTED


def test_handing_over_names_who_takes_it(emmen):
    _signal, route, vt, actor = _accepted_report()
    with pytest.raises(Refused) as refused:
        desks.record_assessment(vt, actor, route, "lokaal-team", now=OFFICE_HOURS)
    assert refused.value.code == "organisatie-onbekend"


def test_assessment_comes_after_accepting(emmen):
    route = report_through_meldcode(signal_as("leerkracht"))
    with pytest.raises(Refused) as refused:
        desks.record_assessment(*acting("veiligthuis"), route, "afsluiten", now=OFFICE_HOURS)
    assert refused.value.code == "route-status"


@pytest.mark.parametrize(("outcome", "allowed"), [
    pytest.param("eigen-hulp", True, id="eigen-hulp"),
    pytest.param("onderzoek", False, id="onderzoek-alleen-veilig-thuis"),
])
def test_cjg_triage_outcomes(emmen, outcome, allowed):
    signal = signal_as("leerkracht")
    route = share(signal)
    cjg, actor = acting("cjg-demonden")
    desks.accept(cjg, actor, route, now=OFFICE_HOURS)
    if allowed:
        route = desks.record_assessment(cjg, actor, route, outcome, now=OFFICE_HOURS)
        assert route.status == RouteStatus.ASSESSED
    else:
        with pytest.raises(Refused) as refused:
            desks.record_assessment(cjg, actor, route, outcome, now=OFFICE_HOURS)
        assert refused.value.code == "uitkomst-onbekend"

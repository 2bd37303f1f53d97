"""Nothing ends at a desk's Postvak: when a team accepts a signal, a report or a handover, and
when its matchregisseur takes a verwijsindex match up, the household arrives at the team's case
(opened, or joined) in the same transaction. An anonymous advice request names nobody and opens
none; the crisis service, which hands over the next working day, holds no cases. A case that only
routes brought in closes when its team lets the family go the way a route allows: handed over
and accepted by the receiver, or ended after help started or after the assessment."""

from datetime import date, timedelta

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.plans import cases
from ketenzicht.plans.models import Arrival, ArrivalKind, Case, CaseStatus, CloseReason
from ketenzicht.signals import desks
from ketenzicht.signals.services import request_advice
from ketenzicht.signals.tests.conftest import OFFICE_HOURS, signal_as
from ketenzicht.signals.tests.support import report_through_meldcode, share
from ketenzicht.verwijsindex.match_actions import record_contact
from ketenzicht.verwijsindex.tests.match_helpers import client_match_on

from .conftest import acting


def test_a_team_accepting_a_signal_holds_the_households_case(emmen):
    route = share(signal_as("leerkracht"))  # to the CJG-Jeugdteam De Monden, where Daan lives
    desks.accept(*acting("cjg-demonden"), route, OFFICE_HOURS)
    case = Case.objects.get()
    assert (case.team.slug, case.household.name) == ("cjg-de-monden", "De Vries")
    arrival = Arrival.objects.get(case=case)
    assert (arrival.kind, str(arrival.source_uuid)) == (ArrivalKind.ROUTE, str(route.uuid))


def test_veilig_thuis_accepting_a_report_holds_its_own_case(emmen):
    report = report_through_meldcode(signal_as("leerkracht"))
    desks.accept(*acting("veiligthuis"), report, OFFICE_HOURS)
    assert list(Case.objects.values_list("team__slug", flat=True)) == ["veilig-thuis-drenthe"]


def test_an_advice_request_names_nobody_and_opens_no_case(emmen):
    signal = signal_as("leerkracht")
    route = request_advice(*acting("leerkracht"), signal, "Hoe bespreek ik zorgen over verwaarlozing?",
                           OFFICE_HOURS)
    desks.accept(*acting("veiligthuis"), route, OFFICE_HOURS)
    assert not Case.objects.exists()


def test_the_matchregisseur_taking_a_match_up_holds_the_households_case(emmen):
    match = client_match_on(date(2026, 11, 23))
    record_contact(*acting("cjg-demonden"), match.uuid)
    case = Case.objects.get()
    assert case.team.slug == "cjg-de-monden"
    assert Arrival.objects.get(case=case).kind == ArrivalKind.MATCH


def _vt_hands_over_to_the_cjg():
    report = report_through_meldcode(signal_as("leerkracht"))
    desks.accept(*acting("veiligthuis"), report, OFFICE_HOURS)
    desks.record_assessment(*acting("veiligthuis"), report, "lokaal-team", handed_to_slug="cjg-de-monden",
                            now=OFFICE_HOURS + timedelta(hours=1))
    return report.signal.routes.get(desk__slug="cjg-de-monden")


def test_a_case_closes_when_its_team_hands_the_family_over_and_the_receiver_accepts(emmen):
    handover = _vt_hands_over_to_the_cjg()
    vt_case = Case.objects.get(team__slug="veilig-thuis-drenthe")
    assert vt_case.status == CaseStatus.OPEN  # Veilig Thuis holds the family until the CJG accepts

    desks.accept(*acting("cjg-demonden"), handover, OFFICE_HOURS + timedelta(hours=2))
    vt_case.refresh_from_db()
    assert (vt_case.status, vt_case.close_reason) == (CaseStatus.CLOSED, CloseReason.HANDED_OVER)
    assert "CJG-Jeugdteam De Monden" in vt_case.close_explanation
    assert Case.objects.get(team__slug="cjg-de-monden").status == CaseStatus.OPEN
    assert not AccessBasis.objects.filter(organisation__slug="veilig-thuis-drenthe", kind=BasisKind.CASE,
                                          ended_at__isnull=True).exists()


def test_a_case_that_the_family_itself_also_brought_stays_open_when_a_route_ends(emmen):
    handover = _vt_hands_over_to_the_cjg()
    vt = acting("veiligthuis")[0]
    vt_case = Case.objects.get(team=vt.organisation)
    cases.arrive(*acting("veiligthuis"), vt_case.household, cases.ArrivalRequest(
        kind=ArrivalKind.APPLICATION, person=handover.signal.person, channel="telefoon",
        applicant="ouder", question="Moeder belt zelf met vragen."))
    desks.accept(*acting("cjg-demonden"), handover, OFFICE_HOURS + timedelta(hours=2))
    vt_case.refresh_from_db()
    assert vt_case.status == CaseStatus.OPEN  # Veilig Thuis closes it itself, with a reason


def test_a_case_closes_when_its_team_ends_the_route_after_help_started(emmen):
    route = share(signal_as("leerkracht"))
    desks.accept(*acting("cjg-demonden"), route, OFFICE_HOURS)
    desks.record_help_started(*acting("cjg-demonden"), route, "cjg-de-monden",
                              OFFICE_HOURS + timedelta(days=1))
    desks.end_route(*acting("cjg-demonden"), route, OFFICE_HOURS + timedelta(days=2))
    case = Case.objects.get()
    assert (case.status, case.close_reason) == (CaseStatus.CLOSED, CloseReason.HELP_STARTED)
    assert case.close_explanation == "Hulp gestart met CJG-Jeugdteam De Monden."


def test_a_case_where_the_team_works_with_the_family_itself_stays_open_when_its_route_ends(emmen):
    """Help started through the route, but the team is past the intake with the family (its
    own assessment is due): the case, its deadline and the team's basis stay."""
    route = share(signal_as("leerkracht"))
    desks.accept(*acting("cjg-demonden"), route, OFFICE_HOURS)
    case = Case.objects.get()
    cases.after_intake(case, concern=True, at=OFFICE_HOURS)
    desks.record_help_started(*acting("cjg-demonden"), route, "cjg-de-monden",
                              OFFICE_HOURS + timedelta(days=1))
    desks.end_route(*acting("cjg-demonden"), route, OFFICE_HOURS + timedelta(days=2))
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and case.next_milestone == "risicotaxatie"

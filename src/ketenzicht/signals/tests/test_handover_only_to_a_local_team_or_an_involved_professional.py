"""Who may take a signal over, and on what basis (domain.md §4, §5).

- to the local team: only a team that receives signals (CJG-Jeugdteam, sociaal gebiedsteam);
- to an existing professional: only a care organisation already involved with the person (an
  active basis) or the signaller's own when it is one (never the school or the police: see
  test_a_family_is_handed_over_only_to_an_organisation_that_can_take_responsibility_for_help);
- help is given only by an organisation that helps: never a school, the police, a housing
  corporation or volunteers, who signal but do not take a family's case over;
- the handover carries the consent basis the signal was shared on, nothing made up on the way;
- only a local team gets a basis on the person with it, and a desk's basis from the signal ends
  when its route ends or is handed over.
"""

from datetime import timedelta

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import visible_person
from ketenzicht.refusals import Refused
from ketenzicht.signals import desks
from ketenzicht.signals.models import ConsentBasis, ConsentGiver, RouteStatus
from ketenzicht.signals.services import Consent, ShareRequest

from .conftest import ANJA, DAAN, OFFICE_HOURS, PARENTS_CONSENT, SANNE, acting, signal_as
from .support import involve, person, report_through_meldcode, route_at

LATER = [OFFICE_HOURS + timedelta(hours=hours) for hours in range(1, 8)]
LOCAL_TEAM_ONLY = "Kies een CJG-Jeugdteam of sociaal gebiedsteam om aan over te dragen."
INVOLVED_ONLY = "Kies een organisatie die hulp biedt en al bij deze persoon betrokken is."
HELPERS_ONLY = "Kies een organisatie die hulp biedt."
#: Signal, but never take a family's case over.
NOT_CARE = ["kristalla", "politie-drenthe", "domesta", "dorpenzorg"]
LOCAL_TEAMS = {f"{kind}-{district}" for kind in ("cjg", "sgt") for district in (
    "de-monden", "de-blokken", "de-velden", "emmen-noord", "emmen-oost", "emmen-zuid")} | {
    "cjg-12plus"}
FOR_SAFETY = Consent(ConsentBasis.SAFETY, safety_reason="Vader dreigt met geweld.")


def _accepted_report(username: str = "leerkracht", bsn: str = DAAN,
                     share_request: ShareRequest = PARENTS_CONSENT):
    signal = signal_as(username, bsn)
    report = report_through_meldcode(signal, username, share_request)
    vt, actor = acting("veiligthuis")
    desks.accept(vt, actor, report, now=LATER[0])
    report.refresh_from_db()
    return signal, report, vt, actor


def _refused_handover(outcome: str, slug: str, message: str) -> None:
    signal, report, vt, actor = _accepted_report()
    with pytest.raises(Refused) as refused:
        desks.record_assessment(vt, actor, report, outcome, handed_to_slug=slug, now=LATER[1])
    assert (refused.value.code, refused.value.message, refused.value.field) == (
        "organisatie-onbekend", message, "overdragenAan")
    report.refresh_from_db()
    assert report.status == RouteStatus.ACCEPTED
    assert list(signal.routes.all()) == [report]


@pytest.mark.parametrize("slug", [*NOT_CARE, "ggd-drenthe", "mee-drenthe"])
def test_the_local_team_is_only_a_team_that_receives_signals(emmen, slug):
    involve("ggd-drenthe", DAAN)  # involved, but not a local team
    _refused_handover("lokaal-team", slug, LOCAL_TEAM_ONLY)


@pytest.mark.parametrize("slug", ["politie-drenthe", "domesta", "dorpenzorg", "ggd-drenthe",
                                  "sgt-de-monden"])
def test_an_existing_professional_is_only_an_organisation_already_involved(emmen, slug):
    _refused_handover("betrokken-professional", slug, INVOLVED_ONLY)


def test_a_school_that_is_not_involved_is_no_existing_professional(emmen):
    """The youth doctor's report about Sanne: Kristalla has nothing to do with her, so the list
    holds the local teams and the doctor's own organisation, which may take it back."""
    signal, report, vt, actor = _accepted_report("jgz", SANNE, ShareRequest(FOR_SAFETY))
    assert {o.slug for o in desks.handover_receivers(report)} == LOCAL_TEAMS | {"ggd-drenthe"}
    with pytest.raises(Refused) as refused:
        desks.record_assessment(vt, actor, report, "betrokken-professional",
                                handed_to_slug="kristalla", now=LATER[1])
    assert refused.value.message == INVOLVED_ONLY
    desks.record_assessment(vt, actor, report, "betrokken-professional",
                            handed_to_slug="ggd-drenthe", now=LATER[1])
    report.refresh_from_db()
    assert (report.status, report.handed_to.slug) == (RouteStatus.HANDED_OVER, "ggd-drenthe")
    assert list(signal.routes.all()) == [report]  # back with the signaller: no route to accept


def test_an_involved_organisation_takes_it_over_without_a_new_basis(emmen):
    involve("ggd-drenthe", DAAN)
    signal, report, vt, actor = _accepted_report()
    desks.record_assessment(vt, actor, report, "betrokken-professional",
                            handed_to_slug="ggd-drenthe", now=LATER[1])
    handover = route_at(signal, "ggd-drenthe")
    assert handover.status == RouteStatus.SHARED
    assert not AccessBasis.objects.filter(organisation__slug="ggd-drenthe",
                                          kind=BasisKind.SIGNAL).exists()
    jgz, jgz_actor = acting("jgz")
    desks.accept(jgz, jgz_actor, handover, now=LATER[2])
    desks.record_help_started(jgz, jgz_actor, handover, now=LATER[3])
    desks.end_route(jgz, jgz_actor, handover, now=LATER[4])
    # Its own involvement is not the signal's to end.
    assert visible_person(jgz, person(DAAN).uuid) is not None


@pytest.mark.parametrize("slug", NOT_CARE)
def test_help_is_given_only_by_an_organisation_that_helps(emmen, slug):
    _signal, report, vt, actor = _accepted_report()
    desks.record_assessment(vt, actor, report, "onderzoek", now=LATER[1])
    with pytest.raises(Refused) as refused:
        desks.record_help_started(vt, actor, report, with_slug=slug, now=LATER[2])
    assert (refused.value.code, refused.value.message, refused.value.field) == (
        "organisatie-onbekend", HELPERS_ONLY, "hulpDoor")
    report.refresh_from_db()
    assert (report.status, report.help_started_at) == (RouteStatus.ASSESSED, None)
    desks.record_help_started(vt, actor, report, with_slug="mee-drenthe", now=LATER[2])
    report.refresh_from_db()
    assert report.help_with.slug == "mee-drenthe"


@pytest.mark.parametrize(("consent", "expected"), [
    pytest.param(Consent(ConsentBasis.CONSENT, given_by=ConsentGiver.PARENTS),
                 (ConsentBasis.CONSENT, ConsentGiver.PARENTS, ""), id="toestemming-ouders"),
    pytest.param(FOR_SAFETY, (ConsentBasis.SAFETY, "", "Vader dreigt met geweld."),
                 id="veiligheid"),
])
def test_the_handover_carries_the_consent_basis_of_the_signal(emmen, consent, expected):
    signal, report, vt, actor = _accepted_report(share_request=ShareRequest(consent))
    desks.record_assessment(vt, actor, report, "lokaal-team", handed_to_slug="cjg-de-monden",
                            now=LATER[1])
    handover = route_at(signal, "cjg-de-monden")
    assert (handover.consent_basis, handover.consent_given_by, handover.safety_reason) == expected


def test_a_local_team_sees_the_family_while_its_route_is_open(emmen):
    """The sociaal gebiedsteam sees no one in its district by itself: the handover gives it the
    household, its end takes it away again — as Veilig Thuis's ends once the team accepts."""
    sgt, sgt_actor = acting("sgt-demonden")
    vt = acting("veiligthuis")[0]
    assert visible_person(sgt, person(DAAN).uuid) is None
    signal, report, _vt, actor = _accepted_report()
    desks.record_assessment(vt, actor, report, "lokaal-team", handed_to_slug="sgt-de-monden",
                            now=LATER[1])
    handover = route_at(signal, "sgt-de-monden")
    assert visible_person(sgt, person(DAAN).uuid) is not None
    assert visible_person(sgt, person(ANJA).uuid) is not None  # the household, not the child only

    desks.accept(sgt, sgt_actor, handover, now=LATER[2])
    assert visible_person(vt, person(DAAN).uuid) is None
    desks.record_help_started(sgt, sgt_actor, handover, now=LATER[3])
    assert visible_person(sgt, person(DAAN).uuid) is not None
    desks.end_route(sgt, sgt_actor, handover, now=LATER[4])
    assert visible_person(sgt, person(DAAN).uuid) is None
    assert visible_person(sgt, person(ANJA).uuid) is None
    assert not AccessBasis.objects.filter(kind=BasisKind.SIGNAL, reference=str(signal.uuid),
                                          ended_at__isnull=True).exists()

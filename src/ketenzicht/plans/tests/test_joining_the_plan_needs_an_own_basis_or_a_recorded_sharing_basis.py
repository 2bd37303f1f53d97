"""Joining the household plan shares the whole household: an organisation that already has its own
basis on a member of the household (a case, a client relation, …) joins as it is; any other only
with the basis for sharing recorded on its membership — the consent of whoever gives it by the age
bands, or the safety reason without consent (domain.md §5). A verwijsindex registration alone is
no basis for the household. Every problem of the add-member form comes at once."""

import pytest
from django.db import IntegrityError, transaction

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.access.services import basis_for, grant_basis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.audit.services import SYSTEM
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import household_plan
from ketenzicht.plans.household_plan import ActionInput, PlanRefused, Sharing
from ketenzicht.plans.models import ActionHolder, HouseholdPlan, PlanMember, SharingBasis
from ketenzicht.refusals import Refused

from .conftest import DAAN, WEDNESDAY, acting, de_vries, professional
from .meeting_support import ANJA, EMMA
from .plan_support import TODAY, consent, draft_plan, involved

pytestmark = pytest.mark.usefixtures("emmen")


def _add(plan, username, **kwargs):
    who = professional(username)
    return household_plan.add_member(*acting("cjg-demonden"), plan, who.organisation, who, now=WEDNESDAY,
                                     **kwargs)


def test_an_organisation_without_a_basis_is_refused_without_a_sharing_basis_and_sees_nothing():
    plan = draft_plan()
    with pytest.raises(PlanRefused) as refused:
        _add(plan, "ggz", email="geen-adres")
    assert [field for field, _message in refused.value.problems] == ["email", "sharing_basis"]
    assert "GGZ Drenthe is nog niet zelf bij het gezin betrokken" in refused.value.message
    assert not PlanMember.objects.filter(organisation=professional("ggz").organisation).exists()
    assert basis_for(professional("ggz"), find_person_by_bsn(DAAN)) is None


def test_consent_must_come_from_everyone_whose_consent_counts_by_age():
    plan = draft_plan()
    with pytest.raises(PlanRefused) as refused:
        _add(plan, "ggz", sharing=Sharing(basis=SharingBasis.CONSENT,
                                          consent_given_by=(find_person_by_bsn(ANJA),)))
    assert refused.value.problems[0][0] == "consent_given_by"
    assert "voor Emma (14) de toestemming van Emma zelf" in refused.value.message
    with pytest.raises(PlanRefused) as refused:
        _add(plan, "ggz", sharing=Sharing(basis=SharingBasis.SAFETY, safety_reason="  "))
    assert refused.value.problems[0][0] == "safety_reason"


def test_with_the_familys_consent_the_basis_is_on_the_membership_and_audited_per_member():
    plan = draft_plan()
    member = _add(plan, "ggz", sharing=consent())
    assert member.sharing_basis == SharingBasis.CONSENT
    assert {p.pk for p in member.consent_given_by.all()} == {p.pk for p in consent().consent_given_by}
    assert basis_for(professional("ggz"), find_person_by_bsn(DAAN)).kind == BasisKind.PLAN
    shared = AuditEvent.objects.filter(object_type="gezinsplan", purpose__contains="gedeeld met een nieuwe")
    assert shared.count() == 4 and {e.detail["grondslag"] for e in shared} == {SharingBasis.CONSENT}


def test_for_safety_without_consent_with_the_reason():
    plan = draft_plan()
    member = _add(plan, "ggz", sharing=Sharing(basis=SharingBasis.SAFETY,
                                               safety_reason="Moeder dreigt Daan mee te nemen."))
    assert (member.sharing_basis, member.safety_reason) == (SharingBasis.SAFETY,
                                                           "Moeder dreigt Daan mee te nemen.")


def test_the_database_refuses_a_safety_basis_without_a_reason():
    plan = draft_plan()
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanMember.objects.create(plan=plan, organisation=professional("ggz").organisation,
                                  added_at=WEDNESDAY, sharing_basis=SharingBasis.SAFETY, safety_reason="")


def test_an_organisation_with_its_own_basis_on_a_member_joins_as_it_is():
    plan = draft_plan()
    involved("sgt-demonden")  # its own case of the family
    member = _add(plan, "sgt-demonden")
    assert member.sharing_basis == "" and not member.consent_given_by.exists()


def test_a_verwijsindex_registration_alone_is_no_basis_for_the_household():
    plan = draft_plan()
    jgz = professional("jgz")
    grant_basis(jgz.organisation, find_person_by_bsn(EMMA), BasisKind.REGISTRATION, "vi-test", actor=SYSTEM)
    with pytest.raises(PlanRefused) as refused:
        _add(plan, "jgz")
    assert [field for field, _message in refused.value.problems] == ["sharing_basis"]
    HouseholdPlan.objects.all().delete()
    with pytest.raises(Refused) as refused:
        household_plan.create_plan(*acting("jgz"), de_vries(), WEDNESDAY)
    assert refused.value.code == "niet-betrokken"


def test_an_action_does_not_bring_in_an_organisation_without_a_basis():
    plan = draft_plan()
    with pytest.raises(PlanRefused) as refused:
        household_plan.add_actions(*acting("cjg-demonden"), plan.household, [ActionInput(
            holder_kind=ActionHolder.PROFESSIONAL, professional=professional("ggz"), what="Behandeling",
            due_on=TODAY)], now=WEDNESDAY)
    assert refused.value.problems == (("professional", "GGZ Drenthe neemt niet deel aan het plan en is niet "
                                       "zelf bij het gezin betrokken: voeg de organisatie eerst toe als "
                                       "deelnemer, met de grondslag om te delen."),)
    assert not AccessBasis.objects.filter(organisation=professional("ggz").organisation,
                                          kind=BasisKind.PLAN).exists()

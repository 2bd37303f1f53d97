"""Choosing the regisseur on the plan page: an appointed regisseur's organisation takes part in the
plan at once; a proposed one's only when the change is accepted — never on a mere proposal, and a
declined proposal leaves nothing behind. An organisation that neither takes part nor has its own
basis on the household is first added as a member, with the basis for sharing."""

import pytest

from ketenzicht.leads.services import LeadChoice, accept_change, decline_change, pending_change
from ketenzicht.plans import household_plan
from ketenzicht.plans.household_plan import PlanRefused
from ketenzicht.plans.models import PlanMember
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, professional
from .plan_support import choose_regisseur, draft_plan, involved

pytestmark = pytest.mark.usefixtures("emmen")


def _sgt_member():
    return PlanMember.objects.filter(organisation=professional("sgt-demonden").organisation,
                                     ended_at__isnull=True).first()


def test_a_declined_proposal_gives_no_membership_and_an_accepted_one_does():
    plan = draft_plan()
    choose_regisseur(plan)
    involved("sgt-demonden")
    choose_regisseur(plan, regisseur="sgt-demonden")
    assert _sgt_member() is None  # proposed only
    decline_change(*acting("sgt-demonden"), pending_change(plan.household), reason="Geen plek.",
                   now=WEDNESDAY)
    assert _sgt_member() is None
    choose_regisseur(plan, regisseur="sgt-demonden")
    assert _sgt_member() is None
    accept_change(*acting("sgt-demonden"), pending_change(plan.household), now=WEDNESDAY)
    member = _sgt_member()
    assert member is not None and member.professional == professional("sgt-demonden")
    assert member.sharing_basis == ""  # its own case of the family
    plan.refresh_from_db()
    assert plan.versions.last().summary == ("Nieuwe deelnemer: Sociaal gebiedsteam De Monden (de organisatie "
                                            "van de regisseur).")
    assert household_plan.open_plan(*acting("sgt-demonden"), plan.household.uuid) == plan


def test_an_appointed_regisseur_takes_part_at_once():
    plan = draft_plan()
    involved("sgt-demonden")
    choose_regisseur(plan, regisseur="sgt-demonden")
    assert _sgt_member() is not None


def test_an_organisation_without_a_basis_is_first_added_with_the_basis_for_sharing():
    plan = draft_plan()
    with pytest.raises(Refused) as refused:
        household_plan.choose_regisseur(*acting("cjg-demonden"), plan, LeadChoice(
            professional=professional("ggz"), family_preference="Moeder wil haar behandelaar."), WEDNESDAY)
    assert refused.value.field == "professional" and not isinstance(refused.value, PlanRefused)
    assert "voeg de organisatie eerst toe als deelnemer" in refused.value.message
    assert pending_change(plan.household) is None

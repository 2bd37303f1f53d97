"""One plan per household, also when the problems return: an involved organisation that opens the
plan of a household whose plan was closed reopens it as a draft (the closing cleared, a version
"Heropend"), and an MDO's actions reopen it the same way. The opener's organisation takes part
again on its own basis; the former members do not (the household is shared with them again only
as the membership rules say: a member adds them), except the regisseur's organisation when it has
its own basis. The regisseur is chosen on the reopened plan as usual and the plan is agreed
again."""

from datetime import timedelta

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.plans import household_plan
from ketenzicht.plans.models import Case, CaseStatus, HouseholdPlan, Milestone, PlanCloseReason, PlanStatus
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries, professional
from .meeting_support import recorded_mdo
from .plan_support import action_for, agreed_plan, choose_regisseur, fill, involved, notices_of
from .support import application

LATER = WEDNESDAY + timedelta(days=120)


def _closed_plan() -> HouseholdPlan:
    """The De Vries plan agreed with Bart (CJG De Monden) as regisseur, the GGZ a member with
    consent, then closed: the CJG's case closed with it, so nobody is involved any more."""
    plan = agreed_plan()
    help_action = action_for(plan, "ggz", what="Behandeling moeder", is_help=True)
    household_plan.update_action(*acting("ggz"), help_action, what=help_action.what,
                                 due_on=help_action.due_on, done_on=None, help_started_on=WEDNESDAY.date(),
                                 is_help=True, now=WEDNESDAY)
    return household_plan.close_plan(*acting("cjg-demonden"), plan, reason=PlanCloseReason.MANAGEABLE,
                                     explanation="De ouders redden het met de GGZ.", now=WEDNESDAY)


def _plan_basis(username: str, plan: HouseholdPlan) -> bool:
    return AccessBasis.objects.filter(organisation=professional(username).organisation, kind=BasisKind.PLAN,
                                      reference=str(plan.uuid), ended_at__isnull=True).exists()


def test_an_involved_organisation_reopens_the_closed_plan_as_a_draft(emmen):
    closed = _closed_plan()
    involved("sgt-demonden", now=LATER)  # the problems return: the family applies at the sgt
    plan = household_plan.create_plan(*acting("sgt-demonden"), de_vries(), LATER)
    assert plan.pk == closed.pk and HouseholdPlan.objects.count() == 1
    assert plan.status == PlanStatus.DRAFT
    assert (plan.closed_at, plan.close_reason, plan.close_explanation) == (None, "", "")
    assert plan.next_review is None
    assert (plan.parents_agreed_on, plan.youth_agreed_on) == (None, None)
    last = plan.versions.last()
    assert last.summary.startswith("Heropend") and last.changed_by == professional("sgt-demonden")
    assert last.changed_at == LATER and last.snapshot["status"] == PlanStatus.DRAFT
    # The opener takes part on its own basis; the former members no longer (the GGZ joined with
    # the consent given for the closed plan, the CJG's case closed with it).
    assert household_plan.is_member(acting("sgt-demonden")[0], plan) and _plan_basis("sgt-demonden", plan)
    assert not household_plan.is_member(acting("ggz")[0], plan) and not _plan_basis("ggz", plan)
    assert not household_plan.is_member(acting("cjg-demonden")[0], plan)
    assert household_plan.open_plan(*acting("ggz"), de_vries().uuid) is None
    # Bart is still the household's regisseur and hears the plan is open again.
    [told] = notices_of("cjg-demonden", "gezinsplan-heropend")
    assert "Vries" not in told.title + told.body


def test_the_regisseurs_organisation_with_its_own_basis_takes_part_again(emmen):
    _closed_plan()
    application("cjg-demonden", LATER)  # a new case at the CJG: its own basis again
    involved("sgt-demonden", now=LATER)
    plan = household_plan.create_plan(*acting("sgt-demonden"), de_vries(), LATER)
    assert household_plan.is_member(acting("cjg-demonden")[0], plan)
    assert _plan_basis("cjg-demonden", plan)


def test_an_organisation_not_involved_cannot_reopen_it(emmen):
    closed = _closed_plan()
    with pytest.raises(Refused) as refused:
        household_plan.create_plan(*acting("ggz"), de_vries(), LATER)
    assert refused.value.code == "niet-betrokken"
    assert HouseholdPlan.objects.get(pk=closed.pk).status == PlanStatus.CLOSED


def test_an_mdos_actions_reopen_the_closed_plan(emmen):
    closed = _closed_plan()
    case = application("cjg-demonden", LATER)
    meeting = recorded_mdo(case)
    plan = HouseholdPlan.objects.get(pk=closed.pk)
    assert plan.status == PlanStatus.DRAFT and plan.closed_at is None
    assert plan.actions.filter(meeting=meeting).count() == 1
    summaries = [v.summary for v in plan.versions.order_by("number")][-2:]
    assert summaries[0].startswith("Heropend") and "uit het multidisciplinair overleg" in summaries[1]
    assert household_plan.is_member(acting("cjg-demonden")[0], plan)


def test_the_reopened_plan_gets_its_regisseur_and_is_agreed_again(emmen):
    _closed_plan()
    case = application("cjg-demonden", LATER)
    plan = fill(household_plan.create_plan(*acting("cjg-demonden"), de_vries(), LATER), now=LATER)
    involved("sgt-demonden", now=LATER)
    household_plan.add_member(*acting("cjg-demonden"), plan, professional("sgt-demonden").organisation,
                              professional("sgt-demonden"), now=LATER)
    choose_regisseur(plan, regisseur="sgt-demonden", now=LATER)
    plan = household_plan.record_agreement(*acting("cjg-demonden"), plan, parents_agreed_on=LATER.date(),
                                           youth_agreed_on=LATER.date(), now=LATER)
    assert plan.status == PlanStatus.AGREED
    case = Case.objects.get(pk=case.pk)
    assert case.status == CaseStatus.OPEN and case.next_milestone == Milestone.REVIEW

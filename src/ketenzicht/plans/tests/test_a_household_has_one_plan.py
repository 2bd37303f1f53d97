"""1Gezin1Plan: one plan per household. Opening it again returns the same plan to a member of
it; an involved organisation that is no member learns only that a plan exists (a member adds it);
an organisation not involved with the family cannot open one."""

import pytest

from ketenzicht.plans import household_plan
from ketenzicht.plans.models import HouseholdPlan, PlanStatus
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries
from .plan_support import draft_plan, involved


def test_opening_the_plan_twice_gives_the_one_plan(emmen):
    plan = draft_plan()
    again = household_plan.create_plan(*acting("cjg-demonden"), de_vries(), WEDNESDAY)
    assert again.pk == plan.pk and HouseholdPlan.objects.count() == 1
    assert plan.status == PlanStatus.DRAFT and plan.version == 1
    assert plan.review_months == 3  # CaseSettings.review_months' default
    assert [v.summary for v in plan.versions.all()] == ["Gezinsplan geopend (concept)."]


def test_an_involved_organisation_that_is_no_member_is_told_a_plan_exists(emmen):
    plan = draft_plan()
    involved("sgt-demonden")
    with pytest.raises(Refused) as refused:
        household_plan.create_plan(*acting("sgt-demonden"), de_vries(), WEDNESDAY)
    assert refused.value.code == "plan-bestaat" and refused.value.existing_uuid == str(plan.uuid)
    assert "deelnemer" in refused.value.message
    assert not household_plan.is_member(acting("sgt-demonden")[0], plan)


def test_an_organisation_not_involved_cannot_open_a_plan(emmen):
    with pytest.raises(Refused) as refused:
        household_plan.create_plan(*acting("ggz"), de_vries(), WEDNESDAY)
    assert refused.value.code == "niet-betrokken"
    assert HouseholdPlan.objects.count() == 0

"""A plan closes only with a recorded reason that the problems are solved or manageable (with an
explanation), and never while an action that is help has not started: the refusal names it."""

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.plans import household_plan
from ketenzicht.plans.household_plan import PlanRefused
from ketenzicht.plans.models import PlanCloseReason, PlanStatus
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries
from .plan_support import action_for, agreed_plan


def test_closing_needs_a_reason_and_an_explanation(emmen):
    plan = agreed_plan()
    with pytest.raises(PlanRefused) as refused:
        household_plan.close_plan(*acting("cjg-demonden"), plan, reason="geen-zin", explanation="",
                                  now=WEDNESDAY)
    assert [field for field, _m in refused.value.problems] == ["reason", "explanation"]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED


def test_help_not_started_keeps_the_plan_open_and_is_named(emmen):
    plan = agreed_plan()
    help_action = action_for(plan, "ggz", what="Behandeling moeder bij GGZ Drenthe", is_help=True)
    with pytest.raises(Refused) as refused:
        household_plan.close_plan(*acting("cjg-demonden"), plan, reason=PlanCloseReason.SOLVED,
                                  explanation="Het gaat goed.", now=WEDNESDAY)
    assert refused.value.code == "hulp-niet-gestart"
    assert "Behandeling moeder bij GGZ Drenthe" in refused.value.message
    assert "Wim Mulder" in refused.value.message
    household_plan.update_action(*acting("ggz"), help_action, what=help_action.what,
                                 due_on=help_action.due_on,
                                 done_on=None, help_started_on=WEDNESDAY.date(), is_help=True, now=WEDNESDAY)
    plan = household_plan.close_plan(*acting("cjg-demonden"), plan, reason=PlanCloseReason.MANAGEABLE,
                                     explanation="De ouders redden het met de GGZ.", now=WEDNESDAY)
    assert plan.status == PlanStatus.CLOSED and plan.closed_at == WEDNESDAY
    assert plan.close_reason == PlanCloseReason.MANAGEABLE
    # The members keep reading the closed plan, but it no longer opens the household to them.
    assert household_plan.open_plan(*acting("ggz"), de_vries().uuid) == plan
    assert not AccessBasis.objects.filter(kind=BasisKind.PLAN, ended_at__isnull=True).exists()


def test_a_closed_plan_is_not_changed(emmen):
    plan = agreed_plan()
    household_plan.close_plan(*acting("cjg-demonden"), plan, reason=PlanCloseReason.SOLVED,
                              explanation="Opgelost.", now=WEDNESDAY)
    with pytest.raises(Refused) as refused:
        household_plan.update_texts(*acting("cjg-demonden"), plan, {"strengths": "x"}, WEDNESDAY)
    assert refused.value.code == "plan-gesloten"

"""Who does what by when, agreed in a consultation or MDO, become actions of the household's plan
(a draft plan when there is none), each linked to the meeting; a holder must have taken part (or be
the team), and an action is due on or after the meeting."""

import pytest

from ketenzicht.plans import meetings
from ketenzicht.plans.models import ActionHolder, HouseholdPlan, PlanAction, PlanStatus
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries, professional
from .meeting_support import due, mdo, recorded_mdo
from .support import application

pytestmark = pytest.mark.usefixtures("emmen")


def test_the_mdos_actions_are_in_a_new_draft_plan_of_the_household():
    grandmother = meetings.ActionData(holder_kind=ActionHolder.NETWORK, holder_name="Oma Jannie",
                                      what="Haalt Daan twee middagen per week uit school.", due_on=due(7))
    meeting = recorded_mdo(actions=(*mdo().actions, grandmother))
    plan = HouseholdPlan.objects.get(household=de_vries())
    assert plan.status == PlanStatus.DRAFT
    actions = list(PlanAction.objects.filter(plan=plan).order_by("id"))
    assert [(a.holder_kind, a.meeting_id) for a in actions] == [
        (ActionHolder.PROFESSIONAL, meeting.pk), (ActionHolder.NETWORK, meeting.pk)]
    assert actions[0].professional == professional("cjg-demonden") and actions[0].is_help
    assert actions[1].holder_name == "Oma Jannie" and actions[1].due_on == due(7)


def test_a_second_meeting_adds_to_the_same_plan():
    case = application()
    recorded_mdo(case)
    recorded_mdo(case)
    assert HouseholdPlan.objects.count() == 1
    assert PlanAction.objects.filter(meeting__isnull=False).count() == 2


def test_a_meeting_without_actions_makes_no_plan():
    recorded_mdo(actions=())
    assert not HouseholdPlan.objects.exists()


def test_an_action_holder_who_did_not_take_part_and_an_action_due_before_the_meeting_are_refused():
    outsider = meetings.ActionData(holder_kind=ActionHolder.PROFESSIONAL, professional=professional("ggz"),
                                   what="Gesprek met moeder.", due_on=due(5))
    too_early = meetings.ActionData(holder_kind=ActionHolder.FAMILY, holder_name="Anja de Vries",
                                    what="Belt de huisarts.", due_on=due(-3))
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("cjg-demonden"), application(), mdo(actions=(outsider, too_early)),
                                WEDNESDAY)
    assert [(p.code, p.field) for p in all_of(refused.value)] == [
        ("uitvoerder-geen-deelnemer", "acties.0.professional"),
        ("uiterlijk-voor-overleg", "acties.1.uiterlijk")]
    assert not PlanAction.objects.exists()


def test_the_invited_organisation_can_hold_an_action():
    school = professional("leerkracht").organisation
    by_school = meetings.ActionData(holder_kind=ActionHolder.ORGANISATION, organisation=school,
                                    what="Meldt verzuim dezelfde dag aan het CJG.", due_on=due(30))
    recorded_mdo(actions=(by_school,))
    assert PlanAction.objects.get().organisation == school

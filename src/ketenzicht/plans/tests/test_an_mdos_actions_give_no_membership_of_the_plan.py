"""An action agreed in an MDO gives its holder no membership of the household plan (no basis on
the household): an invited organisation sees its own action through the record of the meeting it
took part in. The organiser's organisation — the case's team — takes part."""

import pytest

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.plans import household_plan, meetings
from ketenzicht.plans.models import ActionHolder, PlanMember

from .conftest import acting, de_vries, professional
from .meeting_support import due, recorded_mdo
from .plan_support import draft_plan

pytestmark = pytest.mark.usefixtures("emmen")


def _school_action() -> meetings.ActionData:
    return meetings.ActionData(holder_kind=ActionHolder.PROFESSIONAL,
                               professional=professional("leerkracht"),
                               what="Dagelijks ontbijt op school aanbieden.", due_on=due(7))


def _school_in_plan() -> tuple[bool, int]:
    school = professional("leerkracht").organisation
    return (PlanMember.objects.filter(organisation=school, ended_at__isnull=True).exists(),
            AccessBasis.objects.filter(organisation=school, kind=BasisKind.PLAN,
                                       ended_at__isnull=True).count())


def test_the_invited_school_holds_its_action_without_joining_a_new_plan():
    meeting = recorded_mdo(actions=(_school_action(),))
    assert _school_in_plan() == (False, 0)
    assert household_plan.open_plan(*acting("leerkracht"), de_vries().uuid) is None
    seen = meetings.open_meeting(*acting("leerkracht"), meeting.uuid)
    _participants, actions = meetings.record_of(seen)
    assert [a.what for a in actions] == ["Dagelijks ontbijt op school aanbieden."]
    assert PlanMember.objects.filter(organisation=professional("cjg-demonden").organisation).exists()


def test_nor_an_existing_plan():
    plan = draft_plan()
    recorded_mdo(actions=(_school_action(),))
    assert _school_in_plan() == (False, 0)
    assert plan.actions.filter(professional=professional("leerkracht")).count() == 1

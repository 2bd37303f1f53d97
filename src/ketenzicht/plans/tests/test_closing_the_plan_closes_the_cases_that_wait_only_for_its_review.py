"""Closing the household plan closes every open case of the household that waits only for the
plan's review, with the reason "Gezinsplan gesloten" and the plan's explanation (through
``cases.close``: audited, the team's basis on the household ends with it; its holder hears of
it). A case that waits for another step keeps it; and no review of a closed plan is ever
reported late."""

from datetime import timedelta

import time_machine

from ketenzicht.access.models import AccessBasis, BasisKind
from ketenzicht.audit.models import AuditEvent
from ketenzicht.plans import cases, household_plan
from ketenzicht.plans.deadlines import flag_overdue_cases
from ketenzicht.plans.models import Case, CaseStatus, CloseReason, Milestone, PlanCloseReason

from .conftest import WEDNESDAY, acting, de_vries, professional
from .plan_support import agreed_plan, involved, notices_of

EXPLANATION = "Daan gaat weer graag naar school; de ouders redden het met oma."


def _case(team_slug: str) -> Case:
    return Case.objects.get(household=de_vries(), team__slug=team_slug)


def _close(plan):
    return household_plan.close_plan(*acting("cjg-demonden"), plan, reason=PlanCloseReason.SOLVED,
                                      explanation=EXPLANATION, now=WEDNESDAY + timedelta(days=7))


def test_the_case_waiting_for_the_review_closes_with_the_plan(emmen):
    plan = agreed_plan()
    case = _case("cjg-de-monden")
    assert case.next_milestone == Milestone.REVIEW
    _close(plan)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.close_reason == CloseReason.PLAN_CLOSED
    assert case.get_close_reason_display() == "Gezinsplan gesloten: de problemen zijn opgelost of hanteerbaar"
    assert case.close_explanation == EXPLANATION
    assert case.closed_at == WEDNESDAY + timedelta(days=7)
    assert not AccessBasis.objects.filter(kind=BasisKind.CASE, reference=str(case.uuid),
                                          ended_at__isnull=True).exists()
    assert AuditEvent.objects.filter(object_type="casus", object_id=str(case.uuid),
                                     purpose="casus gesloten: plan-gesloten").exists()
    # Its holder (the teamleider until assigned) hears of it, without the family's name.
    [told] = notices_of("teamleider-demonden", "casus-gesloten")
    assert told.link == f"/casussen/{case.uuid}/" and "Vries" not in told.title + told.body


def test_a_handover_that_waited_is_declined_and_kept_on_the_case(emmen):
    plan = agreed_plan()
    handover = cases.hand_over(*acting("teamleider-demonden"), _case("cjg-de-monden"),
                               professional("cjg-demonden"), now=WEDNESDAY)
    _close(plan)
    handover.refresh_from_db()
    assert handover.accepted_at is None and handover.declined_at == WEDNESDAY + timedelta(days=7)
    assert handover.decline_reason == cases.PLAN_CLOSED_HANDOVER


def test_a_case_that_waits_for_another_step_keeps_it(emmen):
    plan = agreed_plan()
    involved("sgt-demonden", now=WEDNESDAY + timedelta(days=1))  # arrives after the agreement
    other = _case("sgt-de-monden")
    assert other.next_milestone == Milestone.FIRST_CONTACT
    _close(plan)
    other.refresh_from_db()
    assert other.status == CaseStatus.OPEN and other.next_milestone == Milestone.FIRST_CONTACT
    assert AccessBasis.objects.filter(kind=BasisKind.CASE, reference=str(other.uuid),
                                      ended_at__isnull=True).exists()


def test_no_review_of_a_closed_plan_is_reported_late(emmen):
    plan = agreed_plan()
    _close(plan)
    with time_machine.travel(WEDNESDAY + timedelta(days=200), tick=False):
        assert flag_overdue_cases() == 0
    assert notices_of("teamleider-demonden", "casus-termijn") == []

"""The plan is agreed with the family: the parents (and the youth from 12, by the age bands of
``people.ages``) agree on a date, and only once a regisseur was chosen with the family. Agreed,
the next review is due after the interval (3 months by default) and every open case of the
household waits for it."""

from datetime import date

import pytest
import time_machine

from ketenzicht.leads.models import AgreedVia
from ketenzicht.leads.services import current_lead
from ketenzicht.plans import household_plan
from ketenzicht.plans.household_plan import PlanRefused
from ketenzicht.plans.models import Case, Milestone, PlanStatus

from .conftest import WEDNESDAY, acting, de_vries
from .plan_support import choose_regisseur, draft_plan, fill


def test_without_a_regisseur_the_plan_is_not_agreed(emmen):
    plan = fill(draft_plan())
    with pytest.raises(PlanRefused) as refused:
        household_plan.record_agreement(*acting("cjg-demonden"), plan, parents_agreed_on=WEDNESDAY.date(),
                                        youth_agreed_on=WEDNESDAY.date(), now=WEDNESDAY)
    assert [field for field, _m in refused.value.problems] == ["regisseur"]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_emma_of_14_agrees_herself_besides_her_parents(emmen):
    plan = fill(draft_plan())
    choose_regisseur(plan)
    with pytest.raises(PlanRefused) as refused:
        household_plan.record_agreement(*acting("cjg-demonden"), plan, parents_agreed_on=WEDNESDAY.date(),
                                        youth_agreed_on=None, now=WEDNESDAY)
    [(field, message)] = refused.value.problems
    assert field == "youth_agreed_on" and "Emma" in message and "vanaf 12 jaar" in message
    needed = household_plan.who_agrees(de_vries(), WEDNESDAY.date())
    assert (needed.parents, needed.youth) == (True, True)
    assert [p.given_names for p in needed.youths] == ["Emma"]


def test_before_emmas_12th_birthday_only_the_parents_agree(emmen):
    needed = household_plan.who_agrees(de_vries(), date(2024, 2, 2))  # Emma born 2012-02-03
    assert (needed.parents, needed.youth) == (True, False)
    assert household_plan.who_agrees(de_vries(), date(2024, 2, 3)).youth


def test_all_problems_of_the_agreement_at_once(emmen):
    plan = draft_plan()
    with pytest.raises(PlanRefused) as refused:
        household_plan.record_agreement(*acting("cjg-demonden"), plan, parents_agreed_on=None,
                                        youth_agreed_on=None, now=WEDNESDAY)
    assert [field for field, _m in refused.value.problems] == [
        "regisseur", "family_question", "goals", "parents_agreed_on", "youth_agreed_on"]


def test_agreed_the_review_is_due_in_three_months_and_the_case_waits_for_it(emmen):
    with time_machine.travel(WEDNESDAY, tick=False):
        plan = fill(draft_plan())
        choose_regisseur(plan)
        plan = household_plan.record_agreement(*acting("cjg-demonden"), plan,
                                               parents_agreed_on=date(2026, 11, 24),
                                               youth_agreed_on=date(2026, 11, 25), now=WEDNESDAY)
    assert plan.status == PlanStatus.AGREED
    assert (plan.parents_agreed_on, plan.youth_agreed_on) == (date(2026, 11, 24), date(2026, 11, 25))
    assert plan.next_review == date(2027, 2, 25)
    case = Case.objects.get(household=de_vries())
    assert (case.next_milestone, case.next_due) == (Milestone.REVIEW, date(2027, 2, 25))
    lead = current_lead(de_vries())
    assert lead.agreed_via == AgreedVia.PLAN and str(lead.agreed_via_uuid) == str(plan.uuid)
    assert plan.versions.last().summary == ("Vastgesteld met het gezin (ouders op 24-11-2026 en jeugdige op "
                                            "25-11-2026); volgende evaluatie 25-02-2027.")


def test_a_review_moves_the_next_review_on(emmen):
    from .plan_support import agreed_plan

    plan = agreed_plan()
    later = WEDNESDAY.replace(month=12, day=23)
    with time_machine.travel(later, tick=False):
        plan = household_plan.record_review(*acting("cjg-demonden"), plan, held_on=later.date(),
                                            summary="Daan gaat weer graag naar school.", now=later)
    assert plan.next_review == date(2027, 3, 23)
    assert Case.objects.get(household=de_vries()).next_due == date(2027, 3, 23)
    assert plan.versions.last().summary.startswith("Geëvalueerd op 23-12-2026: Daan gaat weer graag")

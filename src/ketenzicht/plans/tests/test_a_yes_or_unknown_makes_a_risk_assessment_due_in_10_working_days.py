"""A ja or onbekend on any risk question makes a risk assessment due (default 10 working days,
``CaseSettings.assessment_working_days``), shown in the caseload as the case's next step, and the
holder is told; all nee leaves the case waiting for first contact. A second concern never
postpones an assessment already due."""

from datetime import date, timedelta

import pytest
import time_machine

from ketenzicht.notify.models import Notice
from ketenzicht.organisations.models import Municipality
from ketenzicht.plans.listings import caseload
from ketenzicht.plans.models import CaseSettings, Milestone

from .conftest import WEDNESDAY, professional
from .intake_support import ALL_NO, NO, UNKNOWN, YES, apply


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


@pytest.mark.parametrize("answers", [(NO, YES, NO), (NO, NO, UNKNOWN)])
def test_a_yes_or_unknown_makes_the_assessment_the_next_step_in_10_working_days(emmen, answers):
    case = apply(answers)
    assert (case.next_milestone, case.next_due) == (Milestone.ASSESSMENT, date(2026, 12, 9))
    listed = caseload(professional("cjg-demonden")).get(pk=case.pk)
    assert (listed.next_milestone, listed.next_due) == (Milestone.ASSESSMENT, date(2026, 12, 9))
    notice = Notice.objects.get(kind="casus-risicotaxatie")
    assert notice.recipient == case.responsible and "09-12-2026" in notice.body


def test_all_no_leaves_the_case_waiting_for_first_contact(emmen):
    case = apply(ALL_NO)
    assert case.next_milestone == Milestone.FIRST_CONTACT
    assert not Notice.objects.filter(kind="casus-risicotaxatie").exists()


def test_the_term_is_the_municipalitys(emmen):
    CaseSettings.objects.create(municipality=Municipality.objects.get(slug="emmen"),
                                assessment_working_days=3)
    assert apply((YES, NO, NO)).next_due == date(2026, 11, 30)  # Wed + 3 working days: Monday


def test_a_second_concern_does_not_postpone_the_assessment(emmen):
    apply((YES, NO, NO))
    with time_machine.travel(WEDNESDAY + timedelta(days=7), tick=False):
        case = apply((NO, NO, YES), now=WEDNESDAY + timedelta(days=7))
    assert case.next_due == date(2026, 12, 9)

"""No intake of a first application can be saved before the risk questions are answered (report
§4.2): at the application, or on the intake form itself. A case that arrived without them (a route
the team accepted) is refused naming every unanswered question; answered on the intake form, the
screening is recorded at the intake. After the intake the case waits for the risk assessment when
there was a concern (10 working days), otherwise for the plan."""

from datetime import date

import pytest
import time_machine

from ketenzicht.plans import intake
from ketenzicht.plans.models import Intake, Milestone, RiskScreening, ScreeningMoment
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting
from .intake_support import ALL_NO, NO, YES, apply, intake_request
from .support import application as route_like_arrival


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_an_intake_without_answered_risk_questions_is_refused_naming_each_question(emmen):
    case = route_like_arrival()  # arrived without the questions
    with pytest.raises(Refused) as refused:
        intake.record_intake(*acting("cjg-demonden"), case, intake_request(), WEDNESDAY)
    problems = all_of(refused.value)
    assert [problem.field for problem in problems] == ["risicovragen.0", "risicovragen.1", "risicovragen.2"]
    assert "acute onveiligheid" in problems[0].message
    assert not Intake.objects.exists()


def test_the_questions_answered_on_the_intake_form_are_recorded_with_it(emmen):
    case = route_like_arrival()
    made = intake.record_intake(*acting("cjg-demonden"), case, intake_request(risk_answers=(NO, NO, YES)),
                                WEDNESDAY)
    assert made.screening.moment == ScreeningMoment.INTAKE
    assert made.screening.answers == [NO, NO, YES]
    case.refresh_from_db()
    assert (case.next_milestone, case.next_due) == (Milestone.ASSESSMENT, date(2026, 12, 9))


def test_an_intake_after_an_application_with_answers_needs_no_new_ones(emmen):
    case = apply(ALL_NO)
    made = intake.record_intake(*acting("cjg-demonden"), case, intake_request(), WEDNESDAY)
    assert made.screening == RiskScreening.objects.get(case=case, moment=ScreeningMoment.APPLICATION)
    case.refresh_from_db()
    # No concern: the plan is next (20 working days after the intake).
    assert (case.next_milestone, case.next_due) == (Milestone.PLAN, date(2026, 12, 23))


def test_an_assessment_due_from_the_application_keeps_its_date_after_the_intake(emmen):
    case = apply((YES, NO, NO))
    with time_machine.travel(date(2026, 12, 1), tick=False):
        intake.record_intake(*acting("cjg-demonden"), case, intake_request(held_on=date(2026, 12, 1)))
    case.refresh_from_db()
    assert (case.next_milestone, case.next_due) == (Milestone.ASSESSMENT, date(2026, 12, 9))


def test_a_case_has_one_intake(emmen):
    case = apply(ALL_NO)
    intake.record_intake(*acting("cjg-demonden"), case, intake_request(), WEDNESDAY)
    with pytest.raises(Refused) as refused:
        intake.record_intake(*acting("cjg-demonden"), case, intake_request(), WEDNESDAY)
    assert refused.value.code == "intake-bestaat"


def test_only_the_cases_team_records_its_intake(emmen):
    case = apply(ALL_NO)
    with pytest.raises(Refused) as refused:
        intake.record_intake(*acting("cjg-develden"), case, intake_request(), WEDNESDAY)
    assert refused.value.code == "geen-teamlid"

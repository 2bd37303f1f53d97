"""Steps the intake and risk-assessment tests share, through the services so the rules apply."""

from datetime import date, datetime

from ketenzicht.people.models import Household
from ketenzicht.plans import assessment, intake
from ketenzicht.plans.applications import ApplicationRequest, record_application
from ketenzicht.plans.models import Case, LifeArea

from .conftest import DAAN, WEDNESDAY, acting

EMMA = "999990020"  # De Vries, born 3 February 2012: 14 on WEDNESDAY
NO, YES, UNKNOWN = "nee", "ja", "onbekend"
ALL_NO = (NO, NO, NO)


def apply(answers: tuple[str, ...] | None = ALL_NO, username: str = "cjg-demonden",
          now: datetime = WEDNESDAY, bsn: str = DAAN) -> Case:
    """The De Vries family applies by phone, with the risk questions answered."""
    return record_application(*acting(username), ApplicationRequest(
        bsn=bsn, applicant="ouder", channel="telefoon", question="Daan slaapt slecht en is vaak boos.",
        risk_answers=answers), now)


def intake_request(**changes) -> intake.IntakeRequest:
    values = {"held_on": WEDNESDAY.date(), "family_question": "Hoe krijgen we weer rust in huis?",
              "summary": "Gesprek met moeder en vader thuis.", "parents_regie": "met-steun",
              "parents_regie_reasoning": "Ouders willen zelf sturen; oma helpt, een professional als "
                                         "achtervang."}
    return intake.IntakeRequest(**{**values, **changes})


def areas(chronic: int = 0, **changes) -> tuple[assessment.AreaEntry, ...]:
    """All seven leefgebieden, the first ``chronic`` of them with a chronic problem."""
    return tuple(assessment.AreaEntry(area=area.value, capacity=3, burden=3, chronic=index < chronic,
                                      **changes) for index, area in enumerate(LifeArea))


def child_entry(person, score: int | None = 6, **changes) -> assessment.ChildEntry:
    values = {"child": str(person.uuid), "safety_score": score, "signals": ("gedrag",),
              "risk_factors": ("schulden",), "protective_factors": ("netwerk",),
              "dangers": (assessment.Danger("Vader schreeuwt als hij gedronken heeft.",
                                            "De kinderen zijn 's avonds bij een nuchtere volwassene."),)}
    return assessment.ChildEntry(**{**values, **changes})


def assessment_request(case: Case, scores: dict | None = None, on: date | None = None,
                       **changes) -> assessment.AssessmentRequest:
    """A complete assessment of every child of the case's household (score 6 unless ``scores``
    names the child by first name)."""
    return household_assessment_request(case.household, scores, on, **changes)


def household_assessment_request(household: Household, scores: dict | None = None, on: date | None = None,
                                 **changes) -> assessment.AssessmentRequest:
    """A complete assessment of every child of the household (the same, without a case)."""
    on = on or WEDNESDAY.date()
    scores = scores or {}
    children = tuple(child_entry(child, scores.get(child.given_names, 6))
                     for child in assessment.children_of(household, on))
    values = {"assessed_on": on, "children": children, "life_areas": areas(),
              "current_safety": "Nu veilig genoeg: moeder beschermt de kinderen.",
              "future_safety": "Zonder hulp bij de schulden neemt de spanning toe.", "follow_up": "plan"}
    return assessment.AssessmentRequest(**{**values, **changes})

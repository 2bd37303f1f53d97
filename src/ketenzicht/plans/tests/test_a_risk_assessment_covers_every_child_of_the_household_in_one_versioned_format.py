"""A risk assessment looks at the whole household: every current member under 18, each in the
same format (signals, risk and protective factors from the fixed lists plus free additions, danger
statements paired with safety goals, the safety scale 0–10), draagkracht and draaglast on all seven
leefgebieden; it stores its format version, and afterwards the case waits for the plan."""

from datetime import date

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent
from ketenzicht.plans import assessment
from ketenzicht.plans.assessment_format import CURRENT_VERSION, current_format
from ketenzicht.plans.models import ChildAssessment, LifeAreaJudgement, Milestone, RiskAssessment
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, areas, assessment_request, child_entry


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_every_child_under_18_is_assessed_in_the_same_format_and_the_version_is_stored(emmen):
    case = apply((YES, "nee", "nee"))
    made = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(case))
    assert made.format_version == CURRENT_VERSION == current_format().version
    assert sorted(row.child.given_names for row in made.children.all()) == ["Daan", "Emma"]  # not the parents
    daan = made.children.get(child__given_names="Daan")
    assert (daan.signals, daan.risk_factors, daan.protective_factors) == (
        ["gedrag"], ["schulden"], ["netwerk"])
    assert [(d.statement[:5], d.safety_goal[:6]) for d in daan.dangers.all()] == [("Vader", "De kin")]
    assert LifeAreaJudgement.objects.filter(assessment=made).count() == 7
    case.refresh_from_db()
    assert (case.next_milestone, case.next_due) == (Milestone.PLAN, date(2026, 12, 23))
    # Audited for each member of the household (their access reports show it).
    assert AuditEvent.objects.filter(purpose="casus: risicotaxatie").count() == 4


def test_a_child_left_out_or_an_item_outside_the_lists_is_refused(emmen):
    case = apply((YES, "nee", "nee"))
    request = assessment_request(case)
    only_daan = tuple(entry for entry in request.children if entry.child != str(
        assessment.children_of(case.household, WEDNESDAY.date())[0].uuid))
    daan = only_daan[0]
    broken = assessment.ChildEntry(**{**daan.__dict__, "signals": ("bestaat-niet",)})
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment.AssessmentRequest(
            **{**request.__dict__, "children": (broken,)}))
    codes = {problem.code for problem in all_of(refused.value)}
    assert codes == {"kind-ontbreekt", "onbekend-item"}
    assert "Emma" in next(p.message for p in all_of(refused.value) if p.code == "kind-ontbreekt")
    assert not RiskAssessment.objects.exists()


def test_all_seven_leefgebieden_are_judged_on_1_to_5(emmen):
    case = apply((YES, "nee", "nee"))
    six = areas()[:6]
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(case, life_areas=six))
    assert "Veiligheid ontbreekt" in refused.value.message
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
            case, life_areas=(*areas()[:6], assessment.AreaEntry("veiligheid", 6, 0))))
    assert refused.value.code == "leefgebied-score"


def test_a_danger_statement_needs_its_safety_goal(emmen):
    case = apply((YES, "nee", "nee"))
    request = assessment_request(case)
    first = request.children[0]
    lone = assessment.ChildEntry(**{**first.__dict__, "dangers": (assessment.Danger("Geweld thuis.", ""),)})
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment.AssessmentRequest(
            **{**request.__dict__, "children": (lone, *request.children[1:])}))
    assert (refused.value.code, refused.value.field) == ("gevaar-zonder-doel", "kinderen.0.dangers.0")
    assert not ChildAssessment.objects.exists()


def test_a_score_outside_0_to_10_is_refused(emmen):
    case = apply((YES, "nee", "nee"))
    children = assessment.children_of(case.household, WEDNESDAY.date())
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
            case, children=(child_entry(children[0], 11), child_entry(children[1], None))))
    assert [p.code for p in all_of(refused.value)] == ["score-buiten-schaal", "score-ontbreekt"]

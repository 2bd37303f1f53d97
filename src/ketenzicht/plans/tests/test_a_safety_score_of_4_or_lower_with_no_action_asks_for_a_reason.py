"""The professional chooses the follow-up; the system never decides, but when a child scores 4 or
lower on the safety scale and the follow-up is no action, it asks for the reason."""

import pytest
import time_machine

from ketenzicht.plans import assessment
from ketenzicht.plans.models import FollowUp, RiskAssessment
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, assessment_request


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_a_score_of_4_and_no_action_without_a_reason_is_refused(emmen):
    case = apply((YES, "nee", "nee"))
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
            case, scores={"Daan": 4}, follow_up=FollowUp.NONE))
    assert (refused.value.code, refused.value.field) == ("reden-ontbreekt", "vervolg_reden")
    assert not RiskAssessment.objects.exists()


def test_with_a_reason_the_professionals_choice_stands(emmen):
    case = apply((YES, "nee", "nee"))
    made = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
        case, scores={"Daan": 4}, follow_up=FollowUp.NONE,
        follow_up_reason="Oma woont in en is er elke avond; morgen opnieuw kijken."))
    assert made.follow_up == FollowUp.NONE


@pytest.mark.parametrize(("score", "follow_up"), [(5, FollowUp.NONE), (2, FollowUp.REPORT)])
def test_no_reason_is_asked_above_4_or_when_action_follows(emmen, score, follow_up):
    case = apply((YES, "nee", "nee"))
    made = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
        case, scores={"Daan": score, "Emma": score}, follow_up=follow_up))
    assert made.follow_up == follow_up and made.follow_up_reason == ""

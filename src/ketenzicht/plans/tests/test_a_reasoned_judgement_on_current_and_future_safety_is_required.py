"""A risk assessment needs a reasoned judgement on the current and on the future safety, a chosen
follow-up, and (with signs of zorgmijding) what they are — all problems told at once."""

import pytest
import time_machine

from ketenzicht.plans import assessment
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, assessment_request


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_without_judgement_follow_up_or_zorgmijding_notes_every_problem_is_told(emmen):
    case = apply((YES, "nee", "nee"))
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
            case, current_safety=" ", future_safety="", follow_up="", care_avoidance=True))
    assert [p.field for p in all_of(refused.value)] == [
        "zorgmijding_toelichting", "huidige_veiligheid", "toekomstige_veiligheid", "vervolg"]

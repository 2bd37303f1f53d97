"""Besides the professional's, the safety scale may be scored by each parent, the network and the
child — the child only from 12 (``people.ages``): the difference between them matters."""

import pytest
import time_machine

from ketenzicht.plans import assessment
from ketenzicht.plans.models import SafetyScore
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, assessment_request, child_entry


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _with_scores(case, emma_scores, daan_scores):
    emma, daan = assessment.children_of(case.household, WEDNESDAY.date())  # eldest first
    return assessment_request(case, children=(child_entry(emma, 5, other_scores=emma_scores),
                                              child_entry(daan, 6, other_scores=daan_scores)))


def test_emma_14_scores_herself_and_her_parents_and_network_score_too(emmen):
    case = apply((YES, "nee", "nee"))
    assessment.record_assessment(*acting("cjg-demonden"), case, _with_scores(case, (
        assessment.OtherScore("jeugdige", 3, "Emma"), assessment.OtherScore("ouder", 8, "Anja de Vries"),
        assessment.OtherScore("netwerk", 5)), ()))
    assert sorted(SafetyScore.objects.values_list("scorer", "score")) == [
        ("jeugdige", 3), ("netwerk", 5), ("ouder", 8)]


def test_daan_9_cannot_be_given_a_score_of_his_own(emmen):
    case = apply((YES, "nee", "nee"))
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("cjg-demonden"), case, _with_scores(
            case, (), (assessment.OtherScore("jeugdige", 7, "Daan"),)))
    assert (refused.value.code, refused.value.field) == ("kind-te-jong", "kinderen.1.other_scores.0")
    assert not SafetyScore.objects.exists()

"""Veilig Thuis holds cases and assesses a household in the same format as a local team; the GGD's
JGZ holds no case (it assesses without one, in the same format:
``test_the_jgz_assesses_a_household_it_has_a_basis_on_without_a_case``); nobody outside the case's
team records one under it."""

import pytest
import time_machine

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import assessment, cases
from ketenzicht.plans.assessment_format import CURRENT_VERSION
from ketenzicht.plans.models import ArrivalKind
from ketenzicht.refusals import Refused

from .conftest import DAAN, WEDNESDAY, acting, de_vries
from .intake_support import YES, apply, assessment_request


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _arrive(username: str):
    return cases.arrive(*acting(username), de_vries(), cases.ArrivalRequest(
        kind=ArrivalKind.ROUTE, person=find_person_by_bsn(DAAN)), WEDNESDAY)


def test_veilig_thuis_assesses_in_the_same_format(emmen):
    case = _arrive("veiligthuis")
    made = assessment.record_assessment(*acting("veiligthuis"), case, assessment_request(case))
    assert made.organisation.slug == "veilig-thuis-drenthe"
    assert made.format_version == CURRENT_VERSION
    assert made.children.count() == 2


def test_jgz_holds_no_case_to_assess_under(emmen):
    with pytest.raises(Refused) as refused:
        _arrive("jgz")
    assert refused.value.code == "geen-casushouder"


def test_another_team_cannot_assess_under_the_case(emmen):
    case = apply((YES, "nee", "nee"))
    with pytest.raises(Refused) as refused:
        assessment.record_assessment(*acting("veiligthuis"), case, assessment_request(case))
    assert refused.value.code == "geen-teamlid"

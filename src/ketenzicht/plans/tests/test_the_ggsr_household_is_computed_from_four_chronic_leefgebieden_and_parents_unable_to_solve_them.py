"""Whether a household meets the GGSR definition is computed, never chosen: chronic problems on at
least four of the seven leefgebieden and parents unable to solve them (factsheet)."""

import pytest
import time_machine

from ketenzicht.plans import assessment

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, areas, assessment_request


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


@pytest.mark.parametrize(("chronic", "unable", "ggsr"), [
    (4, True, True), (7, True, True), (3, True, False), (4, False, False), (0, False, False),
])
def test_ggsr_needs_four_chronic_leefgebieden_and_parents_unable(emmen, chronic, unable, ggsr):
    case = apply((YES, "nee", "nee"))
    made = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(
        case, life_areas=areas(chronic), parents_unable_to_solve=unable))
    assert made.meets_ggsr is ggsr

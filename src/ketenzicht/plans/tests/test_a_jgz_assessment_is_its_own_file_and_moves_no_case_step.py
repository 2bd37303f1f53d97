"""An assessment without a case (the JGZ) is the JGZ's own file: the team's history of the
household does not show it, the JGZ's history does not show the team's, and neither opens the
other's assessment. It moves no case's step: the team's case still waits for the team's own
assessment, by the same date."""

import pytest
import time_machine

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.models import Organisation
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans import assessment
from ketenzicht.plans.models import Milestone
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import DAAN, WEDNESDAY, acting, de_vries
from .intake_support import YES, apply, assessment_request, household_assessment_request

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_a_jgz_assessment_leaves_the_teams_case_waiting_for_its_own_assessment():
    case = apply((YES, "nee", "nee"))
    due = case.next_due
    assert (case.next_milestone, due is not None) == (Milestone.ASSESSMENT, True)
    grant_basis(Organisation.objects.get(slug="ggd-drenthe"), find_person_by_bsn(DAAN), BasisKind.CLIENT,
                actor=SYSTEM)

    household = de_vries()
    assessment.record_household_assessment(*acting("jgz"), household, household_assessment_request(household))

    case.refresh_from_db()
    assert (case.next_milestone, case.next_due) == (Milestone.ASSESSMENT, due)
    assert not case.assessments.exists()


def test_each_organisation_sees_only_its_own_assessments_of_the_household():
    case = apply((YES, "nee", "nee"))
    grant_basis(Organisation.objects.get(slug="ggd-drenthe"), find_person_by_bsn(DAAN), BasisKind.CLIENT,
                actor=SYSTEM)
    household = de_vries()
    teams = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(case))
    jgzs = assessment.record_household_assessment(
        *acting("jgz"), household, household_assessment_request(household, follow_up="netwerk"))

    jgz, team = logged_in("jgz"), logged_in("cjg-demonden")
    jgz_history = jgz.get(f"/huishoudens/{household.uuid}/risicotaxaties/").content.decode()
    team_history = team.get(f"/casussen/{case.uuid}/risicotaxaties/").content.decode()
    assert str(jgzs.uuid) in jgz_history and str(teams.uuid) not in jgz_history
    assert str(teams.uuid) in team_history and str(jgzs.uuid) not in team_history
    assert "Steun in het netwerk van het gezin" in jgz_history
    assert jgz.get(f"/huishoudens/{household.uuid}/risicotaxaties/{teams.uuid}/").status_code == 404
    assert team.get(f"/casussen/{case.uuid}/risicotaxaties/{jgzs.uuid}/").status_code == 404
    assert list(assessment.history(case)) == [teams]
    assert list(assessment.own_history(household, jgzs.organisation)) == [jgzs]

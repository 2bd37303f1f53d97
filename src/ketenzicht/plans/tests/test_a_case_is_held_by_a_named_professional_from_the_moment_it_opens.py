"""From the moment it opens a case has one named responsible professional: the team's teamleider
until they assign it — the case is then on their list with its age — or, in a team without a
teamleider, the professional who took it in."""

from ketenzicht.notify.models import Notice
from ketenzicht.plans.listings import caseload, to_assign

from .conftest import professional
from .support import application


def test_the_teamleider_holds_a_new_case_until_it_is_assigned(emmen):
    case = application("cjg-demonden")
    lead = professional("teamleider-demonden")
    assert case.responsible == lead and not case.assigned
    assert list(to_assign(lead)) == [case]
    assert Notice.objects.filter(recipient=lead, kind="casus-nieuw").count() == 1


def test_in_a_team_without_a_teamleider_whoever_took_it_in_holds_it(emmen):
    case = application("sgt-demonden")  # the demo's sociaal gebiedsteam has no teamleider
    assert case.responsible == professional("sgt-demonden") and case.assigned


def test_the_whole_team_sees_its_caseload_and_no_other_team_does(emmen):
    case = application("cjg-demonden")
    assert list(caseload(professional("cjg-demonden"))) == [case]
    assert list(caseload(professional("cjg-emmenzuid"))) == []
    assert list(caseload(professional("leerkracht"))) == []

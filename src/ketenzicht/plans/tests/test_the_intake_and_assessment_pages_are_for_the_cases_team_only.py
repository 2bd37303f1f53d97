"""The intake and risk-assessment pages of a case, from three sides: the case's holder and a
colleague of the team see and use them; another team gets the 404 a missing case gets, and the
attempt is in each member's access report."""

import uuid

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.plans import assessment
from ketenzicht.plans.models import Intake, RiskAssessment
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, assessment_request
from .pages_support import intake_form

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _pages(case) -> list[str]:
    made = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(case))
    base = f"/casussen/{case.uuid}"
    return [f"{base}/intake/", f"{base}/risicotaxatie/", f"{base}/risicotaxaties/",
            f"{base}/risicotaxaties/{made.uuid}/"]


@pytest.mark.parametrize("username", ["teamleider-demonden", "cjg-demonden"])
def test_the_holder_and_a_colleague_see_every_page_naming_the_household(username):
    case = apply((YES, "nee", "nee"))
    assert case.responsible.user.username == "teamleider-demonden"
    client = logged_in(username)
    for url in _pages(case):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "De Vries" in response.content.decode() or "de Vries" in response.content.decode()


def test_another_team_gets_404_and_the_attempt_is_audited_for_each_member():
    case = apply((YES, "nee", "nee"))
    pages = _pages(case)
    client = logged_in("cjg-develden")
    for url in pages:
        before = AuditEvent.objects.filter(outcome=Outcome.DENIED).count()
        assert client.get(url).status_code == 404, url
        assert AuditEvent.objects.filter(outcome=Outcome.DENIED).count() - before == 4  # each member
    assert client.post(pages[0], intake_form()).status_code == 404
    assert not Intake.objects.exists()
    assert client.get(f"/casussen/{uuid.uuid4()}/risicotaxaties/").status_code == 404
    assert RiskAssessment.objects.count() == 1

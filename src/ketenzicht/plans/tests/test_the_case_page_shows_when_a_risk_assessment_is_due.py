"""The case page shows the risk questions' answers, that a risk assessment is due and by when (the
case's next step), the intake, and the team's assessments with the way to the form and the
history; the caseload leads to the application page."""

import pytest
import time_machine

from ketenzicht.plans import assessment, intake
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY, acting
from .intake_support import YES, apply, assessment_request, intake_request

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def test_the_case_page_tells_the_assessment_is_due_and_leads_to_the_forms():
    case = apply((YES, "nee", "nee"))
    client = logged_in("cjg-demonden")
    page = client.get(f"/casussen/{case.uuid}/").content.decode()
    assert "een risicotaxatie van het hele huishouden is nodig, uiterlijk 9 december 2026" in page
    assert f'href="/casussen/{case.uuid}/intake/"' in page
    assert f'href="/casussen/{case.uuid}/risicotaxatie/"' in page
    intake.record_intake(*acting("cjg-demonden"), case, intake_request())
    made = assessment.record_assessment(*acting("cjg-demonden"), case, assessment_request(case))
    page = client.get(f"/casussen/{case.uuid}/").content.decode()
    assert "risicotaxatie van het hele huishouden is nodig" not in page
    assert "Intake gehouden op 25 november 2026" in page
    assert f'href="/casussen/{case.uuid}/risicotaxaties/{made.uuid}/"' in page
    assert 'href="/casussen/aanmelden/"' in client.get("/casussen/").content.decode()

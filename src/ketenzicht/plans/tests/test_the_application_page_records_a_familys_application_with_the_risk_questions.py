"""The application page (``/casussen/aanmelden/``, reachable from the caseload and from a district
team's purposeful resident search) records a family's own application with the municipality's
risk questions: every problem at once, then the household's case; a ja shows the assessment due."""

import pytest
import time_machine

from ketenzicht.plans.models import Case, Milestone, RiskScreening
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import DAAN, WEDNESDAY

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _form(**changes) -> dict:
    return {"bsn": DAAN, "aanmelder": "ouder", "kanaal": "telefoon", "vraag": "Daan slaapt slecht.",
            "versie": "1", "risicovraag_1": "nee", "risicovraag_2": "ja", "risicovraag_3": "nee", **changes}


def test_the_form_asks_the_three_questions_and_shows_every_missing_answer_at_once():
    client = logged_in("cjg-demonden")
    page = client.get("/casussen/aanmelden/").content.decode()
    assert "acute onveiligheid" in page and "vechtscheiding" in page and "zorgmijding" in page
    response = client.post("/casussen/aanmelden/", _form(risicovraag_2="", risicovraag_3="", vraag=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("(ja, nee of onbekend)") >= 2 and "Noteer de vraag van het gezin" in page
    assert not Case.objects.exists()


def test_a_complete_application_opens_the_case_with_the_assessment_due():
    client = logged_in("cjg-demonden")
    response = client.post("/casussen/aanmelden/", _form())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/casussen/{case.uuid}/"
    assert (case.next_milestone, case.next_due.isoformat()) == (Milestone.ASSESSMENT, "2026-12-09")
    assert RiskScreening.objects.get(case=case).moment == "aanmelding"


def test_the_resident_search_hands_the_bsn_over_without_judging_the_form():
    client = logged_in("cjg-demonden")
    response = client.post("/casussen/aanmelden/", {"bsn": DAAN, "vooraf": "1"})
    page = response.content.decode()
    assert response.status_code == 200 and f'value="{DAAN}"' in page
    assert "Er is iets niet goed gegaan" not in page
    assert not Case.objects.exists()


def test_an_organisation_that_holds_no_cases_has_no_application_page():
    assert logged_in("leerkracht").get("/casussen/aanmelden/").status_code == 403

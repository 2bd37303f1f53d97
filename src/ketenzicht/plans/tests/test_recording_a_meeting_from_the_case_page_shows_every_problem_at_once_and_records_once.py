"""Recording a consultation or MDO from the case page (``/casussen/<uuid>/overleg/nieuw/``): every
problem is shown at once next to its row and field, nothing is recorded until all are solved, a
double submit of the same form records once, and only the case's team reaches the form."""

import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.models import Meeting, PlanAction
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import WEDNESDAY, professional
from .meeting_support import ANJA, EMMA, MARCO, due
from .support import application

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    """The whole test on the Wednesday the case opened (the form's date rules count from today)."""
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _token(html: str) -> str:
    return re.search(r'name="formulier" value="([^"]+)"', html).group(1)


def _form(client, case) -> str:
    response = client.get(f"/casussen/{case.uuid}/overleg/nieuw/")
    assert response.status_code == 200
    return response.content.decode()


def _valid(token: str) -> dict:
    consent = [str(find_person_by_bsn(bsn).pk) for bsn in (EMMA, ANJA, MARCO)]
    return {
        "formulier": token, "deelnemer_rijen": "3", "actie_rijen": "3", "soort": "mdo",
        "datum": due(-1).isoformat(), "ouders_namen_deel": "on",
        "feiten": "Daan komt vaak zonder ontbijt op school.", "besluiten": "Opvoedondersteuning starten.",
        "d0_professional": str(professional("jgz").pk), "d0_rol": "ketenpartner",
        "d0_grondslag": "toestemming", "d0_toestemming": consent,
        "a0_wie": "professional", "a0_professional": str(professional("cjg-demonden").pk),
        "a0_wat": "Opvoedondersteuning met de ouders starten.", "a0_uiterlijk": due(14).isoformat(),
    }


def test_every_problem_is_shown_at_once_and_nothing_is_recorded():
    case = application()
    client = logged_in("cjg-demonden")
    data = _valid(_token(_form(client, case))) | {
        "datum": due(2).isoformat(), "besluiten": "", "d0_grondslag": "", "d0_toestemming": [],
        "a0_uiterlijk": ""}
    response = client.post(f"/casussen/{case.uuid}/overleg/nieuw/", data)
    assert response.status_code == 200
    html = response.content.decode()
    for message in ("de datum ligt niet in de toekomst", "Leg vast wat er is besloten.",
                    "kies met toestemming, of zonder toestemming vanwege de veiligheid",
                    "Vul in wanneer het uiterlijk gebeurd is."):
        assert message in html, message
    assert "Deelnemer 1: grondslag voor delen" in html and "Actie 1: uiterlijk" in html
    assert not Meeting.objects.exists()


def test_a_complete_form_records_the_meeting_and_a_double_submit_records_once():
    case = application()
    client = logged_in("cjg-demonden")
    data = _valid(_token(_form(client, case)))
    first = client.post(f"/casussen/{case.uuid}/overleg/nieuw/", data)
    second = client.post(f"/casussen/{case.uuid}/overleg/nieuw/", data)
    meeting = Meeting.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/overleggen/{meeting.uuid}/"
    assert PlanAction.objects.filter(meeting=meeting).count() == 1
    assert meeting.participants.get().organisation.slug == "ggd-drenthe"


def test_another_row_is_added_without_recording():
    case = application()
    client = logged_in("cjg-demonden")
    data = _valid(_token(_form(client, case))) | {"meer_deelnemers": "1"}
    response = client.post(f"/casussen/{case.uuid}/overleg/nieuw/", data)
    html = response.content.decode()
    assert response.status_code == 200 and "Deelnemer 4" in html and "Er is iets niet goed gegaan" not in html
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("username", ["sgt-demonden", "leerkracht"])
def test_only_the_cases_team_reaches_the_form(username):
    case = application()
    assert logged_in(username).get(f"/casussen/{case.uuid}/overleg/nieuw/").status_code == 404


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_case_page_lists_its_meetings_with_kind_date_and_organisations():
    case = application()
    client = logged_in("cjg-demonden")
    client.post(f"/casussen/{case.uuid}/overleg/nieuw/", _valid(_token(_form(client, case))))
    with_one = _queries(client, f"/casussen/{case.uuid}/")
    for _ in range(2):
        client.post(f"/casussen/{case.uuid}/overleg/nieuw/", _valid(_token(_form(client, case))))
    assert Meeting.objects.count() == 3
    # The list costs the same queries for three meetings as for one (no query per meeting).
    assert _queries(client, f"/casussen/{case.uuid}/") == with_one
    response = client.get(f"/casussen/{case.uuid}/")
    assert response.status_code == 200, response
    html = response.content.decode()
    assert html.count("Multidisciplinair overleg (MDO)") == 3 and "GGD Drenthe" in html
    assert "Consultatie of MDO vastleggen" in html

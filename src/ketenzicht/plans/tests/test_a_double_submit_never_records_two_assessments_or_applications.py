"""A form sent twice (a double click, a page sent again after "back") records once: the assessment
form, under a case or without one, and the application form each carry a one-time token, and a
second POST with the same token shows what the first recorded instead of recording again. A
refused form, corrected, may still be sent with its token."""

import re

import pytest
import time_machine

from ketenzicht.access.models import BasisKind
from ketenzicht.access.services import grant_basis
from ketenzicht.audit.services import SYSTEM
from ketenzicht.organisations.models import Organisation
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.models import Arrival, Case, RiskAssessment, RiskScreening
from ketenzicht.web.models import FormSubmission
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import DAAN, WEDNESDAY, de_vries
from .intake_support import YES, apply
from .pages_support import assessment_form

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")

SENT_BEFORE = "U had dit formulier al verstuurd: het is één keer vastgelegd."


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def _token(client, url: str) -> str:
    """The one-time token of the form as the page renders it."""
    found = re.search(r'name="formulier" value="([0-9a-f-]{36})"', client.get(url).content.decode())
    assert found, url
    return found.group(1)


def _sent_twice(client, url: str, data: dict):
    token = _token(client, url)
    first = client.post(url, {**data, "formulier": token})
    second = client.post(url, {**data, "formulier": token})
    return first, second


def test_an_assessment_form_sent_twice_records_one_assessment_and_shows_it():
    case = apply((YES, "nee", "nee"))
    client = logged_in("cjg-demonden")

    first, second = _sent_twice(client, f"/casussen/{case.uuid}/risicotaxatie/", assessment_form())

    made = RiskAssessment.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/casussen/{case.uuid}/risicotaxaties/{made.uuid}/"
    assert SENT_BEFORE in client.get(second["Location"]).content.decode()


def test_an_assessment_without_a_case_sent_twice_is_recorded_once():
    grant_basis(Organisation.objects.get(slug="ggd-drenthe"), find_person_by_bsn(DAAN), BasisKind.CLIENT,
                actor=SYSTEM)
    household = de_vries()
    client = logged_in("jgz")

    first, second = _sent_twice(client, f"/huishoudens/{household.uuid}/risicotaxatie/", assessment_form())

    made = RiskAssessment.objects.get()
    assert first["Location"] == second["Location"] == (
        f"/huishoudens/{household.uuid}/risicotaxaties/{made.uuid}/")


def test_an_application_sent_twice_records_one_arrival_and_shows_the_case():
    client = logged_in("cjg-demonden")
    data = {"bsn": DAAN, "aanmelder": "ouder", "kanaal": "telefoon", "vraag": "Daan slaapt slecht.",
            "versie": "1", "risicovraag_1": "nee", "risicovraag_2": "ja", "risicovraag_3": "nee"}

    first, second = _sent_twice(client, "/casussen/aanmelden/", data)

    case = Case.objects.get()
    assert Arrival.objects.count() == 1 and RiskScreening.objects.count() == 1
    assert first["Location"] == second["Location"] == f"/casussen/{case.uuid}/"
    assert SENT_BEFORE in client.get(second["Location"]).content.decode()


def test_a_refused_form_corrected_is_recorded_with_the_same_token():
    case = apply((YES, "nee", "nee"))
    client = logged_in("cjg-demonden")
    url = f"/casussen/{case.uuid}/risicotaxatie/"
    token = _token(client, url)

    refused = client.post(url, {**assessment_form(huidige_veiligheid=""), "formulier": token})
    assert refused.status_code == 200 and not RiskAssessment.objects.exists()
    assert f'value="{token}"' in refused.content.decode()  # the form shown again keeps its token
    recorded = client.post(url, {**assessment_form(), "formulier": token})

    made = RiskAssessment.objects.get()
    assert recorded["Location"] == f"/casussen/{case.uuid}/risicotaxaties/{made.uuid}/"
    assert FormSubmission.objects.get().result_url == recorded["Location"]


def test_two_forms_of_the_same_page_each_record():
    """The guard is per form, not per page: a second assessment on a new form is recorded."""
    case = apply((YES, "nee", "nee"))
    client = logged_in("cjg-demonden")
    url = f"/casussen/{case.uuid}/risicotaxatie/"
    for _ in range(2):
        assert client.post(url, {**assessment_form(), "formulier": _token(client, url)}).status_code == 302
    assert RiskAssessment.objects.count() == 2

"""On the application page (``/casussen/aanmelden/``) and in ``POST /api/v1/aanmeldingen`` a team
that may not take the household on (not its district, not its municipality, not involved) gets
exactly the answer of a BSN nobody has: the same form error next to the BSN, the same 400 problem;
no case, and the attempt in the person's access report as denied. The district team of the
household's district records it; Veilig Thuis (linked to no district) serves its municipality.

The De Vries household (Daan) lives in De Monden."""

import re
import uuid

import pytest
import time_machine
from django.core.cache import cache
from rest_framework.test import APIClient

from ketenzicht.access.services import visible_household
from ketenzicht.api.tests.conftest import without_instance
from ketenzicht.api.tokens import issue_token
from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.models import Case
from ketenzicht.web.tests.signal_support import error_of
from ketenzicht.web.tests.vir_login import logged_in

from .conftest import DAAN, WEDNESDAY, de_vries, professional

#: Valid by the elfproef and nobody's: not in Ketenzicht, not in the (demo) BRP.
NOBODY = "123456782"
PAGE = "/casussen/aanmelden/"
API = "/api/v1/aanmeldingen"
UNKNOWN = "Deze persoon is niet bekend in de basisregistratie personen."

pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    cache.clear()  # the API's rate-limit counters
    with time_machine.travel(WEDNESDAY, tick=False):
        yield
    cache.clear()


def _form(bsn: str = DAAN, **changes) -> dict:
    return {"bsn": bsn, "aanmelder": "ouder", "kanaal": "telefoon", "vraag": "Daan slaapt slecht.",
            "versie": "1", "risicovraag_1": "nee", "risicovraag_2": "nee", "risicovraag_3": "nee", **changes}


def _body(bsn: str = DAAN, **changes) -> dict:
    return {"bsn": bsn, "vraag": "Moeder belt: Daan slaapt slecht.", "risicovragen": ["nee", "nee", "nee"],
            **changes}


def _api(username: str) -> APIClient:
    """The API client of the professional's organisation's own system, naming the professional."""
    client = APIClient()
    key = issue_token(professional(username).organisation, "aanmeldbalie").key
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}", HTTP_VERANTWOORDELIJKE_PROFESSIONAL=username)
    return client


def _post(client, bsn: str = DAAN, **changes):
    return client.post(API, _body(bsn, **changes), format="json", HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()))


def _without_what_differs(page: str, bsn: str) -> str:
    """The page minus the typed BSN and the per-form tokens."""
    page = page.replace(bsn, "BSN")
    return re.sub(r'(name="(?:csrfmiddlewaretoken|formulier)" value=")[^"]*"', r'\1"', page)


def _denied_for_daan() -> list[str]:
    return list(AuditEvent.objects.filter(
        client_pseudonym=str(find_person_by_bsn(DAAN).uuid), object_type="aanmelding",
        outcome=Outcome.DENIED).values_list("purpose", flat=True))


def test_on_the_page_the_district_team_records_the_application():
    response = logged_in("cjg-demonden").post(PAGE, _form())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/casussen/{case.uuid}/"
    assert case.household == de_vries()


def test_on_the_page_a_team_of_another_district_sees_the_unknown_person_error():
    client = logged_in("cjg-emmenzuid")
    refused, unknown = client.post(PAGE, _form()), client.post(PAGE, _form(NOBODY))
    assert (refused.status_code, unknown.status_code) == (200, 200)
    assert error_of(refused.content.decode(), "id_bsn") == UNKNOWN
    assert _without_what_differs(refused.content.decode(), DAAN) == _without_what_differs(
        unknown.content.decode(), NOBODY)
    assert not Case.objects.exists()
    assert visible_household(professional("cjg-emmenzuid"), de_vries().uuid) is None
    assert _denied_for_daan() == ["aanmelding vastleggen geweigerd: buiten-werkgebied"]


def test_on_the_page_a_youth_under_16_is_only_told_so_by_a_team_of_the_area():
    told = logged_in("cjg-demonden").post(PAGE, _form(aanmelder="jeugdige")).content.decode()
    assert "jonger dan 16" in error_of(told, "id_aanmelder")
    other = logged_in("cjg-emmenzuid").post(PAGE, _form(aanmelder="jeugdige")).content.decode()
    assert "jonger dan 16" not in other and error_of(other, "id_bsn") == UNKNOWN


def test_on_the_page_veilig_thuis_records_an_application_of_its_municipality():
    response = logged_in("veiligthuis").post(PAGE, _form())
    assert response.status_code == 302 and Case.objects.get().team.slug == "veilig-thuis-drenthe"


def test_in_the_api_the_district_team_records_the_application():
    response = _post(_api("cjg-demonden"))
    assert response.status_code == 201 and Case.objects.get().team.slug == "cjg-de-monden"


def test_in_the_api_a_team_of_another_district_gets_the_unknown_person_problem():
    client = _api("cjg-emmenzuid")
    refused, unknown = _post(client), _post(client, NOBODY)
    assert (refused.status_code, refused["Content-Type"]) == (400, "application/problem+json")
    assert refused.json()["code"] == "persoon-onbekend"
    assert without_instance(refused.json()) == without_instance(unknown.json())
    youth = _post(client, aanmelder="jeugdige")
    assert without_instance(youth.json()) == without_instance(unknown.json())
    assert not Case.objects.exists()
    assert _denied_for_daan() == ["aanmelding vastleggen geweigerd: buiten-werkgebied"] * 2


def test_in_the_api_veilig_thuis_records_an_application_of_its_municipality():
    response = _post(_api("veiligthuis"))
    assert response.status_code == 201 and Case.objects.get().team.slug == "veilig-thuis-drenthe"

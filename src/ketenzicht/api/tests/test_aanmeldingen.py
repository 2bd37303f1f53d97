"""``POST /api/v1/aanmeldingen``: a team's own system (the CJG's telephone desk) records a family's
own application with the answers to the risk questions — 201 with the case, its responsible
professional (the teamleider until assigned) and the date the risk assessment is due; 400
problem+json naming every missing or unknown answer; a second application joins the open case
(200, the same case); idempotent; someone new to Ketenzicht comes from the BRP; audited.

Time is frozen on Wednesday 25 November 2026: 10 working days later is 9 December.
"""

import uuid

import pytest
import time_machine

from ketenzicht.audit.models import AuditEvent
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.plans.models import Arrival, Case, RiskScreening
from ketenzicht.plans.tests.conftest import DAAN, WEDNESDAY, emmen, professional  # noqa: F401 (fixture)
from ketenzicht.signals.tests.test_routing_advice_answers_from_the_brp_without_storing import (
    youth_only_in_the_brp,
)

from .conftest import without_instance

URL = "/api/v1/aanmeldingen"
pytestmark = pytest.mark.usefixtures("emmen", "on_wednesday")


@pytest.fixture
def on_wednesday():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield


def post(client, body: dict, key: str | None = None):
    return client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4()))


def body(bsn: str = DAAN, answers=("nee", "ja", "onbekend"), **extra) -> dict:
    return {"bsn": bsn, "vraag": "Moeder belt: Daan slaapt slecht.", "risicovragen": list(answers), **extra}


def test_an_application_opens_the_case_with_its_holder_and_the_assessment_date(api_for):
    response = post(api_for(professional("cjg-demonden")), body())
    assert response.status_code == 201, response.content
    answer = response.json()
    case = Case.objects.get()
    assert answer["uuid"] == str(case.uuid) and answer["huishouden"] == str(case.household.uuid)
    assert answer["verantwoordelijke"]["naam"] == "Hilde Boelens"
    assert (answer["verantwoordelijke"]["rol"], answer["toegewezen"]) == ("teamleider", False)
    assert answer["verantwoordelijke"]["organisatie"] == "cjg-de-monden"
    assert answer["risicotaxatieUiterlijk"] == "2026-12-09"
    assert "bsn" not in response.content.decode() and DAAN not in response.content.decode()
    assert RiskScreening.objects.get(case=case).answers == ["nee", "ja", "onbekend"]


def test_all_no_means_no_assessment_date(api_for):
    response = post(api_for(professional("cjg-demonden")), body(answers=("nee", "nee", "nee")))
    assert response.status_code == 201 and response.json()["risicotaxatieUiterlijk"] is None


def test_a_missing_or_unknown_answer_is_a_400_naming_each_question(api_for):
    response = post(api_for(professional("cjg-demonden")), body(answers=("nee", "misschien")))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    params = {param["name"]: param["code"] for param in response.json()["invalidParams"]}
    assert params == {"risicovragen.1": "antwoord-onbekend", "risicovragen.2": "antwoord-ontbreekt"}
    assert not Case.objects.exists()
    without = post(api_for(professional("cjg-demonden")), {"bsn": DAAN, "vraag": "Hulp"})
    assert [param["name"] for param in without.json()["invalidParams"]] == [
        "risicovragen.0", "risicovragen.1", "risicovragen.2"]


def test_a_second_application_joins_the_open_case(api_for):
    first = post(api_for(professional("cjg-demonden")), body()).json()
    second = post(api_for(professional("teamleider-demonden")), body(bsn="999990032", aanmelder="ouder",
                                                                       kanaal="inloop"))
    assert second.status_code == 200 and second.json()["uuid"] == first["uuid"]
    assert Arrival.objects.filter(case__uuid=first["uuid"]).count() == 2


def test_the_same_idempotency_key_records_once(api_for):
    client = api_for(professional("cjg-demonden"))
    key = str(uuid.uuid4())
    first, again = post(client, body(), key), post(client, body(), key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotency-Replayed"] == "true" and again.json() == first.json()
    assert Arrival.objects.count() == 1


def test_someone_new_to_ketenzicht_is_fetched_from_the_brp_with_the_household(api_for):
    bsn, district = youth_only_in_the_brp()
    assert find_person_by_bsn(bsn) is None
    persons = Person.objects.count()
    # The district team of the household's district (whatever accounts the demo has there).
    team = ProfessionalFactory(organisation=Organisation.objects.get(slug=f"cjg-{district}"),
                               role=Role.PROFESSIONAL)
    response = post(api_for(team), body(bsn=bsn))
    assert response.status_code == 201, response.content
    assert find_person_by_bsn(bsn) is not None and Person.objects.count() > persons


def test_the_application_is_audited_for_each_member_from_the_system(api_for):
    post(api_for(professional("cjg-demonden")), body())
    events = AuditEvent.objects.filter(purpose="casus: risicovragen beantwoord")
    assert events.count() == 4  # Daan, Emma, Anja, Marco
    assert all(event.access_point.startswith("api:") and event.user_name == "Bart Lubbers"
               for event in events)


def test_an_organisation_that_holds_no_cases_is_refused_and_a_team_member_is_named(api_for):
    school = post(api_for(professional("leerkracht")), body())
    assert school.status_code == 403 and school.json()["code"] == "geen-casushouder"
    again = post(api_for(professional("leerkracht")), body())
    assert without_instance(again.json()) == without_instance(school.json())
    assert not Case.objects.exists()

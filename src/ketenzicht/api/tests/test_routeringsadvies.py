"""``POST /api/v1/routeringsadvies``: every routing rule through the API, answered for the caller's
organisation at the moment in the body; it stores nothing but its audit event.

On the Emmen demo: Daan de Vries (9) and Emma (14) live in De Monden, Daan's school Kristalla (a
primary school) is in Emmen Zuid, Emma is a pupil of Esdal College (a secondary school); their
mother Anja is an adult. Sanne Jansen (16) lives in De Velden and has no secondary school in the
chain.
"""

import json

import pytest

from ketenzicht.access.models import AccessBasis
from ketenzicht.audit.models import AuditEvent
from ketenzicht.organisations.models import Organisation, Role
from ketenzicht.organisations.tests.factories import ProfessionalFactory
from ketenzicht.people.models import Person
from ketenzicht.signals.models import Signal
from ketenzicht.signals.tests.conftest import ANJA, DAAN, EMMA, SANNE

from .signalen_support import (
    ADVICE,
    SATURDAY_NIGHT,
    WEDNESDAY_MORNING,
    advice,
    api_fixture,  # noqa: F401 (fixture)
    emmen,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.usefixtures("emmen")


def route(client, body: dict) -> dict:
    response = client.post(ADVICE, body, format="json")
    assert response.status_code == 200, response.content
    return response.json()["route"]


# --- the rules -----------------------------------------------------------------------------------

def test_acute_abuse_is_a_report_to_veilig_thuis_at_any_hour(api):
    answer = route(api("leerkracht"), advice(DAAN, "lichamelijke-mishandeling", urgentie="acuut",
                                             tijdstip=SATURDAY_NIGHT))
    assert answer == {
        "organisatie": "veilig-thuis-drenthe", "soort": "melding", "regel": "acuut-geweld",
        "reden": answer["reden"],
    }
    assert "Veilig Thuis" in answer["reden"]


def test_crisis_outside_office_hours_goes_to_spoed4jeugd_with_handover_by_monday_noon(api):
    answer = route(api("leerkracht"), advice(DAAN, "crisis-jeugdige", urgentie="spoed",
                                             tijdstip=SATURDAY_NIGHT))
    assert answer["organisatie"] == "spoed4jeugd"
    assert answer["soort"] == "crisis"
    assert answer["regel"] == "crisis-buiten-kantoortijd"
    assert answer["overdrachtNaar"] == "cjg-de-monden"
    assert answer["overdrachtUiterlijk"] == "2026-11-30T12:00:00+01:00"


def test_crisis_in_office_hours_goes_to_the_cjg_where_the_youth_lives(api):
    answer = route(api("leerkracht"), advice(DAAN, "crisis-jeugdige", urgentie="spoed",
                                             tijdstip=WEDNESDAY_MORNING))
    assert (answer["organisatie"], answer["soort"], answer["regel"]) == (
        "cjg-de-monden", "crisis", "crisis-kantoortijd")
    assert "overdrachtNaar" not in answer and "overdrachtUiterlijk" not in answer


def test_office_hours_are_judged_at_the_offset_given(api):
    """17:30 in Emmen is outside office hours, although it is 16:30 in UTC."""
    late = route(api("leerkracht"), advice(DAAN, "crisis-jeugdige",
                                           tijdstip="2026-11-25T16:30:00+00:00"))
    early = route(api("leerkracht"), advice(DAAN, "crisis-jeugdige",
                                            tijdstip="2026-11-25T15:30:00Z"))
    assert late["organisatie"] == "spoed4jeugd"
    assert late["overdrachtUiterlijk"] == "2026-11-26T12:00:00+01:00"
    assert early["organisatie"] == "cjg-de-monden"


def test_school_signal_goes_to_the_cjg_where_the_youth_lives_not_the_schools(api):
    answer = route(api("leerkracht"), advice(DAAN, "emotionele-verwaarlozing", "schoolverzuim"))
    assert (answer["organisatie"], answer["soort"], answer["regel"]) == (
        "cjg-de-monden", "signaal", "woonplaats-jeugdige")
    assert "alternatieven" not in answer  # Daan is 9


def test_a_secondary_school_asking_is_offered_cjg_12plus_not_every_youth_of_that_age(api, api_for):
    """The advice uses only what the BRP and the asker can tell: a secondary school asking about
    its pupil is offered the CJG 12+ team; the primary school asking about the same youth is not,
    though she is a secondary school's client in the chain (that must not show through)."""
    mentor = ProfessionalFactory(organisation=Organisation.objects.get(slug="esdal-college"),
                                 role=Role.PROFESSIONAL, user__username="mentor-esdal")
    pupil = route(api_for(mentor), advice(EMMA, "gedrag-jeugdige"))
    same_youth = route(api("leerkracht"), advice(EMMA, "gedrag-jeugdige"))
    sixteen = route(api("leerkracht"), advice(SANNE, "gedrag-jeugdige"))
    assert pupil["organisatie"] == "cjg-de-monden"
    assert pupil["alternatieven"] == ["cjg-12plus"]
    assert same_youth["organisatie"] == "cjg-de-monden" and "alternatieven" not in same_youth
    assert (sixteen["organisatie"], sixteen["regel"]) == ("cjg-de-velden", "woonplaats-jeugdige")
    assert "alternatieven" not in sixteen


def test_volunteer_signal_goes_to_the_social_team_where_the_person_lives(api):
    body = advice(DAAN, "emotionele-verwaarlozing")
    volunteer = route(api("vrijwilliger"), body)
    school = route(api("leerkracht"), body)
    assert (volunteer["organisatie"], volunteer["soort"], volunteer["regel"]) == (
        "sgt-de-monden", "signaal", "vrijwilligers")
    assert school["organisatie"] == "cjg-de-monden"  # the same question, another caller


def test_volunteers_acute_abuse_and_crisis_are_routed_as_everyones(api):
    abuse = route(api("vrijwilliger"), advice(DAAN, "lichamelijke-mishandeling", urgentie="acuut",
                                              tijdstip=SATURDAY_NIGHT))
    crisis = route(api("vrijwilliger"), advice(DAAN, "crisis-jeugdige", urgentie="acuut",
                                               tijdstip=SATURDAY_NIGHT))
    assert (abuse["organisatie"], abuse["soort"], abuse["regel"]) == (
        "veilig-thuis-drenthe", "melding", "acuut-geweld")
    assert (crisis["organisatie"], crisis["regel"], crisis["overdrachtNaar"]) == (
        "spoed4jeugd", "crisis-buiten-kantoortijd", "cjg-de-monden")


def test_police_concern_about_a_child_is_a_report_to_veilig_thuis(api):
    child = route(api("wijkagent"), advice(DAAN, "emotionele-verwaarlozing"))
    adult = route(api("wijkagent"), advice(ANJA, "schulden"))
    assert (child["organisatie"], child["soort"], child["regel"]) == (
        "veilig-thuis-drenthe", "melding", "zorg-kind-naar-veilig-thuis")
    assert (adult["organisatie"], adult["regel"]) == ("sgt-de-monden", "omstandigheden-volwassene")


def test_adult_circumstances_without_concern_about_a_child_go_to_the_social_team(api):
    answer = route(api("leerkracht"), advice(ANJA, "armoede"))
    assert (answer["organisatie"], answer["soort"], answer["regel"]) == (
        "sgt-de-monden", "signaal", "omstandigheden-volwassene")


def test_adult_with_a_concern_about_children_goes_to_the_cjg(api):
    answer = route(api("ggz"), advice(ANJA, "armoede", "psychiatrie-ouder"))
    assert (answer["organisatie"], answer["regel"]) == ("cjg-de-monden", "woonplaats-jeugdige")


# --- stores nothing, audited -------------------------------------------------------------------

def test_routing_advice_stores_nothing_but_its_audit_event(api):
    bases, events = AccessBasis.objects.count(), AuditEvent.objects.count()

    route(api("leerkracht"), advice(DAAN, "lichamelijke-mishandeling", urgentie="acuut"))

    assert not Signal.objects.exists()
    assert AccessBasis.objects.count() == bases
    [event] = AuditEvent.objects.order_by("id")[events:]
    daan = Person.objects.get(given_names__startswith="Daan")
    assert (event.event_type, event.object_type, event.client_pseudonym, event.outcome) == (
        "search", "routeringsadvies", str(daan.uuid), "success")
    assert event.organisation == "kristalla"
    assert event.access_point.startswith("api:")
    assert DAAN not in json.dumps(list(AuditEvent.objects.values()), default=str)


def test_routing_advice_is_a_post_so_the_bsn_stays_out_of_the_url(api):
    response = api("leerkracht").get(ADVICE, {"bsn": DAAN})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


# --- refusals: Dutch problems naming the field ------------------------------------------------

def refusal(client, body: dict) -> dict:
    response = client.post(ADVICE, body, format="json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_naive_tijdstip_is_refused_with_a_specific_dutch_error(api):
    problem = refusal(api("leerkracht"), advice(DAAN, tijdstip="2026-11-28T03:00:00"))
    [invalid] = problem["invalidParams"]
    assert (invalid["name"], invalid["code"]) == ("tijdstip", "tijdzone-ontbreekt")
    assert "tijdzone" in invalid["reason"] and "kantoortijd" in invalid["reason"]


@pytest.mark.parametrize(("change", "name", "code", "words"), [
    ({"bsn": "999990018"}, "bsn", "bsn-ongeldig", "elfproef"),
    ({"categorieen": ["kattenkwaad"]}, "categorieen", "categorie-onbekend", "Onbekende categorie"),
    ({"categorieen": []}, "categorieen", "categorie-ontbreekt", "ten minste één categorie"),
    ({"urgentie": "morgen"}, "urgentie", "urgentie-onbekend", "acuut, spoed of regulier"),
    ({"tijdstip": "gisteren"}, "tijdstip", "invalid", "Datetime"),
    ({"tijdstip": "1850-06-01T10:00:00+01:00"}, "tijdstip", "tijdstip-onwaarschijnlijk", "1900"),
    ({"tijdstip": "0001-01-01T00:00:00+14:00"}, "tijdstip", "overflow", ""),
    ({"bsn": 999990019}, "bsn", "invalid", ""),
    ({"categorieen": ["x" * 100_000]}, "categorieen.0", "max_length", "40"),
])
def test_invalid_advice_requests_get_dutch_problems_with_the_field(api, change, name, code, words):
    problem = refusal(api("leerkracht"), {**advice(DAAN), **change})
    assert [(p["name"], p["code"]) for p in problem["invalidParams"]] == [(name, code)]
    assert words in problem["invalidParams"][0]["reason"]
    assert "999990018" not in json.dumps(problem)


def test_professional_without_client_work_may_not_ask(api):
    response = api("beleid").post(ADVICE, advice(DAAN), format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "geen-hulpverlener"

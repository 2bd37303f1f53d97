"""``POST /api/v1/signalen`` and ``GET /api/v1/signalen/{uuid}``: a school's system records a
signal about Daan de Vries, gets the proposed desk, and later reads the feedback; the desk's
file never reaches it, and nobody but the signaller's side reads it.

Time is frozen on a Wednesday morning in office hours unless a test travels elsewhere: the
proposal is made for the moment of recording, by the server's clock.
"""

import json
import uuid
from datetime import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ketenzicht.audit.models import AuditEvent
from ketenzicht.organisations.models import District
from ketenzicht.people.models import Household
from ketenzicht.signals import desks
from ketenzicht.signals.models import Route, Signal, Source
from ketenzicht.signals.services import Consent, ShareRequest, share_signal
from ketenzicht.signals.tests.conftest import (
    AMSTERDAM,
    DAAN,
    OFFICE_HOURS,
    PARENTS_CONSENT,
    acting,
)

from .conftest import without_instance
from .signalen_support import (
    SIGNALS,
    api_fixture,  # noqa: F401 (fixture)
    emmen,  # noqa: F401 (fixture)
    post_signal,
    signal_body,
)

pytestmark = pytest.mark.usefixtures("emmen", "office_hours")


@pytest.fixture
def office_hours():
    with time_machine.travel(OFFICE_HOURS, tick=False):
        yield


def record(client, body: dict | None = None, key: str | None = None) -> dict:
    response = post_signal(client, body or signal_body(DAAN), key)
    assert response.status_code == 201, response.content
    return response.json()


# --- recording -----------------------------------------------------------------------------------

def test_recorded_signal_is_201_with_location_status_and_proposed_route(api):
    body = signal_body(DAAN, "emotionele-verwaarlozing", "schoolverzuim",
                       uitsprakenVanAnderen=[{"bron": "Emma, zus van Daan",
                                              "inhoud": "Mama ligt 's ochtends nog in bed."}],
                       waargenomenOp="2026-11-24T08:45:00+01:00")
    response = post_signal(api("leerkracht"), body)

    assert response.status_code == 201, response.content
    answer = response.json()
    signal = Signal.objects.get(uuid=answer["uuid"])
    assert response["Location"] == f"{SIGNALS}/{signal.uuid}"
    assert answer == {
        "uuid": str(signal.uuid), "persoon": str(signal.person.uuid), "status": "open",
        "meldcode": True,
        "route": {"organisatie": "cjg-de-monden", "soort": "signaal", "regel": "woonplaats-jeugdige",
                  "reden": signal.proposed_reason},
    }
    assert signal.source == Source.API
    assert signal.organisation.slug == "kristalla"
    assert signal.facts == body["waarneming"]
    assert [(s.source, s.content) for s in signal.statements.all()] == [
        ("Emma, zus van Daan", "Mama ligt 's ochtends nog in bed.")]
    assert signal.observed_at == datetime(2026, 11, 24, 8, 45, tzinfo=AMSTERDAM)
    assert signal.created_at == OFFICE_HOURS
    assert DAAN not in response.content.decode()


def test_tijdstip_is_the_observation_moment_when_waargenomenOp_is_absent(api):
    with_tijdstip = record(api("leerkracht"), signal_body(DAAN, tijdstip="2026-11-23T14:00:00+01:00"))
    without = record(api("leerkracht"), signal_body(DAAN))

    assert Signal.objects.get(uuid=with_tijdstip["uuid"]).observed_at == datetime(
        2026, 11, 23, 14, tzinfo=AMSTERDAM)
    assert Signal.objects.get(uuid=without["uuid"]).observed_at == OFFICE_HOURS


def test_crisis_recorded_on_saturday_night_proposes_spoed4jeugd_with_handover(api):
    with time_machine.travel(datetime(2026, 11, 28, 3, 0, tzinfo=AMSTERDAM), tick=False):
        # The observation was in office hours; the proposal is for the moment of recording.
        answer = record(api("leerkracht"), signal_body(
            DAAN, "crisis-jeugdige", urgentie="spoed", tijdstip="2026-11-27T11:00:00+01:00"))

    assert answer["route"] == {
        "organisatie": "spoed4jeugd", "soort": "crisis", "regel": "crisis-buiten-kantoortijd",
        "reden": answer["route"]["reden"], "overdrachtNaar": "cjg-de-monden",
        "overdrachtUiterlijk": "2026-11-30T12:00:00+01:00",
    }


def test_acute_abuse_signal_proposes_a_report_to_veilig_thuis(api):
    answer = record(api("leerkracht"), signal_body(DAAN, "seksueel-misbruik", urgentie="acuut"))
    assert (answer["route"]["organisatie"], answer["route"]["soort"]) == (
        "veilig-thuis-drenthe", "melding")


def test_volunteer_signal_proposes_the_social_team_where_the_person_lives(api):
    answer = record(api("vrijwilliger"), signal_body(DAAN))
    assert (answer["route"]["organisatie"], answer["route"]["regel"]) == (
        "sgt-de-monden", "vrijwilligers")


# --- idempotent ----------------------------------------------------------------------------------

def test_same_key_and_body_replays_the_answer_without_a_second_signal(api):
    client = api("leerkracht")
    first = post_signal(client, signal_body(DAAN), key="signaal-daan-1")
    again = post_signal(client, signal_body(DAAN), key="signaal-daan-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Location"] == first["Location"]
    assert again["Idempotency-Replayed"] == "true"
    assert Signal.objects.count() == 1


def test_same_key_with_another_body_is_422(api):
    client = api("leerkracht")
    post_signal(client, signal_body(DAAN), key="signaal-daan-1")
    other = post_signal(client, signal_body(DAAN, waarneming="Iets anders."), key="signaal-daan-1")

    assert other.status_code == 422
    assert other.json()["code"] == "idempotency-key-hergebruikt"
    assert Signal.objects.count() == 1


def test_recording_needs_an_idempotency_key(api):
    response = api("leerkracht").post(SIGNALS, signal_body(DAAN), format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "Idempotency-Key"
    assert not Signal.objects.exists()


# --- refusals ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "name", "code", "words"), [
    ({"bsn": "999990018"}, "bsn", "bsn-ongeldig", "elfproef"),
    ({"bsn": ""}, "bsn", "bsn-ontbreekt", "BSN"),
    ({"categorieen": ["kattenkwaad"]}, "categorieen", "categorie-onbekend", "kattenkwaad"),
    ({"urgentie": "straks"}, "urgentie", "urgentie-onbekend", "acuut, spoed of regulier"),
    ({"tijdstip": "2026-11-24T08:45:00"}, "tijdstip", "tijdzone-ontbreekt", "tijdzone"),
    ({"waargenomenOp": "2026-11-24T08:45"}, "waargenomenOp", "tijdzone-ontbreekt", "tijdzone"),
    ({"waarneming": None}, "waarneming", "null", ""),
    ({"waarneming": "   "}, "waarneming", "waarneming-ontbreekt", "zelf heeft waargenomen"),
    ({"waarneming": 42}, "waarneming", "invalid", ""),
    ({"waarneming": "x" * 10_001}, "waarneming", "max_length", "10000 tekens"),
    ({"waargenomenOp": "2026-11-26T10:00:00+01:00"}, "waargenomenOp", "waarneming-in-toekomst",
     "toekomst"),
    ({"tijdstip": "2026-11-26T10:00:00+01:00"}, "tijdstip", "waarneming-in-toekomst", "toekomst"),
    ({"uitsprakenVanAnderen": [{"bron": " ", "inhoud": "Papa slaat."}]},
     "uitsprakenVanAnderen.0.bron", "bron-ontbreekt", "bron"),
    ({"uitsprakenVanAnderen": [{"inhoud": "Papa slaat."}]}, "uitsprakenVanAnderen.0.bron",
     "required", ""),
])
def test_refused_signal_is_a_dutch_problem_naming_the_field(api, change, name, code, words):
    response = post_signal(api("leerkracht"), {**signal_body(DAAN), **change})

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert [(p["name"], p["code"]) for p in problem["invalidParams"]] == [(name, code)]
    assert words in problem["invalidParams"][0]["reason"]
    assert not Signal.objects.exists()


def test_missing_waarneming_asks_for_the_observed_facts_in_dutch(api):
    body = signal_body(DAAN)
    del body["waarneming"]
    problem = post_signal(api("leerkracht"), body).json()
    assert problem["title"] == "Ongeldige aanvraag"
    assert problem["invalidParams"] == [{
        "name": "waarneming", "code": "required",
        "reason": "Beschrijf wat u zelf heeft waargenomen (feiten)."}]


def test_refused_signal_keeps_its_audit_event(api):
    response = post_signal(api("leerkracht"), signal_body(DAAN, "kattenkwaad"))
    assert response.status_code == 400
    denied = AuditEvent.objects.get(object_type="signaal", outcome="denied")
    assert denied.purpose == "signaal geweigerd: categorie-onbekend"
    assert denied.organisation == "kristalla"


# --- reading: the signaller's view with the feedback ------------------------------------------

def shared_with_cjg(answer: dict) -> Route:
    signal = Signal.objects.get(uuid=answer["uuid"])
    return share_signal(*acting("leerkracht"), signal, PARENTS_CONSENT)


def test_signaller_reads_status_routes_and_feedback_after_the_desk_accepts(api):
    school = api("leerkracht")
    answer = record(school)
    route = shared_with_cjg(answer)
    before = school.get(f"{SIGNALS}/{answer['uuid']}").json()

    desks.accept(*acting("cjg-demonden"), route)
    after = school.get(f"{SIGNALS}/{answer['uuid']}")

    assert before["status"] == "gedeeld"
    assert before["terugkoppeling"] == []
    assert after.status_code == 200
    body = after.json()
    assert body["status"] == "aangenomen"
    assert body["routes"] == [{"organisatie": "cjg-de-monden", "soort": "signaal",
                               "status": "aangenomen", "gedeeldOp": "2026-11-25T10:00:00+01:00"}]
    assert body["terugkoppeling"] == [{
        "moment": "aangenomen", "op": "2026-11-25T10:00:00+01:00", "loket": "cjg-de-monden",
        "routeGestart": None, "met": "cjg-de-monden", "veiligheidsvoorwaarden": "", "regisseur": "",
    }]
    assert body["route"] == answer["route"]
    assert (body["uuid"], body["persoon"]) == (answer["uuid"], answer["persoon"])
    assert body["categorieen"] == ["emotionele-verwaarlozing"]
    assert body["urgentie"] == "regulier"
    assert DAAN not in after.content.decode()


def test_safety_conditions_reach_the_signaller_only_when_they_keep_a_role(api):
    school = api("leerkracht")
    keeps, leaves = record(school), record(school)
    cjg = acting("cjg-demonden")
    for answer, keeps_role in ((keeps, True), (leaves, False)):
        route = desks.accept(*cjg, shared_with_cjg(answer))
        desks.record_assessment(*cjg, route, "eigen-hulp", signaller_keeps_role=keeps_role,
                                safety_conditions="School meldt elke dag verzuim aan het CJG.")

    kept = school.get(f"{SIGNALS}/{keeps['uuid']}").json()["terugkoppeling"]
    left = school.get(f"{SIGNALS}/{leaves['uuid']}")

    assert [f["veiligheidsvoorwaarden"] for f in kept] == [
        "", "School meldt elke dag verzuim aan het CJG."]
    assert [f["moment"] for f in kept] == ["aangenomen", "beoordeeld"]
    assert kept[1]["routeGestart"] is True
    assert "verzuim aan het CJG" not in left.content.decode()


def test_signaller_never_reads_the_desks_file(api):
    school = api("leerkracht")
    answer = record(school)
    cjg = acting("cjg-demonden")
    route = desks.accept(*cjg, shared_with_cjg(answer))
    desks.record_assessment(*cjg, route, "lokaal-team", handed_to_slug="sgt-de-monden")

    body = school.get(f"{SIGNALS}/{answer['uuid']}").json()

    # Where it went and whether a route started, with whom: yes. How the desk judged it: no.
    assert body["terugkoppeling"][-1]["met"] == "sgt-de-monden"
    assert set(body) == {"uuid", "persoon", "status", "meldcode", "categorieen", "urgentie",
                         "waargenomenOp", "vastgelegdOp", "route", "routes", "terugkoppeling"}
    assert all(set(r) == {"organisatie", "soort", "status", "gedeeldOp"} for r in body["routes"])
    assert all(set(f) == {"moment", "op", "loket", "routeGestart", "met", "veiligheidsvoorwaarden",
                          "regisseur"} for f in body["terugkoppeling"])
    text = json.dumps(body)
    assert "lokaal-team" not in text  # the assessment's outcome
    assert "Overgedragen door" not in text  # the desk's reason for the handover


def test_the_proposal_is_shown_as_it_was_made_also_after_a_move(api):
    school = api("leerkracht")
    answer = record(school)
    daan = Signal.objects.get(uuid=answer["uuid"]).person
    Household.objects.filter(memberships__person=daan).update(
        district=District.objects.get(slug="emmen-oost"))  # the family moved since

    shown = school.get(f"{SIGNALS}/{answer['uuid']}").json()["route"]

    assert shown == {"organisatie": "cjg-de-monden", "soort": "signaal",
                     "reden": answer["route"]["reden"], "regel": "woonplaats-jeugdige"}


def test_only_the_signallers_side_reads_the_signal(api):
    answer = record(api("leerkracht"))
    shared_with_cjg(answer)  # the CJG now sees it in its inbox, not here
    url = f"{SIGNALS}/{answer['uuid']}"

    signaller = api("leerkracht").get(url)
    safeguarding_lead = api("aandacht-kristalla").get(url)
    desk = api("cjg-demonden").get(url)
    stranger = api("cjg-emmenzuid").get(url)
    missing = api("cjg-emmenzuid").get(f"{SIGNALS}/{uuid.uuid4()}")

    assert signaller.status_code == safeguarding_lead.status_code == 200
    assert desk.status_code == stranger.status_code == missing.status_code == 404
    assert without_instance(desk.json()) == without_instance(stranger.json()) \
        == without_instance(missing.json())
    denied = AuditEvent.objects.filter(object_type="signaal", event_type="read", outcome="denied")
    assert [(e.organisation, e.client_pseudonym) for e in denied.order_by("id")] == [
        ("cjg-de-monden", answer["persoon"]), ("cjg-emmen-zuid", answer["persoon"]),
        ("cjg-emmen-zuid", "")]


def test_signal_read_takes_a_fixed_number_of_queries(api, django_assert_max_num_queries):
    school = api("leerkracht")
    answer = record(school)
    url = f"{SIGNALS}/{answer['uuid']}"
    with CaptureQueriesContext(connection) as bare:
        school.get(url)

    signal = Signal.objects.get(uuid=answer["uuid"])
    cjg = acting("cjg-demonden")
    route = desks.accept(*cjg, shared_with_cjg(answer))
    desks.record_help_started(*cjg, route)
    vt_route = share_signal(*acting("leerkracht"), signal, ShareRequest(
        Consent("veiligheid", safety_reason="Vader dreigt."), desk_slug="veilig-thuis-drenthe",
        deviation_reason="Zorgen over veiligheid."))
    desks.accept(*acting("veiligthuis"), vt_route)
    with django_assert_max_num_queries(len(bare)) as busy:
        body = school.get(url).json()

    assert len(body["routes"]) == 2 and len(body["terugkoppeling"]) == 3
    assert len(busy) == len(bare)


# --- audit -------------------------------------------------------------------------------------

def test_signals_api_is_audited_without_bsn(api):
    school = api("leerkracht")
    answer = record(school)
    before = AuditEvent.objects.count()
    school.get(f"{SIGNALS}/{answer['uuid']}")

    created = AuditEvent.objects.get(object_type="signaal", event_type="create")
    assert (created.organisation, created.client_pseudonym, created.object_id) == (
        "kristalla", answer["persoon"], answer["uuid"])
    assert created.access_point.startswith("api:")
    [read] = AuditEvent.objects.order_by("id")[before:]
    assert (read.event_type, read.object_type, read.client_pseudonym, read.purpose) == (
        "read", "signaal", answer["persoon"], "melder")
    assert DAAN not in json.dumps(list(AuditEvent.objects.values()), default=str)

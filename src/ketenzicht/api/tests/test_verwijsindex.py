"""The verwijsindex over the API: registering, reading, ending, extending, matches and bulk.

Three parties on the Emmen demo: a registrant (the school Kristalla), a matched organisation
(the JGZ of the GGD) and an unrelated one (the CJG-Jeugdteam of Emmen Zuid). Daan de Vries lives
in De Monden, so the CJG-Jeugdteam De Monden coordinates his match.
"""

import json
import uuid
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from ketenzicht.audit.models import AuditEvent
from ketenzicht.demo.loader import load_demo
from ketenzicht.organisations.models import OrganisationType, Professional
from ketenzicht.verwijsindex.models import IndexRegistration, Match

from .conftest import without_instance

DAAN, EMMA, ANJA, NOAH, KEVIN = "999990019", "999990020", "999990032", "999990056", "999990159"
MELDINGEN = "/api/v1/verwijsindex/meldingen"
BULK = f"{MELDINGEN}/bulk"
MATCHES = "/api/v1/verwijsindex/matches"


@pytest.fixture
def emmen(db, settings):
    settings.DEMO_MODE = True
    load_demo(households=3)


pytestmark = pytest.mark.usefixtures("emmen")


def professional(username: str) -> Professional:
    return Professional.objects.select_related("organisation__type", "user").get(user__username=username)


@pytest.fixture
def api(api_for):
    """``api("leerkracht")``: a client of that professional's organisation, naming them."""
    return lambda username: api_for(professional(username))


def melding(bsn: str, **overrides) -> dict:
    body = {
        "bsn": bsn, "risicocategorieen": ["e"], "redelijkVermoeden": True,
        "contactpersoon": {"naam": "Ingrid Hofstede", "telefoon": "0591 123456",
                           "email": "i.hofstede@example.nl"},
    }
    return {**body, **overrides}


def post(client, url: str, body: dict | None = None, key: str | None = None):
    return client.post(url, body or {}, format="json", HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4()))


def register(client, bsn: str, **overrides):
    return post(client, MELDINGEN, melding(bsn, **overrides))


# --- registering -----------------------------------------------------------------------------

def test_register_returns_201_with_registration_and_match(api):
    first = register(api("jgz"), DAAN, contactpersoon={
        "naam": "Joke Smit", "telefoon": "088 2468100", "email": "j.smit@ggd.example"})
    assert first.status_code == 201, first.content
    assert first.json()["match"] is None
    assert first.json()["gezinsmatches"] == []

    response = register(api("leerkracht"), DAAN)

    assert response.status_code == 201, response.content
    body = response.json()
    registration = IndexRegistration.objects.get(uuid=body["uuid"])
    assert response["Location"] == f"{MELDINGEN}/{registration.uuid}"
    assert body["status"] == "actief"
    assert body["organisatie"] == "kristalla"
    assert body["actiefTot"] == registration.active_until.isoformat()
    assert body["geregistreerdOp"]
    assert body["persoon"] == str(registration.person.uuid)
    match = body["match"]
    assert match["soort"] == "client"
    assert match["status"] == "nieuw"
    assert match["matchregisseur"] == {"slug": "cjg-de-monden", "naam": match["matchregisseur"]["naam"]}
    assert "De Monden" in match["matchregisseur"]["naam"]
    assert match["betrokkenen"] == [{
        "slug": "ggd-drenthe", "naam": match["betrokkenen"][0]["naam"],
        "contactpersoon": {"naam": "Joke Smit", "telefoon": "088 2468100",
                           "email": "j.smit@ggd.example"},
    }]
    assert match["eigenMeldingen"] == [body["uuid"]]
    assert match["persoon"] == body["persoon"]
    assert DAAN not in response.content.decode()


def test_register_invalid_bsn_is_400_problem(api):
    response = register(api("leerkracht"), "999990018")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "bsn-ongeldig"
    assert problem["invalidParams"] == [
        {"name": "bsn", "code": "bsn-ongeldig", "reason": problem["invalidParams"][0]["reason"]}
    ]
    assert "elfproef" in problem["invalidParams"][0]["reason"]
    assert "999990018" not in response.content.decode()
    assert not IndexRegistration.objects.exists()


def test_register_youth_aged_23_is_400(api):
    response = register(api("leerkracht"), ANJA)  # Anja de Vries, Daan's mother
    assert response.status_code == 400
    assert response.json()["code"] == "te-oud"
    assert response.json()["invalidParams"][0]["name"] == "bsn"


def test_register_requires_confirmed_reasonable_suspicion(api):
    """``redelijkVermoeden`` is required: its absence is not a confirmation, and false refuses."""
    body = melding(DAAN)
    del body["redelijkVermoeden"]
    missing = post(api("leerkracht"), MELDINGEN, body)
    assert missing.status_code == 400
    assert [p["name"] for p in missing.json()["invalidParams"]] == ["redelijkVermoeden"]

    denied = register(api("leerkracht"), DAAN, redelijkVermoeden=False)
    assert denied.status_code == 400
    assert denied.json()["invalidParams"][0] == {
        "name": "redelijkVermoeden", "code": "vermoeden-niet-bevestigd",
        "reason": denied.json()["detail"],
    }


def test_register_names_the_contact_field_in_camel_case(api):
    response = register(api("leerkracht"), DAAN, contactpersoon={
        "naam": "Ingrid", "telefoon": "12", "email": "i@example.nl"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "contactpersoon.telefoon"


def test_volunteer_organisation_gets_403(api):
    response = register(api("vrijwilliger"), DAAN)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "niet-meldbevoegd"
    assert not IndexRegistration.objects.exists()


def test_duplicate_active_registration_is_409(api):
    first = register(api("leerkracht"), DAAN).json()
    response = register(api("aandacht-kristalla"), DAAN)  # a colleague, another request
    assert response.status_code == 409
    problem = response.json()
    assert problem["code"] == "al-geregistreerd"
    assert problem["bestaandeMelding"] == first["uuid"]
    assert "Verleng" in problem["detail"]
    assert IndexRegistration.objects.count() == 1


# --- reading, ending, extending -----------------------------------------------------------------

def test_get_registration_of_other_organisation_is_404(api):
    created = register(api("leerkracht"), DAAN).json()
    register(api("jgz"), DAAN)  # matched: still not allowed to read the school's registration

    own = api("leerkracht").get(f"{MELDINGEN}/{created['uuid']}")
    other = api("jgz").get(f"{MELDINGEN}/{created['uuid']}")
    unrelated = api("cjg-emmenzuid").get(f"{MELDINGEN}/{created['uuid']}")
    missing = api("jgz").get(f"{MELDINGEN}/{uuid.uuid4()}")

    assert own.status_code == 200
    assert own.json()["uuid"] == created["uuid"]
    assert own.json()["contactpersoon"]["naam"] == "Ingrid Hofstede"
    assert other.status_code == unrelated.status_code == missing.status_code == 404
    assert without_instance(other.json()) == without_instance(missing.json())
    denied = AuditEvent.objects.filter(object_type="verwijsindex-registratie", outcome="denied")
    assert [(e.organisation, e.client_pseudonym) for e in denied.order_by("id")] == [
        ("ggd-drenthe", created["persoon"]), ("cjg-emmen-zuid", created["persoon"]), ("ggd-drenthe", "")]


def test_end_unjustified_registration_erases_it(api):
    school = api("leerkracht")
    created = register(school, DAAN).json()

    response = post(school, f"{MELDINGEN}/{created['uuid']}/beeindigen", {"reden": "onterecht"})

    assert response.status_code == 204
    assert not IndexRegistration.objects.filter(uuid=created["uuid"]).exists()
    assert school.get(f"{MELDINGEN}/{created['uuid']}").status_code == 404


def test_end_with_risk_gone_archives_and_closes_the_match(api):
    school = api("leerkracht")
    created = register(school, DAAN).json()
    match_uuid = register(api("jgz"), DAAN).json()["match"]["uuid"]

    response = post(school, f"{MELDINGEN}/{created['uuid']}/beeindigen", {"reden": "risico-weg"})

    assert response.status_code == 200
    assert response.json()["status"] == "beeindigd"
    assert response.json()["redenBeeindiging"] == "risico-weg"
    assert Match.objects.get(uuid=match_uuid).status == "nieuw"  # the JGZ is still registered
    again = post(school, f"{MELDINGEN}/{created['uuid']}/beeindigen", {"reden": "risico-weg"})
    assert again.status_code == 409


def test_end_registration_of_other_organisation_is_404(api):
    created = register(api("leerkracht"), DAAN).json()
    response = post(api("jgz"), f"{MELDINGEN}/{created['uuid']}/beeindigen", {"reden": "onterecht"})
    assert response.status_code == 404
    assert IndexRegistration.objects.filter(uuid=created["uuid"]).exists()


def test_end_needs_a_registrant_reason(api):
    created = register(api("leerkracht"), DAAN).json()
    response = post(api("leerkracht"), f"{MELDINGEN}/{created['uuid']}/beeindigen", {"reden": "verlopen"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "reden"


def test_extend_within_24_months_and_refuse_beyond(api):
    school = api("leerkracht")
    created = register(school, DAAN).json()
    url = f"{MELDINGEN}/{created['uuid']}/verlengen"

    not_needed = post(school, url)
    assert not_needed.status_code == 409
    assert not_needed.json()["code"] == "verlengen-niet-nodig"

    registration = IndexRegistration.objects.get(uuid=created["uuid"])
    last_day = datetime.combine(registration.active_until, time(9), tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(last_day, tick=False):
        extended = post(school, url)
        assert extended.status_code == 200, extended.content
        assert extended.json()["actiefTot"] > created["actiefTot"]
        assert extended.json()["verlengdOp"]
        capped = post(school, url)
        assert capped.status_code == 409
        assert capped.json()["code"] == "maximale-termijn-bereikt"


# --- matches -----------------------------------------------------------------------------------

def test_matches_lists_only_own_organisations_matches(api):
    register(api("leerkracht"), DAAN)
    match_uuid = register(api("jgz"), DAAN).json()["match"]["uuid"]
    register(api("ggz"), NOAH)  # Noah (Emmen Oost): one registration, no match
    register(api("jgz"), KEVIN)
    register(api("veiligthuis"), KEVIN)  # a match the school has no part in

    school = api("leerkracht").get(MATCHES)
    coordinator = api("cjg-demonden").get(MATCHES)
    unrelated = api("cjg-emmenzuid").get(MATCHES)

    assert school.status_code == 200
    assert school.json()["count"] == 1
    [listed] = school.json()["results"]
    assert listed["uuid"] == match_uuid
    assert [b["slug"] for b in listed["betrokkenen"]] == ["ggd-drenthe"]
    assert listed["betrokkenen"][0]["contactpersoon"]["email"] == "i.hofstede@example.nl"
    assert listed["ontstaanOp"] and listed["contactGelegdOp"] is None
    assert [m["uuid"] for m in coordinator.json()["results"]] == [match_uuid]
    assert {b["slug"] for b in coordinator.json()["results"][0]["betrokkenen"]} == {
        "kristalla", "ggd-drenthe"}
    assert coordinator.json()["results"][0]["eigenMeldingen"] == []
    assert unrelated.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert len(api("jgz").get(MATCHES).json()["results"]) == 2  # Daan's and Kevin's


def test_matches_are_paginated_with_page_and_page_size(api):
    for bsn in (DAAN, KEVIN):
        register(api("jgz"), bsn)
        register(api("veiligthuis"), bsn)
    first = api("jgz").get(MATCHES, {"pageSize": 1})
    second = api("jgz").get(MATCHES, {"pageSize": 1, "page": 2})
    beyond = api("jgz").get(MATCHES, {"pageSize": 1, "page": 3})

    assert first.json()["count"] == 2
    assert len(first.json()["results"]) == 1
    assert "pageSize=1" in first.json()["next"] and "page=2" in first.json()["next"]
    assert second.json()["next"] is None
    assert first.json()["results"][0]["uuid"] != second.json()["results"][0]["uuid"]
    assert beyond.status_code == 404
    assert beyond.json()["detail"] == "Deze pagina bestaat niet."
    for bad in ({"pageSize": "101"}, {"pageSize": "0"}, {"pageSize": "x"}, {"page": "last"}):
        refused = api("jgz").get(MATCHES, bad)
        assert refused.status_code == 400, bad
        assert refused.json()["invalidParams"][0]["name"] == next(iter(bad))


def test_matches_list_needs_no_query_per_match(api):
    # Only the audit trail writes per shown youth (one event each); reading is constant.
    reads = lambda ctx: [q["sql"] for q in ctx.captured_queries  # noqa: E731
                         if q["sql"].startswith("SELECT") and "audit_" not in q["sql"]]
    register(api("jgz"), DAAN)
    register(api("veiligthuis"), DAAN)
    # The demo's thousands of queries nearly fill the connection's query log (9,000 entries, the
    # oldest dropped, and a capture is a slice of it by position): start each capture with an
    # empty log and read it before the next request.
    reset_queries()
    with CaptureQueriesContext(connection) as one:
        assert api("jgz").get(MATCHES).json()["count"] == 1
    first = reads(one)
    register(api("jgz"), KEVIN)
    register(api("veiligthuis"), KEVIN)
    register(api("leerkracht"), KEVIN)
    reset_queries()
    with CaptureQueriesContext(connection) as two:
        assert api("jgz").get(MATCHES).json()["count"] == 2
    assert len(reads(two)) == len(first), "\n".join(reads(two))


# --- audit -------------------------------------------------------------------------------------

def test_registration_api_is_audited_without_bsn(api):
    school = api("leerkracht")
    created = register(school, DAAN).json()
    register(api("jgz"), DAAN)
    before = AuditEvent.objects.count()
    school.get(f"{MELDINGEN}/{created['uuid']}")
    school.get(MATCHES)

    events = list(AuditEvent.objects.order_by("id"))
    created_events = [e for e in events if e.object_type == "verwijsindex-registratie"
                      and e.event_type == "create"]
    assert [e.organisation for e in created_events] == ["kristalla", "ggd-drenthe"]
    assert created_events[0].access_point.startswith("api:")
    assert created_events[0].client_pseudonym == created["persoon"]
    later = [(e.event_type, e.object_type, e.client_pseudonym) for e in events[before:]]
    assert later == [
        ("read", "verwijsindex-registratie", created["persoon"]),
        ("search", "verwijsindex-match", ""),
        ("read", "verwijsindex-match", created["persoon"]),
    ]
    assert all(e.user_id == str(professional("leerkracht").uuid) for e in events[before:])
    assert DAAN not in json.dumps(list(AuditEvent.objects.values()), default=str)


# --- bulk ----------------------------------------------------------------------------------------

def test_bulk_keeps_valid_items_when_others_fail(api):
    items = [
        melding(DAAN),
        melding("999990018"),  # elfproef
        melding(ANJA),  # 23 or older
        melding(DAAN),  # the first item already registered Daan: a duplicate
        "geen object",
        melding(EMMA, risicocategorieen=[]),
        melding(KEVIN),
    ]
    response = post(api("leerkracht"), BULK, {"meldingen": items})

    assert response.status_code == 200, response.content
    body = response.json()
    results = body["resultaten"]
    assert [r["index"] for r in results] == list(range(len(items)))
    assert [r["status"] for r in results] == [201, 400, 400, 409, 400, 400, 201]
    assert (body["aantalGeregistreerd"], body["aantalGeweigerd"]) == (2, 5)
    assert results[1]["probleem"]["code"] == "bsn-ongeldig"
    assert results[2]["probleem"]["code"] == "te-oud"
    assert results[3]["probleem"]["bestaandeMelding"] == results[0]["melding"]["uuid"]
    assert results[4]["probleem"]["invalidParams"][0]["name"] == "nonFieldErrors"
    assert results[5]["probleem"]["invalidParams"][0]["name"] == "risicocategorieen"
    assert all("melding" not in r for r in results if r["status"] != 201)
    assert set(IndexRegistration.objects.values_list("uuid", flat=True)) == {
        uuid.UUID(results[0]["melding"]["uuid"]), uuid.UUID(results[6]["melding"]["uuid"])}
    assert DAAN not in response.content.decode()


def test_bulk_item_joins_a_match(api):
    register(api("jgz"), DAAN)
    response = post(api("leerkracht"), BULK, {"meldingen": [melding(DAAN)]})
    [result] = response.json()["resultaten"]
    assert result["melding"]["match"]["betrokkenen"][0]["slug"] == "ggd-drenthe"


def test_bulk_is_idempotent(api):
    school = api("leerkracht")
    body = {"meldingen": [melding(DAAN), melding("999990018"), melding(KEVIN)]}
    first = post(school, BULK, body, key="nacht-2024-05-01")
    again = post(school, BULK, body, key="nacht-2024-05-01")

    assert first.status_code == again.status_code == 200
    assert again["Idempotency-Replayed"] == "true"
    strip = lambda b: [{**r, "probleem": without_instance(r["probleem"])} if "probleem" in r else r  # noqa: E731
                       for r in b["resultaten"]]
    assert strip(again.json()) == strip(first.json())
    assert IndexRegistration.objects.count() == 2

    resent = post(school, BULK, body, key="nacht-2024-05-02")  # next night, everything again
    assert [r["status"] for r in resent.json()["resultaten"]] == [409, 400, 409]


def test_bulk_refuses_too_many_or_no_items(api):
    from ketenzicht.api.verwijsindex.serializers import BULK_MAX_ITEMS

    empty = post(api("leerkracht"), BULK, {"meldingen": []})
    assert empty.status_code == 400
    too_many = post(api("leerkracht"), BULK, {"meldingen": [{}] * (BULK_MAX_ITEMS + 1)})
    assert too_many.status_code == 400
    assert too_many.json()["invalidParams"][0]["name"] == "meldingen"


def test_bulk_by_volunteer_organisation_is_403(api):
    assert post(api("vrijwilliger"), BULK, {"meldingen": [melding(DAAN)]}).status_code == 403


# --- idempotent replay --------------------------------------------------------------------------

def test_replay_requires_professional_still_at_organisation(api, api_for):
    school_professional = professional("leerkracht")
    client = api_for(school_professional)
    first = post(client, MELDINGEN, melding(DAAN), key="melding-daan")
    assert first.status_code == 201

    # The same system, the same key and body, but the professional has left the school.
    other = professional("jgz").organisation
    Professional.objects.filter(pk=school_professional.pk).update(organisation=other)
    replay = post(client, MELDINGEN, melding(DAAN), key="melding-daan")

    assert replay.status_code == 403
    assert not replay.has_header("Idempotency-Replayed")
    assert "Hofstede" not in replay.content.decode()


def test_replay_requires_organisation_still_may_register(api):
    client = api("leerkracht")
    assert post(client, MELDINGEN, melding(DAAN), key="k").status_code == 201
    OrganisationType.objects.filter(organisations__slug="kristalla").update(may_register_in_index=False)

    replay = post(client, MELDINGEN, melding(DAAN), key="k")

    assert replay.status_code == 403
    assert replay.json()["code"] == "niet-meldbevoegd"
    assert "Hofstede" not in replay.content.decode()


def test_replay_of_registration_gives_the_same_answer(api):
    client = api("leerkracht")
    first = post(client, MELDINGEN, melding(DAAN), key="k")
    again = post(client, MELDINGEN, melding(DAAN), key="k")
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again["Location"] == first["Location"]
    assert IndexRegistration.objects.count() == 1


def test_register_by_alternative_identifier_for_youth_without_bsn(api):
    import datetime

    from ketenzicht.people.models import Person

    youth = Person.objects.create(alternative_id="AZC-2026-0042", given_names="Amir",
                                  surname="Haddad", date_of_birth=datetime.date(2014, 3, 1))
    response = register(api("jgz"), "", alternatiefKenmerk="AZC-2026-0042")
    assert response.status_code == 201, response.content
    assert response.json()["persoon"] == str(youth.uuid)


def test_register_needs_bsn_or_alternative_identifier(api):
    response = register(api("jgz"), "")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert [p["name"] for p in response.json()["invalidParams"]] == ["bsn"]


def test_refused_api_registration_keeps_its_audit_event(api):
    from ketenzicht.audit.models import AuditEvent

    response = register(api("leerkracht"), "999990032")  # Anja de Vries: 23 or older
    assert response.status_code == 400
    assert AuditEvent.objects.filter(object_type="verwijsindex-registratie", outcome="denied").exists()


def test_refused_bulk_item_keeps_its_audit_event(api):
    from ketenzicht.audit.models import AuditEvent

    response = post(api("leerkracht"), BULK, {"meldingen": [melding(DAAN), melding("999990032")]})
    assert [r["status"] for r in response.json()["resultaten"]] == [201, 400]
    assert AuditEvent.objects.filter(object_type="verwijsindex-registratie", outcome="denied").count() == 1


# --- review rules --------------------------------------------------------------------------------

def test_ended_registrant_no_longer_sees_the_match(api):
    school = api("leerkracht")
    created = register(school, DAAN).json()
    match_uuid = register(api("jgz"), DAAN).json()["match"]["uuid"]
    register(api("cjg-demonden"), DAAN)
    assert school.get(MATCHES).json()["count"] == 1

    ended = post(school, f"{MELDINGEN}/{created['uuid']}/beeindigen", {"reden": "risico-weg"})
    assert ended.status_code == 200

    assert school.get(MATCHES).json() == {"count": 0, "next": None, "previous": None,
                                          "results": []}
    [listed] = api("jgz").get(MATCHES).json()["results"]
    assert listed["uuid"] == match_uuid
    assert [b["slug"] for b in listed["betrokkenen"]] == ["cjg-de-monden"]


def test_family_match_does_not_expose_the_parent(api):
    register(api("leerkracht"), DAAN)
    response = register(api("jgz"), EMMA)
    assert response.status_code == 201, response.content
    body = response.json()
    [family] = body["gezinsmatches"]
    match = Match.objects.get(uuid=family["uuid"])
    parent = str(match.person.uuid)
    assert family["soort"] == "gezin"
    assert family["persoon"] is None
    assert family["eigenMeldingen"] == [body["uuid"]]
    assert parent not in response.content.decode()
    listed = api("leerkracht").get(MATCHES)
    assert listed.json()["results"][0]["persoon"] is None
    assert parent not in listed.content.decode()

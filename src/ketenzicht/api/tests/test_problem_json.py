"""Every error under /api/v1/ is application/problem+json with a Dutch title (RFC 9457)."""

import pytest
from rest_framework.test import APIClient

SEARCH = "/api/v1/personen/zoeken"


def _assert_problem(response, status: int, title: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["status"] == status
    assert body["title"] == title
    assert body["type"].startswith("urn:ketenzicht:probleem:")
    assert body["instance"].startswith("urn:uuid:")
    assert body["detail"]
    return body


def test_unknown_api_url_is_404_problem(db):
    _assert_problem(APIClient().get("/api/v1/bestaat-niet"), 404, "Niet gevonden")


def test_trailing_slash_is_not_an_alias(parties, api_for):
    response = api_for(parties.involved).get(f"/api/v1/personen/{parties.child.uuid}/")
    _assert_problem(response, 404, "Niet gevonden")


def test_wrong_method_is_405_problem(parties, api_for):
    response = api_for(parties.involved).get(SEARCH)
    _assert_problem(response, 405, "Methode niet toegestaan")


def test_unacceptable_format_is_406_problem(parties, api_for):
    url = f"/api/v1/personen/{parties.child.uuid}"
    response = api_for(parties.involved).get(url, HTTP_ACCEPT="text/html")
    _assert_problem(response, 406, "Gevraagd formaat niet beschikbaar")


def test_other_media_type_is_415_problem(parties, api_for):
    response = api_for(parties.involved).post(SEARCH, "bsn=1", content_type="text/plain")
    _assert_problem(response, 415, "Mediatype niet ondersteund")


def test_malformed_json_is_400_problem(parties, api_for):
    response = api_for(parties.involved).post(SEARCH, "{bsn", content_type="application/json")
    _assert_problem(response, 400, "Ongeldige aanvraag")


def test_messages_are_dutch_whatever_the_client_asks(parties, api_for):
    response = api_for(parties.involved).get(SEARCH, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["title"] == "Methode niet toegestaan"


@pytest.mark.urls("ketenzicht.api.tests.urls")
def test_crash_is_500_problem_without_internals(parties, api_for):
    response = api_for(parties.involved).get("/api/v1/proef/crash")
    body = _assert_problem(response, 500, "Interne serverfout")
    assert "simulated" not in response.content.decode()
    assert "instance" in body["detail"]


def test_success_carries_api_version_header(parties, api_for):
    response = api_for(parties.involved).get(f"/api/v1/personen/{parties.child.uuid}")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert response["Content-Type"] == "application/json"

"""Nothing a logged-in user or an API client receives may stay in a browser or proxy cache."""

import pytest


def assert_no_store(response, what: str) -> None:
    assert "no-store" in response["Cache-Control"], what
    assert response["Pragma"] == "no-cache", what


def test_every_page_of_a_logged_in_user_is_no_store(parties, verified_login):
    client = verified_login(parties.involved)
    for url in ("/", "/zoeken/", f"/personen/{parties.child.uuid}/",
                f"/huishoudens/{parties.household.uuid}/", "/bestaat-niet/"):
        assert_no_store(client.get(url), url)
    assert_no_store(client.post("/uitloggen/"), "uitloggen")


def test_anonymous_pages_may_be_cached(client, db):
    assert "no-store" not in client.get("/bestaat-niet/").get("Cache-Control", "")


def test_every_api_answer_is_no_store(parties):
    from rest_framework.test import APIClient

    from ketenzicht.api.tokens import issue_token

    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {issue_token(parties.involved_organisation, 'lvs').key}",
        HTTP_VERANTWOORDELIJKE_PROFESSIONAL="juf",
    )
    assert_no_store(client.get(f"/api/v1/personen/{parties.child.uuid}"), "persoon")
    assert_no_store(client.post("/api/v1/personen/zoeken", {"bsn": "999999990"}, format="json"),
                    "zoeken")
    assert_no_store(client.get("/api/v1/bestaat-niet"), "onbekend")


@pytest.mark.django_db
def test_api_without_token_is_no_store_too(client):
    assert_no_store(client.get("/api/v1/personen/zoeken"), "zonder token")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/schema/", "/api/v1/openapi.json"])
def test_the_api_schema_may_be_cached(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")

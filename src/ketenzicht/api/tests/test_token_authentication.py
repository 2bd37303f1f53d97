"""Deny by default: only an active token of an active organisation gets in; otherwise 401."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from ketenzicht.api.models import ApiToken
from ketenzicht.api.tokens import hash_key

URL = "/api/v1/personen/zoeken"


def _assert_401_problem(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Token")
    body = response.json()
    assert body["status"] == 401
    assert body["title"] == "Niet geauthenticeerd"


def test_request_without_token_is_401_problem(parties):
    response = APIClient().post(URL, {"bsn": "999990019"}, format="json")
    _assert_401_problem(response)


def test_unknown_token_is_401_problem(parties):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token kz.00000000.verzonnen")
    response = client.post(URL, {"bsn": "999990019"}, format="json")
    _assert_401_problem(response)
    assert "onbekend of ingetrokken" in response.json()["detail"]


def test_other_scheme_is_401_problem(parties):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer abc")
    _assert_401_problem(client.post(URL, {"bsn": "999990019"}, format="json"))


def test_revoked_token_is_401_problem(parties, api_for):
    client = api_for(parties.involved)
    ApiToken.objects.update(revoked_at=timezone.now())
    _assert_401_problem(client.post(URL, {"bsn": "999990019"}, format="json"))


def test_token_of_inactive_organisation_is_401_problem(parties, api_for):
    client = api_for(parties.involved)
    parties.involved_organisation.is_active = False
    parties.involved_organisation.save()
    _assert_401_problem(client.post(URL, {"bsn": "999990019"}, format="json"))


def test_createapitoken_prints_a_token_stored_only_as_hash(parties):
    out = StringIO()
    call_command("createapitoken", "kristalla", "--name", "ParnasSys", stdout=out, stderr=StringIO())
    key = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.organisation == parties.involved_organisation
    assert token.name == "ParnasSys"
    assert token.key_hash == hash_key(key)
    assert key not in {token.prefix, token.key_hash}
    assert key.split(".")[1] == token.prefix

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}", HTTP_VERANTWOORDELIJKE_PROFESSIONAL="juf")
    response = client.get(f"/api/v1/personen/{parties.child.uuid}")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_createapitoken_refuses_unknown_organisation(db):
    with pytest.raises(CommandError, match="Onbekende organisatie"):
        call_command("createapitoken", "bestaat-niet", stdout=StringIO(), stderr=StringIO())

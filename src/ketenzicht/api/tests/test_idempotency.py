"""Idempotency-Key on writes: a retry gives the same answer and never does the work twice.

Exercised through a test-only write endpoint (``tests/urls.py``); the real write endpoints
(verwijsindex, signals) use the same ``@idempotent`` decorator.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from ketenzicht.api.models import IdempotencyRecord
from ketenzicht.people.models import Household

pytestmark = pytest.mark.urls("ketenzicht.api.tests.urls")

WRITE = "/api/v1/proef/huishoudens"


def test_idempotency_same_key_same_body_replays(parties, api_for):
    client = api_for(parties.involved)
    first = client.post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    again = client.post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")

    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again["Location"] == first["Location"]
    assert again["Idempotency-Replayed"] == "true"
    assert not first.has_header("Idempotency-Replayed")
    assert Household.objects.filter(name="Jansen").count() == 1


def test_idempotency_same_key_other_body_is_422(parties, api_for):
    client = api_for(parties.involved)
    client.post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    other = client.post(WRITE, {"naam": "Pietersen"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")

    assert other.status_code == 422
    assert other["Content-Type"] == "application/problem+json"
    assert other.json()["code"] == "idempotency-key-hergebruikt"
    assert not Household.objects.filter(name="Pietersen").exists()


def test_idempotency_same_key_other_professional_is_422(parties, api_for):
    from ketenzicht.organisations.tests.factories import ProfessionalFactory

    colleague = ProfessionalFactory(organisation=parties.involved_organisation, user__username="meester")
    api_for(parties.involved).post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    other = api_for(colleague).post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert other.status_code == 422


def test_idempotency_keys_are_per_organisation(parties, api_for):
    body = {"naam": "Jansen"}
    first = api_for(parties.involved).post(WRITE, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    second = api_for(parties.stranger).post(WRITE, body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert first.status_code == second.status_code == 201
    assert first.json()["uuid"] != second.json()["uuid"]


def test_write_without_idempotency_key_is_400(parties, api_for):
    response = api_for(parties.involved).post(WRITE, {"naam": "Jansen"}, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "Idempotency-Key"
    assert not Household.objects.filter(name="Jansen").exists()


def test_failed_write_is_not_remembered(parties, api_for):
    client = api_for(parties.involved)
    failed = client.post(WRITE, {"naam": "Jansen", "mislukt": True}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert failed.status_code == 500
    assert not IdempotencyRecord.objects.exists()


def test_expired_key_may_be_used_again(parties, api_for):
    client = api_for(parties.involved)
    client.post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))
    later = client.post(WRITE, {"naam": "Pietersen"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert later.status_code == 201
    assert not later.has_header("Idempotency-Replayed")


def test_request_is_remembered_only_as_a_keyed_hash(parties, api_for):
    api_for(parties.involved).post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="k")
    record = IdempotencyRecord.objects.get()
    assert "Jansen" not in record.fingerprint
    assert len(record.fingerprint) == 64


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_identical_requests_create_once(parties, api_for):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    clients = [api_for(parties.involved) for _ in range(2)]
    start = threading.Barrier(len(clients))
    responses: list = [None] * len(clients)

    def send(index: int) -> None:
        try:
            start.wait()
            responses[index] = clients[index].post(
                WRITE, {"naam": "Jansen", "wachtSeconden": 0.5}, format="json",
                HTTP_IDEMPOTENCY_KEY="race",
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(r.status_code for r in responses) == [201, 201]
    assert responses[0].json() == responses[1].json()
    assert [r.has_header("Idempotency-Replayed") for r in responses].count(True) == 1
    assert Household.objects.filter(name="Jansen").count() == 1

"""``GET /health/`` tells a load balancer whether the app and its database are up."""

import pytest


@pytest.mark.django_db
def test_health_answers_200_with_database_state(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_health_needs_no_login_and_shows_no_client_data(client):
    body = client.get("/health/").content.decode()
    assert set(client.get("/health/").json()) == {"status", "database", "engine"}
    assert "bsn" not in body.lower()

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
    # No worker ran in this test: the jobs lag, which is named; no shared cache is configured.
    assert set(client.get("/health/").json()) == {"status", "database", "engine", "taken", "achterstand"}
    assert "bsn" not in body.lower()


def test_health_answers_503_json_when_the_database_is_unreachable(client):
    """The view runs outside ATOMIC_REQUESTS, so a dead database is a 503, not the 500 page."""
    from unittest import mock

    from django.db import connection
    from django.db.utils import OperationalError

    unreachable = OperationalError("connection refused")
    with mock.patch.object(connection, "ensure_connection", side_effect=unreachable), \
            mock.patch.object(connection, "cursor", side_effect=unreachable):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "fout", "database": "onbereikbaar",
                               "engine": connection.vendor}

"""A runaway system gets a 429 problem with Retry-After; each token has its own budget."""

from django.conf import settings
from django.test import override_settings


def test_rate_limit_gives_429_problem(parties, api_for):
    url = f"/api/v1/personen/{parties.child.uuid}"
    rest = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"organisation": "2/minute"}}
    with override_settings(REST_FRAMEWORK=rest):
        client = api_for(parties.involved)
        statuses = [client.get(url).status_code for _ in range(2)]
        limited = client.get(url)
        other_system = api_for(parties.involved).get(url)

    assert statuses == [200, 200]
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert int(limited["Retry-After"]) > 0
    assert limited.json()["title"] == "Te veel verzoeken"
    assert "seconde" in limited.json()["detail"]
    assert other_system.status_code == 200

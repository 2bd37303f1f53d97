"""Idle timeout after 30 minutes, absolute timeout after 12 hours of activity."""

from datetime import timedelta

import time_machine
from django.utils import timezone


def test_idle_timeout_after_30_minutes(parties, verified_login):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = verified_login(parties.involved)
        assert client.get("/").status_code == 200
        clock.shift(timedelta(minutes=29))
        assert client.get("/").status_code == 200  # activity renews the idle timer
        clock.shift(timedelta(minutes=31))

        response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_absolute_timeout_after_12_hours(parties, verified_login):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = verified_login(parties.involved)
        elapsed = timedelta(0)
        while elapsed + timedelta(minutes=20) <= timedelta(hours=12):
            clock.shift(timedelta(minutes=20))
            elapsed += timedelta(minutes=20)
            assert client.get("/").status_code == 200, elapsed

        clock.shift(timedelta(minutes=20))
        response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?verlopen=1"
    assert client.get("/").status_code == 302  # logged out, not just redirected once

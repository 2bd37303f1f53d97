"""Shared by the signals API tests: the Emmen demo (``emmen`` from the signals tests) and a client
per demo account.

Import the fixtures with ``# noqa: F401``; ``api`` is registered under its ``name`` so a test's
``api`` argument does not shadow an import.
"""

import uuid

import pytest

from ketenzicht.signals.tests.conftest import emmen, professional  # noqa: F401 (fixture)

ADVICE = "/api/v1/routeringsadvies"
SIGNALS = "/api/v1/signalen"
#: Saturday 28 November 2026, 03:00 in Emmen: outside office hours.
SATURDAY_NIGHT = "2026-11-28T03:00:00+01:00"
#: Wednesday 25 November 2026, 10:00: office hours (the signals tests' ``OFFICE_HOURS``).
WEDNESDAY_MORNING = "2026-11-25T10:00:00+01:00"


@pytest.fixture(name="api")
def api_fixture(api_for):
    """``api("leerkracht")``: a client of that professional's organisation, naming them."""
    return lambda username: api_for(professional(username))


def advice(bsn: str, *categories: str, urgentie: str = "regulier",
           tijdstip: str = WEDNESDAY_MORNING) -> dict:
    return {"bsn": bsn, "categorieen": list(categories or ("emotionele-verwaarlozing",)),
            "urgentie": urgentie, "tijdstip": tijdstip}


def signal_body(bsn: str, *categories: str, **overrides) -> dict:
    body = {**advice(bsn, *categories), "waarneming": "Daan komt al een week zonder jas en "
            "zonder ontbijt op school."}
    del body["tijdstip"]
    return {**body, **overrides}


def post_signal(client, body: dict, key: str | None = None):
    return client.post(SIGNALS, body, format="json", HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4()))

"""Every answer names its request in ``X-Request-ID``; the audit events of the request carry that id.

So an operator holding the id from the browser or an API partner's log, or from the request line
the load balancer's id leads to (``upstream_request_id``), finds the audit events of that one request.
"""

import re

import pytest
from django.test import override_settings

from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.audit.services import SYSTEM, Subject, record

from .captured_log import CapturedLog
from .request_support import api_client, failed_login

FRESH_ID = re.compile(r"[0-9a-f]{32}")


@override_settings(WHITENOISE_USE_FINDERS=True)  # WhiteNoise serves the apps' static files
def test_every_answer_carries_a_fresh_request_id(client, parties):
    answers = {
        "page": client.get("/inloggen/"),
        "static file": client.get("/static/web/ketenzicht.css"),
        "not found": client.get("/bestaat-niet/"),
        "api": api_client(parties.involved)[0].get(f"/api/v1/personen/{parties.child.uuid}"),
        "api without token": client.get(f"/api/v1/personen/{parties.child.uuid}"),
        "health": client.get("/health/"),
    }

    assert {name: answer.status_code for name, answer in answers.items()} == {
        "page": 200, "static file": 200, "not found": 404, "api": 200, "api without token": 401,
        "health": 200,
    }
    assert answers["static file"].headers["Content-Type"].startswith("text/css")
    ids = [answer["X-Request-ID"] for answer in answers.values()]
    assert all(FRESH_ID.fullmatch(request_id) for request_id in ids), ids
    assert len(set(ids)) == len(ids)


def test_the_audit_events_of_an_api_request_carry_its_id(parties):
    answer = api_client(parties.involved)[0].get(f"/api/v1/huishoudens/{parties.household.uuid}")

    assert answer.status_code == 200
    events = list(AuditEvent.objects.values_list("request_id", flat=True))
    # A household read is one event per member: both carry the one request's id.
    assert events == [answer["X-Request-ID"]] * 2


def test_the_audit_event_of_a_failed_login_carries_the_request_id(client, parties):
    answer = failed_login(client)

    event = AuditEvent.objects.get()
    assert (event.event_type, event.outcome) == (EventType.LOGIN, Outcome.FAILURE)
    assert event.request_id == answer["X-Request-ID"]


def test_djangos_line_about_a_refused_request_carries_its_id(client, parties):
    # Django writes it after the middleware is done: the id must come with the request.
    with CapturedLog() as log:
        answer = client.get(f"/api/v1/personen/{parties.child.uuid}")

    assert answer.status_code == 401
    (line,) = [line for line in log.lines() if line["logger"] == "django.request"]
    assert line["message"] == "Unauthorized: /api/v1/personen/<uuid:uuid>"
    assert line["request_id"] == answer["X-Request-ID"]


@pytest.mark.django_db
def test_events_outside_a_request_have_no_request_id():
    assert record(SYSTEM, EventType.READ, Subject()).request_id == ""

"""Each request leaves exactly one line on ``ketenzicht.request``: what was asked, how it ended, by whom.

Web: the username and the organisation of the professional. API: the organisation and token of
the system, and the professional it names (claimed: logged also when the API refuses the name).
What was asked is the route, never a child's UUID (``test_the_log_names_the_route_never_the_child``).
"""

import pytest
from django.test import override_settings

from .captured_log import CapturedLog
from .request_support import api_client


def test_a_page_of_a_logged_in_professional(parties, verified_login):
    client = verified_login(parties.involved)

    with CapturedLog() as log:
        answer = client.get("/")

    line = log.request_line()
    assert answer.status_code == 200
    assert line["duration_ms"] >= 0
    assert line["time"].endswith("Z")
    assert {name: value for name, value in line.items() if name not in ("time", "duration_ms")} == {
        "level": "INFO",
        "logger": "ketenzicht.request",
        "message": f"GET / 200 in {line['duration_ms']} ms",
        "request_id": answer["X-Request-ID"],
        "upstream_request_id": "",
        "method": "GET",
        "path": "/",
        "status": 200,
        "organisation": "kristalla",
        "user": "juf",
        "token": "",
    }


def test_an_api_call_names_the_system_and_the_professional_it_claims(parties):
    client, prefix = api_client(parties.involved)

    with CapturedLog() as log:
        answer = client.get(f"/api/v1/personen/{parties.child.uuid}")

    line = log.request_line()
    assert answer.status_code == 200
    assert (line["request_id"], line["method"], line["path"], line["status"]) == (
        answer["X-Request-ID"], "GET", "/api/v1/personen/<uuid:uuid>", 200)
    assert (line["organisation"], line["token"], line["user"]) == ("kristalla", prefix, "juf")


def test_a_refused_claim_is_logged_as_claimed(parties):
    client, prefix = api_client(parties.involved, claimed="iemand-anders")

    with CapturedLog() as log:
        answer = client.get(f"/api/v1/personen/{parties.child.uuid}")

    line = log.request_line()
    assert answer.status_code == 403
    assert (line["status"], line["organisation"], line["token"], line["user"]) == (
        403, "kristalla", prefix, "iemand-anders")


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_a_static_file_answered_by_whitenoise_is_logged_too(client, db):
    with CapturedLog() as log:
        answer = client.get("/static/web/ketenzicht.css")

    line = log.request_line()
    assert answer.status_code == 200
    assert (line["path"], line["status"], line["user"], line["organisation"]) == (
        "/static/web/ketenzicht.css", 200, "", "")
    assert line["request_id"] == answer["X-Request-ID"]


@pytest.mark.parametrize("path", ["/inloggen/?volgende=/zoeken/%3Fq%3Dgeheime-zoekterm",
                                  "/bestaat-niet/?q=geheime-zoekterm"])
def test_the_query_string_is_never_logged(client, db, path):
    with CapturedLog() as log:
        answer = client.get(path)

    assert answer.status_code in (200, 404)
    assert "geheime-zoekterm" not in log.text
    assert log.request_line()["path"] == path.split("?")[0]

"""The request line names the route asked for, never the child: no person's or household's UUID.

Every page about a child or household has its UUID in the path. Logged as it is, the log store
would hold "professional X opened child Y" beside the audit trail, without its controls (who may
read it, how long it is kept, the hash chain). So the request line (and Django's own line about
an error answer) gives the route pattern, e.g. ``/personen/<uuid:person_uuid>/``; a path that
matched no route, or got a 404, has its UUID-like segments replaced by ``<uuid>``. Likewise a
64-hex-digit string (the keyed hash of a BSN, as in PostgreSQL's ``DETAIL: Key (bsn_hash)=(…)``)
is redacted from every part of a line.
"""

import logging
import uuid

import pytest

from .captured_log import CapturedLog
from .request_support import api_client

logger = logging.getLogger("ketenzicht.proef")
BSN_HASH = "9f2c41ab" * 8


def test_a_person_page_is_logged_by_its_route(parties, verified_login):
    client = verified_login(parties.involved)

    with CapturedLog() as log:
        answer = client.get(f"/personen/{parties.child.uuid}/")

    assert answer.status_code == 200
    line = log.request_line()
    assert line["path"] == "/personen/<uuid:person_uuid>/"
    assert line["message"].startswith("GET /personen/<uuid:person_uuid>/ 200 ")
    assert str(parties.child.uuid) not in log.text


def test_an_api_read_is_logged_by_its_route(parties):
    client, _ = api_client(parties.involved)

    with CapturedLog() as log:
        answer = client.get(f"/api/v1/huishoudens/{parties.household.uuid}")

    assert answer.status_code == 200
    assert log.request_line()["path"] == "/api/v1/huishoudens/<uuid:uuid>"
    assert str(parties.household.uuid) not in log.text


def test_a_refused_page_names_no_child_in_any_line(parties, verified_login):
    client = verified_login(parties.stranger)

    with CapturedLog() as log:
        answer = client.get(f"/personen/{parties.child.uuid}/")

    assert answer.status_code == 404
    assert log.request_line()["path"] == "/personen/<uuid>/"
    assert str(parties.child.uuid) not in log.text
    assert {line["logger"] for line in log.lines()} >= {"django.request"}


@pytest.mark.parametrize(("asked", "logged"), [
    ("/bestaat-niet/{uuid}/", "/bestaat-niet/<uuid>/"),
    ("/api/v1/onbekend/{uuid}", "/api/v1/onbekend/<uuid>"),
    ("/bestaat-niet/{hex}/x", "/bestaat-niet/<uuid>/x"),
])
def test_an_unknown_path_has_its_uuids_replaced(client, db, asked, logged):
    some_uuid = uuid.uuid4()

    with CapturedLog() as log:
        answer = client.get(asked.format(uuid=some_uuid, hex=some_uuid.hex))

    assert answer.status_code == 404
    assert log.request_line()["path"] == logged
    assert str(some_uuid) not in log.text and some_uuid.hex not in log.text


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_a_bsn_hash_in_exception_text_is_redacted(log_format):
    with CapturedLog(log_format) as log:
        try:
            raise RuntimeError('duplicate key value violates unique constraint "people_person_bsn_hash_key"\n'
                               f"DETAIL:  Key (bsn_hash)=({BSN_HASH}) already exists.")
        except RuntimeError:
            logger.exception("Opslaan mislukt voor %s", BSN_HASH)

    assert BSN_HASH not in log.text
    assert "Key (bsn_hash)=([HASH]) already exists." in log.text
    assert "Opslaan mislukt voor [HASH]" in log.text

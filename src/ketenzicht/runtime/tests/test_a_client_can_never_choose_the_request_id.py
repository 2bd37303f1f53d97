"""Ketenzicht always makes the request id itself; an incoming ``X-Request-ID`` is only logged beside it.

The id goes into the answer, every log line of the request and its audit events, which are kept
for years in a hash chain. An id taken from a request would let any client (a failed login is
audited, so also an anonymous one) write text of its choosing into that chain, or give its
requests another request's id to muddle an investigation. The load balancer's id is logged on
the request line only, as ``upstream_request_id``: believed only behind trusted proxies, only
when well-formed, and redacted like every other field.
"""

import re

import pytest

from ketenzicht.audit.models import AuditEvent

from .captured_log import CapturedLog
from .request_support import failed_login

OWN_ID = re.compile(r"[0-9a-f]{32}")
LOAD_BALANCER_ID = "0af7651916cd43dd8448eb211c80319c"


def login_with_incoming_id(client, incoming: str) -> tuple[dict, str, CapturedLog]:
    """A failed login sending ``incoming``: its request line, its answer's id and the log."""
    with CapturedLog() as log:
        answer = failed_login(client, HTTP_X_REQUEST_ID=incoming)
    (line,) = log.request_lines()
    return line, answer["X-Request-ID"], log


@pytest.mark.parametrize("incoming", [
    LOAD_BALANCER_ID,
    "6d4a2b8e-3f1c-4e5a-9b7d-1c2e3f4a5b6c",
    "Root-1-6a5b4c3d-abcdef012345678912345678",
    "lb01:req.42_a",
])
def test_behind_trusted_proxies_the_load_balancers_id_is_logged_beside_our_own(client, parties, settings,
                                                                               incoming):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 1

    line, request_id, _ = login_with_incoming_id(client, incoming)

    assert OWN_ID.fullmatch(request_id) and request_id != incoming
    assert AuditEvent.objects.get().request_id == request_id
    assert (line["request_id"], line["upstream_request_id"]) == (request_id, incoming)


def test_without_trusted_proxies_an_incoming_id_is_not_even_logged(client, parties, settings):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 0

    line, request_id, log = login_with_incoming_id(client, LOAD_BALANCER_ID)

    assert OWN_ID.fullmatch(request_id)
    assert AuditEvent.objects.get().request_id == request_id
    assert line["upstream_request_id"] == ""
    assert LOAD_BALANCER_ID not in log.text


@pytest.mark.parametrize("incoming", [
    "a" * 65,
    "id met spaties",
    "<script>alert(1)</script>",
    "id;drop",
    "lb01\nnep-regel",
])
def test_a_malformed_incoming_id_is_not_logged(client, parties, settings, incoming):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 1

    line, request_id, _ = login_with_incoming_id(client, incoming)

    assert OWN_ID.fullmatch(request_id)
    assert line["upstream_request_id"] == ""


@pytest.mark.parametrize(("incoming", "logged"), [
    ("111222333", "[BSN]"),
    ("x111222333", "x[BSN]"),
    ("id_111222333", "id_[BSN]"),
    ("1112.22.333", "[BSN]"),
    ("111-22-2333", "[BSN]"),
])
def test_a_bsn_in_an_incoming_id_never_reaches_the_audit_trail_nor_the_log(client, parties, settings,
                                                                           incoming, logged):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 1

    line, request_id, log = login_with_incoming_id(client, incoming)

    assert AuditEvent.objects.get().request_id == request_id
    assert OWN_ID.fullmatch(request_id)
    assert line["upstream_request_id"] == logged
    assert incoming not in log.text


def test_two_requests_sending_one_id_get_ids_of_their_own(client, parties, settings):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 1

    first = login_with_incoming_id(client, LOAD_BALANCER_ID)[1]
    second = login_with_incoming_id(client, LOAD_BALANCER_ID)[1]

    assert first != second
    assert sorted(AuditEvent.objects.values_list("request_id", flat=True)) == sorted([first, second])

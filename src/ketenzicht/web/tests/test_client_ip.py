"""The client's address behind trusted proxies: for the audit trail, the API and the lockout."""

import pytest
from django.conf import settings
from django.test import RequestFactory

from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.audit.network import client_ip
from ketenzicht.conftest import totp_code
from ketenzicht.organisations.tests.factories import ProfessionalFactory, TOTPDeviceFactory

PASSWORD = "correct-paard-batterij-niet"


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("198.51.100.4", "203.0.113.9")) == "198.51.100.4"


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (1, "203.0.113.9", "203.0.113.9"),
    # Whatever the client put in front itself is not believed.
    (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
    (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    (1, "6.6.6.6,2001:db8::7", "2001:db8::7"),
])
def test_the_entry_written_by_the_outermost_trusted_proxy(settings, count, forwarded, expected):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from("10.0.0.1", forwarded)) == expected


@pytest.mark.parametrize(("count", "forwarded"), [
    (1, None),  # reached us without the proxy
    (1, ""),
    (2, "203.0.113.9"),  # fewer entries than trusted proxies
    (1, "6.6.6.6, niet-een-adres"),
])
def test_unusable_header_falls_back_to_the_peer(settings, count, forwarded):
    settings.KETENZICHT_TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from("10.0.0.1", forwarded)) == "10.0.0.1"


def test_no_request_no_address():
    assert client_ip(None) == ""


def test_axes_uses_the_same_address_and_locks_per_account():
    assert settings.AXES_CLIENT_IP_CALLABLE == "ketenzicht.audit.network.client_ip"
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username"]
    assert "axes.W006" in settings.SILENCED_SYSTEM_CHECKS


def test_login_behind_proxy_audits_and_counts_the_client_address(client, settings, db):
    from axes.models import AccessAttempt

    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 1
    professional = ProfessionalFactory(user__username="anja")
    device = TOTPDeviceFactory(user=professional.user)
    behind_proxy = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"}

    client.post("/inloggen/", {"username": "anja", "password": "fout", "otp_token": "123456"},
                **behind_proxy)
    assert AccessAttempt.objects.get(username="anja").ip_address == "203.0.113.9"
    client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                               "otp_token": totp_code(device)}, **behind_proxy)

    failed, logged_in = AuditEvent.objects.filter(event_type=EventType.LOGIN).order_by("id")
    assert (failed.outcome, failed.access_point) == (Outcome.FAILURE, "203.0.113.9")
    assert (logged_in.outcome, logged_in.access_point) == (Outcome.SUCCESS, "203.0.113.9")


def test_one_office_behind_one_address_is_not_locked_out_by_one_account(client, db):
    """Per-account lockout: a colleague behind the same NAT address still gets in."""
    guessed = ProfessionalFactory(user__username="doelwit")
    colleague = ProfessionalFactory(user__username="collega")
    device = TOTPDeviceFactory(user=colleague.user)
    TOTPDeviceFactory(user=guessed.user)
    office = {"REMOTE_ADDR": "192.0.2.10"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/inloggen/", {"username": "doelwit", "password": "fout",
                                   "otp_token": "123456"}, **office)

    locked = client.post("/inloggen/", {"username": "doelwit", "password": PASSWORD,
                                        "otp_token": "123456"}, **office)
    colleague_in = client.post("/inloggen/", {"username": "collega", "password": PASSWORD,
                                              "otp_token": totp_code(device)}, **office)

    assert locked.status_code in (403, 429)
    assert colleague_in.status_code == 302

"""Login needs password and authenticator code; failures of either count towards the lockout."""

import pytest
from django.conf import settings

from ketenzicht.audit.models import AuditEvent, EventType
from ketenzicht.conftest import totp_code
from ketenzicht.organisations.tests.factories import ProfessionalFactory, TOTPDeviceFactory

PASSWORD = "correct-paard-batterij-niet"


@pytest.fixture
def professional(db):
    return ProfessionalFactory(user__username="anja", user__first_name="Anja",
                               user__last_name="Bos")


def wrong_code(device) -> str:
    return f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"


def test_login_requires_totp_code(client, professional):
    device = TOTPDeviceFactory(user=professional.user)

    without_code = client.post("/inloggen/", {"username": "anja", "password": PASSWORD})
    assert without_code.status_code == 200
    assert "Vul de code uit uw authenticator-app in." in without_code.content.decode()
    assert client.get("/").status_code == 302  # still not logged in

    with_code = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                           "otp_token": totp_code(device)})
    assert with_code.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(event_type=EventType.LOGIN, user_name="Anja Bos").exists()


def test_password_only_session_reaches_nothing(client, professional):
    """A session logged in without the second factor (e.g. a forged one) is sent to login."""
    client.force_login(professional.user)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_account_without_totp_device_cannot_log_in(client, professional):
    response = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                          "otp_token": "123456"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "nog geen tweestapsverificatie" in page
    assert "functioneel beheerder" in page
    assert client.get("/").status_code == 302


def test_wrong_totp_counts_towards_lockout(client, professional):
    from axes.models import AccessAttempt

    device = TOTPDeviceFactory(user=professional.user)
    response = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                          "otp_token": wrong_code(device)})

    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    attempt = AccessAttempt.objects.get(username="anja")
    assert attempt.failures_since_start == 1


def test_lockout_after_repeated_failures(client, professional):
    device = TOTPDeviceFactory(user=professional.user)
    limit = settings.AXES_FAILURE_LIMIT
    responses = []
    for attempt in range(limit):
        data = {"username": "anja", "otp_token": wrong_code(device),
                "password": PASSWORD if attempt % 2 else "fout-wachtwoord"}
        responses.append(client.post("/inloggen/", data))

    assert all(r.status_code == 200 for r in responses[:-1])
    locked = responses[-1]
    assert locked.status_code in (403, 429)
    assert "Account tijdelijk geblokkeerd" in locked.content.decode()
    assert 'lang="nl"' in locked.content.decode()

    # Even the right password and code do not get in while the lockout lasts.
    right = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                       "otp_token": totp_code(device)})
    assert right.status_code in (403, 429)
    assert client.get("/").status_code == 302


def test_logout_is_a_post_and_audited(parties, verified_login):
    client = verified_login(parties.involved)
    assert client.get("/uitloggen/").status_code == 405
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(event_type=EventType.LOGOUT).count() == 1
    assert client.get("/").status_code == 302

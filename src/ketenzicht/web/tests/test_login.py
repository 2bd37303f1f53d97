"""Login needs password and authenticator code; failures of either count towards the lockout."""

import json

import pytest
from django.conf import settings
from django.forms.models import model_to_dict

from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.conftest import totp_code
from ketenzicht.organisations.tests.factories import (
    ProfessionalFactory,
    TOTPDeviceFactory,
    UserFactory,
)
from ketenzicht.web.forms import INVALID_LOGIN

from .conftest import without_csrf

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


def _failures(username: str) -> int:
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.filter(username=username).first()
    return attempt.failures_since_start if attempt else 0


def _login_failures() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=EventType.LOGIN, outcome=Outcome.FAILURE)
                .order_by("id"))


def test_account_without_totp_device_fails_like_a_wrong_password(client, professional):
    """A helpful "no authenticator yet" would confirm to a guesser that the password is right."""
    right_password = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                                "otp_token": "123456"})
    wrong_password = client.post("/inloggen/", {"username": "anja", "password": "fout-wachtwoord",
                                                "otp_token": "123456"})

    assert right_password.status_code == wrong_password.status_code == 200
    assert without_csrf(right_password.content) == without_csrf(wrong_password.content)
    assert str(INVALID_LOGIN) in right_password.content.decode()
    assert "tweestapsverificatie" not in right_password.content.decode()
    assert client.get("/").status_code == 302
    assert _failures("anja") == 2
    assert [e.detail["reden"] for e in _login_failures()] == ["geen-tweede-factor", "wachtwoord"]


def test_account_without_professional_fails_like_a_wrong_password(client, db):
    user = UserFactory(username="los-account")
    TOTPDeviceFactory(user=user)

    response = client.post("/inloggen/", {"username": "los-account", "password": PASSWORD,
                                          "otp_token": "123456"})

    assert str(INVALID_LOGIN) in response.content.decode()
    assert "organisatie en rol" not in response.content.decode()
    assert client.get("/").status_code == 302
    assert _failures("los-account") == 1
    (event,) = _login_failures()
    assert event.user_id == "los-account" and event.detail["reden"] == "geen-organisatie-of-rol"


def test_professional_of_inactive_organisation_cannot_log_in(client, professional):
    device = TOTPDeviceFactory(user=professional.user)
    professional.organisation.is_active = False
    professional.organisation.save()

    response = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                          "otp_token": totp_code(device)})

    assert response.status_code == 200
    assert str(INVALID_LOGIN) in response.content.decode()
    assert client.get("/").status_code == 302
    assert _failures("anja") == 1
    assert not AuditEvent.objects.filter(event_type=EventType.LOGIN,
                                         outcome=Outcome.SUCCESS).exists()


def test_failed_login_is_audited_with_username_only_for_an_existing_account(client, professional):
    """Someone typing a BSN into the username field must not leave it in the trail."""
    client.post("/inloggen/", {"username": "anja", "password": "fout-wachtwoord",
                               "otp_token": "123456"}, REMOTE_ADDR="192.0.2.7")
    client.post("/inloggen/", {"username": "999990019", "password": "fout-wachtwoord",
                               "otp_token": "123456"}, REMOTE_ADDR="192.0.2.8")

    known, unknown = _login_failures()
    assert (known.user_id, known.user_name, known.access_point) == ("anja", "Anja Bos", "192.0.2.7")
    assert known.organisation == professional.organisation.slug
    assert (unknown.user_id, unknown.user_name, unknown.access_point) == ("", "", "192.0.2.8")
    for event in (known, unknown):
        assert "999990019" not in json.dumps(model_to_dict(event), default=str)


def test_incomplete_form_is_no_login_attempt(client, professional):
    client.post("/inloggen/", {"username": "anja", "password": PASSWORD})
    assert _failures("anja") == 0
    assert _login_failures() == []


def test_wrong_totp_counts_towards_lockout(client, professional):
    from axes.models import AccessAttempt

    device = TOTPDeviceFactory(user=professional.user)
    response = client.post("/inloggen/", {"username": "anja", "password": PASSWORD,
                                          "otp_token": wrong_code(device)})

    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    attempt = AccessAttempt.objects.get(username="anja")
    assert attempt.failures_since_start == 1
    assert [e.detail["reden"] for e in _login_failures()] == ["code"]


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
    assert _login_failures()[-1].detail["reden"] == "geblokkeerd"
    assert not AuditEvent.objects.filter(event_type=EventType.LOGIN,
                                         outcome=Outcome.SUCCESS).exists()


def test_logout_is_a_post_and_audited(parties, verified_login):
    client = verified_login(parties.involved)
    assert client.get("/uitloggen/").status_code == 405
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(event_type=EventType.LOGOUT).count() == 1
    assert client.get("/").status_code == 302

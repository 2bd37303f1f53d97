"""Every request touching client data names a professional of the token's organisation."""

import pytest

from ketenzicht.organisations.tests.factories import ProfessionalFactory

WRITE = "/api/v1/proef/huishoudens"


@pytest.mark.urls("ketenzicht.api.tests.urls")
def test_write_requires_responsible_professional(parties, api_for):
    client = api_for(parties.involved, name_professional=False)
    response = client.post(WRITE, {"naam": "Jansen"}, format="json", HTTP_IDEMPOTENCY_KEY="k1")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "Verantwoordelijke-Professional"


def test_read_requires_responsible_professional(parties, api_for):
    client = api_for(parties.involved, name_professional=False)
    response = client.get(f"/api/v1/personen/{parties.child.uuid}")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "Verantwoordelijke-Professional"


def test_unknown_professional_is_403(parties, api_for):
    response = api_for(parties.involved, username="niemand").get(f"/api/v1/personen/{parties.child.uuid}")
    assert response.status_code == 403
    assert response.json()["title"] == "Geen toegang"


def test_professional_of_another_organisation_is_403_like_unknown(parties, api_for):
    # Domesta's system names Kristalla's "juf", who has a basis: still refused.
    other = api_for(parties.stranger, username="juf").get(f"/api/v1/personen/{parties.child.uuid}")
    unknown = api_for(parties.stranger, username="niemand").get(f"/api/v1/personen/{parties.child.uuid}")
    assert other.status_code == unknown.status_code == 403
    assert other.json()["detail"] == unknown.json()["detail"]


def test_inactive_professional_is_403(parties, api_for):
    colleague = ProfessionalFactory(organisation=parties.involved_organisation, user__username="oud")
    colleague.user.is_active = False
    colleague.user.save()
    response = api_for(colleague).get(f"/api/v1/personen/{parties.child.uuid}")
    assert response.status_code == 403


def test_professional_of_inactive_organisation_is_403_like_unknown(parties):
    """Tested on the rule itself: the token of an inactive organisation is already a 401."""
    from types import SimpleNamespace

    from rest_framework.exceptions import PermissionDenied

    from ketenzicht.api.responsible import PROFESSIONAL_HEADER, responsible_professional
    from ketenzicht.api.tokens import issue_token

    token = issue_token(parties.involved_organisation, "leerlingadministratie").token
    request = SimpleNamespace(auth=token, headers={PROFESSIONAL_HEADER: "juf"})
    assert responsible_professional(request) == parties.involved

    parties.involved_organisation.is_active = False
    parties.involved_organisation.save()
    unknown = SimpleNamespace(auth=token, headers={PROFESSIONAL_HEADER: "niemand"})
    with pytest.raises(PermissionDenied) as inactive:
        responsible_professional(request)
    with pytest.raises(PermissionDenied) as missing:
        responsible_professional(unknown)
    assert str(inactive.value.detail) == str(missing.value.detail)


def test_api_access_point_names_the_client_behind_trusted_proxies(parties, api_for, settings):
    from ketenzicht.api.models import ApiToken
    from ketenzicht.audit.models import AuditEvent

    settings.KETENZICHT_TRUSTED_PROXY_COUNT = 1
    client = api_for(parties.involved)
    response = client.get(f"/api/v1/personen/{parties.child.uuid}", REMOTE_ADDR="10.0.0.1",
                          HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")

    assert response.status_code == 200
    token = ApiToken.objects.get(organisation=parties.involved_organisation)
    event = AuditEvent.objects.get(event_type="read", object_type="persoon")
    assert event.access_point == f"api:{token.prefix}@203.0.113.9"
